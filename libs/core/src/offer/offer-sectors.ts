import { fieldPath } from '../common/field-path';
import { findAtecoDivision, findAtecoSection } from '../shop/registry/ateco';
import { OfferEntity } from './offer.entity';
import { OfferErrorCode, OfferException } from './offer.exception';
import type { OfferSectorsChoice } from './offer.commands';

export type OfferSectors = Pick<OfferEntity, 'allSectors' | 'eligibleSections' | 'eligibleDivisions'>;

export const ALL_SECTORS: OfferSectors = { allSectors: true, eligibleSections: [], eligibleDivisions: [] };

/**
 * Checks the eligible ATECO 2025 sectors: either all of them, or at least one listed section or
 * division, each of which must exist. Omitted: all sectors.
 */
export function resolveSectors(input: OfferSectorsChoice | undefined, field = 'input.sectors'): OfferSectors {
  if (!input) return ALL_SECTORS;
  const { allSectors, sections, divisions } = input;
  if (allSectors && sections.length + divisions.length > 0) throw new OfferException(OfferErrorCode.SECTORS_CONFLICT, fieldPath(field, 'allSectors'));
  if (!allSectors && sections.length + divisions.length === 0) throw new OfferException(OfferErrorCode.SECTORS_EMPTY, fieldPath(field, 'sections'));
  sections.forEach((code, i) => {
    if (!findAtecoSection(code)) throw new OfferException(OfferErrorCode.ATECO_UNKNOWN_SECTION, fieldPath(field, 'sections', i), code);
  });
  divisions.forEach((code, i) => {
    if (!findAtecoDivision(code)) throw new OfferException(OfferErrorCode.ATECO_UNKNOWN_DIVISION, fieldPath(field, 'divisions', i), code);
  });
  return { allSectors, eligibleSections: [...sections].sort(), eligibleDivisions: [...divisions].sort() };
}
