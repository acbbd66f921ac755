import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { ProviderService } from '../provider/provider.service';
import { OfferCoverageEntity } from './offer-coverage.entity';
import { loadCoverage } from './offer-coverage.query';
import { OfferIntegrationEntity } from './offer-integration.entity';
import { shownToShops } from './offer-status';
import { OfferEntity } from './offer.entity';
import { OfferErrorCode, OfferException } from './offer.exception';
import { OfferStatus } from './offer.types';
import type { DeclareOfferIntegrations } from './offer.commands';

/** The most partner offers one offer may declare: a store with its payments, deliveries and a few more. */
export const MAX_OFFER_INTEGRATIONS = 10;

export type DeclareIntegrationsOutcome = { kind: 'offer'; offer: OfferEntity } | { kind: 'closed' };

/** Two offers that work together: one of them declares the other (either way round). */
export interface OfferLink {
  readonly offerId: string;
  readonly partnerOfferId: string;
}

/**
 * Integrations between offers: a provider declares which other providers' offers its offer works
 * with; shops see them on the offer and bundles prefer sets whose parts are linked this way.
 */
@Injectable()
export class OfferIntegrationService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly providers: ProviderService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Replaces the partners one of the caller's offers declares. A new partner must be another
   * provider's offer that shops see now; one already declared may stay while it is paused.
   */
  async declare(ctx: RequestContext, input: DeclareOfferIntegrations): Promise<DeclareIntegrationsOutcome> {
    const provider = await this.providers.requireOwnProvider(ctx);
    const ids = input.partnerOfferIds;
    if (ids.length > MAX_OFFER_INTEGRATIONS) throw new OfferException(OfferErrorCode.INTEGRATIONS_TOO_MANY, 'input.partnerOfferIds', String(MAX_OFFER_INTEGRATIONS));
    ids.forEach((id, i) => {
      if (id === input.offerId) throw new OfferException(OfferErrorCode.INTEGRATION_SELF, `input.partnerOfferIds.${i}`);
      if (ids.indexOf(id) !== i) throw new OfferException(OfferErrorCode.INTEGRATION_DUPLICATE, `input.partnerOfferIds.${i}`);
    });
    return this.connection.withTransaction(ctx, async (tx): Promise<DeclareIntegrationsOutcome> => {
      const offers = this.connection.repository(tx, OfferEntity);
      const own = await offers.findOne({ where: { id: input.offerId, providerId: provider.id }, lock: { mode: 'pessimistic_write' } });
      if (!own) throw new OfferException(OfferErrorCode.OFFER_NOT_FOUND, 'input.offerId');
      if (own.status === OfferStatus.CLOSED) return { kind: 'closed' };
      const rows = this.connection.repository(tx, OfferIntegrationEntity);
      const before = (await rows.find({ where: { offerId: own.id }, order: { partnerOfferId: 'ASC' } })).map((row) => row.partnerOfferId);
      const partners = ids.length === 0 ? [] : await offers.find({ where: { id: In([...ids]) }, relations: { provider: true } });
      const byId = new Map(partners.map((partner) => [partner.id, partner]));
      ids.forEach((id, i) => {
        const partner = byId.get(id);
        const known = partner && (before.includes(id) || shownToShops(partner.status, partner.provider?.verificationStatus));
        if (!partner || !known) throw new OfferException(OfferErrorCode.INTEGRATION_PARTNER_NOT_FOUND, `input.partnerOfferIds.${i}`);
        if (partner.providerId === provider.id) throw new OfferException(OfferErrorCode.INTEGRATION_SAME_PROVIDER, `input.partnerOfferIds.${i}`);
      });
      await rows.delete({ offerId: own.id });
      if (ids.length > 0) await rows.insert(ids.map((partnerOfferId) => ({ offerId: own.id, partnerOfferId })));
      await this.audit.record(tx, {
        action: 'offer.integrations_declared',
        entityType: 'offer',
        entityId: own.id,
        before: { partnerOfferIds: before },
        after: { partnerOfferIds: [...ids].sort() },
      });
      const offer = await offers.findOneByOrFail({ id: own.id });
      const [withCoverage] = await loadCoverage(this.connection.repository(tx, OfferCoverageEntity), [offer]);
      return { kind: 'offer', offer: withCoverage };
    });
  }

  /**
   * For the per-request loader: the partners each offer declares that shops see now (a paused or
   * suspended partner drops out of view until it is shown again), with their provider, by title.
   */
  async partnersShownOf(offerIds: readonly string[]): Promise<OfferEntity[][]> {
    const rows = await this.connection.dataSource.getRepository(OfferIntegrationEntity).find({
      where: { offerId: In([...offerIds]) },
      relations: { partnerOffer: { provider: true } },
    });
    const byOffer = new Map<string, OfferEntity[]>(offerIds.map((id) => [id, []]));
    for (const row of rows) {
      const partner = row.partnerOffer;
      if (partner && shownToShops(partner.status, partner.provider?.verificationStatus)) byOffer.get(row.offerId)?.push(partner);
    }
    return offerIds.map((id) => (byOffer.get(id) ?? []).sort((a, b) => a.title.localeCompare(b.title, 'it') || a.id.localeCompare(b.id)));
  }

  /** The declared links among these offers, each pair once whichever side declared it (for bundles). */
  async linksAmong(ctx: RequestContext, offerIds: readonly string[]): Promise<OfferLink[]> {
    if (offerIds.length < 2) return [];
    const rows = await this.connection
      .repository(ctx, OfferIntegrationEntity)
      .find({ where: { offerId: In([...offerIds]), partnerOfferId: In([...offerIds]) }, order: { offerId: 'ASC', partnerOfferId: 'ASC' } });
    const seen = new Set<string>();
    const links: OfferLink[] = [];
    for (const row of rows) {
      const [a, b] = [row.offerId, row.partnerOfferId].sort();
      if (seen.has(`${a}|${b}`)) continue;
      seen.add(`${a}|${b}`);
      links.push({ offerId: a, partnerOfferId: b });
    }
    return links;
  }
}
