import { CreateHelpRequestDocument, UpdateShopNamesDocument } from './gql/generated';
import { shopIn } from './testing/offer-fixtures';
import { dataOf, startTestApp, TestApp } from './testing/test-app';

/** Text nobody could read, or that disguises what it says, is bad input naming the field and why. */
describe('Text hygiene of inputs', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it.each([
    ['zero-width spaces only', '\u200b\u200b\u200b', 'noVisibleCharacter'],
    ['four combining accents only', '\u0301\u0301\u0301\u0301', 'noVisibleCharacter'],
    ['a right-to-left override', 'Bottega \u202eevil', 'bidiControl'],
    ['a new line', 'Bottega\nRiga2', 'lineBreak'],
    ['a zero-width space inside', 'Bot\u200btega', 'invisibleCharacter'],
  ])('refuses a legal name with %s', async (_what, legalName, code) => {
    const shop = await shopIn(api, '001272');
    const { errors } = await api.gqlAs(shop.accessToken, UpdateShopNamesDocument, { input: { legalName } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.legalName', code })] });
  });

  it('stores an empty trading name as none, and names composed (NFC)', async () => {
    const shop = await shopIn(api, '001272');
    const updated = dataOf(await api.gqlAs(shop.accessToken, UpdateShopNamesDocument, { input: { legalName: ' Caffe\u0300 Rossi ', tradingName: '' } })).updateShop;
    expect(updated).toEqual({ legalName: 'Caff\u00e8 Rossi', tradingName: null });
  });

  it('keeps line breaks in a description, and refuses a bidi override there too', async () => {
    const shop = await shopIn(api, '001272');
    const create = (description: string) => api.gqlAs(shop.accessToken, CreateHelpRequestDocument, { input: { category: 'ONLINE_STORE', description } });
    expect((await create('Vorrei un negozio online.\nConsegna a domicilio in zona.')).errors).toBeUndefined();
    const { errors } = await create('Vorrei un negozio \u202eonline per il forno');
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.description', code: 'bidiControl' })] });
  });
});
