import { DataSource } from 'typeorm';
import { aProviderInput, aShopInput, REGISTER_PROVIDER, REGISTER_SHOP, signUp, staffUser } from './testing/fixtures';
import { QueryCounter } from './testing/query-counter';
import { startTestApp, TestApp } from './testing/test-app';

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
      await api.gqlAs(shop.accessToken, REGISTER_SHOP, { input: aShopInput({ comuneCode: ['001272', '058091', '063049', '015146'][i % 4] }) });
      const provider = await signUp(api, 'PROVIDER');
      await api.gqlAs(provider.accessToken, REGISTER_PROVIDER, { input: aProviderInput() });
    }
    staffToken = (await staffUser(api)).accessToken;
  });
  afterAll(async () => {
    counter.restore();
    await api.close();
  });

  it.each([
    ['shops with their comune, province and region', (n: number) => `{ shops(first: ${n}) { items { id comune { name province { name region { name } } } } } }`],
    ['providers', (n: number) => `{ providers(first: ${n}) { items { id name } } }`],
    ['province capitals', (n: number) => `{ provinces { code capital { name } } comuni(search: "s", first: ${n}) { province { name } } }`],
  ])('%s: the same for 2 items as for 10', async (_label, query) => {
    // Warm the per-process territory cache so both runs start alike.
    await api.gqlAs(staffToken, query(1));
    const small = await counter.during(() => api.gqlAs(staffToken, query(2)));
    const large = await counter.during(() => api.gqlAs(staffToken, query(10)));
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });
});
