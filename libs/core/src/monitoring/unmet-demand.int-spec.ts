import { ServiceCategory } from '@vec/matching';
import { DataSource } from 'typeorm';
import { UserRole } from '../auth/user-role';
import { seedProvider, seedShops, seedUser } from '../testing/seed';
import { createScratchDatabase } from '../testing/test-database';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { UnmetDemandService } from './unmet-demand.service';

const DAY = 86_400_000;
const [NAPOLI, FIRENZE] = ['063049', '048017'];

interface OfferSpec {
  categories: ServiceCategory[];
  national?: boolean;
  /** A circle of `km` around Napoli's centre. */
  radiusKm?: number;
  sections?: string[];
  divisions?: string[];
  full?: boolean;
}

async function seedOffer(db: DataSource, providerId: string, spec: OfferSpec): Promise<string> {
  const restricted = Boolean(spec.sections || spec.divisions);
  const [offer] = await db.query(
    `INSERT INTO offer (provider_id, title, description, categories, coverage_national, all_sectors, eligible_sections, eligible_divisions,
                        capacity, free_period_months, conditions, valid_from, status, published_at)
     VALUES ($1, 'Offerta di prova', 'Offerta di prova.', $2::service_category[], $3, $4, $5, $6, 1, 6, 'Gratuito.', now() - interval '1 day', 'PUBLISHED', now())
     RETURNING id`,
    [providerId, spec.categories, spec.national ?? false, !restricted, spec.sections ?? [], spec.divisions ?? []],
  );
  if (spec.radiusKm) {
    await db.query(
      `INSERT INTO offer_coverage (offer_id, kind, comune_code, center_latitude, center_longitude, radius_km)
       SELECT $1, 'RADIUS', code, latitude, longitude, $3 FROM comune WHERE code = $2`,
      [offer.id, NAPOLI, spec.radiusKm],
    );
  }
  if (spec.full) await db.query('UPDATE offer SET used = capacity WHERE id = $1', [offer.id]);
  return offer.id;
}

describe('unmet demand with sector-restricted offers (a database of its own)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let core: TestCore;
  const now = new Date();
  const oldest = new Date(now.getTime() - 9 * DAY);

  beforeAll(async () => {
    scratch = await createScratchDatabase({ migrated: true });
    core = await startTestCore({ url: scratch.url });
    const db = core.db;
    const provider = await seedProvider(db, 'APPROVED');
    // Only for shops of division 47, a circle around Napoli, and full.
    await seedOffer(db, provider.id, { categories: [ServiceCategory.ONLINE_STORE], radiusKm: 30, divisions: ['47'], full: true });
    // Only for section I, all of Italy, with room.
    await seedOffer(db, provider.id, { categories: [ServiceCategory.CYBERSECURITY], national: true, sections: ['I'] });
    // Every sector, all of Italy, full.
    await seedOffer(db, provider.id, { categories: [ServiceCategory.HOME_DELIVERY], national: true, full: true });
    // Every sector, all of Italy, with room: but it declined one shop's request, and is not proposed to it again.
    const payments = await seedOffer(db, provider.id, { categories: [ServiceCategory.DIGITAL_PAYMENTS], national: true });
    // Two with room: a request that refused one still has the other.
    const social = await seedOffer(db, provider.id, { categories: [ServiceCategory.SOCIAL_MARKETING], national: true });
    await seedOffer(db, provider.id, { categories: [ServiceCategory.SOCIAL_MARKETING], national: true });
    // One with room, one full: a request that refused the first waits for places in the second.
    const website = await seedOffer(db, provider.id, { categories: [ServiceCategory.WEBSITE], national: true });
    await seedOffer(db, provider.id, { categories: [ServiceCategory.WEBSITE], national: true, full: true });

    const ask = async (shopId: string, category: ServiceCategory, daysAgo: number): Promise<string> => {
      const [request] = await db.query(`INSERT INTO help_request (shop_id, category, description, status, created_at) VALUES ($1, $2, 'Richiesta di prova.', 'OPEN', $3) RETURNING id`, [
        shopId,
        category,
        new Date(now.getTime() - daysAgo * DAY),
      ]);
      return request.id;
    };
    // Two shops of one comune and trade: one place, two requests.
    const [retailA, retailB] = await seedShops(db, 2, { comuneCode: NAPOLI, section: 'G', division: '47' });
    const [hotel] = await seedShops(db, 1, { comuneCode: NAPOLI, section: 'I', division: '56' });
    const [bakery] = await seedShops(db, 1, { comuneCode: NAPOLI, section: 'C', division: '10' });
    const [florence] = await seedShops(db, 1, { comuneCode: FIRENZE, section: 'G', division: '47' });
    await ask(retailA.id, ServiceCategory.ONLINE_STORE, 9); // fits the full circle offer: capacity gap
    await ask(retailB.id, ServiceCategory.ONLINE_STORE, 3); // the same
    await ask(hotel.id, ServiceCategory.ONLINE_STORE, 2); // in the circle, but division 56: coverage gap
    await ask(hotel.id, ServiceCategory.CYBERSECURITY, 2); // section I: the national offer has room, served
    await ask(bakery.id, ServiceCategory.CYBERSECURITY, 4); // section C: coverage gap
    await ask(florence.id, ServiceCategory.ONLINE_STORE, 1); // outside the circle: coverage gap
    await ask(florence.id, ServiceCategory.HOME_DELIVERY, 5); // the all-sector national offer is full: capacity gap
    const [declined, sameTrade] = await seedShops(db, 2, { comuneCode: FIRENZE, section: 'G', division: '47' });
    const refused = await ask(declined.id, ServiceCategory.DIGITAL_PAYMENTS, 6); // its only offer declined it: a gap of refused offers
    await ask(sameTrade.id, ServiceCategory.DIGITAL_PAYMENTS, 6); // the same place, never declined: served
    const decline = (requestId: string, offerId: string, shopId: string, category: ServiceCategory): Promise<unknown> =>
      db.query(
        `INSERT INTO match (help_request_id, offer_id, shop_id, provider_id, category, state, origin, coverage_level, distance_km, ended_at)
         VALUES ($1, $2, $3, $4, $5, 'DECLINED', 'APPLICATION', 'NATIONAL', 0, now())`,
        [requestId, offerId, shopId, provider.id, category],
      );
    await decline(refused, payments, declined.id, ServiceCategory.DIGITAL_PAYMENTS);
    const [otherLeft, fullLeft] = await seedShops(db, 2, { comuneCode: FIRENZE, section: 'G', division: '47' });
    // Refused one social offer, the other has room: served.
    await decline(await ask(otherLeft.id, ServiceCategory.SOCIAL_MARKETING, 0), social, otherLeft.id, ServiceCategory.SOCIAL_MARKETING);
    // Refused the website offer with room, the other is full: a capacity gap.
    await decline(await ask(fullLeft.id, ServiceCategory.WEBSITE, 0), website, fullLeft.id, ServiceCategory.WEBSITE);
    // Napoli, section G: refused the full circle offer; the only other booking
    // offer, national for section I, does not fit it. Covered only by what it refused.
    const circle = await seedOffer(db, provider.id, { categories: [ServiceCategory.ONLINE_BOOKING], radiusKm: 30, full: true });
    await seedOffer(db, provider.id, { categories: [ServiceCategory.ONLINE_BOOKING], national: true, sections: ['I'] });
    const [refusedFull] = await seedShops(db, 1, { comuneCode: NAPOLI, section: 'G', division: '47' });
    await decline(await ask(refusedFull.id, ServiceCategory.ONLINE_BOOKING, 1), circle, refusedFull.id, ServiceCategory.ONLINE_BOOKING);
  });

  afterAll(async () => {
    await core.close();
    await scratch.drop();
  });

  it('counts each request of a place, judges restricted offers by section and division, tells offers a request refused apart, and keeps the oldest date', async () => {
    const staff = actingAs(await seedUser(core.db, UserRole.MINISTRY), now);
    const service = core.app.get(UnmetDemandService);
    const page = await service.list(staff, {}, { first: 50, offset: 0 });
    expect(page.items.map((r) => [r.provinceCode, r.category, r.coverageGap, r.capacityGap, r.refusedGap])).toEqual([
      ['063', 'ONLINE_STORE', 1, 2, 0],
      ['048', 'DIGITAL_PAYMENTS', 0, 0, 1],
      ['048', 'HOME_DELIVERY', 0, 1, 0],
      ['063', 'CYBERSECURITY', 1, 0, 0],
      ['048', 'ONLINE_STORE', 1, 0, 0],
      ['063', 'ONLINE_BOOKING', 0, 0, 1],
      ['048', 'WEBSITE', 0, 1, 0],
    ]);
    expect(page.items[0].oldestWaitingSince.getTime()).toBe(oldest.getTime());
    expect(page.totalCount).toBe(7);
    // Judged on the spot, the same verdicts as the snapshot's.
    const live = await service.listLive(staff, {}, { first: 50, offset: 0 });
    expect(live.items).toEqual(page.items);
  });
});
