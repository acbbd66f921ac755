import { randomBytes } from 'node:crypto';
import type { ShopLocation } from '@vec/matching';
import { Injectable } from '@nestjs/common';
import { Brackets, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { UserRole } from '../auth/user-role';
import { isStaff, requireActor } from '../common/access';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { OfferRecords } from '../offer/offer-records.service';
import { TerritoryService } from '../territory/territory.service';
import { toEngineOffer } from '../matching/engine-input.mapper';
import { CallOfferProblem, callOfferProblem, type CallStage, criterionProblem, freePlaces } from './call-offers';
import { CallReachProblem, callReachProblem, type TakenSectors } from './call-offer-reach';
import { CallPublisherService } from './call-publisher.service';
import type { CreateSelectionCall, SelectionCallFilter } from './selection-call.commands';
import { SelectionCallEntity } from './selection-call.entity';
import { SelectionCallErrorCode, type SelectionCallErrorDetail, SelectionCallException } from './selection-call.exception';
import { SelectionCallOfferEntity } from './selection-call-offer.entity';
import { ScoringKind, SelectionCallStatus, StoredScoringCriterion } from './selection-call.types';

export type PublishCallOutcome =
  | { kind: 'call'; call: SelectionCallEntity }
  | { kind: 'not-draft'; current: SelectionCallStatus }
  | { kind: 'window-over'; closesAt: Date };

export type DiscardCallOutcome = { kind: 'discarded'; id: string } | { kind: 'not-draft'; current: SelectionCallStatus };

const fail = (code: SelectionCallErrorCode, field: string, detail?: SelectionCallErrorDetail): never => {
  throw new SelectionCallException(code, field, detail);
};

const OFFER_PROBLEM_CODE: Readonly<Record<CallOfferProblem, SelectionCallErrorCode>> = {
  [CallOfferProblem.NOT_PUBLISHED]: SelectionCallErrorCode.OFFER_NOT_PUBLISHED,
  [CallOfferProblem.PAUSED]: SelectionCallErrorCode.OFFER_PAUSED,
  [CallOfferProblem.SUSPENDED]: SelectionCallErrorCode.OFFER_SUSPENDED,
  [CallOfferProblem.CLOSED]: SelectionCallErrorCode.OFFER_CLOSED,
  [CallOfferProblem.PROVIDER_NOT_APPROVED]: SelectionCallErrorCode.OFFER_PROVIDER_NOT_APPROVED,
  [CallOfferProblem.VALIDITY_ENDS]: SelectionCallErrorCode.OFFER_VALIDITY_ENDS,
  [CallOfferProblem.NOT_YET_VALID]: SelectionCallErrorCode.OFFER_NOT_YET_VALID,
};

const REACH_PROBLEM_CODE: Readonly<Record<CallReachProblem, SelectionCallErrorCode>> = {
  [CallReachProblem.OUTSIDE_TERRITORY]: SelectionCallErrorCode.OFFER_OUTSIDE_TERRITORY,
  [CallReachProblem.OTHER_SECTORS]: SelectionCallErrorCode.OFFER_OTHER_SECTORS,
};

/** Whom a call is open to: its territory (none listed, all of Italy) and its sectors. */
interface CallAudience extends TakenSectors {
  regionCodes: readonly string[];
  provinceCodes: readonly string[];
  comuneCodes: readonly string[];
}

/** Where a call's offers and places are named: in the create input, or (publishing) as the call's own fields. */
interface CallFields {
  offerIds: string;
  places: string;
}

/** Ministry staff and the organisations they authorise prepare and publish calls; everyone reads the published ones. */
@Injectable()
export class SelectionCallService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly territory: TerritoryService,
    private readonly offers: OfferRecords,
    private readonly audit: AuditService,
    private readonly publishers: CallPublisherService,
  ) {}

  /** A DRAFT call, checked whole before anything is written; an organisation's account creates it for its organisation. */
  async create(ctx: RequestContext, input: CreateSelectionCall): Promise<SelectionCallEntity> {
    const actor = requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN, UserRole.FACILITATOR);
    const publisherFacilitatorId = isStaff(actor) ? null : (await this.publishers.requireActingOrganisation(ctx)).id;
    await this.check(ctx, input);
    // Priority provinces are published by name, as applicants read them.
    const provinces = new Map((await this.territory.listProvinces(ctx)).map((p) => [p.code, `${p.name} (${p.sigla})`]));
    const provinceName = (code: string): string => provinces.get(code) ?? code;
    return this.connection.withTransaction(ctx, async (tx) => {
      const calls = this.connection.repository(tx, SelectionCallEntity);
      const e = input.eligibility;
      const call = await calls.save(
        calls.create({
          title: input.title,
          description: input.description,
          status: SelectionCallStatus.DRAFT,
          places: input.places,
          opensAt: input.opensAt,
          closesAt: input.closesAt,
          eligibility: {
            sections: [...(e.sections ?? [])],
            divisions: [...(e.divisions ?? [])],
            minEmployees: e.minEmployees ?? null,
            maxEmployees: e.maxEmployees ?? null,
            regionCodes: [...(e.regionCodes ?? [])],
            provinceCodes: [...(e.provinceCodes ?? [])],
            comuneCodes: [...(e.comuneCodes ?? [])],
          },
          declarations: input.declarations.map(({ code, text }) => ({ code, text })),
          questions: input.questions.map(({ code, text }) => ({ code, text })),
          scoring: input.scoring.map((c) => storedCriterion(c, provinceName)),
          tieBreak: [...input.tieBreak],
          drawSeed: null,
          createdByUserId: actor.userId,
          publisherFacilitatorId,
          publishedAt: null,
          closedAt: null,
        }),
      );
      await this.connection
        .repository(tx, SelectionCallOfferEntity)
        .insert(input.offerIds.map((offerId, position) => ({ callId: call.id, offerId, position })));
      await this.audit.record(tx, { action: 'selection_call.created', entityType: 'selection_call', entityId: call.id, after: { title: call.title, places: call.places, offerIds: input.offerIds, publisherFacilitatorId } });
      return call;
    });
  }

  /** Opens a DRAFT call to applications and fixes its draw seed, published with it. */
  async publish(ctx: RequestContext, id: string): Promise<PublishCallOutcome> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN, UserRole.FACILITATOR);
    return this.connection.withTransaction(ctx, async (tx) => {
      const calls = this.connection.repository(tx, SelectionCallEntity);
      const call = await this.lockAsRunner(tx, id);
      if (call.status !== SelectionCallStatus.DRAFT) return { kind: 'not-draft', current: call.status };
      await this.publishers.requireDraftOrganisation(tx, call);
      if (call.closesAt.getTime() <= tx.now.getTime()) return { kind: 'window-over', closesAt: call.closesAt };
      // The offers may have changed since the draft: shops are about to apply for their places.
      await this.checkOffers(tx, await this.offerIds(tx, id), call.places, call.closesAt, 'publish', call.eligibility, { offerIds: 'offerIds', places: 'places' });
      const drawSeed = randomBytes(16).toString('hex');
      // A window planned to open before the publication opens with it: nobody could apply earlier, and the call must not say they could.
      const opensAt = call.opensAt.getTime() < tx.now.getTime() ? tx.now : call.opensAt;
      await calls.update({ id }, { status: SelectionCallStatus.OPEN, drawSeed, publishedAt: tx.now, opensAt });
      await this.audit.record(tx, {
        action: 'selection_call.published',
        entityType: 'selection_call',
        entityId: id,
        after: { drawSeed, ...(opensAt !== call.opensAt && { opensAt, plannedOpensAt: call.opensAt }) },
      });
      return { kind: 'call', call: await calls.findOneByOrFail({ id }) };
    });
  }

  /**
   * Removes a DRAFT call (staff, or the organisation running it): a draft cannot be edited, and one
   * whose window ended before it was published could never open. Nobody applied to a draft, so
   * nothing else goes with it; the removal is audited with the call's title.
   */
  async discard(ctx: RequestContext, id: string): Promise<DiscardCallOutcome> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN, UserRole.FACILITATOR);
    return this.connection.withTransaction(ctx, async (tx) => {
      const call = await this.lockAsRunner(tx, id);
      if (call.status !== SelectionCallStatus.DRAFT) return { kind: 'not-draft', current: call.status };
      await this.connection.repository(tx, SelectionCallEntity).delete({ id });
      await this.audit.record(tx, { action: 'selection_call.discarded', entityType: 'selection_call', entityId: id, before: { title: call.title, places: call.places, status: call.status } });
      return { kind: 'discarded', id };
    });
  }

  /** The call, locked until the transaction ends, for the one running it (CALL_NOT_FOUND otherwise). */
  private async lockAsRunner(tx: RequestContext, id: string): Promise<SelectionCallEntity> {
    const call = await this.connection.repository(tx, SelectionCallEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!call) return fail(SelectionCallErrorCode.CALL_NOT_FOUND, 'id');
    await this.publishers.requireRunner(tx, call);
    return call;
  }

  /** A call: staff and the organisation running it see drafts too, everyone else only published ones. */
  async get(ctx: RequestContext, id: string, field = 'id'): Promise<SelectionCallEntity> {
    const call = await this.connection.repository(ctx, SelectionCallEntity).findOneBy({ id });
    if (!call) return fail(SelectionCallErrorCode.CALL_NOT_FOUND, field);
    if (call.status === SelectionCallStatus.DRAFT && !isStaff(ctx.actor)) {
      // Acting for a shop, an organisation's account sees what the shop sees: no drafts.
      const own = ctx.onBehalfOfShopId ? null : await this.publishers.ownOrganisationId(ctx);
      if (!own || call.publisherFacilitatorId !== own) return fail(SelectionCallErrorCode.CALL_NOT_FOUND, field);
    }
    return call;
  }

  /** A CLOSED call, for its public graduatoria: anyone may read it. */
  async getClosed(ctx: RequestContext, id: string): Promise<SelectionCallEntity> {
    const call = await this.connection.repository(ctx, SelectionCallEntity).findOneBy({ id, status: SelectionCallStatus.CLOSED });
    if (!call) return fail(SelectionCallErrorCode.CALL_NOT_FOUND, 'id');
    return call;
  }

  /**
   * Newest window first; drafts only for staff and, its own, for the organisation running them
   * (not while its account acts for a shop: it then sees what the shop sees); `organisationId`
   * keeps one organisation's calls.
   */
  async list(ctx: RequestContext, filter: SelectionCallFilter, page: PageRequest): Promise<Page<SelectionCallEntity>> {
    const own = isStaff(ctx.actor) || ctx.onBehalfOfShopId ? null : await this.publishers.ownOrganisationId(ctx);
    const query = this.connection.repository(ctx, SelectionCallEntity).createQueryBuilder('c');
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.organisationId) query.andWhere('c.publisher_facilitator_id = :organisationId', { organisationId: filter.organisationId });
    if (!isStaff(ctx.actor)) {
      query.andWhere(
        new Brackets((visible) => {
          visible.where('c.status IN (:...published)', { published: [SelectionCallStatus.OPEN, SelectionCallStatus.CLOSED] });
          if (own) visible.orWhere('c.publisher_facilitator_id = :own', { own });
        }),
      );
    }
    const [items, total] = await query.orderBy('c.closes_at', 'DESC').addOrderBy('c.id', 'ASC').skip(page.offset).take(page.first).getManyAndCount();
    return toPage(items, total, page);
  }

  /** The ids of a call's offers, in the call's order. */
  async offerIds(ctx: RequestContext, callId: string): Promise<string[]> {
    return (await this.offerIdsOf(ctx, [callId])).get(callId) ?? [];
  }

  /** The ids of these calls' offers, each in the call's order: one statement for a page of calls. */
  async offerIdsOf(ctx: RequestContext, callIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = callIds.length ? await this.connection.repository(ctx, SelectionCallOfferEntity).find({ where: { callId: In([...callIds]) }, order: { position: 'ASC' } }) : [];
    const byCall = new Map<string, string[]>(callIds.map((id) => [id, []]));
    for (const row of rows) byCall.get(row.callId)?.push(row.offerId);
    return byCall;
  }

  /** Everything one row cannot say about itself: offers, territory codes and the codes the criteria name. */
  private async check(ctx: RequestContext, input: CreateSelectionCall): Promise<void> {
    if (input.opensAt.getTime() >= input.closesAt.getTime()) fail(SelectionCallErrorCode.WINDOW_ORDER, 'input.closesAt');
    if (input.closesAt.getTime() <= ctx.now.getTime()) fail(SelectionCallErrorCode.CLOSES_IN_PAST, 'input.closesAt');
    const e = input.eligibility;
    if (e.minEmployees != null && e.maxEmployees != null && e.minEmployees > e.maxEmployees) fail(SelectionCallErrorCode.EMPLOYEE_BOUNDS, 'input.eligibility.maxEmployees');
    duplicates(input.offerIds, 'input.offerIds');
    duplicates(input.declarations.map((d) => d.code), 'input.declarations', 'code');
    duplicates(input.questions.map((q) => q.code), 'input.questions', 'code');
    duplicates(input.tieBreak, 'input.tieBreak');
    const misfit = criterionProblem(input.scoring);
    if (misfit?.problem === 'DUPLICATE_KIND') fail(SelectionCallErrorCode.DUPLICATE_CRITERION, `input.scoring.${misfit.index}.kind`);
    if (misfit?.problem === 'NOT_FOR_KIND') {
      fail(SelectionCallErrorCode.CRITERION_FIELD_NOT_FOR_KIND, `input.scoring.${misfit.index}.${misfit.field}`, { kind: input.scoring[misfit.index].kind, belongsTo: misfit.belongsTo });
    }
    const questions = new Set(input.questions.map((q) => q.code));
    input.scoring.forEach((criterion, index) => {
      const at = `input.scoring.${index}`;
      if (criterion.kind === 'FEWER_EMPLOYEES' && !criterion.employeesCap) fail(SelectionCallErrorCode.CRITERION_INCOMPLETE, `${at}.employeesCap`);
      if (criterion.kind === 'PRIORITY_PROVINCES' && !criterion.provinceCodes?.length) fail(SelectionCallErrorCode.CRITERION_INCOMPLETE, `${at}.provinceCodes`);
      if (criterion.kind === 'ANSWER_YES' && !criterion.questionCode) fail(SelectionCallErrorCode.CRITERION_INCOMPLETE, `${at}.questionCode`);
      if (criterion.kind === 'ANSWER_YES' && !questions.has(criterion.questionCode ?? '')) fail(SelectionCallErrorCode.UNKNOWN_QUESTION, `${at}.questionCode`);
    });
    const regions = new Set((await this.territory.listRegions(ctx)).map((r) => r.code));
    const provinces = new Set((await this.territory.listProvinces(ctx)).map((p) => p.code));
    (e.regionCodes ?? []).forEach((code, i) => regions.has(code) || fail(SelectionCallErrorCode.UNKNOWN_TERRITORY, `input.eligibility.regionCodes.${i}`));
    (e.provinceCodes ?? []).forEach((code, i) => provinces.has(code) || fail(SelectionCallErrorCode.UNKNOWN_TERRITORY, `input.eligibility.provinceCodes.${i}`));
    input.scoring.forEach((c, index) =>
      (c.kind === 'PRIORITY_PROVINCES' ? (c.provinceCodes ?? []) : []).forEach(
        (code, i) => provinces.has(code) || fail(SelectionCallErrorCode.UNKNOWN_TERRITORY, `input.scoring.${index}.provinceCodes.${i}`),
      ),
    );
    const comuni = new Set((await this.territory.comuniByCode(ctx, e.comuneCodes ?? [])).map((c) => c.code));
    (e.comuneCodes ?? []).forEach((code, i) => comuni.has(code) || fail(SelectionCallErrorCode.UNKNOWN_TERRITORY, `input.eligibility.comuneCodes.${i}`));
    const audience = { sections: e.sections ?? [], divisions: e.divisions ?? [], regionCodes: e.regionCodes ?? [], provinceCodes: e.provinceCodes ?? [], comuneCodes: e.comuneCodes ?? [] };
    await this.checkOffers(ctx, input.offerIds, input.places, input.closesAt, 'draft', audience, { offerIds: 'input.offerIds', places: 'input.places' });
  }

  /**
   * Every offer exists and can give places at the closing (call-offers.ts says which can, at each
   * stage), and the places asked are no more than the offers have free now. Admission happens at
   * the closing and takes what is free then, so this cannot promise the places; it refuses a call
   * that could not give them even today. Each offer must also reach some of the call's audience
   * (call-offer-reach.ts): the places go only to applicants an offer reaches.
   */
  private async checkOffers(ctx: RequestContext, offerIds: readonly string[], places: number, closesAt: Date, stage: CallStage, audience: CallAudience, fields: CallFields): Promise<void> {
    const offers = await this.offers.forMatching(ctx, offerIds);
    const byId = new Map(offers.map((offer) => [offer.id, offer]));
    const territory = await this.territoryOf(ctx, audience);
    offerIds.forEach((id, index) => {
      const offer = byId.get(id);
      const at = `${fields.offerIds}.${index}`;
      if (!offer) return fail(SelectionCallErrorCode.OFFER_NOT_FOUND, at);
      const problem = callOfferProblem({ ...offer, providerStatus: offer.provider?.verificationStatus }, closesAt, stage);
      if (problem) fail(OFFER_PROBLEM_CODE[problem], at, { date: problem === CallOfferProblem.NOT_YET_VALID ? offer.validFrom : (offer.validUntil ?? undefined) });
      const missed = callReachProblem(toEngineOffer(offer), territory, audience);
      if (missed) fail(REACH_PROBLEM_CODE[missed], at);
    });
    const free = freePlaces(offers);
    const promised = await this.promisedElsewhere(ctx, offers, stage === 'publish');
    if (places > free - promised) fail(SelectionCallErrorCode.PLACES_OVER_FREE_CAPACITY, fields.places, { asked: places, free, promised });
  }

  /** The comuni a call is open to, at their centres; null when it is open to all of Italy. */
  private async territoryOf(ctx: RequestContext, area: CallAudience): Promise<ShopLocation[] | null> {
    if (area.regionCodes.length + area.provinceCodes.length + area.comuneCodes.length === 0) return null;
    return (await this.territory.comuniWithin(ctx, area)).map((c) => ({ comuneCode: c.code, provinceCode: c.provinceCode, regionCode: c.regionCode, latitude: c.latitude, longitude: c.longitude }));
  }

  /**
   * Of these offers' free places, how many open calls may take at their closing: each open call
   * sharing an offer may take up to its places from the shared ones (a closing takes from the
   * call's offers in its order, whichever closes first), so all of them together up to the free
   * places there. Counted so, every open call, and the new one, can have its places whatever the
   * order of the closings. Publishing, the offers are locked first (in id order), so that two
   * calls published at once do not both count on the same places.
   */
  private async promisedElsewhere(ctx: RequestContext, offers: readonly { id: string; capacity: number; used: number }[], lock: boolean): Promise<number> {
    const ids = offers.map((offer) => offer.id).sort();
    const manager = this.connection.manager(ctx);
    if (lock && ctx.manager) await manager.query(`SELECT pg_advisory_xact_lock(hashtext('call-places:' || id)) FROM unnest($1::text[]) AS id ORDER BY id`, [ids]);
    const rows: { may_take: number }[] = await manager.query(
      `SELECT least(c.places, sum(greatest(o.capacity - o.used, 0)))::int AS may_take
         FROM selection_call c
         JOIN selection_call_offer co ON co.call_id = c.id
         JOIN offer o ON o.id = co.offer_id AND o.id = ANY($1::uuid[])
        WHERE c.status = $2
        GROUP BY c.id, c.places`,
      [ids, SelectionCallStatus.OPEN],
    );
    return Math.min(freePlaces(offers), rows.reduce((sum, row) => sum + row.may_take, 0));
  }
}

function duplicates(values: readonly string[], field: string, key?: string): void {
  values.forEach((value, index) => {
    if (values.indexOf(value) < index) fail(SelectionCallErrorCode.DUPLICATE_CODE, key ? `${field}.${index}.${key}` : `${field}.${index}`);
  });
}

function storedCriterion(c: CreateSelectionCall['scoring'][number], provinceName: (code: string) => string): StoredScoringCriterion {
  if (c.kind === ScoringKind.FEWER_EMPLOYEES) return { kind: 'FEWER_EMPLOYEES', weight: c.weight, employeesCap: c.employeesCap ?? 1 };
  if (c.kind === ScoringKind.PRIORITY_PROVINCES) {
    const provinceCodes = [...(c.provinceCodes ?? [])];
    return { kind: 'PRIORITY_PROVINCES', weight: c.weight, provinceCodes, provinceNames: provinceCodes.map(provinceName) };
  }
  return { kind: 'ANSWER_YES', weight: c.weight, questionCode: c.questionCode ?? '' };
}
