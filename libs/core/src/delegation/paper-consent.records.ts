import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/request-context';
import { DAY_MS, EARLIEST_DATE, italianDate } from '../common/time';
import { TransactionalConnection } from '../common/transactional-connection';
import type { FacilitatorEntity } from '../facilitator/facilitator.entity';
import { FacilitatorService } from '../facilitator/facilitator.service';
import type { NewMail } from '../mail/mail.commands';
import { MailKind } from '../mail/mail.types';
import { MailService } from '../mail/mail.service';
import { day } from '../messages';
import type { ShopEntity } from '../shop/shop.entity';
import { linkToken, newLinkSecret } from './delegation-link';
import { DelegationEntity } from './delegation.entity';
import { DelegationErrorCode, DelegationException } from './delegation.exception';
import { DelegationConsent, DelegationStatus, LINK_VALID_DAYS } from './delegation.types';
import { RELEASABLE_ACCOUNT } from './unconfirmed-address';

/** A shop just registered on paper, and what its delegation records. */
export interface PaperConsent {
  shop: Pick<ShopEntity, 'id' | 'legalName' | 'tradingName'>;
  ownerEmail: string;
  /** YYYY-MM-DD, as on the signed declaration. */
  declaredOn: string;
  /** The facilitator's own code for the shop, when it came from a file. */
  externalKey: string | null;
}

/** How old a paper declaration may be, in years: an older consent is signed again, and an older date is most likely a typing slip. */
export const DECLARATION_VALID_YEARS = 2;

/**
 * The date of a paper declaration may not lie in the future (compared with today's date in
 * Italy), nor more than DECLARATION_VALID_YEARS before it, nor before the platform's earliest date.
 */
export function assertDeclaredOn(declaredOn: string, now: Date, field: string): void {
  const today = italianDate(now);
  if (declaredOn > today) throw new DelegationException(DelegationErrorCode.DECLARED_IN_FUTURE, field);
  if (declaredOn < EARLIEST_DATE.toISOString().slice(0, 10)) throw new DelegationException(DelegationErrorCode.DECLARED_OUT_OF_RANGE, field);
  const oldest = `${Number(today.slice(0, 4)) - DECLARATION_VALID_YEARS}${today.slice(4)}`;
  if (declaredOn < oldest) throw new DelegationException(DelegationErrorCode.DECLARED_TOO_LONG_AGO, field);
}

/**
 * Claim links one address may be sent in 24 hours, first ones and sent again alike: an owner may
 * have a few shops, but a file naming one address on every row, or a link sent again in a loop,
 * would otherwise e-mail it without end.
 */
export const CLAIMS_PER_ADDRESS_PER_DAY = 5;

/**
 * The delegation side of registering shops on a paper consent, for one shop (registerShopOnPaper)
 * or a batch of a CSV import alike: the ACTIVE delegations flagged PAPER with their date, their
 * audit events and the claim invitations to the owners, in a few statements of the caller's
 * transaction. Also finds the delegations a facilitator's file named by their external key.
 */
@Injectable()
export class PaperConsentRecords {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly facilitators: FacilitatorService,
  ) {}

  /**
   * How many claim links went to each of these addresses (lower case) in the last 24 hours, by
   * the e-mails recorded; in a transaction, under the addresses' locks.
   */
  async claimsSentTo(ctx: RequestContext, addresses: readonly string[]): Promise<Map<string, number>> {
    const wanted = await this.lockAddresses(ctx, addresses);
    if (wanted.length === 0) return new Map();
    const rows: { address: string; n: number }[] = await this.connection.manager(ctx).query(
      `SELECT lower(recipient) AS address, count(*)::int AS n FROM mail_message
        WHERE kind = $1 AND lower(recipient) = ANY($2) AND created_at > $3 GROUP BY 1`,
      [MailKind.SHOP_CLAIM_INVITATION, wanted, new Date(ctx.now.getTime() - DAY_MS)],
    );
    return new Map(rows.map((row) => [row.address, row.n]));
  }

  /**
   * The addresses (lower case, each once, in order), each locked first when in a transaction, in
   * that order so two imports never wait on each other: what is read about an address, and the
   * claims then sent to it, follow one another whichever process makes them. Held to the end of
   * the transaction; taking it again in the same one does not wait.
   */
  private async lockAddresses(ctx: RequestContext, addresses: readonly string[]): Promise<string[]> {
    const wanted = [...new Set(addresses.map((address) => address.toLowerCase()))].sort();
    if (wanted.length > 0 && ctx.manager) {
      await this.connection.manager(ctx).query(`SELECT pg_advisory_xact_lock(hashtext('claim-links:' || a)) FROM unnest($1::text[]) AS a ORDER BY a`, [wanted]);
    }
    return wanted;
  }

  /** Refuses the one claim link about to go to `ownerEmail` when the address already had its day's share. */
  /** `except`: the delegation whose claim link is being sent again (its own shop waiting is no obstacle). */
  async assertClaimAllowed(ctx: RequestContext, ownerEmail: string, field: string, except?: string): Promise<void> {
    const refused = (await this.addressesThatCannotClaim(ctx, [ownerEmail], except)).get(ownerEmail.toLowerCase());
    if (refused) throw new DelegationException(refused, field);
    const sent = (await this.claimsSentTo(ctx, [ownerEmail])).get(ownerEmail.toLowerCase()) ?? 0;
    if (sent >= CLAIMS_PER_ADDRESS_PER_DAY) throw new DelegationException(DelegationErrorCode.CLAIMS_TO_ADDRESS_LIMIT, field);
  }

  /**
   * Of these addresses, the ones (lower case) whose owner could never claim a shop, and why. The
   * claim opens a shop account at the address, or attaches the shop to the shop account signed in
   * there, and one account manages one shop: an address of another role's account, of a disabled
   * one, or of a shop account that already has its business, or one at which another shop
   * registered on paper already waits to be claimed (but `except`'s), would lead its owner to a
   * claim page that can only refuse. An account that never confirmed the address and owns nothing
   * is no obstacle: the claim takes the address from it (RELEASABLE_ACCOUNT).
   */
  async addressesThatCannotClaim(ctx: RequestContext, addresses: readonly string[], except?: string): Promise<Map<string, DelegationErrorCode>> {
    // Under the addresses' locks: two registrations naming one address at once are judged one after the other, the second seeing the first's shop waiting.
    const wanted = await this.lockAddresses(ctx, addresses);
    if (wanted.length === 0) return new Map();
    const rows: { email: string; waiting: boolean }[] = await this.connection.manager(ctx).query(
      `SELECT u.email, false AS waiting FROM user_account u
        WHERE u.email = ANY($1) AND (u.role <> 'SHOP' OR u.disabled_at IS NOT NULL OR EXISTS (SELECT 1 FROM shop s WHERE s.owner_user_id = u.id))
          AND NOT ${RELEASABLE_ACCOUNT('u')}
       UNION ALL
       SELECT lower(d.invited_email), true FROM delegation d JOIN shop s ON s.id = d.shop_id
        WHERE lower(d.invited_email) = ANY($1) AND d.status = 'ACTIVE' AND d.consent = 'PAPER' AND s.owner_user_id IS NULL
          AND d.id IS DISTINCT FROM $2::uuid`,
      [wanted, except ?? null],
    );
    const refused = new Map<string, DelegationErrorCode>();
    // An account that cannot claim says more than a shop waiting: it is named first.
    for (const row of rows) if (!row.waiting || !refused.has(row.email)) refused.set(row.email, row.waiting ? DelegationErrorCode.OWNER_ADDRESS_HAS_SHOP_WAITING : DelegationErrorCode.OWNER_ADDRESS_CANNOT_CLAIM);
    return refused;
  }

  async recordMany(tx: RequestContext, facilitator: Pick<FacilitatorEntity, 'id' | 'name'>, items: readonly PaperConsent[]): Promise<DelegationEntity[]> {
    if (items.length === 0) return [];
    if (!tx.manager) throw new Error('Paper consents are recorded inside the transaction that registers their shops');
    // Checked again under lock: an erasure of the organisation's account under way leaves no shop behind it.
    if (!(await this.facilitators.lockActing(tx, facilitator.id))) throw new DelegationException(DelegationErrorCode.FACILITATOR_NOT_APPROVED);
    const expires = new Date(tx.now.getTime() + LINK_VALID_DAYS * DAY_MS);
    const links = items.map(() => newLinkSecret());
    const delegations = this.connection.repository(tx, DelegationEntity);
    const entities = items.map((item, i) =>
      delegations.create({
        facilitatorId: facilitator.id,
        shopId: item.shop.id,
        status: DelegationStatus.ACTIVE,
        consent: DelegationConsent.PAPER,
        paperDeclaredOn: item.declaredOn,
        externalKey: item.externalKey,
        invitedEmail: item.ownerEmail,
        linkSecretHash: links[i].hash,
        linkExpiresAt: expires,
        linkUsedAt: null,
        activatedAt: tx.now,
        endedAt: null,
        endedByUserId: null,
      }),
    );
    const inserted = await delegations.insert(entities);
    entities.forEach((entity, i) => Object.assign(entity, inserted.generatedMaps[i], { id: String(inserted.identifiers[i].id) }));
    await this.audit.recordMany(
      tx,
      items.map((item, i) => ({
        action: 'delegation.registered_on_paper',
        entityType: 'delegation',
        entityId: entities[i].id,
        after: {
          facilitatorId: facilitator.id,
          shopId: item.shop.id,
          consent: DelegationConsent.PAPER,
          paperDeclaredOn: item.declaredOn,
          ownerEmail: item.ownerEmail,
          ...(item.externalKey === null ? {} : { externalKey: item.externalKey }),
        },
      })),
    );
    await this.mail.enqueue(
      tx,
      items.map((item, i) => this.claimMail(`delegation:${entities[i].id}:claim`, facilitator, item.shop, item.ownerEmail, item.declaredOn, linkToken(entities[i].id, links[i].secret), expires)),
    );
    return entities;
  }

  /**
   * A new claim link for a live paper delegation whose shop nobody has claimed yet (the first one
   * expired, or went to a wrong address): the previous link stops working, the owner gets the new
   * one at `ownerEmail`, and the change is audited.
   */
  async reissueClaim(
    tx: RequestContext,
    facilitator: Pick<FacilitatorEntity, 'id' | 'name'>,
    delegation: DelegationEntity,
    shop: Pick<ShopEntity, 'id' | 'legalName' | 'tradingName'>,
    ownerEmail: string,
  ): Promise<DelegationEntity> {
    const expires = new Date(tx.now.getTime() + LINK_VALID_DAYS * DAY_MS);
    const link = newLinkSecret();
    const delegations = this.connection.repository(tx, DelegationEntity);
    await delegations.update({ id: delegation.id }, { invitedEmail: ownerEmail, linkSecretHash: link.hash, linkExpiresAt: expires, linkUsedAt: null });
    await this.audit.record(tx, {
      action: 'delegation.claim_link_resent',
      entityType: 'delegation',
      entityId: delegation.id,
      before: { ownerEmail: delegation.invitedEmail, linkExpiresAt: delegation.linkExpiresAt },
      after: { ownerEmail, linkExpiresAt: expires },
    });
    const declaredOn = delegation.paperDeclaredOn ?? italianDate(tx.now);
    await this.mail.enqueue(tx, [
      this.claimMail(`delegation:${delegation.id}:claim:${tx.now.toISOString()}`, facilitator, shop, ownerEmail, declaredOn, linkToken(delegation.id, link.secret), expires),
    ]);
    return delegations.findOneByOrFail({ id: delegation.id });
  }

  private claimMail(
    idempotencyKey: string,
    facilitator: Pick<FacilitatorEntity, 'name'>,
    shop: Pick<ShopEntity, 'legalName' | 'tradingName'>,
    ownerEmail: string,
    declaredOn: string,
    token: string,
    expires: Date,
  ): NewMail {
    return {
      idempotencyKey,
      kind: MailKind.SHOP_CLAIM_INVITATION,
      userId: null,
      recipient: ownerEmail,
      values: {
        facilitator: facilitator.name,
        shop: shop.tradingName ?? shop.legalName,
        declaredOn: day(new Date(`${declaredOn}T12:00:00Z`)),
        link: this.mail.link(`/rivendica#${token}`),
        validUntil: day(expires),
      },
    };
  }

  /** The facilitator's delegations with these external keys, each with its shop, by key: one query for a batch. */
  async byExternalKeys(ctx: RequestContext, facilitatorId: string, keys: readonly string[]): Promise<Map<string, DelegationEntity>> {
    if (keys.length === 0) return new Map();
    const found = await this.connection.repository(ctx, DelegationEntity).find({ where: { facilitatorId, externalKey: In([...keys]) }, relations: { shop: true } });
    return new Map(found.map((delegation) => [delegation.externalKey ?? '', delegation]));
  }
}
