import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { UserRole } from '../auth/user-role';
import { isStaff, requireActor } from '../common/access';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { ProviderEntity } from './provider.entity';
import { ProviderErrorCode, ProviderException } from './provider.exception';
import { VerificationStatus } from './provider.types';
import { applyOrganisationDecision, closeOnErasure, erasedOwners } from './organisation-decision';
import { detailsLocked, resubmits, VERIFIED_DETAILS } from './provider-verification';
import type { ProviderFilter, RegisterProvider, UpdateProvider, VerifyProvider } from './provider.commands';
import { violatedUniqueConstraint } from '../common/unique-violation';
import { everyWordIn, searchWords } from '../common/text-search';

export type RegisterProviderOutcome = { kind: 'provider'; provider: ProviderEntity } | { kind: 'already-registered' } | { kind: 'partita-iva-taken' };
export type VerifyOutcome =
  | { kind: 'provider'; provider: ProviderEntity; previous: VerificationStatus }
  | { kind: 'invalid-transition'; current: VerificationStatus }
  | { kind: 'owner-erased' }
  | { kind: 'changed-since-read'; updatedAt: Date };

/** Provider organisations and their verification by ministry staff. */
@Injectable()
export class ProviderService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  async register(ctx: RequestContext, input: RegisterProvider): Promise<RegisterProviderOutcome> {
    const actor = requireActor(ctx, UserRole.PROVIDER);
    try {
      return await this.connection.withTransaction(ctx, async (tx) => {
        const providers = this.connection.repository(tx, ProviderEntity);
        if (await providers.existsBy({ ownerUserId: actor.userId })) return { kind: 'already-registered' };
        const provider = await providers.save(
          providers.create({
            ownerUserId: actor.userId,
            name: input.name,
            partitaIva: input.partitaIva,
            kind: input.kind,
            website: input.website ?? null,
            description: input.description,
            verificationStatus: VerificationStatus.PENDING,
            verificationReason: null,
            verifiedAt: null,
            verifiedByUserId: null,
          }),
        );
        await this.audit.record(tx, { action: 'provider.registered', entityType: 'provider', entityId: provider.id, after: provider });
        return { kind: 'provider', provider };
      });
    } catch (error) {
      const constraint = violatedUniqueConstraint(error);
      if (constraint === 'provider_partita_iva_key') return { kind: 'partita-iva-taken' };
      if (constraint === 'provider_owner_user_id_key') return { kind: 'already-registered' };
      throw error;
    }
  }

  /**
   * Changes the caller's details; a rejected organisation that changes something resubmits them.
   * A verified one keeps the name and website the Ministry verified (VERIFIED_DETAILS).
   */
  async update(ctx: RequestContext, input: UpdateProvider): Promise<ProviderEntity> {
    const own = await this.requireOwnProvider(ctx);
    return this.connection.withTransaction(ctx, async (tx) => {
      const providers = this.connection.repository(tx, ProviderEntity);
      const current = await providers.findOneOrFail({ where: { id: own.id }, lock: { mode: 'pessimistic_write' } });
      const before = { ...current };
      const changes: Partial<ProviderEntity> = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      const locked = detailsLocked(current.verificationStatus) ? VERIFIED_DETAILS.find((key) => key in changes && changes[key] !== current[key]) : undefined;
      if (locked) throw new ProviderException(ProviderErrorCode.VERIFIED_DETAIL_LOCKED, `input.${locked}`);
      const changed = Object.entries(changes).some(([key, value]) => current[key as keyof ProviderEntity] !== value);
      const resubmitted = resubmits(current.verificationStatus, changed);
      const updated = await providers.save(
        providers.merge(current, changes, resubmitted ? { verificationStatus: VerificationStatus.PENDING, resubmittedAt: ctx.now } : {}),
      );
      await this.audit.record(tx, { action: resubmitted ? 'provider.resubmitted' : 'provider.updated', entityType: 'provider', entityId: updated.id, before, after: updated });
      return updated;
    });
  }

  /**
   * Ministry staff decide; every decision is audited with its reason. None on a provider whose
   * account was erased (`owner-erased`). What a decision means for the provider's offers and
   * matches is the moderation service's, in the same transaction.
   */
  async verify(ctx: RequestContext, input: VerifyProvider): Promise<VerifyOutcome> {
    const actor = requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    return this.connection.withTransaction(ctx, async (tx) => {
      const providers = this.connection.repository(tx, ProviderEntity);
      const current = await providers.findOne({ where: { id: input.providerId }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new ProviderException(ProviderErrorCode.PROVIDER_NOT_FOUND);
      const outcome = await applyOrganisationDecision(tx, { repository: providers, audit: this.audit, entityType: 'provider' }, current, { ...input, actorUserId: actor.userId });
      return outcome.kind === 'decided' ? { kind: 'provider', provider: outcome.updated, previous: outcome.previous } : outcome;
    });
  }

  /**
   * For the erasure of the owner's account, in its transaction (the row already locked): the
   * organisation stops, as a facilitator's does (organisation-decision.ts): one still approved or
   * awaiting verification is suspended with CLOSED_ON_ERASURE_REASON, so that neither it nor its
   * offers reach shops, catalogues or the figures of approved providers, and staff decide nothing
   * more on it. Audited as `provider.closed`; the record stays (company data).
   */
  async closeOnErasure(tx: RequestContext, providerId: string): Promise<void> {
    const actor = requireActor(tx, UserRole.PROVIDER);
    const providers = this.connection.repository(tx, ProviderEntity);
    const current = await providers.findOne({ where: { id: providerId }, lock: { mode: 'pessimistic_write' } });
    if (!current || current.ownerUserId !== actor.userId) throw new ProviderException(ProviderErrorCode.PROVIDER_NOT_FOUND);
    await closeOnErasure(tx, { repository: providers, audit: this.audit, entityType: 'provider' }, current);
  }

  async findOwn(ctx: RequestContext): Promise<ProviderEntity | null> {
    const actor = requireActor(ctx, UserRole.PROVIDER);
    return this.connection.repository(ctx, ProviderEntity).findOneBy({ ownerUserId: actor.userId });
  }

  /** For other features: the caller's organisation, or PROVIDER_NOT_REGISTERED. */
  async requireOwnProvider(ctx: RequestContext): Promise<ProviderEntity> {
    const provider = await this.findOwn(ctx);
    if (!provider) throw new ProviderException(ProviderErrorCode.PROVIDER_NOT_REGISTERED);
    return provider;
  }

  /** One provider: its owner or ministry staff. Anyone else is told it does not exist. */
  async get(ctx: RequestContext, id: string): Promise<ProviderEntity> {
    const actor = requireActor(ctx);
    const provider = await this.connection.repository(ctx, ProviderEntity).findOneBy({ id });
    if (!provider || (!isStaff(actor) && provider.ownerUserId !== actor.userId)) throw new ProviderException(ProviderErrorCode.PROVIDER_NOT_FOUND);
    return provider;
  }

  /** The verification queue and provider lists (ministry staff); pending ones oldest first. */
  async list(ctx: RequestContext, filter: ProviderFilter, page: PageRequest): Promise<Page<ProviderEntity>> {
    requireActor(ctx, UserRole.MINISTRY, UserRole.ADMIN);
    const query = this.connection.repository(ctx, ProviderEntity).createQueryBuilder('p');
    if (filter.status) query.andWhere('p.verification_status = :status', { status: filter.status });
    const words = searchWords(filter.search);
    if (words.length > 0) {
      const { sql, params } = everyWordIn(`p.name || ' ' || p.partita_iva`, words, 'word');
      query.andWhere(sql, params);
    }
    const [items, total] = await query.orderBy('p.created_at', 'ASC').addOrderBy('p.id', 'ASC').skip(page.offset).take(page.first).getManyAndCount();
    return toPage(items, total, page);
  }

  /** Batch lookup for DataLoader, in the order asked. */
  async findByIds(ids: readonly string[]): Promise<(ProviderEntity | undefined)[]> {
    const rows = await this.connection.dataSource.getRepository(ProviderEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  }

  /** Batch lookup for DataLoader: whether the account owning an organisation (provider or facilitator) was erased, in the order asked. */
  async erasedOwners(ownerUserIds: readonly string[]): Promise<boolean[]> {
    return erasedOwners(this.connection.dataSource.manager, ownerUserIds);
  }
}
