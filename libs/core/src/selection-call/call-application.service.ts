import { Injectable } from '@nestjs/common';
import { callEligibility, type CallApplicantFacts, type CallIneligibility, type CallIneligibilityCode } from '@vec/matching';
import { AuditService } from '../audit/audit.service';
import { AccountService } from '../auth/account.service';
import { UserRole } from '../auth/user-role';
import { requireActor } from '../common/access';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { MESSAGES } from '../messages';
import type { ShopEntity } from '../shop/shop.entity';
import { ShopService } from '../shop/shop.service';
import { TerritoryService } from '../territory/territory.service';
import { CallOutcomes } from './call-outcomes';
import { CallPublisherService } from './call-publisher.service';
import { CallApplicationEntity } from './call-application.entity';
import { engineRules } from './call-ranking';
import type { ApplyToCall, ExcludeCallApplication } from './selection-call.commands';
import { SelectionCallEntity } from './selection-call.entity';
import { SelectionCallErrorCode, SelectionCallException } from './selection-call.exception';
import { SelectionCallService } from './selection-call.service';
import { CallApplicationStatus, SelectionCallStatus } from './selection-call.types';
import type { CallTerritoryNames } from '../messages/selection-call.messages';

/** The rules a shop fails by what it is (sector, size, place), which nothing in its application can change. */
const SHOP_RULES: ReadonlySet<CallIneligibilityCode> = new Set(['SECTOR', 'TOO_FEW_EMPLOYEES', 'TOO_MANY_EMPLOYEES', 'OUTSIDE_TERRITORY']);

export type ApplyToCallOutcome =
  | { kind: 'application'; application: CallApplicationEntity }
  | { kind: 'not-open'; status: SelectionCallStatus }
  | { kind: 'not-eligible'; failed: CallIneligibility[]; call: SelectionCallEntity; territory: CallTerritoryNames | null }
  | { kind: 'already-applied'; application: CallApplicationEntity }
  | { kind: 'email-not-verified'; email: string };

export type ExcludeApplicationOutcome =
  | { kind: 'application'; application: CallApplicationEntity }
  | { kind: 'call-closed' }
  | { kind: 'already-excluded'; application: CallApplicationEntity };

const fail = (code: SelectionCallErrorCode, field: string): never => {
  throw new SelectionCallException(code, field);
};

/**
 * Shops apply to open calls (once per call, with the declarations and answers the call asks), see
 * their own applications; staff list and exclude them, with a reason, until the closing.
 */
@Injectable()
export class CallApplicationService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly calls: SelectionCallService,
    private readonly shops: ShopService,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
    private readonly publishers: CallPublisherService,
    private readonly outcomes: CallOutcomes,
    private readonly accounts: AccountService,
  ) {}

  /** The call's territory by name, to tell a shop outside it where the call is open. */
  private async territoryNames(ctx: RequestContext, call: SelectionCallEntity): Promise<CallTerritoryNames> {
    const { regionCodes, provinceCodes, comuneCodes } = call.eligibility;
    const [regions, provinces, comuni] = await Promise.all([this.territory.listRegions(ctx), this.territory.listProvinces(ctx), this.territory.comuniByCode(ctx, comuneCodes)]);
    const sigla = new Map(provinces.map((province) => [province.code, province.sigla]));
    return {
      regions: regions.filter((region) => regionCodes.includes(region.code)).map((region) => region.name),
      provinces: provinces.filter((province) => provinceCodes.includes(province.code)).map((province) => ({ name: province.name, sigla: province.sigla })),
      comuni: comuni.map((comune) => ({ name: comune.name, sigla: sigla.get(comune.provinceCode) ?? '' })),
    };
  }

  /** What the call's rules read of the shop: its sector, size and place. */
  private async shopFacts(ctx: RequestContext, shop: ShopEntity): Promise<Pick<CallApplicantFacts, 'section' | 'division' | 'employees' | 'comuneCode' | 'provinceCode' | 'regionCode'>> {
    const [comune] = await this.territory.comuniByCode(ctx, [shop.comuneCode]);
    const province = comune && (await this.territory.getProvince(ctx, comune.provinceCode));
    if (!comune || !province) throw new Error(`shop ${shop.id} is in no known comune`);
    return { section: shop.atecoSection, division: shop.atecoDivision, employees: shop.employees, comuneCode: comune.code, provinceCode: province.code, regionCode: province.regionCode };
  }

  /**
   * Before applying: the rules of a published call the shop itself fails (sector, size, territory),
   * which no declaration or answer can change, with the call's territory by name; none when it may
   * apply. The window and the declarations are the form's to say.
   */
  async ineligibility(ctx: RequestContext, callId: string): Promise<{ failed: CallIneligibility[]; call: SelectionCallEntity; territory: CallTerritoryNames | null }> {
    const shop = await this.shops.requireOwnShop(ctx);
    const call = await this.calls.get(ctx, callId, 'callId');
    const facts = { ...(await this.shopFacts(ctx, shop)), declarations: call.declarations.map((d) => d.code), answers: Object.fromEntries(call.questions.map((q) => [q.code, true])), at: call.opensAt.getTime() };
    const verdict = callEligibility(facts, engineRules(call));
    const failed = verdict.ok ? [] : verdict.failed.filter((failure) => SHOP_RULES.has(failure.code));
    const territory = failed.some((failure) => failure.code === 'OUTSIDE_TERRITORY') ? await this.territoryNames(ctx, call) : null;
    return { failed, call, territory };
  }

  async apply(ctx: RequestContext, input: ApplyToCall): Promise<ApplyToCallOutcome> {
    const shop = await this.shops.requireOwnShop(ctx);
    // As for offers: an account whose address is not confirmed does not compete for places.
    const unverified = await this.accounts.unverifiedEmail(ctx);
    if (unverified) return { kind: 'email-not-verified', email: unverified };
    return this.connection.withTransaction(ctx, async (tx) => {
      const call = await this.connection.repository(tx, SelectionCallEntity).findOne({ where: { id: input.callId }, lock: { mode: 'pessimistic_read' } });
      if (!call || call.status === SelectionCallStatus.DRAFT) return fail(SelectionCallErrorCode.CALL_NOT_FOUND, 'input.callId');
      // A facilitator acting for the shop: its organisation, which may not run the call and confirms the declarations in the shop's name.
      const organisationId = await this.publishers.ownOrganisationId(tx);
      // Who runs a call does not also fill in applications to it.
      if (organisationId !== null && call.publisherFacilitatorId === organisationId) {
        return fail(SelectionCallErrorCode.RUNNER_CANNOT_APPLY, 'input.callId');
      }
      const declared = new Set(call.declarations.map((d) => d.code));
      input.declarations.forEach((code, i) => declared.has(code) || fail(SelectionCallErrorCode.UNKNOWN_DECLARATION, `input.declarations.${i}`));
      // A declaration confirmed twice is refused, as an answer given twice is.
      input.declarations.forEach((code, i) => input.declarations.indexOf(code) === i || fail(SelectionCallErrorCode.DUPLICATE_CODE, `input.declarations.${i}`));
      const asked = new Set(call.questions.map((q) => q.code));
      input.answers.forEach((a, i) => asked.has(a.questionCode) || fail(SelectionCallErrorCode.UNKNOWN_QUESTION, `input.answers.${i}.questionCode`));
      input.answers.forEach((a, i) => input.answers.findIndex((b) => b.questionCode === a.questionCode) === i || fail(SelectionCallErrorCode.DUPLICATE_CODE, `input.answers.${i}.questionCode`));

      await this.shops.lock(tx, shop.id);
      const applications = this.connection.repository(tx, CallApplicationEntity);
      const existing = await applications.findOneBy({ callId: call.id, shopId: shop.id });
      if (existing) return { kind: 'already-applied', application: existing };
      if (call.status !== SelectionCallStatus.OPEN) return { kind: 'not-open', status: call.status };

      const answers = Object.fromEntries(input.answers.map((a) => [a.questionCode, a.answer]));
      const facts = { ...(await this.shopFacts(tx, shop)), declarations: [...new Set(input.declarations)], answers, at: tx.now.getTime() };
      const verdict = callEligibility(facts, engineRules(call));
      if (!verdict.ok) {
        const territory = verdict.failed.some((failure) => failure.code === 'OUTSIDE_TERRITORY') ? await this.territoryNames(tx, call) : null;
        return { kind: 'not-eligible', failed: verdict.failed, call, territory };
      }

      const application = await applications.save(
        applications.create({
          callId: call.id,
          shopId: shop.id,
          // Who confirmed the declarations in the shop's name is kept with the application.
          submittedByFacilitatorId: organisationId,
          status: CallApplicationStatus.SUBMITTED,
          submittedAt: tx.now,
          declarations: facts.declarations,
          answers,
          atecoSection: facts.section,
          atecoDivision: facts.division,
          employees: facts.employees,
          comuneCode: facts.comuneCode,
          provinceCode: facts.provinceCode,
          regionCode: facts.regionCode,
          score: null,
          scoreParts: null,
          position: null,
          tiedWith: null,
          separatedBy: null,
          matchId: null,
          admittedAt: null,
          exclusionReason: null,
          excludedByUserId: null,
        }),
      );
      await this.audit.record(tx, {
        action: 'call_application.submitted',
        entityType: 'call_application',
        entityId: application.id,
        after: { callId: call.id, shopId: shop.id, declarations: facts.declarations, answers },
      });
      return { kind: 'application', application };
    });
  }

  /** Staff, or the organisation running the call, take an application out of the ranking, saying why; only before the call closes. */
  async exclude(ctx: RequestContext, input: ExcludeCallApplication): Promise<ExcludeApplicationOutcome> {
    const actor = requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN, UserRole.FACILITATOR);
    return this.connection.withTransaction(ctx, async (tx) => {
      const applications = this.connection.repository(tx, CallApplicationEntity);
      const found = await applications.findOneBy({ id: input.applicationId });
      if (!found) return fail(SelectionCallErrorCode.APPLICATION_NOT_FOUND, 'input.applicationId');
      // The call first, then the application: the order the closing locks them in.
      const call = await this.connection.repository(tx, SelectionCallEntity).findOneOrFail({ where: { id: found.callId }, lock: { mode: 'pessimistic_write' } });
      await this.publishers.requireRunner(tx, call, 'input.applicationId');
      if (call.status !== SelectionCallStatus.OPEN) return { kind: 'call-closed' };
      const application = await applications.findOneOrFail({ where: { id: input.applicationId }, lock: { mode: 'pessimistic_write' } });
      // The first exclusion stands: its reason, who made it, and the audit trail's one event.
      if (application.status === CallApplicationStatus.EXCLUDED) return { kind: 'already-excluded', application };
      const before = { status: application.status, exclusionReason: application.exclusionReason };
      await applications.update({ id: application.id }, { status: CallApplicationStatus.EXCLUDED, exclusionReason: input.reason, excludedByUserId: actor.userId });
      await this.audit.record(tx, { action: 'call_application.excluded', entityType: 'call_application', entityId: application.id, before, after: { status: CallApplicationStatus.EXCLUDED, exclusionReason: input.reason } });
      await this.outcomes.tell(tx, call, [{ shopId: application.shopId, applicationId: application.id, outcome: 'EXCLUDED', reason: input.reason }]);
      return { kind: 'application', application: await applications.findOneByOrFail({ id: application.id }) };
    });
  }

  /**
   * For the erasure of a shop owner's account, in its transaction, before the shop is locked (the
   * order the closing takes them in): the open calls the shop applied to, held until the erasure
   * ends, so that none closes meanwhile and admits the shop being erased.
   */
  async holdOpenCallsOf(tx: RequestContext, shopId: string): Promise<void> {
    await this.connection
      .manager(tx)
      .query(
        `SELECT c.id FROM selection_call c WHERE c.status = 'OPEN' AND EXISTS (SELECT 1 FROM call_application a WHERE a.call_id = c.id AND a.shop_id = $1) ORDER BY c.id FOR SHARE OF c`,
        [shopId],
      );
  }

  /**
   * For the erasure of a shop owner's account, in its transaction (after holdOpenCallsOf): shops
   * cannot withdraw an application, so each one still SUBMITTED to an open call is excluded, the
   * erasure given as the reason, and the closing does not admit a shop that no longer exists; one
   * waiting on a closed call's reserve list lapses, so no freed place goes to it.
   */
  async excludeOnErasure(tx: RequestContext, shopId: string): Promise<number> {
    const actor = requireActor(tx, UserRole.SHOP);
    const applications = this.connection.repository(tx, CallApplicationEntity);
    const submitted: { id: string }[] = await this.connection.manager(tx).query(
      `SELECT a.id FROM call_application a JOIN selection_call c ON c.id = a.call_id
        WHERE a.shop_id = $1 AND a.status = 'SUBMITTED' AND c.status = 'OPEN' ORDER BY a.id FOR UPDATE OF a`,
      [shopId],
    );
    const reason = MESSAGES.selectionCall.excludedOnErasure().it;
    for (const { id } of submitted) {
      await applications.update({ id }, { status: CallApplicationStatus.EXCLUDED, exclusionReason: reason, excludedByUserId: actor.userId });
      await this.audit.record(tx, {
        action: 'call_application.excluded',
        entityType: 'call_application',
        entityId: id,
        before: { status: CallApplicationStatus.SUBMITTED, exclusionReason: null },
        after: { status: CallApplicationStatus.EXCLUDED, exclusionReason: reason },
      });
    }
    // On a closed call's reserve list the shop keeps its rank and score (the published list does
    // not change), but it lapses: a place that frees goes to the next one instead.
    const reserve: { id: string }[] = await this.connection
      .manager(tx)
      .query(`SELECT id FROM call_application WHERE shop_id = $1 AND status = 'RESERVE' ORDER BY id FOR UPDATE`, [shopId]);
    for (const { id } of reserve) {
      await applications.update({ id }, { status: CallApplicationStatus.LAPSED });
      await this.audit.record(tx, {
        action: 'call_application.lapsed',
        entityType: 'call_application',
        entityId: id,
        before: { status: CallApplicationStatus.RESERVE },
        after: { status: CallApplicationStatus.LAPSED, reason: 'ACCOUNT_ERASED' },
      });
    }
    return submitted.length + reserve.length;
  }

  /** Staff, or the organisation running the call: its applications, in rank order once ranked, else in the order they came. */
  async listForCall(ctx: RequestContext, callId: string, filter: { status?: CallApplicationStatus }, page: PageRequest): Promise<Page<CallApplicationEntity> & { contacts: boolean }> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN, UserRole.FACILITATOR);
    const { contacts } = await this.publishers.requireReader(ctx, await this.calls.get(ctx, callId, 'callId'));
    const [items, total] = await this.connection.repository(ctx, CallApplicationEntity).findAndCount({
      where: { callId, ...(filter.status && { status: filter.status }) },
      order: { position: { direction: 'ASC', nulls: 'LAST' }, submittedAt: 'ASC', id: 'ASC' },
      skip: page.offset,
      take: page.first,
    });
    return { ...toPage(items, total, page), contacts };
  }

  /** The caller's shop's applications, newest first. */
  async listOwn(ctx: RequestContext, page: PageRequest): Promise<Page<CallApplicationEntity>> {
    const shop = await this.shops.requireOwnShop(ctx);
    const [items, total] = await this.connection
      .repository(ctx, CallApplicationEntity)
      .findAndCount({ where: { shopId: shop.id }, order: { submittedAt: 'DESC', id: 'ASC' }, skip: page.offset, take: page.first });
    return toPage(items, total, page);
  }

  /** The caller's shop's application to a call, or null when it has not applied. */
  async findOwn(ctx: RequestContext, callId: string): Promise<CallApplicationEntity | null> {
    const shop = await this.shops.requireOwnShop(ctx);
    return this.connection.repository(ctx, CallApplicationEntity).findOneBy({ callId, shopId: shop.id });
  }
}
