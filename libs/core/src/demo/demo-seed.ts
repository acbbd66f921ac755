import { ServiceCategory } from '@vec/matching';
import { SERVICE_CATEGORY_LABELS } from '../messages';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { hashPassword } from '../auth/password-hasher';
import { UserAccountEntity } from '../auth/user-account.entity';
import { UserRole } from '../auth/user-role';
import { HelpRequestBundleEntity } from '../help-request/help-request-bundle.entity';
import { HelpRequestEntity } from '../help-request/help-request.entity';
import { HelpRequestStatus } from '../help-request/help-request.types';
import { OfferCoverageEntity } from '../offer/offer-coverage.entity';
import { OfferEntity } from '../offer/offer.entity';
import { CoverageKind, OfferStatus } from '../offer/offer.types';
import { ProviderEntity } from '../provider/provider.entity';
import { VerificationStatus } from '../provider/provider.types';
import { sectionOfDivision } from '../shop/registry/ateco';
import { ShopEntity } from '../shop/shop.entity';
import { ComuneEntity } from '../territory/comune.entity';
import { DEMO_PROVIDERS, LEGAL_FORMS, REQUEST_TEXTS, SHOP_KINDS, SURNAMES } from './demo-catalogue';
import { NotificationService } from '../notification/notification.service';
import { demoAuditEvents } from './demo-audit';
import { DemoCalls, seedDemoCalls } from './demo-calls';
import { DEMO_FACILITATOR_EMAIL, seedDemoFacilitators } from './demo-facilitators';
import { demoId, DemoHistory, seedDemoHistory } from './demo-history';
import { SeededRandom } from './seeded-random';
import { addDays, DAY_MS } from '../common/time';

export const DEMO_PASSWORD = 'vicini-demo-2026';
export const DEMO_SHOPS = 400;

export interface DemoLogin {
  role: UserRole;
  email: string;
  note: string;
}

export interface DemoSummary {
  shops: number;
  providers: number;
  offers: number;
  helpRequests: number;
  bundles: number;
  provinces: number;
  facilitators: number;
  delegations: number;
  history: DemoHistory;
  calls: DemoCalls;
  logins: DemoLogin[];
}


async function insertAll<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, rows: E[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    await manager.getRepository(entity).insert(rows.slice(start, start + 500) as never);
  }
}

/** Demo accounts have verified addresses, as if each owner had opened the sign-up link. */
/** An account made `createdAt` (its address verified then): the demo's history starts weeks ago, not at the first start. */
const user = (id: number, email: string, role: UserRole, passwordHash: string, createdAt: Date): UserAccountEntity =>
  Object.assign(new UserAccountEntity(), { id: uuidFrom(id), email, role, passwordHash, disabledAt: null, emailVerifiedAt: createdAt, createdAt });

const uuidFrom = demoId;

/**
 * Fills an empty database with a realistic demo across Italy: staff, hundreds of shops in many
 * provinces and sectors, a few dozen providers with offers of every category and coverage kind,
 * and open help requests. Does nothing when any account exists.
 */
export async function seedDemo(dataSource: DataSource, now = new Date()): Promise<DemoSummary | null> {
  if ((await dataSource.getRepository(UserAccountEntity).count()) > 0) return null;
  const random = new SeededRandom(2020);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // Ties broken by code: the demo must not depend on the order rows happen to lie in the table.
  const comuni = await dataSource.getRepository(ComuneEntity).find({ order: { population: 'DESC', code: 'ASC' }, take: 2500 });

  return dataSource.transaction(async (manager) => {
    const users: UserAccountEntity[] = [
      user(1, 'admin@vicini.demo', UserRole.ADMIN, passwordHash, addDays(now, -120)),
      user(2, 'ministero@vicini.demo', UserRole.MINISTRY, passwordHash, addDays(now, -120)),
    ];

    // Shops: one in the largest comune of every region, then the big cities and a long tail of
    // smaller comuni, every kind of local business.
    const largestPerRegion = [...new Map([...comuni].reverse().map((c) => [c.regionCode, c])).values()];
    const shops: ShopEntity[] = [];
    for (let i = 1; i <= DEMO_SHOPS; i += 1) {
      const email = i === 1 ? 'negozio@vicini.demo' : `negozio-${String(i).padStart(3, '0')}@vicini.demo`;
      // Registered before any of its requests (made in the last 40 days).
      const registered = addDays(now, -(41 + (i % 60)));
      users.push(user(100 + i, email, UserRole.SHOP, passwordHash, registered));
      const comune = i <= largestPerRegion.length ? largestPerRegion[i - 1] : i % 3 === 0 ? random.pick(comuni.slice(0, 60)) : random.pick(comuni);
      const kind = random.pick(SHOP_KINDS);
      const surname = random.pick(SURNAMES);
      const form = random.pick(LEGAL_FORMS);
      const tradingName = `${random.pick(kind.names)} ${surname}`;
      shops.push(
        Object.assign(new ShopEntity(), {
          id: uuidFrom(i, 1),
          ownerUserId: uuidFrom(100 + i),
          legalName: form === 'di ' ? `${tradingName} di ${surname} ${random.pick(['Maria', 'Luca', 'Giulia', 'Marco', 'Anna', 'Paolo'])}` : `${tradingName} ${form}`,
          tradingName,
          partitaIva: random.partitaIva(),
          atecoSection: sectionOfDivision(kind.division)?.code ?? 'G',
          atecoDivision: kind.division,
          comuneCode: comune.code,
          address: `Via ${random.pick(['Roma', 'Garibaldi', 'Mazzini', 'Cavour', 'Dante', 'Verdi', 'Marconi'])} ${random.int(1, 180)}`,
          latitude: comune.latitude,
          longitude: comune.longitude,
          coordinatesFromComune: true,
          employees: random.int(0, 12),
          contactEmail: email,
          contactPhone: `+39 0${random.int(10, 99)} ${random.int(100000, 9999999)}`,
          createdAt: registered,
        }),
      );
    }

    // Providers: most approved, a few waiting, one rejected and one suspended.
    const providers: ProviderEntity[] = DEMO_PROVIDERS.map((demo, index) => {
      const i = index + 1;
      // The programme opened 45 days ago: registered in its first days, decided by staff 43 days ago,
      // its offers published 42 days ago, all before the first request (at most 41 days ago).
      const registered = addDays(now, -(44 + (index % 2)));
      users.push(user(1000 + i, i === 1 ? 'fornitore@vicini.demo' : `fornitore-${String(i).padStart(2, '0')}@vicini.demo`, UserRole.PROVIDER, passwordHash, registered));
      const status =
        index < 26 ? VerificationStatus.APPROVED : index < 28 ? VerificationStatus.PENDING : index === 28 ? VerificationStatus.REJECTED : VerificationStatus.SUSPENDED;
      return Object.assign(new ProviderEntity(), {
        id: uuidFrom(i, 2),
        ownerUserId: uuidFrom(1000 + i),
        name: demo.name,
        partitaIva: random.partitaIva(),
        kind: demo.kind,
        website: `https://www.${demo.name.toLowerCase().replace(/[^a-z]+/g, '')}.example.it`,
        description: `${demo.name} offre gratuitamente ai negozi di prossimità i propri servizi digitali, senza obbligo di rinnovo.`,
        verificationStatus: status,
        verificationReason:
          status === VerificationStatus.REJECTED ? 'Documentazione incompleta' : status === VerificationStatus.SUSPENDED ? 'Segnalazioni di costi nascosti' : null,
        verifiedAt: status === VerificationStatus.PENDING ? null : new Date(now.getTime() - 43 * DAY_MS),
        verifiedByUserId: status === VerificationStatus.PENDING ? null : uuidFrom(2),
        createdAt: registered,
      });
    });

    // Offers: three per provider, cycling through every coverage kind.
    const offers: OfferEntity[] = [];
    const coverage: OfferCoverageEntity[] = [];
    const coverageKinds = ['NATIONAL', CoverageKind.REGION, CoverageKind.PROVINCE, CoverageKind.COMUNE, CoverageKind.RADIUS] as const;
    providers.forEach((provider, p) => {
      for (let k = 0; k < 3; k += 1) {
        const n = p * 3 + k + 1;
        const id = uuidFrom(n, 3);
        const categories = DEMO_PROVIDERS[p].categories;
        const category = categories[k % categories.length];
        const kind = coverageKinds[n % coverageKinds.length];
        const anchor = random.pick(comuni.slice(0, 300));
        const status = n % 10 === 0 ? OfferStatus.DRAFT : n % 15 === 0 ? OfferStatus.PAUSED : OfferStatus.PUBLISHED;
        offers.push(
          Object.assign(new OfferEntity(), {
            id,
            providerId: provider.id,
            title: `${category === categories[0] ? '' : 'Pacchetto '}${SERVICE_CATEGORY_LABELS[category].it} gratuito`.trim(),
            description: `Servizio di ${SERVICE_CATEGORY_LABELS[category].it.toLowerCase()} offerto da ${provider.name} ai negozi e agli artigiani.`,
            categories: k === 2 ? [...categories] : [category],
            coverageNational: kind === 'NATIONAL',
            allSectors: n % 4 !== 0,
            eligibleSections: n % 4 === 0 ? ['G', 'I'] : [],
            eligibleDivisions: [],
            capacity: random.pick([5, 10, 20, 30, 50, 100, 150]),
            used: 0,
            freePeriodMonths: random.pick([3, 6, 6, 12]),
            conditions: 'Gratuito per tutto il periodo indicato; alla scadenza il servizio termina senza alcun obbligo di rinnovo.',
            validFrom: new Date(now.getTime() - 43 * DAY_MS),
            validUntil: n % 3 === 0 ? null : new Date(now.getTime() + random.int(20, 360) * DAY_MS),
            status,
            publishedAt: status === OfferStatus.DRAFT ? null : new Date(now.getTime() - 42 * DAY_MS),
            createdAt: addDays(now, -43),
          }),
        );
        const area = (fields: Partial<OfferCoverageEntity>): OfferCoverageEntity =>
          Object.assign(new OfferCoverageEntity(), { offerId: id, regionCode: null, provinceCode: null, comuneCode: null, centerLatitude: null, centerLongitude: null, radiusKm: null, ...fields });
        if (kind === CoverageKind.REGION) coverage.push(area({ kind, regionCode: anchor.regionCode }));
        if (kind === CoverageKind.PROVINCE) {
          const second = random.pick(comuni.filter((c) => c.provinceCode !== anchor.provinceCode));
          coverage.push(area({ kind, provinceCode: anchor.provinceCode }), area({ kind, provinceCode: second.provinceCode }));
        }
        if (kind === CoverageKind.COMUNE) coverage.push(...random.sample(comuni.slice(0, 200), 4).map((c) => area({ kind, comuneCode: c.code })));
        if (kind === CoverageKind.RADIUS) {
          coverage.push(area({ kind, comuneCode: anchor.code, centerLatitude: anchor.latitude, centerLongitude: anchor.longitude, radiusKm: random.pick([10, 25, 50]) }));
        }
      }
    });

    // Help requests: one or two per shop, mostly still open.
    const requests: HelpRequestEntity[] = [];
    const categories = Object.values(ServiceCategory);
    shops.forEach((shop, s) => {
      for (const category of random.sample(categories, s % 3 === 0 ? 2 : 1)) {
        const cancelled = s % 25 === 7;
        requests.push(
          Object.assign(new HelpRequestEntity(), {
            id: uuidFrom(requests.length + 1, 4),
            shopId: shop.id,
            category,
            description: REQUEST_TEXTS[category],
            status: cancelled ? HelpRequestStatus.CANCELLED : HelpRequestStatus.OPEN,
            cancelledAt: cancelled ? new Date(now.getTime() - DAY_MS) : null,
            createdAt: new Date(now.getTime() - random.int(0, 40) * DAY_MS - random.int(0, DAY_MS)),
          }),
        );
      }
    });
    // Every sixth shop asking for two services asked for them together, as a bundle (never the demo
    // shop): made at one moment, like the bundle form makes them.
    const bundles: HelpRequestBundleEntity[] = [];
    shops.forEach((shop, s) => {
      const parts = s % 6 === 3 ? requests.filter((r) => r.shopId === shop.id) : [];
      if (parts.length < 2) return;
      const bundle = Object.assign(new HelpRequestBundleEntity(), { id: uuidFrom(bundles.length + 1, 9), shopId: shop.id, categories: parts.map((r) => r.category), createdAt: parts[0].createdAt });
      const cancelledAt = new Date(Math.min(now.getTime(), bundle.createdAt.getTime() + DAY_MS));
      for (const part of parts) Object.assign(part, { bundleId: bundle.id, createdAt: bundle.createdAt, cancelledAt: part.cancelledAt && cancelledAt });
      bundles.push(bundle);
    });
    // The demo shop keeps its second request open, to browse the recommendations and apply.
    const keepOpen = new Set(requests.filter((r) => r.shopId === shops[0].id).slice(1).map((r) => r.id));

    await insertAll(manager, UserAccountEntity, users);
    await insertAll(manager, ShopEntity, shops);
    await insertAll(manager, ProviderEntity, providers);
    await insertAll(manager, OfferEntity, offers);
    await insertAll(manager, OfferCoverageEntity, coverage);
    await insertAll(manager, HelpRequestBundleEntity, bundles);
    await insertAll(manager, HelpRequestEntity, requests);
    const world = { shops, comuni, providers, offers, coverage, requests, bundles };
    const { history, journal } = await seedDemoHistory(manager, world, random, now, keepOpen);
    const intermediaries = await seedDemoFacilitators(manager, { shops, comuni, passwordHash }, random, now);
    const calls = await seedDemoCalls(manager, world, journal, random, now);
    // Recorded through the audit service, as the real actions record theirs.
    const connection = new TransactionalConnection(dataSource);
    const audit = new AuditService(connection, new NotificationService(connection));
    const ctx = new RequestContext('demo-seed', now).withManager(manager);
    const everyone = [...users, ...intermediaries.users];
    const journals = { matches: [...journal.matches, ...calls.journal.matches], transitions: [...journal.transitions, ...calls.journal.transitions], surveys: journal.surveys };
    const events = [...demoAuditEvents(everyone, { ...world, shops: [...shops, intermediaries.paperShop] }, journals, now), ...intermediaries.audit, ...calls.audit];
    await audit.recordPast(ctx, events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()));
    const summary: DemoSummary = {
      shops: shops.length,
      providers: providers.length,
      offers: offers.length,
      // With the requests the closed call's places opened.
      helpRequests: requests.length + calls.calls.closed.admitted,
      bundles: bundles.length,
      provinces: new Set(shops.map((s) => s.comuneCode.slice(0, 3))).size,
      facilitators: intermediaries.facilitators,
      delegations: intermediaries.delegations,
      history,
      calls: calls.calls,
      logins: [
        { role: UserRole.ADMIN, email: 'admin@vicini.demo', note: 'platform settings and staff accounts' },
        { role: UserRole.MINISTRY, email: 'ministero@vicini.demo', note: 'monitoring, provider verification, selection calls' },
        { role: UserRole.SHOP, email: 'negozio@vicini.demo', note: `${shops[0].tradingName}, ${comuni.find((c) => c.code === shops[0].comuneCode)?.name}` },
        { role: UserRole.PROVIDER, email: 'fornitore@vicini.demo', note: `${providers[0].name} (approved)` },
        { role: UserRole.FACILITATOR, email: DEMO_FACILITATOR_EMAIL, note: intermediaries.note },
      ],
    };
    await audit.record(ctx, {
      action: 'demo.seeded',
      entityType: 'platform',
      entityId: 'demo',
      after: { shops: summary.shops, providers: summary.providers, offers: summary.offers, helpRequests: summary.helpRequests, matches: history.matches + calls.journal.matches.length },
    });
    return summary;
  });
}
