import { DataSource } from 'typeorm';
import { DAY_MS, HOUR_MS } from '../common/time';
import { VerificationStatus } from '../provider/provider.types';
import { openTestDataSource } from '../testing/test-database';
import { seedOffer, seedProvider } from '../testing/seed';
import { OfferEntity } from './offer.entity';
import { shownToShops } from './offer-status';
import { OfferStatus } from './offer.types';
import { whereShownToShops } from './offer-visibility.query';

/** Every offer status × every provider state × three validity ends: SQL and TypeScript agree. */
describe('whereShownToShops against PostgreSQL', () => {
  let db: DataSource;
  const now = new Date();
  const validities = { open: null, ended: new Date(now.getTime() - HOUR_MS), later: new Date(now.getTime() + DAY_MS) };
  const seeded = new Map<string, { status: OfferStatus; provider: VerificationStatus; validUntil: Date | null }>();

  beforeAll(async () => {
    db = await openTestDataSource();
    for (const provider of Object.values(VerificationStatus)) {
      const { id: providerId } = await seedProvider(db, provider);
      for (const status of Object.values(OfferStatus)) {
        for (const validUntil of Object.values(validities)) {
          seeded.set(await seedOffer(db, providerId, { status, validUntil }), { status, provider, validUntil });
        }
      }
    }
  });
  afterAll(() => db.destroy());

  async function shown(currentAt?: Date): Promise<string[]> {
    const query = db
      .getRepository(OfferEntity)
      .createQueryBuilder('offer')
      .innerJoin('offer.provider', 'provider')
      .where('offer.id IN (:...ours)', { ours: [...seeded.keys()] });
    return (await whereShownToShops(query, 'offer', 'provider', { currentAt }).getMany()).map((offer) => offer.id).sort();
  }

  it('shows exactly the offers shownToShops accepts', async () => {
    const expected = [...seeded].filter(([, o]) => shownToShops(o.status, o.provider)).map(([id]) => id);
    expect(expected).toHaveLength(3); // published × approved × each validity
    expect(await shown()).toEqual(expected.sort());
  });

  it('with a date, also leaves out the offers whose validity ended by then', async () => {
    const expected = [...seeded]
      .filter(([, o]) => shownToShops(o.status, o.provider) && (o.validUntil === null || o.validUntil > now))
      .map(([id]) => id);
    expect(expected).toHaveLength(2);
    expect(await shown(now)).toEqual(expected.sort());
  });
});
