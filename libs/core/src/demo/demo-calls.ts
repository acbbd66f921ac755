import { createHash } from 'node:crypto';
import { admitInRankOrder, callEligibility, offerReachLevel, rankApplicants, ServiceCategory, type AtecoSection, type CoverageMatch } from '@vec/matching';
import { EntityManager, In } from 'typeorm';
import type { PastAuditRecord } from '../audit/audit.service';
import { UserRole } from '../auth/user-role';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { validateEnvironment } from '../config/validate-environment';
import { SERVICE_CATEGORY_LABELS } from '../messages';
import { HelpRequestEntity } from '../help-request/help-request.entity';
import { HelpRequestStatus } from '../help-request/help-request.types';
import { SYSTEM_REASON } from '../match/match-reasons';
import { moveMatch, openMatch } from '../match/match-rules';
import { MatchTransitionEntity } from '../match/match-transition.entity';
import { MatchEntity } from '../match/match.entity';
import { LIVE_STATES, MatchOrigin, MatchState } from '../match/match.types';
import { toEngineOffer } from '../matching/engine-input.mapper';
import { NotificationService } from '../notification/notification.service';
import { OfferEntity } from '../offer/offer.entity';
import { OfferStatus } from '../offer/offer.types';
import { CallApplicationEntity } from '../selection-call/call-application.entity';
import { callOfferProblem, freePlaces } from '../selection-call/call-offers';
import { engineCriteria, engineRules, engineTieBreak, rankingApplicant } from '../selection-call/call-ranking';
import { reserveReasonOf, SHOP_LIMIT } from '../selection-call/reserve-reasons';
import { SelectionCallOfferEntity } from '../selection-call/selection-call-offer.entity';
import { SelectionCallEntity } from '../selection-call/selection-call.entity';
import { CallApplicationStatus, CallReserveReason, SelectionCallStatus, TieBreakRule, type CallStatement } from '../selection-call/selection-call.types';
import type { ShopEntity } from '../shop/shop.entity';
import { addDays, DAY_MS } from '../common/time';
import { demoId, type DemoJournal, type DemoWorld } from './demo-history';
import type { SeededRandom } from './seeded-random';

export interface DemoCalls {
  open: { places: number; applications: number };
  closed: { places: number; applications: number; admitted: number; reserve: number };
}

const MINISTRY = { userId: demoId(2), role: UserRole.MINISTRY };
const DECLARATIONS: CallStatement[] = [
  { code: 'de-minimis', text: 'L’impresa non ha superato il massimale degli aiuti «de minimis» degli ultimi tre esercizi' },
  { code: 'sede-operativa', text: 'L’impresa ha una sede operativa attiva in Italia ed è in regola con i contributi' },
];
const FIRST_TIME: CallStatement = { code: 'prima-volta', text: 'È la prima volta che l’impresa vende o prende ordini online?' };
const ELIGIBILITY = { sections: ['C', 'G', 'I', 'T'], divisions: [], minEmployees: null, maxEmployees: 15, regionCodes: [], provinceCodes: [], comuneCodes: [] };

/**
 * Two selection calls (bandi) of the ministry, on offers of approved providers that have free
 * places: one open to applications (published four days ago, closing in two weeks, shops already
 * applied but not the demo shop, so that it can), and one closed eleven days ago, with its
 * graduatoria. The closed one is ranked and admitted as the closing does, by the same engine
 * functions (ranking, admission in rank order, reserve reasons): its admitted shops, the demo shop
 * among them, hold a place (a CALL match, accepted by the provider and some already active) on the
 * call's offers, the others wait in reserve. Rows written straight to the tables, as the rest of
 * the demo; the draw seed is fixed, so the demo is the same at every start.
 */
export async function seedDemoCalls(
  manager: EntityManager,
  world: DemoWorld,
  history: DemoJournal,
  random: SeededRandom,
  now: Date,
): Promise<{ calls: DemoCalls; journal: DemoJournal; audit: PastAuditRecord[] }> {
  // The platform's own settings, as the closing reads them.
  const { MATCH_RESPONSE_DAYS: responseDays, MAX_LIVE_MATCHES_PER_SHOP: maxLive } = validateEnvironment(process.env);
  const comune = new Map(world.comuni.map((c) => [c.code, c]));
  const demoShop = world.shops[0];
  const placeOf = (shop: ShopEntity) => {
    const c = comune.get(shop.comuneCode);
    if (!c) throw new Error(`demo shop ${shop.id} in no known comune`);
    return { comuneCode: c.code, provinceCode: c.provinceCode, regionCode: c.regionCode, latitude: shop.latitude, longitude: shop.longitude };
  };
  const reach = (offer: OfferEntity, shop: ShopEntity): CoverageMatch | null =>
    offerReachLevel(toEngineOffer(offer))({ location: placeOf(shop), sector: { section: shop.atecoSection as AtecoSection, division: shop.atecoDivision } });
  // The offers as they are now, after the history took its places (the trigger keeps `used`).
  const offers = await manager.getRepository(OfferEntity).find({
    where: { status: OfferStatus.PUBLISHED, id: In(world.offers.map((o) => o.id)) },
    relations: { coverage: true, provider: true },
    order: { id: 'ASC' },
  });
  const askedBy = (shop: ShopEntity): Set<ServiceCategory> => new Set(world.requests.filter((r) => r.shopId === shop.id).map((r) => r.category));
  // Offers a call closing on `closesAt` may give places on (as `publish` checks them), reaching the demo shop: those reaching most shops, then most free places, first.
  const reached = new Map(offers.map((o) => [o.id, world.shops.filter((s) => reach(o, s)).length]));
  const fitting = (category: ServiceCategory, closesAt: Date, taken: readonly string[]): OfferEntity[] =>
    offers
      .filter((o) => o.categories.includes(category) && !taken.includes(o.id) && o.capacity - o.used >= 5)
      .filter((o) => callOfferProblem({ ...o, providerStatus: o.provider?.verificationStatus }, closesAt, 'publish') === null && reach(o, demoShop))
      .sort((a, b) => (reached.get(b.id) ?? 0) - (reached.get(a.id) ?? 0) || b.capacity - b.used - (a.capacity - a.used) || a.id.localeCompare(b.id))
      .slice(0, 2);
  // The category whose fitting offers reach the most shops (the first in the closed list's order on a tie).
  const widest = (fitting: (category: ServiceCategory) => OfferEntity[]): ServiceCategory => {
    const width = (category: ServiceCategory): number => fitting(category).reduce((sum, o) => sum + (reached.get(o.id) ?? 0), 0);
    const [best] = Object.values(ServiceCategory).sort((a, b) => width(b) - width(a));
    if (!width(best)) throw new Error('the demo has no offers with free places for a selection call');
    return best;
  };

  // The closed call gives a kind of service the demo shop has not asked for: its place opens a request of its own, as the closing does.
  const closedAt = new Date(addDays(now, -11).getTime() + 60_000);
  const closedCategory = widest((c) => (askedBy(demoShop).has(c) ? [] : fitting(c, addDays(now, 30), [])));
  const closedOffers = fitting(closedCategory, addDays(now, 30), []);
  // The open call gives a kind of service the demo shop holds no live place of, so that applying can win it one.
  const holding = new Set(history.matches.filter((m) => m.shopId === demoShop.id && LIVE_STATES.includes(m.state)).map((m) => m.category));
  const openCategory = widest((c) => (c === closedCategory || holding.has(c) ? [] : fitting(c, addDays(now, 14), closedOffers.map((o) => o.id))));
  const openOffers = fitting(openCategory, addDays(now, 14), closedOffers.map((o) => o.id));

  const closed = call(1, {
    title: 'Botteghe in rete 2026',
    description: `Un servizio gratuito di ${SERVICE_CATEGORY_LABELS[closedCategory].it.toLowerCase()} per le botteghe e gli esercizi di vicinato che muovono i primi passi online, con priorità alle imprese più piccole.`,
    places: Math.min(10, freePlaces(closedOffers)),
    createdAt: addDays(now, -33),
    opensAt: addDays(now, -32),
    closesAt: addDays(now, -11),
    questions: [FIRST_TIME],
    scoring: [
      { kind: 'ANSWER_YES', weight: 50, questionCode: FIRST_TIME.code },
      { kind: 'FEWER_EMPLOYEES', weight: 30, employeesCap: 10 },
      { kind: 'PRIORITY_PROVINCES', weight: 20, provinceCodes: [placeOf(demoShop).provinceCode], provinceNames: [] },
    ],
    tieBreak: [TieBreakRule.EARLIER_APPLICATION, TieBreakRule.FEWER_EMPLOYEES],
  });
  const open = call(2, {
    title: 'Vicini digitali – seconda edizione',
    description: `Posti gratuiti di ${SERVICE_CATEGORY_LABELS[openCategory].it.toLowerCase()} per negozi, botteghe artigiane e pubblici esercizi che non ne hanno ancora uno: la graduatoria premia chi parte da zero e le imprese più piccole.`,
    places: Math.min(25, freePlaces(openOffers)),
    createdAt: addDays(now, -5),
    opensAt: addDays(now, -4),
    closesAt: addDays(now, 14),
    questions: [{ code: 'da-zero', text: `L’impresa non usa ancora alcun servizio di ${SERVICE_CATEGORY_LABELS[openCategory].it.toLowerCase()}?` }],
    scoring: [
      { kind: 'ANSWER_YES', weight: 60, questionCode: 'da-zero' },
      { kind: 'FEWER_EMPLOYEES', weight: 40, employeesCap: 6 },
    ],
    tieBreak: [TieBreakRule.FEWER_EMPLOYEES, TieBreakRule.EARLIER_APPLICATION],
  });
  // The closed call's priority province by name, as `create` publishes it.
  const provinceRow: { name: string; sigla: string }[] = await manager.query('SELECT name, sigla FROM province WHERE code = $1', [placeOf(demoShop).provinceCode]);
  const priority = closed.scoring[2];
  if (priority.kind === 'PRIORITY_PROVINCES') priority.provinceNames = provinceRow.map((p) => `${p.name} (${p.sigla})`);

  // Applicants: shops the call's rules admit, applying at distinct moments within the window (never the demo shop to the open call).
  let applicationNo = 0;
  const applyAll = (target: SelectionCallEntity, shops: readonly ShopEntity[], until: Date, answer: (shop: ShopEntity) => boolean): CallApplicationEntity[] => {
    const span = until.getTime() - target.opensAt.getTime();
    const moments = [...new Set(shops.map(() => Math.floor(random.next() * (span / 60_000 - 1)) + 1))].sort((a, b) => a - b);
    return shops.slice(0, moments.length).flatMap((shop, i) => {
      const place = placeOf(shop);
      const answers = Object.fromEntries(target.questions.map((q) => [q.code, answer(shop)]));
      const submittedAt = new Date(target.opensAt.getTime() + moments[i] * 60_000);
      const facts = { section: shop.atecoSection, division: shop.atecoDivision, employees: shop.employees, ...place, declarations: DECLARATIONS.map((d) => d.code), answers, at: submittedAt.getTime() };
      if (!callEligibility(facts, engineRules(target)).ok) return [];
      return [
        Object.assign(new CallApplicationEntity(), {
          id: demoId((applicationNo += 1), 11),
          callId: target.id,
          shopId: shop.id,
          status: CallApplicationStatus.SUBMITTED,
          submittedAt,
          declarations: facts.declarations,
          answers,
          atecoSection: shop.atecoSection,
          atecoDivision: shop.atecoDivision,
          employees: shop.employees,
          submittedByFacilitatorId: null,
          comuneCode: place.comuneCode,
          provinceCode: place.provinceCode,
          regionCode: place.regionCode,
          score: null,
          scoreParts: null,
          position: null,
          tiedWith: null,
          separatedBy: null,
          matchId: null,
          admittedAt: null,
          reserveReason: null,
          exclusionReason: null,
          excludedByUserId: null,
          createdAt: submittedAt,
          updatedAt: submittedAt,
        }),
      ];
    });
  };
  const others = world.shops.slice(1);
  // Shops the call's offers reach apply: a place it could give them is a place the ranking decides.
  const reachedBy = (callOffers: readonly OfferEntity[]) => (shop: ShopEntity): boolean => callOffers.some((o) => reach(o, shop) !== null);
  const closedPool = random.sample(others.filter((s) => !askedBy(s).has(closedCategory) && reachedBy(closedOffers)(s)), 33);
  // The demo shop applied on the call's second day, as a first-time seller.
  const closedShops = [...closedPool.slice(0, 5), demoShop, ...closedPool.slice(5)];
  const closedApplications = applyAll(closed, closedShops, closed.closesAt, (shop) => shop.id === demoShop.id || random.next() < 0.45);
  const openApplications = applyAll(open, random.sample(others.filter(reachedBy(openOffers)), 34), addDays(now, -0.05), () => random.next() < 0.6);

  // The closing, as the sweep ran it a minute after the window ended.
  const ranked = rankApplicants(
    closedApplications.map((a) => rankingApplicant(closed, a)),
    engineCriteria(closed),
    engineTieBreak(closed),
  );
  const byId = new Map(closedApplications.map((a) => [a.id, a]));
  const shopById = new Map(world.shops.map((s) => [s.id, s]));
  // What each shop held at the closing: the history's places made before it and not ended by then.
  const liveAt = (m: MatchEntity): boolean =>
    m.createdAt <= closedAt && m.state !== MatchState.WAITLISTED && !(m.endedAt && m.endedAt <= closedAt) && !(m.completedAt && m.completedAt <= closedAt);
  const held = new Map<string, ServiceCategory[]>();
  for (const m of history.matches.filter(liveAt)) held.set(m.shopId, [...(held.get(m.shopId) ?? []), m.category]);
  const categoryFor = (a: CallApplicationEntity, o: OfferEntity): ServiceCategory | undefined => o.categories.find((c) => !held.get(a.shopId)?.includes(c));
  const reachOf = (a: CallApplicationEntity, o: OfferEntity): CoverageMatch | null => reach(o, shopById.get(a.shopId) as ShopEntity);
  const inOrder = ranked.map((r) => byId.get(r.id) as CallApplicationEntity);
  const admission = admitInRankOrder(
    inOrder.map((a) => ({
      id: a.id,
      offerIds: closedOffers.filter((o) => categoryFor(a, o) && reachOf(a, o)).map((o) => o.id),
      blockedBy: (held.get(a.shopId)?.length ?? 0) >= maxLive ? [SHOP_LIMIT] : [],
    })),
    closed.places,
    Object.fromEntries(closedOffers.map((o) => [o.id, o.capacity - o.used])),
  );
  const waiting = new Map(
    admission.waiting.map((w) => [w.id, reserveReasonOf(w, closedOffers.filter((o) => reachOf(byId.get(w.id) as CallApplicationEntity, o)).length, closedOffers.length)]),
  );

  // Each admitted shop's place: a request of the call's kind opened for it, and a held place the provider accepted within days; some already active.
  const requests: HelpRequestEntity[] = [];
  const matches: MatchEntity[] = [];
  const transitions: Partial<MatchTransitionEntity>[] = [];
  const offerById = new Map(closedOffers.map((o) => [o.id, o]));
  admission.admitted.forEach(({ id, offerId }, i) => {
    const application = byId.get(id) as CallApplicationEntity;
    const offer = offerById.get(offerId) as OfferEntity;
    const shop = shopById.get(application.shopId) as ShopEntity;
    const request = Object.assign(new HelpRequestEntity(), {
      id: demoId(i + 1, 12),
      shopId: shop.id,
      category: categoryFor(application, offer) as ServiceCategory,
      description: closed.title,
      status: HelpRequestStatus.MATCHED,
      cancelledAt: null,
      createdAt: closedAt,
    });
    const ranking = reachOf(application, offer) as CoverageMatch;
    const opening = { request, offer, state: MatchState.PENDING, origin: MatchOrigin.CALL, ranked: { coverageLevel: ranking.level, distanceKm: ranking.distanceKm } } as const;
    const match = Object.assign(new MatchEntity(), openMatch(opening, closedAt, responseDays), { id: demoId(200_000 + i + 1, 5), createdAt: closedAt });
    const accepted = new Date(closedAt.getTime() + (0.2 + random.next() * Math.min(3, responseDays - 0.5)) * DAY_MS);
    const provider = offer.provider?.ownerUserId ?? null;
    const steps = [
      { from: null, to: MatchState.PENDING, at: closedAt, userId: null, role: null, reason: `${SYSTEM_REASON.CALL_ADMISSION}: ${closed.id}` },
      { from: MatchState.PENDING, to: MatchState.ACCEPTED, at: accepted, userId: provider, role: 'PROVIDER', reason: null },
    ];
    moveMatch(match, 'accept', 'PROVIDER', { now: accepted });
    if (shop.id === demoShop.id || random.next() < 0.5) {
      const activated = new Date(Math.min(now.getTime() - 3_600_000, accepted.getTime() + (0.5 + random.next() * 3) * DAY_MS));
      moveMatch(match, 'activate', 'SHOP', { now: activated, freePeriodMonths: offer.freePeriodMonths });
      steps.push({ from: MatchState.ACCEPTED, to: MatchState.ACTIVE, at: activated, userId: shop.ownerUserId, role: 'SHOP', reason: null });
    }
    match.updatedAt = steps[steps.length - 1].at;
    steps.forEach((s) => transitions.push({ matchId: match.id, fromState: s.from, toState: s.to, occurredAt: s.at, actorUserId: s.userId, actorRole: s.role, reason: s.reason, requestId: 'demo-seed' }));
    requests.push(request);
    matches.push(match);
    Object.assign(application, { status: CallApplicationStatus.ADMITTED, matchId: match.id, admittedAt: closedAt });
  });
  for (const r of ranked) {
    const application = byId.get(r.id) as CallApplicationEntity;
    Object.assign(application, { score: r.score, scoreParts: r.parts, position: r.position, tiedWith: r.tiedWith, separatedBy: r.separatedFromPrevious, updatedAt: closedAt });
    if (!application.matchId) Object.assign(application, { status: CallApplicationStatus.RESERVE, reserveReason: waiting.get(r.id) ?? CallReserveReason.CALL_FULL });
  }
  Object.assign(closed, { status: SelectionCallStatus.CLOSED, closedAt, updatedAt: closedAt });

  await manager.getRepository(SelectionCallEntity).insert([closed, open]);
  await manager.getRepository(SelectionCallOfferEntity).insert([
    ...closedOffers.map((o, position) => ({ callId: closed.id, offerId: o.id, position })),
    ...openOffers.map((o, position) => ({ callId: open.id, offerId: o.id, position })),
  ]);
  await manager.getRepository(HelpRequestEntity).insert(requests);
  await manager.getRepository(MatchEntity).insert(matches);
  await manager.getRepository(MatchTransitionEntity).insert(transitions);
  await manager.getRepository(CallApplicationEntity).insert([...closedApplications, ...openApplications]);

  // Everyone ranked heard the outcome at the closing, as CallOutcomes tells it (the demo e-mails nobody).
  const notifications = new NotificationService(new TransactionalConnection(manager.connection));
  await notifications.notify(
    new RequestContext('demo-seed', closedAt).withManager(manager),
    ranked.map((r) => {
      const application = byId.get(r.id) as CallApplicationEntity;
      const match = matches.find((m) => m.id === application.matchId);
      const offer = match && offerById.get(match.offerId);
      return {
        userId: (shopById.get(application.shopId) as ShopEntity).ownerUserId as string,
        kind: 'CALL_OUTCOME',
        matchId: match?.id ?? null,
        params: {
          callId: closed.id,
          callTitle: closed.title,
          outcome: match ? 'ADMITTED' : 'RESERVE',
          position: match ? null : r.position,
          reason: null,
          offerTitle: offer?.title ?? null,
          providerName: offer?.provider?.name ?? null,
          respondBy: match?.respondBy?.toISOString() ?? null,
          audience: 'SHOP',
        },
      };
    }),
  );

  return {
    calls: {
      open: { places: open.places, applications: openApplications.length },
      closed: { places: closed.places, applications: closedApplications.length, admitted: matches.length, reserve: closedApplications.length - matches.length },
    },
    journal: { matches, transitions, surveys: [] },
    audit: callAudit([closed, open], [closedOffers, openOffers], [...closedApplications, ...openApplications], shopById, matches, closedAt),
  };

  function call(n: number, fields: Pick<SelectionCallEntity, 'title' | 'description' | 'places' | 'createdAt' | 'opensAt' | 'closesAt' | 'questions' | 'scoring' | 'tieBreak'>): SelectionCallEntity {
    return Object.assign(new SelectionCallEntity(), {
      id: demoId(n, 10),
      status: SelectionCallStatus.OPEN,
      eligibility: ELIGIBILITY,
      declarations: DECLARATIONS,
      // Fixed for the demo (publish draws one at random): each applicant's draw key is the same at every start.
      drawSeed: createHash('sha256').update(`vicini-demo-call-${n}`).digest('hex').slice(0, 32),
      createdByUserId: MINISTRY.userId,
      publisherFacilitatorId: null,
      publishedAt: fields.opensAt,
      closedAt: null,
      updatedAt: fields.opensAt,
      ...fields,
    });
  }
}

/** The audit events of the demo's calls, as creating, publishing, applying and the closing record theirs. */
function callAudit(
  calls: readonly SelectionCallEntity[],
  offers: readonly OfferEntity[][],
  applications: readonly CallApplicationEntity[],
  shops: ReadonlyMap<string, ShopEntity>,
  matches: readonly MatchEntity[],
  closedAt: Date,
): PastAuditRecord[] {
  const events: PastAuditRecord[] = [];
  calls.forEach((c, i) => {
    const after = { title: c.title, places: c.places, offerIds: offers[i].map((o) => o.id), publisherFacilitatorId: null };
    events.push({ action: 'selection_call.created', entityType: 'selection_call', entityId: c.id, after, occurredAt: c.createdAt, actor: MINISTRY });
    events.push({ action: 'selection_call.published', entityType: 'selection_call', entityId: c.id, after: { drawSeed: c.drawSeed }, occurredAt: c.publishedAt as Date, actor: MINISTRY });
  });
  for (const a of applications) {
    const owner = shops.get(a.shopId)?.ownerUserId;
    events.push({
      action: 'call_application.submitted',
      entityType: 'call_application',
      entityId: a.id,
      after: { callId: a.callId, shopId: a.shopId, declarations: a.declarations, answers: a.answers },
      occurredAt: a.submittedAt,
      actor: owner ? { userId: owner, role: UserRole.SHOP } : null,
    });
  }
  for (const c of calls.filter((call) => call.status === SelectionCallStatus.CLOSED)) {
    const ranked = applications.filter((a) => a.callId === c.id);
    const admitted = ranked.filter((a) => a.status === CallApplicationStatus.ADMITTED);
    events.push({ action: 'selection_call.closed', entityType: 'selection_call', entityId: c.id, after: { applicants: ranked.length, admitted: admitted.length, reserve: ranked.length - admitted.length }, occurredAt: closedAt, actor: null });
    for (const a of admitted) {
      events.push({ action: 'call_application.admitted', entityType: 'call_application', entityId: a.id, after: { status: a.status, matchId: a.matchId, offerId: matches.find((m) => m.id === a.matchId)?.offerId }, occurredAt: closedAt, actor: null });
    }
  }
  return events;
}
