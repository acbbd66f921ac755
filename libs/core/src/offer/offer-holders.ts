import { eligibility, type IneligibilityReason, type MatchingOffer, type MatchingRequest } from '@vec/matching';
import type { EntityManager } from 'typeorm';
import { toEngineRequest } from '../matching/engine-input.mapper';
import { MatchState, OPEN_STATES, sqlStates } from '../match/match.types';
import { OfferErrorCode } from './offer.exception';

/** A shop holding a place on an offer (pending, accepted, active) or waiting for one, with its match's state. */
export interface Holder {
  request: Parameters<typeof toEngineRequest>[0];
  shop: Parameters<typeof toEngineRequest>[1];
  comune: Parameters<typeof toEngineRequest>[2];
  shopName: string;
  comuneName: string;
  state: MatchState;
}

/**
 * The rules an edit of the offer itself can break for a shop already on it. Capacity has its own
 * check (never below the places taken); the shop's own limits count this very match.
 */
const EDITABLE_RULES: ReadonlyMap<IneligibilityReason, { code: OfferErrorCode; field: string }> = new Map([
  ['CATEGORY', { code: OfferErrorCode.HOLDERS_CATEGORY, field: 'input.categories' }],
  ['OUTSIDE_COVERAGE', { code: OfferErrorCode.HOLDERS_OUTSIDE_COVERAGE, field: 'input.coverage' }],
  ['SECTOR', { code: OfferErrorCode.HOLDERS_SECTOR, field: 'input.sectors' }],
  ['NOT_STARTED', { code: OfferErrorCode.HOLDERS_NOT_STARTED, field: 'input.validFrom' }],
  ['EXPIRED', { code: OfferErrorCode.HOLDERS_EXPIRED, field: 'input.validUntil' }],
]);

/** The first rule the edited offer would break for shops on it: how many, and one of them by name. */
export interface HoldersLeftOut {
  code: OfferErrorCode;
  field: string;
  count: number;
  shopName: string;
  comuneName: string;
  category: Holder['request']['category'];
}

/** The shops on the offer, as the engine reads them. */
export async function offerHolders(manager: EntityManager, offerId: string): Promise<Holder[]> {
  const rows: {
    request_id: string;
    category: Holder['request']['category'];
    created_at: Date;
    shop_id: string;
    latitude: number;
    longitude: number;
    ateco_section: string;
    ateco_division: string;
    shop_name: string;
    comune_code: string;
    province_code: string;
    region_code: string;
    comune_name: string;
    state: MatchState;
  }[] = await manager.query(
    `SELECT m.state, hr.id AS request_id, hr.category, hr.created_at, s.id AS shop_id, s.latitude, s.longitude, s.ateco_section, s.ateco_division,
            coalesce(s.trading_name, s.legal_name) AS shop_name, c.code AS comune_code, c.province_code, c.region_code, c.name AS comune_name
     FROM match m
     JOIN help_request hr ON hr.id = m.help_request_id
     JOIN shop s ON s.id = m.shop_id
     JOIN comune c ON c.code = s.comune_code
     WHERE m.offer_id = $1 AND m.state IN (${sqlStates(OPEN_STATES)})
     ORDER BY m.created_at, m.id`,
    [offerId],
  );
  return rows.map((row) => ({
    request: { id: row.request_id, category: row.category, createdAt: row.created_at },
    shop: { id: row.shop_id, latitude: row.latitude, longitude: row.longitude, atecoSection: row.ateco_section, atecoDivision: row.ateco_division },
    comune: { code: row.comune_code, provinceCode: row.province_code, regionCode: row.region_code },
    shopName: row.shop_name,
    comuneName: row.comune_name,
    state: row.state,
  }));
}

/**
 * The rules that concern only the shops still waiting on the offer (a place held for the
 * provider's answer, or the waitlist): a service the provider accepted runs on where it is, so
 * narrowing the area or the sectors, to take no more shops there, leaves it be.
 */
const WAITING_ONLY: ReadonlySet<IneligibilityReason> = new Set(['OUTSIDE_COVERAGE', 'SECTOR']);
const AGREED: ReadonlySet<MatchState> = new Set([MatchState.ACCEPTED, MatchState.ACTIVE]);

/**
 * Judged by the engine, as if each shop on the offer applied now, before and after the edit: the
 * first rule (in the engine's order) the edit breaks for some of them, or null. A rule the offer
 * already broke before the edit (an end that has passed while services run) is not the edit's,
 * and an agreed service is left out of the area and sectors (WAITING_ONLY).
 */
export function holdersLeftOut(holders: readonly Holder[], before: MatchingOffer, after: MatchingOffer, now: Date): HoldersLeftOut | null {
  const noLimits = { total: 0, byCategory: {} };
  const context = { now: now.getTime(), maxLiveMatchesPerShop: Number.MAX_SAFE_INTEGER };
  const failed = (request: MatchingRequest, offer: MatchingOffer): readonly IneligibilityReason[] => {
    const result = eligibility(request, offer, context);
    return result.ok ? [] : result.failed;
  };
  const broken = new Map<IneligibilityReason, Holder[]>();
  for (const holder of holders) {
    const request = toEngineRequest(holder.request, holder.shop, holder.comune, noLimits);
    const already = failed(request, before);
    for (const reason of failed(request, after)) {
      if (!EDITABLE_RULES.has(reason) || already.includes(reason)) continue;
      if (WAITING_ONLY.has(reason) && AGREED.has(holder.state)) continue;
      const left = broken.get(reason);
      if (left) left.push(holder);
      else broken.set(reason, [holder]);
    }
  }
  for (const [reason, rule] of EDITABLE_RULES) {
    const left = broken.get(reason);
    if (left) return { ...rule, count: left.length, shopName: left[0].shopName, comuneName: left[0].comuneName, category: left[0].request.category };
  }
  return null;
}
