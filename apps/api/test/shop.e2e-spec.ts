import { DataSource } from 'typeorm';
import { MyShopDocument, RegisterShopDocument, type RegisterShopInput, ShopByIdDocument, ShopsDocument, UpdateShopDocument } from './gql/generated';
import { aShopInput, signUp, staffUser } from './testing/fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

describe('Shops over GraphQL', () => {
  let api: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  const countShops = async (partitaIva: unknown): Promise<number> =>
    (await db.query('SELECT COUNT(*)::int AS n FROM shop WHERE partita_iva = $1', [partitaIva]))[0].n;

  it("registers the caller's shop at its comune's coordinates, then shows and updates it", async () => {
    const owner = await signUp(api, 'SHOP');
    const registered = await api.gqlAs(owner.accessToken, RegisterShopDocument, { input: aShopInput() });
    expect(registered.data?.registerShop).toMatchObject({ __typename: 'Shop', coordinatesFromComune: true, comune: { name: 'Torino' } });
    const shop = member(dataOf(registered).registerShop, 'Shop');
    expect(shop.latitude).toBeCloseTo(45.07, 1);

    const mine = await api.gqlAs(owner.accessToken, MyShopDocument);
    expect(mine.data?.myShop?.id).toBe(shop.id);

    const updated = await api.gqlAs(owner.accessToken, UpdateShopDocument, { input: { address: 'Piazza Castello 2', latitude: 45.0712, longitude: 7.6858 } });
    expect(updated.data?.updateShop).toEqual({ address: 'Piazza Castello 2', latitude: 45.0712, coordinatesFromComune: false });
    const audit = await db.query("SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id", [shop.id]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['shop.registered', 'shop.updated']);
  });

  it('answers a second shop for the same account, or a taken Partita IVA, with union errors', async () => {
    const owner = await signUp(api, 'SHOP');
    const input = aShopInput();
    member(dataOf(await api.gqlAs(owner.accessToken, RegisterShopDocument, { input })).registerShop, 'Shop');
    const again = await api.gqlAs(owner.accessToken, RegisterShopDocument, { input: aShopInput() });
    expect(again.data?.registerShop).toMatchObject({ __typename: 'ShopAlreadyRegisteredError', code: 'SHOP_ALREADY_REGISTERED' });

    const other = await signUp(api, 'SHOP');
    const taken = await api.gqlAs(other.accessToken, RegisterShopDocument, { input: aShopInput({ partitaIva: input.partitaIva }) });
    expect(taken.data?.registerShop).toMatchObject({ __typename: 'PartitaIvaTakenError', field: 'input.partitaIva' });
    expect(await countShops(input.partitaIva)).toBe(1);
  });

  it.each<[string, Partial<RegisterShopInput>, string, string]>([
    ['a wrong check digit', { partitaIva: '12345678901' }, 'input.partitaIva', 'isPartitaIva'],
    ['a short Partita IVA', { partitaIva: '1234' }, 'input.partitaIva', 'isPartitaIva'],
    ['an unknown comune', { comuneCode: '999999' }, 'input.comuneCode', 'COMUNE_NOT_FOUND'],
    ['a malformed comune', { comuneCode: 'Torino' }, 'input.comuneCode', 'matches'],
    ['a division outside its section', { atecoSection: 'G', atecoDivision: '10' }, 'input.atecoDivision', 'ATECO_DIVISION_NOT_IN_SECTION'],
    ['an unknown ATECO division', { atecoSection: 'C', atecoDivision: '04' }, 'input.atecoDivision', 'ATECO_UNKNOWN_DIVISION'],
    ['half a position', { latitude: 45.1 }, 'input.longitude', 'COORDINATES_INCOMPLETE'],
    ['negative employees', { employees: -1 }, 'input.employees', 'min'],
    ['a missing legal name', { legalName: ' ' }, 'input.legalName', 'minLength'],
    ['a point in Paris for a shop in Agliè', { comuneCode: '001001', latitude: 48.8566, longitude: 2.3522 }, 'input.latitude', 'COORDINATES_FAR_FROM_COMUNE'],
  ])('refuses %s naming the field and writes nothing', async (_label, override, field, code) => {
    const owner = await signUp(api, 'SHOP');
    const input = aShopInput(override);
    const { errors } = await api.gqlAs(owner.accessToken, RegisterShopDocument, { input });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: expect.arrayContaining([expect.objectContaining({ field, code })]) });
    expect(await countShops(input.partitaIva)).toBe(0);
  });

  it('refuses shop operations to other roles and to anonymous callers', async () => {
    const provider = await signUp(api, 'PROVIDER');
    const asProvider = await api.gqlAs(provider.accessToken, RegisterShopDocument, { input: aShopInput() });
    expect(asProvider.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await api.gql(RegisterShopDocument, { input: aShopInput() });
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('lets ministry staff list shops by province, paginated with a bounded page size', async () => {
    const owner = await signUp(api, 'SHOP');
    member(dataOf(await api.gqlAs(owner.accessToken, RegisterShopDocument, { input: aShopInput({ comuneCode: '063049' }) })).registerShop, 'Shop');
    const staff = await staffUser(api);
    const { data } = await api.gqlAs(staff.accessToken, ShopsDocument, { filter: { provinceCode: '063' }, first: 100 });
    expect(data?.shops.totalCount).toBeGreaterThanOrEqual(1);
    expect(data?.shops.items.map((s) => s.comune.name)).toContain('Napoli');
    const tooMany = await api.gqlAs(staff.accessToken, ShopsDocument, { first: 1000 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'first' })] });
    const badProvince = await api.gqlAs(staff.accessToken, ShopsDocument, { filter: { provinceCode: '999' } });
    expect(badProvince.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'filter.provinceCode' })] });
  });

  it("keeps a shop's own point only when it lies near its comune, naming both coordinates and the distance otherwise", async () => {
    const owner = await signUp(api, 'SHOP');
    const paris = await api.gqlAs(owner.accessToken, RegisterShopDocument, { input: aShopInput({ comuneCode: '001001', latitude: 48.8566, longitude: 2.3522 }) });
    const fields = paris.errors?.[0].extensions.fields as { field: string; messageIt: string }[];
    expect(fields.map((f) => f.field)).toEqual(['input.latitude', 'input.longitude']);
    expect(fields[0].messageIt).toMatch(/^input\.latitude: il punto è a \d[\d.]* km da Agliè, ma deve trovarsi entro 40 km dal comune/);
    // A shop a few kilometres from the centre of Agliè, in its countryside, is kept where it says.
    const near = await api.gqlAs(owner.accessToken, RegisterShopDocument, {
      input: aShopInput({ comuneCode: '001001', latitude: 45.39, longitude: 7.79 }),
    });
    expect(near.data?.registerShop).toMatchObject({ latitude: 45.39, coordinatesFromComune: false });
  });

  it('refuses a malformed id and a null for a required field as bad input, changing nothing', async () => {
    const owner = await signUp(api, 'SHOP');
    const shop = member(dataOf(await api.gqlAs(owner.accessToken, RegisterShopDocument, { input: aShopInput() })).registerShop, 'Shop');
    const malformed = await api.gqlAs(owner.accessToken, ShopByIdDocument, { id: 'not-a-uuid' });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'id' })] });
    const nulled = await api.gqlAs(owner.accessToken, UpdateShopDocument, { input: { legalName: null } });
    expect(nulled.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.legalName' })] });
    const [{ legal_name }] = await db.query('SELECT legal_name FROM shop WHERE id = $1', [shop.id]);
    expect(legal_name).toBe('Panificio Rossi S.n.c.');
  });

  it("hides one shop from another shop's owner", async () => {
    const owner = await signUp(api, 'SHOP');
    const shop = member(dataOf(await api.gqlAs(owner.accessToken, RegisterShopDocument, { input: aShopInput() })).registerShop, 'Shop');
    const stranger = await signUp(api, 'SHOP');
    const peek = await api.gqlAs(stranger.accessToken, ShopByIdDocument, { id: shop.id });
    expect(peek.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});
