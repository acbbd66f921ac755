/**
 * What callers give the shop service: registration, changes, list filters.
 * The GraphQL inputs in api/ implement these interfaces; the services depend on nothing else.
 */

export interface RegisterShop {
  readonly legalName: string;
  readonly tradingName?: string;
  readonly partitaIva: string;
  readonly atecoSection: string;
  readonly atecoDivision: string;
  readonly comuneCode: string;
  readonly address: string;
  readonly latitude?: number;
  readonly longitude?: number;
  readonly employees: number;
  readonly contactEmail: string;
  readonly contactPhone?: string;
}

export interface UpdateShop {
  readonly legalName?: string;
  readonly tradingName?: string;
  readonly atecoSection?: string;
  readonly atecoDivision?: string;
  readonly comuneCode?: string;
  readonly address?: string;
  readonly latitude?: number;
  readonly longitude?: number;
  readonly employees?: number;
  readonly contactEmail?: string;
  readonly contactPhone?: string;
}

export interface ShopFilter {
  readonly regionCode?: string;
  readonly provinceCode?: string;
  readonly comuneCode?: string;
  readonly atecoSection?: string;
}
