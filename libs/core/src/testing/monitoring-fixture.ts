import { ServiceCategory } from '@vec/matching';
import { DataSource } from 'typeorm';
import { UserRole } from '../auth/user-role';
import { seedProvider, seedShops, seedUser } from './seed';
import { DAY_MS } from '../common/time';

/**
 * A small programme whose figures a test can work out by hand: the spec below is the truth, the
 * database is filled from it, and expectations are computed from the spec in TypeScript.
 */
export const DAY = DAY_MS;

export interface ShopSpec {
  key: string;
  comune: string;
  province: string;
  region: string;
  section: string;
  division: string;
}

export interface MatchSpec {
  offer: string;
  state: 'PENDING' | 'ACCEPTED' | 'ACTIVE' | 'COMPLETED' | 'DECLINED' | 'WAITLISTED';
  createdDaysAgo: number;
  acceptedDaysAgo?: number;
  activatedDaysAgo?: number;
  completedDaysAgo?: number;
  survey?: { gotOnlineOrders: boolean; approximateOrders: number };
  /** Answers to the 30- and 90-day surveys. */
  laterSurveys?: { checkpoint: 'DAY_30' | 'DAY_90'; gotOnlineOrders: boolean; approximateOrders: number; answeredDaysAgo: number }[];
}

export interface RequestSpec {
  shop: string;
  category: ServiceCategory;
  status: 'OPEN' | 'MATCHED' | 'FULFILLED' | 'CANCELLED';
  createdDaysAgo: number;
  match?: MatchSpec;
}

export interface OfferSpec {
  key: string;
  categories: ServiceCategory[];
  capacity: number;
  national?: boolean;
  comuni?: string[];
  regions?: string[];
  /** A circle of `km` around the comune's centre. */
  radius?: { comune: string; km: number };
  validDays: number;
}

export const SHOPS: ShopSpec[] = [
  { key: 'T1', comune: '001272', province: '001', region: '01', section: 'G', division: '47' },
  { key: 'T2', comune: '001272', province: '001', region: '01', section: 'G', division: '47' },
  { key: 'T3', comune: '001272', province: '001', region: '01', section: 'C', division: '10' },
  { key: 'M1', comune: '015146', province: '015', region: '03', section: 'G', division: '47' },
  { key: 'M2', comune: '015146', province: '015', region: '03', section: 'I', division: '56' },
  { key: 'R1', comune: '058091', province: '058', region: '12', section: 'G', division: '47' },
  { key: 'A1', comune: '007003', province: '007', region: '02', section: 'I', division: '55' },
  { key: 'Z1', comune: '108033', province: '108', region: '03', section: 'M', division: '74' },
];

export const OFFERS: OfferSpec[] = [
  { key: 'O1', categories: [ServiceCategory.ONLINE_STORE], capacity: 2, comuni: ['001272'], validDays: 10 },
  { key: 'O2', categories: [ServiceCategory.HOME_DELIVERY], capacity: 2, national: true, validDays: 200 },
  { key: 'O3', categories: [ServiceCategory.ONLINE_STORE, ServiceCategory.WEBSITE], capacity: 1, regions: ['03'], validDays: 90 },
  { key: 'O4', categories: [ServiceCategory.CYBERSECURITY], capacity: 1, radius: { comune: '015146', km: 20 }, validDays: 120 },
];

const S = ServiceCategory;
export const REQUESTS: RequestSpec[] = [
  { shop: 'T1', category: S.ONLINE_STORE, status: 'FULFILLED', createdDaysAgo: 20, match: { offer: 'O1', state: 'COMPLETED', createdDaysAgo: 20, acceptedDaysAgo: 19, activatedDaysAgo: 18, completedDaysAgo: 5, survey: { gotOnlineOrders: true, approximateOrders: 14 }, laterSurveys: [{ checkpoint: 'DAY_30', gotOnlineOrders: true, approximateOrders: 6, answeredDaysAgo: 3 }] } },
  { shop: 'T2', category: S.ONLINE_STORE, status: 'MATCHED', createdDaysAgo: 15, match: { offer: 'O1', state: 'ACTIVE', createdDaysAgo: 14, acceptedDaysAgo: 12, activatedDaysAgo: 11, laterSurveys: [{ checkpoint: 'DAY_30', gotOnlineOrders: false, approximateOrders: 0, answeredDaysAgo: 10 }] } },
  { shop: 'T3', category: S.ONLINE_STORE, status: 'OPEN', createdDaysAgo: 10 },
  { shop: 'T3', category: S.CYBERSECURITY, status: 'OPEN', createdDaysAgo: 12 },
  { shop: 'M1', category: S.ONLINE_STORE, status: 'MATCHED', createdDaysAgo: 3, match: { offer: 'O3', state: 'PENDING', createdDaysAgo: 2 } },
  { shop: 'M2', category: S.ONLINE_STORE, status: 'OPEN', createdDaysAgo: 6, match: { offer: 'O3', state: 'WAITLISTED', createdDaysAgo: 2 } },
  { shop: 'M1', category: S.HOME_DELIVERY, status: 'OPEN', createdDaysAgo: 8, match: { offer: 'O2', state: 'DECLINED', createdDaysAgo: 8 } },
  {
    shop: 'R1',
    category: S.HOME_DELIVERY,
    status: 'FULFILLED',
    createdDaysAgo: 30,
    match: {
      offer: 'O2',
      state: 'COMPLETED',
      createdDaysAgo: 30,
      acceptedDaysAgo: 28,
      activatedDaysAgo: 27,
      completedDaysAgo: 2,
      survey: { gotOnlineOrders: false, approximateOrders: 0 },
      laterSurveys: [
        { checkpoint: 'DAY_30', gotOnlineOrders: true, approximateOrders: 9, answeredDaysAgo: 4 },
        { checkpoint: 'DAY_90', gotOnlineOrders: true, approximateOrders: 20, answeredDaysAgo: 1 },
      ],
    },
  },
  { shop: 'R1', category: S.WEBSITE, status: 'CANCELLED', createdDaysAgo: 4 },
  { shop: 'A1', category: S.SOCIAL_MARKETING, status: 'OPEN', createdDaysAgo: 1 },
  // Monza lies 15 km from Milano: inside O4's circle, so this request is not unmet.
  { shop: 'Z1', category: S.CYBERSECURITY, status: 'OPEN', createdDaysAgo: 9 },
  { shop: 'A1', category: S.HOME_DELIVERY, status: 'MATCHED', createdDaysAgo: 5, match: { offer: 'O2', state: 'ACCEPTED', createdDaysAgo: 4, acceptedDaysAgo: 3 } },
];

export interface SeededFixture {
  shopIds: Map<string, string>;
  offerIds: Map<string, string>;
  providerId: string;
  now: Date;
}

/** Fills an empty (scratch) database from the spec, every timestamp relative to `now`. */
export async function seedMonitoringFixture(db: DataSource, now: Date): Promise<SeededFixture> {
  const ago = (days: number): Date => new Date(now.getTime() - days * DAY);
  const shopIds = new Map<string, string>();
  for (const spec of SHOPS) {
    const [shop] = await seedShops(db, 1, { comuneCode: spec.comune, section: spec.section, division: spec.division });
    await db.query('UPDATE shop SET created_at = $2 WHERE id = $1', [shop.id, ago(40)]);
    shopIds.set(spec.key, shop.id);
  }
  const provider = await seedProvider(db, 'APPROVED');
  const pending = await seedProvider(db, 'PENDING');
  // A draft reaching Lombardia only: it counts no published offer, but places its provider there.
  await db.query(
    `WITH o AS (INSERT INTO offer (provider_id, title, description, categories, capacity, free_period_months, conditions, valid_from, status)
       VALUES ($1, 'Bozza lombarda', 'Offerta in preparazione.', ARRAY['WEBSITE']::service_category[], 3, 6, 'Gratuito, senza obbligo di rinnovo.', $2, 'DRAFT') RETURNING id)
     INSERT INTO offer_coverage (offer_id, kind, region_code) SELECT id, 'REGION', '03' FROM o`,
    [pending.id, now],
  );
  const rejected = await seedProvider(db, 'PENDING');
  await db.query(`UPDATE provider SET verification_status = 'REJECTED' WHERE id = $1`, [rejected.id]);
  const offerIds = new Map<string, string>();
  for (const spec of OFFERS) {
    const [row] = await db.query(
      `INSERT INTO offer (provider_id, title, description, categories, coverage_national, capacity, free_period_months, conditions, valid_from, valid_until, status, published_at)
       VALUES ($1, $2, 'Offerta di prova.', $3::service_category[], $4, $5, 6, 'Gratuito, senza obbligo di rinnovo.', $6, $7, 'PUBLISHED', $6) RETURNING id`,
      [provider.id, `Offerta ${spec.key}`, spec.categories, spec.national ?? false, spec.capacity, ago(35), new Date(now.getTime() + spec.validDays * DAY)],
    );
    for (const code of spec.comuni ?? []) await db.query(`INSERT INTO offer_coverage (offer_id, kind, comune_code) VALUES ($1, 'COMUNE', $2)`, [row.id, code]);
    for (const code of spec.regions ?? []) await db.query(`INSERT INTO offer_coverage (offer_id, kind, region_code) VALUES ($1, 'REGION', $2)`, [row.id, code]);
    if (spec.radius) {
      await db.query(
        `INSERT INTO offer_coverage (offer_id, kind, comune_code, center_latitude, center_longitude, radius_km)
         SELECT $1, 'RADIUS', code, latitude, longitude, $3 FROM comune WHERE code = $2`,
        [row.id, spec.radius.comune, spec.radius.km],
      );
    }
    offerIds.set(spec.key, row.id);
  }
  for (const spec of REQUESTS) {
    const shopId = shopIds.get(spec.shop) as string;
    const [request] = await db.query(
      `INSERT INTO help_request (shop_id, category, description, status, created_at, cancelled_at) VALUES ($1, $2, 'Richiesta di prova.', $3, $4, $5) RETURNING id`,
      [shopId, spec.category, spec.status, ago(spec.createdDaysAgo), spec.status === 'CANCELLED' ? ago(spec.createdDaysAgo - 1) : null],
    );
    const m = spec.match;
    if (!m) continue;
    const at = (days: number | undefined): Date | null => (days === undefined ? null : ago(days));
    const [match] = await db.query(
      `INSERT INTO match (help_request_id, offer_id, shop_id, provider_id, category, state, origin, coverage_level, distance_km,
                          respond_by, waitlisted_at, accepted_at, activated_at, free_until, completed_at, ended_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'APPLICATION', 'COMUNE', 0, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        request.id,
        offerIds.get(m.offer),
        shopId,
        provider.id,
        spec.category,
        m.state,
        new Date(ago(m.createdDaysAgo).getTime() + 5 * DAY),
        m.state === 'WAITLISTED' ? ago(m.createdDaysAgo) : null,
        at(m.acceptedDaysAgo),
        at(m.activatedDaysAgo),
        m.activatedDaysAgo === undefined ? null : new Date(ago(m.activatedDaysAgo).getTime() + 180 * DAY),
        at(m.completedDaysAgo),
        m.state === 'DECLINED' ? ago(m.createdDaysAgo - 1) : null,
        ago(m.createdDaysAgo),
      ],
    );
    const answers = [...(m.survey ? [{ checkpoint: 'COMPLETION', ...m.survey, answeredDaysAgo: 0 }] : []), ...(m.laterSurveys ?? [])];
    for (const answer of answers) {
      const owner = await seedUser(db, UserRole.SHOP);
      await db.query(
        `INSERT INTO outcome_survey (match_id, checkpoint, got_online_orders, approximate_orders, answered_at, answered_by_user_id) VALUES ($1, $2, $3, $4, $5, $6)`,
        [match.id, answer.checkpoint, answer.gotOnlineOrders, answer.approximateOrders, ago(answer.answeredDaysAgo), owner.userId],
      );
    }
  }
  return { shopIds, offerIds, providerId: provider.id, now };
}
