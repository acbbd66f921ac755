import { DataSource } from 'typeorm';
import { staffUser } from './testing/fixtures';
import { AcceptMatchDocument, ApplyToOfferDocument, UpdateOfferDocument, type UpdateOfferInput } from './gql/generated';
import { applyTo, askFor } from './testing/match-fixtures';
import { approvedProvider, createOffer, daysFromNow, ProviderAccount, providerFootprint, publishedOffer, shopIn } from './testing/offer-fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

const TORINO = '001272';
const CUNEO = '004078';

/**
 * A provider edits an offer shops already hold places on or wait for: an edit that would leave
 * any of them outside the offer's own rules is refused, naming the field, and writes nothing.
 */
describe('Editing an offer that shops hold or wait for (GraphQL)', () => {
  let api: TestApp;
  let db: DataSource;
  let provider: ProviderAccount;
  let offerId: string;

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    provider = await approvedProvider(api, await staffUser(api));
    // National cybersecurity, one place: a shop of Turin holds it, one of Cuneo waits.
    offerId = (await publishedOffer(api, provider, { categories: ['CYBERSECURITY'], capacity: 1 })).id;
    const holder = await shopIn(api, TORINO);
    const waiting = await shopIn(api, CUNEO);
    expect((await applyTo(api, holder, await askFor(api, holder, 'CYBERSECURITY'), offerId)).state).toBe('PENDING');
    expect((await applyTo(api, waiting, await askFor(api, waiting, 'CYBERSECURITY'), offerId)).state).toBe('WAITLISTED');
  });
  afterAll(() => api.close());

  const update = (change: Omit<UpdateOfferInput, 'id'>, id = offerId) => api.gqlAs(provider.accessToken, UpdateOfferDocument, { input: { id, ...change } });

  it.each<[string, Omit<UpdateOfferInput, 'id'>, string, string, RegExp]>([
    ['dropping the service they asked for', { categories: ['WEBSITE'] }, 'input.categories', 'HOLDERS_CATEGORY', /2 shops holding or waiting .* asked for “Cybersecurity”/],
    ['an area that leaves both out (Sardinia)', { coverage: { regionCodes: ['20'] } }, 'input.coverage', 'HOLDERS_OUTSIDE_COVERAGE', /leaves out 2 shops/],
    ['an area that leaves one out (the province of Turin)', { coverage: { provinceCodes: ['001'] } }, 'input.coverage', 'HOLDERS_OUTSIDE_COVERAGE', /leaves out a shop holding or waiting for a place on this offer \(.*, Cuneo\)/],
    ['sectors that leave out their sector', { sectors: { allSectors: false, sections: ['G'] } }, 'input.sectors', 'HOLDERS_SECTOR', /new sectors leave out 2 shops/],
    ['a start after today', { validFrom: daysFromNow(3) }, 'input.validFrom', 'HOLDERS_NOT_STARTED', /the start cannot move after today/],
    ['an end already past', { validUntil: daysFromNow(-0.5) }, 'input.validUntil', 'VALIDITY_IN_PAST', /to stop the offer now, close it/],
  ])('refuses %s, naming the field, and writes nothing', async (_label, change, field, code, message) => {
    const before = await providerFootprint(db, provider);
    const { data, errors } = await update({ ...change, title: 'Titolo che non deve restare' });
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, code, message: expect.stringMatching(message), messageIt: expect.any(String) })] });
    expect(await providerFootprint(db, provider)).toEqual(before);
  });

  it('accepts an edit every shop on the offer still fits: another service added, a narrower area and sectors still holding them, a later end', async () => {
    const { data, errors } = await update({
      categories: ['CYBERSECURITY', 'WEBSITE'],
      coverage: { regionCodes: ['01'] },
      sectors: { allSectors: false, sections: ['C'] },
      validUntil: daysFromNow(400),
    });
    expect(errors).toBeUndefined();
    expect(data?.updateOffer).toMatchObject({ __typename: 'Offer', categories: ['CYBERSECURITY', 'WEBSITE'] });
    // The shops keep their place and their turn.
    expect(await db.query(`SELECT state::text, count(*)::int AS n FROM match WHERE offer_id = $1 GROUP BY state ORDER BY state::text`, [offerId])).toEqual([
      { state: 'PENDING', n: 1 },
      { state: 'WAITLISTED', n: 1 },
    ]);
  });

  it('lets the area narrow past a shop whose service the provider accepted: it runs on, and new shops there are no longer taken', async () => {
    const narrowed = (await publishedOffer(api, provider, { categories: ['CYBERSECURITY'], capacity: 3 })).id;
    const served = await shopIn(api, CUNEO);
    const match = await applyTo(api, served, await askFor(api, served, 'CYBERSECURITY'), narrowed);
    member(dataOf(await api.gqlAs(provider.accessToken, AcceptMatchDocument, { id: match.id })).acceptMatch, 'Match');
    const { data, errors } = await update({ coverage: { provinceCodes: ['001'] } }, narrowed);
    expect(errors).toBeUndefined();
    expect(data?.updateOffer).toMatchObject({ __typename: 'Offer' });
    expect(await db.query(`SELECT state::text FROM match WHERE id = $1`, [match.id])).toEqual([{ state: 'ACCEPTED' }]);
    // Another shop of Cuneo can no longer apply.
    const late = await shopIn(api, CUNEO);
    const refused = dataOf(await api.gqlAs(late.accessToken, ApplyToOfferDocument, { input: { helpRequestId: await askFor(api, late, 'CYBERSECURITY'), offerId: narrowed } })).applyToOffer;
    expect(refused.__typename).not.toBe('Match');
  });

  it('lets an offer nobody holds change its service and area freely, but not end in the past', async () => {
    const draft = await createOffer(api, provider, { categories: ['CYBERSECURITY'] });
    expect((await update({ categories: ['WEBSITE'], coverage: { regionCodes: ['20'] } }, draft.id)).data?.updateOffer).toMatchObject({ __typename: 'Offer', categories: ['WEBSITE'] });
    expect((await update({ validUntil: daysFromNow(-1) }, draft.id)).errors?.[0].extensions).toMatchObject({ fields: [expect.objectContaining({ field: 'input.validUntil', code: 'VALIDITY_IN_PAST' })] });
  });
});
