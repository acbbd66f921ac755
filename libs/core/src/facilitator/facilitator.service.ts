import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { UserRole } from '../auth/user-role';
import { fieldPath } from '../common/field-path';
import { isStaff, requireActor } from '../common/access';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { everyWordIn, searchWords } from '../common/text-search';
import { TransactionalConnection } from '../common/transactional-connection';
import { applyOrganisationDecision, closeOnErasure } from '../provider/organisation-decision';
import { detailsLocked, providerActive, resubmits } from '../provider/provider-verification';
import { VerificationStatus } from '../provider/provider.types';
import { TerritoryErrorCode, TerritoryException } from '../territory/territory.exception';
import { TerritoryService } from '../territory/territory.service';
import { FacilitatorEntity } from './facilitator.entity';
import { FacilitatorErrorCode, FacilitatorException } from './facilitator.exception';
import type { FacilitatorFilter, FacilitatorTerritory, RegisterFacilitator, UpdateFacilitator, VerifyFacilitator } from './facilitator.commands';
import { violatedUniqueConstraint } from '../common/unique-violation';

export type RegisterFacilitatorOutcome = { kind: 'facilitator'; facilitator: FacilitatorEntity } | { kind: 'already-registered' } | { kind: 'tax-code-taken' };
export type VerifyFacilitatorOutcome =
  | { kind: 'facilitator'; facilitator: FacilitatorEntity; previous: VerificationStatus }
  | { kind: 'invalid-transition'; current: VerificationStatus }
  | { kind: 'owner-erased' }
  | { kind: 'changed-since-read'; updatedAt: Date };

/**
 * Facilitator organisations and their verification by ministry staff, with the same decisions
 * as providers (provider-verification.ts): only an approved one acts for shops.
 */
@Injectable()
export class FacilitatorService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
  ) {}

  async register(ctx: RequestContext, input: RegisterFacilitator): Promise<RegisterFacilitatorOutcome> {
    const actor = requireActor(ctx, UserRole.FACILITATOR);
    await this.checkTerritory(ctx, input.territory, 'input.territory');
    try {
      return await this.connection.withTransaction(ctx, async (tx) => {
        const facilitators = this.connection.repository(tx, FacilitatorEntity);
        if (await facilitators.existsBy({ ownerUserId: actor.userId })) return { kind: 'already-registered' };
        const facilitator = await facilitators.save(
          facilitators.create({
            ownerUserId: actor.userId,
            name: input.name,
            kind: input.kind,
            taxCode: input.taxCode,
            contactEmail: input.contactEmail,
            website: input.website ?? null,
            ...territoryColumns(input.territory),
            verificationStatus: VerificationStatus.PENDING,
            verificationReason: null,
            verifiedAt: null,
            verifiedByUserId: null,
            resubmittedAt: null,
          }),
        );
        await this.audit.record(tx, { action: 'facilitator.registered', entityType: 'facilitator', entityId: facilitator.id, after: facilitator });
        return { kind: 'facilitator', facilitator };
      });
    } catch (error) {
      const constraint = violatedUniqueConstraint(error);
      if (constraint === 'facilitator_tax_code_key') return { kind: 'tax-code-taken' };
      if (constraint === 'facilitator_owner_user_id_key') return { kind: 'already-registered' };
      throw error;
    }
  }

  /** Changes the caller's details; a rejected organisation that changes something resubmits them. */
  async update(ctx: RequestContext, input: UpdateFacilitator): Promise<FacilitatorEntity> {
    const own = await this.requireOwn(ctx);
    if (input.territory) await this.checkTerritory(ctx, input.territory, 'input.territory');
    return this.connection.withTransaction(ctx, async (tx) => {
      const facilitators = this.connection.repository(tx, FacilitatorEntity);
      const current = await facilitators.findOneOrFail({ where: { id: own.id }, lock: { mode: 'pessimistic_write' } });
      const before = { ...current };
      const { territory, ...rest } = input;
      const changes: Partial<FacilitatorEntity> = {
        ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)),
        ...(territory ? territoryColumns(territory) : {}),
      };
      const differs = (key: keyof FacilitatorEntity): boolean => key in changes && JSON.stringify(current[key]) !== JSON.stringify(changes[key]);
      // What shops choose a verified facilitator by stays as the Ministry verified it.
      if (detailsLocked(current.verificationStatus)) {
        const locked = differs('name') ? 'input.name' : differs('website') ? 'input.website' : TERRITORY_COLUMNS.some(differs) ? 'input.territory' : null;
        if (locked) throw new FacilitatorException(FacilitatorErrorCode.VERIFIED_DETAIL_LOCKED, locked);
      }
      const changed = Object.entries(changes).some(([key, value]) => JSON.stringify(current[key as keyof FacilitatorEntity]) !== JSON.stringify(value));
      const resubmitted = resubmits(current.verificationStatus, changed);
      const updated = await facilitators.save(
        facilitators.merge(current, changes, resubmitted ? { verificationStatus: VerificationStatus.PENDING, resubmittedAt: ctx.now } : {}),
      );
      await this.audit.record(tx, {
        action: resubmitted ? 'facilitator.resubmitted' : 'facilitator.updated',
        entityType: 'facilitator',
        entityId: updated.id,
        before,
        after: updated,
      });
      return updated;
    });
  }

  /**
   * Ministry staff decide, with a reason except to approve; called by the moderation service. None
   * on an organisation whose account was erased (`owner-erased`).
   */
  async verify(ctx: RequestContext, input: VerifyFacilitator): Promise<VerifyFacilitatorOutcome> {
    const actor = requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    return this.connection.withTransaction(ctx, async (tx) => {
      const facilitators = this.connection.repository(tx, FacilitatorEntity);
      const current = await facilitators.findOne({ where: { id: input.facilitatorId }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new FacilitatorException(FacilitatorErrorCode.FACILITATOR_NOT_FOUND, 'input.facilitatorId');
      const outcome = await applyOrganisationDecision(tx, { repository: facilitators, audit: this.audit, entityType: 'facilitator' }, current, { ...input, actorUserId: actor.userId });
      return outcome.kind === 'decided' ? { kind: 'facilitator', facilitator: outcome.updated, previous: outcome.previous } : outcome;
    });
  }

  async findOwn(ctx: RequestContext): Promise<FacilitatorEntity | null> {
    const actor = requireActor(ctx, UserRole.FACILITATOR);
    return this.connection.repository(ctx, FacilitatorEntity).findOneBy({ ownerUserId: actor.userId });
  }

  /** For other features: the caller's organisation, or FACILITATOR_NOT_REGISTERED. */
  async requireOwn(ctx: RequestContext): Promise<FacilitatorEntity> {
    const facilitator = await this.findOwn(ctx);
    if (!facilitator) throw new FacilitatorException(FacilitatorErrorCode.FACILITATOR_NOT_REGISTERED);
    return facilitator;
  }

  /** The caller's organisation when it is approved: the only state in which it acts for shops. */
  async requireOwnApproved(ctx: RequestContext): Promise<{ facilitator: FacilitatorEntity; approved: boolean }> {
    const facilitator = await this.requireOwn(ctx);
    return { facilitator, approved: providerActive(facilitator.verificationStatus) };
  }

  /**
   * One organisation: its owner and staff see everything; a shop sees an approved one (to choose
   * it, or to read who acts for it). Anyone else is told it does not exist.
   */
  async get(ctx: RequestContext, id: string, field = 'id'): Promise<FacilitatorEntity> {
    const actor = requireActor(ctx);
    const facilitator = await this.connection.repository(ctx, FacilitatorEntity).findOneBy({ id });
    const visible =
      facilitator &&
      (isStaff(actor) || facilitator.ownerUserId === actor.userId || (actor.role === UserRole.SHOP && providerActive(facilitator.verificationStatus)));
    if (!visible) throw new FacilitatorException(FacilitatorErrorCode.FACILITATOR_NOT_FOUND, field);
    return facilitator;
  }

  /**
   * Staff: every organisation, by verification status (the queue: oldest first). Shops: the
   * approved ones, to choose one, optionally those serving a comune. Either narrowed by a search
   * of the name or the tax code.
   */
  async list(ctx: RequestContext, filter: FacilitatorFilter, page: PageRequest): Promise<Page<FacilitatorEntity>> {
    const actor = requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN, UserRole.SHOP);
    const status = isStaff(actor) ? filter.status : VerificationStatus.APPROVED;
    const query = this.connection.repository(ctx, FacilitatorEntity).createQueryBuilder('f');
    if (status) query.andWhere('f.verification_status = :status', { status });
    if (filter.comuneCode) {
      const comune = await this.territory.getComune(ctx, filter.comuneCode, 'filter.comuneCode');
      query.andWhere('(f.national OR :region = ANY(f.region_codes) OR :province = ANY(f.province_codes) OR :comune = ANY(f.comune_codes))', {
        region: comune.regionCode,
        province: comune.provinceCode,
        comune: comune.code,
      });
    }
    const words = searchWords(filter.search);
    if (words.length > 0) {
      // Every word in the name ("commercio torino" finds "Camera di Commercio di Torino"), or the search within the tax code.
      const inName = everyWordIn('f.name', words, 'word');
      query.andWhere(`(${inName.sql} OR f.tax_code LIKE '%' || comune_search_like(:search) || '%')`, { search: filter.search, ...inName.params });
    }
    const order = isStaff(actor) ? query.orderBy('f.created_at', 'ASC') : query.orderBy('f.name', 'ASC');
    const [items, total] = await order.addOrderBy('f.id').skip(page.offset).take(page.first).getManyAndCount();
    return toPage(items, total, page);
  }

  /** The names of the organisations these accounts own, by account (for histories of what they did). */
  async namesByOwners(ctx: RequestContext | undefined, userIds: readonly string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const repository = ctx ? this.connection.repository(ctx, FacilitatorEntity) : this.connection.dataSource.getRepository(FacilitatorEntity);
    const rows = await repository.findBy({ ownerUserId: In([...userIds]) });
    return new Map(rows.map((row) => [row.ownerUserId, row.name]));
  }

  /**
   * Whether the organisation may act for shops now, read under a share lock in the caller's
   * transaction: a change that creates a delegation waits for an erasure or a staff decision under
   * way, and is refused when it made the organisation stop.
   */
  async lockActing(tx: RequestContext, facilitatorId: string): Promise<boolean> {
    const [row]: { verification_status: VerificationStatus }[] = await this.connection
      .manager(tx)
      .query(`SELECT verification_status FROM facilitator WHERE id = $1 FOR SHARE`, [facilitatorId]);
    return row !== undefined && providerActive(row.verification_status);
  }

  /**
   * For the erasure of the owner's account, in its transaction (the row already locked): the
   * organisation stops acting. One still approved or awaiting verification is suspended with
   * CLOSED_ON_ERASURE_REASON (staff decide nothing more on it); a rejected or suspended one keeps
   * staff's decision. Audited as `facilitator.closed` either way; the record stays (organisation data).
   */
  async closeOnErasure(tx: RequestContext, facilitatorId: string): Promise<void> {
    requireActor(tx, UserRole.FACILITATOR);
    const facilitators = this.connection.repository(tx, FacilitatorEntity);
    const current = await facilitators.findOneOrFail({ where: { id: facilitatorId }, lock: { mode: 'pessimistic_write' } });
    await closeOnErasure(tx, { repository: facilitators, audit: this.audit, entityType: 'facilitator' }, current);
  }

  /** Batch lookup for DataLoader, in the order asked. */
  async findByIds(ids: readonly string[]): Promise<(FacilitatorEntity | undefined)[]> {
    const rows = await this.connection.dataSource.getRepository(FacilitatorEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  }

  /** Every code must exist; nothing is written before this passes. */
  private async checkTerritory(ctx: RequestContext, territory: FacilitatorTerritory, field: string): Promise<void> {
    const { national, regionCodes, provinceCodes, comuneCodes } = territory;
    if (!national && regionCodes.length + provinceCodes.length + comuneCodes.length === 0) {
      throw new FacilitatorException(FacilitatorErrorCode.TERRITORY_EMPTY, field);
    }
    for (const [i, code] of regionCodes.entries()) await this.territory.getRegion(ctx, code, fieldPath(field, 'regionCodes', i));
    for (const [i, code] of provinceCodes.entries()) await this.territory.getProvince(ctx, code, fieldPath(field, 'provinceCodes', i));
    const found = await this.territory.findComuniByCodes(comuneCodes);
    const missing = comuneCodes.findIndex((_code, i) => !found[i]);
    if (missing >= 0) throw new TerritoryException(TerritoryErrorCode.COMUNE_NOT_FOUND, fieldPath(field, 'comuneCodes', missing), comuneCodes[missing]);
  }
}

/** The territory as stored: lists without repeats, in code order, emptied when national. */
const TERRITORY_COLUMNS: readonly (keyof FacilitatorEntity)[] = ['national', 'regionCodes', 'provinceCodes', 'comuneCodes'];

function territoryColumns(territory: FacilitatorTerritory): Pick<FacilitatorEntity, 'national' | 'regionCodes' | 'provinceCodes' | 'comuneCodes'> {
  const tidy = (codes: readonly string[]): string[] => (territory.national ? [] : [...new Set(codes)].sort());
  return {
    national: territory.national,
    regionCodes: tidy(territory.regionCodes),
    provinceCodes: tidy(territory.provinceCodes),
    comuneCodes: tidy(territory.comuneCodes),
  };
}
