import { DataSource } from 'typeorm';
import { signUp, staffUser } from './testing/fixtures';
import {
  CloseOfferDocument,
  CreateOfferDocument,
  type CreateOfferInput,
  OfferByIdDocument,
  PublishOfferDocument,
  UpdateOfferDocument,
  type UpdateOfferInput,
} from './gql/generated';
import { anOfferInput, approvedProvider, createOffer, daysFromNow, providerFootprint, ProviderAccount, registeredProvider } from './testing/offer-fixtures';
import { invalidVariables, startTestApp, TestApp } from './testing/test-app';

/** Bad input and foreign offers: a clear error naming the field, and nothing written. */
describe('Offers over GraphQL: refused input leaves the database unchanged', () => {
  let api: TestApp;
  let db: DataSource;
  let provider: ProviderAccount;

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    provider = await registeredProvider(api);
    // Something already there, so "unchanged" means more than "still empty".
    await createOffer(api, provider, { coverage: { regionCodes: ['12'], comuneCodes: ['001272'] } });
  });
  afterAll(() => api.close());

  const withoutField = (field: string): Record<string, unknown> => Object.fromEntries(Object.entries(anOfferInput()).filter(([key]) => key !== field));

  it.each<[string, Partial<CreateOfferInput>, string, string]>([
    ['capacity 0', { capacity: 0 }, 'input.capacity', 'min'],
    ['a title of spaces', { title: '     ' }, 'input.title', 'minLength'],
    ['an end date before the start', { validFrom: daysFromNow(10), validUntil: daysFromNow(5) }, 'input.validUntil', 'isAfter'],
    ['no categories', { categories: [] }, 'input.categories', 'arrayNotEmpty'],
    ['a repeated category', { categories: ['WEBSITE', 'WEBSITE'] }, 'input.categories', 'arrayUnique'],
    ['a free period over 36 months', { freePeriodMonths: 37 }, 'input.freePeriodMonths', 'max'],
    ['conditions too short to state the terms', { conditions: 'Gratis' }, 'input.conditions', 'minLength'],
    ['a malformed comune code', { coverage: { comuneCodes: ['Roma'] } }, 'input.coverage.comuneCodes', 'matches'],
    ['a radius over 500 km', { coverage: { radii: [{ comuneCode: '058091', km: 501 }] } }, 'input.coverage.radii.0.km', 'max'],
    ['an unknown comune in the coverage', { coverage: { comuneCodes: ['058091', '999999'] } }, 'input.coverage.comuneCodes.1', 'COMUNE_NOT_FOUND'],
    ['an unknown province in the coverage', { coverage: { provinceCodes: ['058', '999'] } }, 'input.coverage.provinceCodes.1', 'PROVINCE_NOT_FOUND'],
    ['an unknown region in the coverage', { coverage: { regionCodes: ['42'] } }, 'input.coverage.regionCodes.0', 'REGION_NOT_FOUND'],
    ['a radius around an unknown comune', { coverage: { radii: [{ comuneCode: '999999', km: 10 }] } }, 'input.coverage.radii.0.comuneCode', 'COMUNE_NOT_FOUND'],
    ['a radius around a comune and a point', { coverage: { radii: [{ comuneCode: '058091', latitude: 41.9, longitude: 12.5, km: 10 }] } }, 'input.coverage.radii.0', 'RADIUS_TWO_CENTRES'],
    ['a radius around half a point', { coverage: { radii: [{ latitude: 41.9, km: 10 }] } }, 'input.coverage.radii.0', 'RADIUS_POINT_INCOMPLETE'],
    ['a radius with no centre', { coverage: { radii: [{ km: 10 }] } }, 'input.coverage.radii.0', 'RADIUS_NO_CENTRE'],
    ['a radius centred in the Gulf of Guinea (0, 0)', { coverage: { radii: [{ km: 10, latitude: 0, longitude: 0 }] } }, 'input.coverage.radii.0.latitude', 'RADIUS_CENTRE_OUTSIDE_ITALY'],
    [
      'a second radius centred in Paris',
      { coverage: { radii: [{ latitude: 45.07, longitude: 7.68, km: 15 }, { latitude: 48.8566, longitude: 2.3522, km: 15 }] } },
      'input.coverage.radii.1.latitude',
      'RADIUS_CENTRE_OUTSIDE_ITALY',
    ],
    ['no area at all', { coverage: { national: false } }, 'input.coverage', 'COVERAGE_EMPTY'],
    ['an unknown ATECO division', { sectors: { allSectors: false, divisions: ['47', '04'] } }, 'input.sectors.divisions.1', 'ATECO_UNKNOWN_DIVISION'],
    ['sectors listed with allSectors', { sectors: { allSectors: true, sections: ['G'] } }, 'input.sectors.allSectors', 'SECTORS_CONFLICT'],
    ['no sector without allSectors', { sectors: { allSectors: false } }, 'input.sectors.sections', 'SECTORS_EMPTY'],
  ])('refuses %s, naming the field', async (_label, override, field, code) => {
    const before = await providerFootprint(db, provider);
    const { data, errors } = await api.gqlAs(provider.accessToken, CreateOfferDocument, { input: anOfferInput(override) });
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field, code, message: expect.any(String), messageIt: expect.any(String) })],
    });
    expect(await providerFootprint(db, provider)).toEqual(before);
  });

  // Inputs GraphQL itself refuses, sent as deliberately invalid variables.
  it.each([
    ['a missing title', withoutField('title'), 'input.title', 'isDefined'],
    ['a missing coverage', withoutField('coverage'), 'input.coverage', 'isDefined'],
    ['an unknown category', { ...anOfferInput(), categories: ['ONLINE_STORE', 'TELEPATHY'] }, 'input.categories.1', 'isEnum'],
    ['an end on 31 February', { ...anOfferInput(), validUntil: '2027-02-31T00:00:00Z' }, 'input.validUntil', 'isDateTime'],
    ['an end on 29 February of a common year', { ...anOfferInput(), validUntil: '2027-02-29' }, 'input.validUntil', 'isDateTime'],
    ['a start in words', { ...anOfferInput(), validFrom: '5 December 2026' }, 'input.validFrom', 'isDateTime'],
    ['a start as a number', { ...anOfferInput(), validFrom: 1796538096106 }, 'input.validFrom', 'isDateTime'],
  ])('refuses %s before the resolver runs, naming the field', async (_label, input, field, code) => {
    const before = await providerFootprint(db, provider);
    const { errors } = await api.gqlAs(provider.accessToken, CreateOfferDocument, invalidVariables({ input }));
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, code, messageIt: expect.any(String) })] });
    expect(await providerFootprint(db, provider)).toEqual(before);
  });

  it("refuses to let a provider edit, publish or close another provider's offer", async () => {
    const owner = await registeredProvider(api);
    const offer = await createOffer(api, owner);
    const before = await providerFootprint(db, owner);
    const update = await api.gqlAs(provider.accessToken, UpdateOfferDocument, { input: { id: offer.id, capacity: 1 } });
    expect(update.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'OFFER_NOT_FOUND', field: 'input.id' });
    const publish = await api.gqlAs(provider.accessToken, PublishOfferDocument, { id: offer.id });
    expect(publish.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const close = await api.gqlAs(provider.accessToken, CloseOfferDocument, { id: offer.id });
    expect(close.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const peek = await api.gqlAs(provider.accessToken, OfferByIdDocument, { id: offer.id });
    expect(peek.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(await providerFootprint(db, owner)).toEqual(before);
  });

  it('refuses capacity below the slots used as a union error, and accepts it at exactly used', async () => {
    const offer = await createOffer(api, provider, { capacity: 10 });
    await db.query('UPDATE offer SET used = 3 WHERE id = $1', [offer.id]);
    const before = await providerFootprint(db, provider);
    const below = await api.gqlAs(provider.accessToken, UpdateOfferDocument, { input: { id: offer.id, capacity: 2, title: 'Nuovo titolo' } });
    expect(below.data?.updateOffer).toMatchObject({ __typename: 'CapacityBelowUsedError', code: 'CAPACITY_BELOW_USED', field: 'input.capacity', used: 3 });
    expect(await providerFootprint(db, provider)).toEqual(before);

    const exact = await api.gqlAs(provider.accessToken, UpdateOfferDocument, { input: { id: offer.id, capacity: 3 } });
    expect(exact.data?.updateOffer).toMatchObject({ __typename: 'Offer', capacity: 3, used: 3, remainingCapacity: 0 });
  });

  it.each<[string, Partial<UpdateOfferInput>, string, string]>([
    ['an end before the current start', { validUntil: '2020-01-01T00:00:00.000Z' }, 'input.validUntil', 'VALIDITY_ORDER'],
    ['a start after the current end', { validFrom: daysFromNow(300) }, 'input.validFrom', 'VALIDITY_ORDER'],
    ['a start more than a year ahead', { validFrom: daysFromNow(400), validUntil: null }, 'input.validFrom', 'START_TOO_FAR'],
    ['an unknown province in a new coverage', { coverage: { provinceCodes: ['001', '000'] } }, 'input.coverage.provinceCodes.1', 'PROVINCE_NOT_FOUND'],
    ['a new radius centred outside Italy', { coverage: { radii: [{ latitude: 7.68, longitude: 45.07, km: 15 }] } }, 'input.coverage.radii.0.latitude', 'RADIUS_CENTRE_OUTSIDE_ITALY'],
    ['a null title', { title: null }, 'input.title', 'isDefined'],
    ['capacity 0', { capacity: 0 }, 'input.capacity', 'min'],
    ['a malformed id', { id: 'offerta-1' }, 'input.id', 'isUuid'],
  ])('refuses an update with %s, naming the field, and changes nothing', async (_label, change, field, code) => {
    const offer = await createOffer(api, provider, { coverage: { comuneCodes: ['058091'] } });
    const before = await providerFootprint(db, provider);
    const { errors } = await api.gqlAs(provider.accessToken, UpdateOfferDocument, { input: { id: offer.id, ...change } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, code })] });
    expect(await providerFootprint(db, provider)).toEqual(before);
  });

  it('says why a radius centre is not in Italy: how far the nearest comune is, and the distance allowed', async () => {
    const { errors } = await api.gqlAs(provider.accessToken, CreateOfferDocument, { input: anOfferInput({ coverage: { radii: [{ km: 10, latitude: 0, longitude: 0 }] } }) });
    const [refusal] = errors?.[0].extensions.fields as { message: string; messageIt: string }[];
    expect(refusal.message).toMatch(/^input\.coverage\.radii\.0\.latitude: the centre of the radius is not in Italy: it is \d+ km from the nearest comune \(.+\), and a centre must be within 40 km of one/);
    expect(refusal.messageIt).toMatch(/^input\.coverage\.radii\.0\.latitude: il centro del raggio non è in Italia: dista \d+ km dal comune più vicino \(.+\) e deve trovarsi entro 40 km da un comune/);
  });

  it('lets only provider accounts with an organisation draft offers', async () => {
    const shop = await signUp(api, 'SHOP');
    const asShop = await api.gqlAs(shop.accessToken, CreateOfferDocument, { input: anOfferInput() });
    expect(asShop.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const noOrganisation = await signUp(api, 'PROVIDER');
    const early = await api.gqlAs(noOrganisation.accessToken, CreateOfferDocument, { input: anOfferInput() });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PROVIDER_NOT_REGISTERED' });
    const staff = await staffUser(api);
    const asStaff = await api.gqlAs(staff.accessToken, CreateOfferDocument, { input: anOfferInput() });
    expect(asStaff.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('lets an approved provider draft too, and audits the draft with its coverage', async () => {
    const approved = await approvedProvider(api, await staffUser(api));
    const offer = await createOffer(api, approved, { coverage: { provinceCodes: ['058'], radii: [{ latitude: 45.07, longitude: 7.68, km: 15 }] } });
    expect(offer.status).toBe('DRAFT');
    const audit = await db.query('SELECT action, actor_user_id, after FROM audit_event WHERE entity_id = $1', [offer.id]);
    expect(audit).toEqual([
      {
        action: 'offer.created',
        actor_user_id: approved.userId,
        after: expect.objectContaining({
          status: 'DRAFT',
          coverage: { national: false, regionCodes: [], provinceCodes: ['058'], comuneCodes: [], radii: [{ comuneCode: null, latitude: 45.07, longitude: 7.68, km: 15 }] },
        }),
      },
    ]);
  });
});
