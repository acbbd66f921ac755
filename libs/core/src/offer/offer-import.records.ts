import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { insertInChunks } from '../common/batch-insert';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { OfferCoverageEntity } from './offer-coverage.entity';
import { CoverageRow } from './offer-coverage.input';
import { loadCoverage } from './offer-coverage.query';
import { type Holder, offerHolders } from './offer-holders';
import { OfferSectors } from './offer-sectors';
import { OfferEntity } from './offer.entity';
import { offerAuditView } from './offer.service';
import { OfferStatus } from './offer.types';
import type { CreateOffer } from './offer.commands';

/** One offer of an import, checked like createOffer's input (sectors and coverage resolved). */
export interface ImportedOffer {
  externalKey: string;
  input: CreateOffer;
  sectors: OfferSectors;
  coverage: { national: boolean; rows: readonly CoverageRow[] };
  publish: boolean;
}

/**
 * The offer side of CSV imports: offers found by their provider's external key, and many new
 * offers written at once (one statement per table for a batch, audited like createOffer). Changes
 * to known offers go through OfferService.update and changeStatus, with their rules.
 */
@Injectable()
export class OfferImportRecords {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  /** The provider's offers with these keys, with their coverage, by key: one query for a batch. */
  async byExternalKeys(ctx: RequestContext, providerId: string, keys: readonly string[]): Promise<Map<string, OfferEntity>> {
    if (keys.length === 0) return new Map();
    const offers = await this.connection.repository(ctx, OfferEntity).find({ where: { providerId, externalKey: In([...keys]) } });
    await loadCoverage(this.connection.repository(ctx, OfferCoverageEntity), offers);
    return new Map(offers.map((offer) => [offer.externalKey ?? '', offer]));
  }

  /** The shops holding or waiting for a place on an offer (an import's edit must still fit them). */
  holders(ctx: RequestContext, offerId: string): Promise<Holder[]> {
    return offerHolders(this.connection.manager(ctx), offerId);
  }

  /** New offers (drafts, or published when asked and already checked), in the context's transaction; their ids in order. */
  async createMany(ctx: RequestContext, providerId: string, items: readonly ImportedOffer[]): Promise<string[]> {
    if (items.length === 0) return [];
    if (!ctx.manager) throw new Error('Imported offers outside a transaction');
    const offers = this.connection.repository(ctx, OfferEntity);
    const entities = items.map((item) =>
      offers.create({
        providerId,
        externalKey: item.externalKey,
        title: item.input.title,
        description: item.input.description,
        categories: item.input.categories,
        coverageNational: item.coverage.national,
        ...item.sectors,
        capacity: item.input.capacity,
        used: 0,
        freePeriodMonths: item.input.freePeriodMonths,
        conditions: item.input.conditions,
        validFrom: item.input.validFrom,
        validUntil: item.input.validUntil ?? null,
        status: item.publish ? OfferStatus.PUBLISHED : OfferStatus.DRAFT,
        publishedAt: item.publish ? ctx.now : null,
      }),
    );
    const inserted = await offers.insert(entities);
    const ids = inserted.identifiers.map((identifier) => String(identifier.id));
    await insertInChunks(
      this.connection.repository(ctx, OfferCoverageEntity),
      items.flatMap((item, i) => item.coverage.rows.map((row) => ({ ...row, offerId: ids[i] }))),
    );
    await this.audit.recordMany(
      ctx,
      items.map((item, i) => ({ action: 'offer.created', entityType: 'offer', entityId: ids[i], after: offerAuditView(entities[i], item.coverage.rows) })),
    );
    return ids;
  }
}
