import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { VerificationStatus } from '../provider/provider.types';
import { OfferStatus } from './offer.types';

/**
 * `shownToShops` (offer-status.ts) as SQL: the offer is published and its provider (joined as
 * `providerAlias`) approved. With `currentAt`, also leaves out offers whose validity has ended by
 * then, as the public catalogue does. The int-spec checks both agree on every combination.
 */
export function whereShownToShops<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  offerAlias: string,
  providerAlias: string,
  options: { currentAt?: Date } = {},
): SelectQueryBuilder<T> {
  query
    .andWhere(`${offerAlias}.status = :shownStatus`, { shownStatus: OfferStatus.PUBLISHED })
    .andWhere(`${providerAlias}.verification_status = :shownProvider`, { shownProvider: VerificationStatus.APPROVED });
  if (options.currentAt) query.andWhere(`(${offerAlias}.valid_until IS NULL OR ${offerAlias}.valid_until > :shownAt)`, { shownAt: options.currentAt });
  return query;
}
