import { DataSource } from 'typeorm';
import { ProvidersWithNamesDocument, ProvinceCapitalsAndComuniDocument, RegisterProviderDocument, RegisterShopDocument, ShopsWithPlacesDocument } from './gql/generated';
import { aProviderInput, aShopInput, signUp, staffUser } from './testing/fixtures';
import { QueryCounter } from './testing/query-counter';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

/** The number of SQL statements for a page must not grow with the page size (no N+1). */
describe('SQL statements per page', () => {
  let api: TestApp;
  let counter: QueryCounter;
  let staffToken: string;

  beforeAll(async () => {
    api = await startTestApp();
    counter = new QueryCounter(api.app.get(DataSource));
    for (let i = 0; i < 12; i += 1) {
      const shop = await signUp(api, 'SHOP');
      const shopInput = aShopInput({ comuneCode: ['001272', '058091', '063049', '015146'][i % 4] });
      member(dataOf(await api.gqlAs(shop.accessToken, RegisterShopDocument, { input: shopInput })).registerShop, 'Shop');
      const provider = await signUp(api, 'PROVIDER');
      member(dataOf(await api.gqlAs(provider.accessToken, RegisterProviderDocument, { input: aProviderInput() })).registerProvider, 'Provider');
    }
    staffToken = (await staffUser(api)).accessToken;
  });
  afterAll(async () => {
    counter.restore();
    await api.close();
  });

  // Each page must be answered: a refusal would cost fewer statements and pass for the wrong reason.
  it.each<[string, (first: number) => Promise<unknown>]>([
    ['shops with their comune, province and region', async (first) => dataOf(await api.gqlAs(staffToken, ShopsWithPlacesDocument, { first }))],
    ['providers', async (first) => dataOf(await api.gqlAs(staffToken, ProvidersWithNamesDocument, { first }))],
    ['province capitals', async (first) => dataOf(await api.gqlAs(staffToken, ProvinceCapitalsAndComuniDocument, { first }))],
  ])('%s: the same for 2 items as for 10', async (_label, page) => {
    // Warm the per-process territory cache so both runs start alike.
    await page(1);
    const small = await counter.during(() => page(2));
    const large = await counter.during(() => page(10));
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });
});
