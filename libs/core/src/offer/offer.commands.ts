import type { OfferStatus } from './offer.types';
import type { ServiceCategory } from '@vec/matching';

/**
 * What callers give the offer services: new offers, changes, coverage and sector choices, list filters.
 * The GraphQL inputs in api/ implement these interfaces; the services depend on nothing else.
 */

export interface CoverageRadius {
  readonly comuneCode?: string;
  readonly latitude?: number;
  readonly longitude?: number;
  readonly km: number;
}

export interface OfferCoverageChoice {
  readonly national: boolean;
  readonly regionCodes: string[];
  readonly provinceCodes: string[];
  readonly comuneCodes: string[];
  readonly radii: CoverageRadius[];
}

export interface OfferSectorsChoice {
  readonly allSectors: boolean;
  readonly sections: string[];
  readonly divisions: string[];
}

export interface CreateOffer {
  readonly title: string;
  readonly description: string;
  readonly categories: ServiceCategory[];
  readonly coverage: OfferCoverageChoice;
  readonly sectors?: OfferSectorsChoice;
  readonly capacity: number;
  readonly freePeriodMonths: number;
  readonly conditions: string;
  readonly validFrom: Date;
  readonly validUntil?: Date;
}

export interface UpdateOffer {
  readonly id: string;
  readonly title?: string;
  readonly description?: string;
  readonly categories?: ServiceCategory[];
  readonly coverage?: OfferCoverageChoice;
  readonly sectors?: OfferSectorsChoice;
  readonly capacity?: number;
  readonly freePeriodMonths?: number;
  readonly conditions?: string;
  readonly validFrom?: Date;
  readonly validUntil?: Date | null;
}

/** The partner offers one offer works with, replacing those declared before. */
export interface DeclareOfferIntegrations {
  readonly offerId: string;
  readonly partnerOfferIds: string[];
}

export interface OfferFilter {
  readonly categories?: ServiceCategory[];
  readonly regionCode?: string;
  readonly provinceCode?: string;
  readonly comuneCode?: string;
  readonly outsideComuneCode?: string;
  readonly status?: OfferStatus;
  /** Staff: only what shops see (published, approved provider, validity not ended), as a call may give. */
  readonly shownToShops?: boolean;
  /** Words of the title or of the provider's name, in any order, case and accents ignored. */
  readonly search?: string;
}

export interface MyOfferFilter {
  readonly status?: OfferStatus;
  readonly categories?: ServiceCategory[];
}

export interface CatalogueFilter {
  readonly categories?: ServiceCategory[];
  readonly comuneCode?: string;
}
