import { ServiceCategory } from '@vec/matching';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UserRole } from '../auth/user-role';
import { Actor } from '../common/request-context';
import { DAY_MS } from '../common/time';
import type { OfferStatus } from '../offer/offer.types';
import type { VerificationStatus } from '../provider/provider.types';

/**
 * Rows for integration tests, written straight to the tables (no API, no password hashing) so a
 * test can seed hundreds of shops in a moment. Each call makes new rows: tests never share them.
 */


/** A valid Partita IVA: random body, office code 001–100, Luhn-style check digit. */
export function randomPartitaIva(): string {
  const body = `${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}${String(1 + Math.floor(Math.random() * 100)).padStart(3, '0')}`;
  const sum = [...body].reduce((total, char, index) => {
    const digit = Number(char);
    if (index % 2 === 0) return total + digit;
    const doubled = digit * 2;
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

export async function seedUser(db: DataSource, role: UserRole): Promise<Actor> {
  const [row] = await db.query(`INSERT INTO user_account (email, password_hash, role, email_verified_at) VALUES ($1, 'not-a-login', $2, now()) RETURNING id`, [
    `${role.toLowerCase()}-${randomUUID()}@example.it`,
    role,
  ]);
  return { userId: row.id, role };
}

export interface SeededShop {
  id: string;
  owner: Actor;
}

/** Shops in a comune (Torino by default), at the comune's coordinates, of ATECO G 47 unless told. */
export async function seedShops(
  db: DataSource,
  count: number,
  options: { comuneCode?: string; section?: string; division?: string } = {},
): Promise<SeededShop[]> {
  const comuneCode = options.comuneCode ?? '001272';
  const shops: SeededShop[] = [];
  for (let i = 0; i < count; i++) {
    const owner = await seedUser(db, UserRole.SHOP);
    const [row] = await db.query(
      `INSERT INTO shop (owner_user_id, legal_name, partita_iva, ateco_section, ateco_division, comune_code, address,
                         latitude, longitude, coordinates_from_comune, employees, contact_email)
       SELECT $1, $2, $3, $4, $5, c.code, 'Via Roma 1', c.latitude, c.longitude, true, 3, 'negozio@example.it' FROM comune c WHERE c.code = $6
       RETURNING id`,
      [owner.userId, `Negozio di prova ${i + 1}`, randomPartitaIva(), options.section ?? 'G', options.division ?? '47', comuneCode],
    );
    shops.push({ id: row.id, owner });
  }
  return shops;
}

export interface SeededProvider {
  id: string;
  owner: Actor;
}

export async function seedProvider(db: DataSource, status: `${VerificationStatus}` = 'APPROVED'): Promise<SeededProvider> {
  const owner = await seedUser(db, UserRole.PROVIDER);
  const [row] = await db.query(
    `INSERT INTO provider (owner_user_id, name, partita_iva, kind, description, verification_status)
     VALUES ($1, 'Fornitore di prova', $2, 'PLATFORM', 'Servizi digitali gratuiti per i negozi.', $3) RETURNING id`,
    [owner.userId, randomPartitaIva(), status],
  );
  return { id: row.id, owner };
}

/** An offer (PUBLISHED unless told), valid from yesterday for 180 days unless told, covering the comuni given (else all of Italy). */
export async function seedOffer(
  db: DataSource,
  providerId: string,
  options: {
    capacity?: number;
    categories?: ServiceCategory[];
    comuneCodes?: string[];
    freePeriodMonths?: number;
    status?: `${OfferStatus}`;
    validUntil?: Date | null;
  } = {},
): Promise<string> {
  const national = !options.comuneCodes?.length;
  const [row] = await db.query(
    `INSERT INTO offer (provider_id, title, description, categories, coverage_national, capacity, free_period_months, conditions, valid_from, valid_until, status, published_at)
     VALUES ($1, 'Offerta di prova', 'Un servizio gratuito di prova.', $2::service_category[], $3, $4, $5, 'Gratuito, senza obbligo di rinnovo.', $6, $7, $8, $6)
     RETURNING id`,
    [
      providerId,
      options.categories ?? [ServiceCategory.ONLINE_STORE],
      national,
      options.capacity ?? 10,
      options.freePeriodMonths ?? 6,
      new Date(Date.now() - DAY_MS),
      options.validUntil === undefined ? new Date(Date.now() + 180 * DAY_MS) : options.validUntil,
      options.status ?? 'PUBLISHED',
    ],
  );
  for (const code of options.comuneCodes ?? []) {
    await db.query(`INSERT INTO offer_coverage (offer_id, kind, comune_code) VALUES ($1, 'COMUNE', $2)`, [row.id, code]);
  }
  return row.id;
}

export async function seedRequest(db: DataSource, shopId: string, category = ServiceCategory.ONLINE_STORE, createdAt = new Date()): Promise<string> {
  const [row] = await db.query(`INSERT INTO help_request (shop_id, category, description, created_at) VALUES ($1, $2, 'Ci serve aiuto.', $3) RETURNING id`, [
    shopId,
    category,
    createdAt,
  ]);
  return row.id;
}

export interface SeededFacilitator {
  id: string;
  owner: Actor;
}

/** A facilitator organisation (APPROVED unless told) serving the province of Torino. */
export async function seedFacilitator(db: DataSource, status: `${VerificationStatus}` = 'APPROVED', name = 'Associazione di prova'): Promise<SeededFacilitator> {
  const owner = await seedUser(db, UserRole.FACILITATOR);
  const [row] = await db.query(
    `INSERT INTO facilitator (owner_user_id, name, kind, tax_code, contact_email, province_codes, verification_status)
     VALUES ($1, $2, 'TRADE_ASSOCIATION', $3, 'sportello@example.it', '{001}', $4) RETURNING id`,
    [owner.userId, name, randomPartitaIva(), status],
  );
  return { id: row.id, owner };
}
