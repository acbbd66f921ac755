import { RegisterFacilitatorDocument, RegisterProviderDocument, RegisterShopDocument } from './gql/generated';
import { aFacilitatorInput, aProviderInput, aShopInput, signUp } from './testing/fixtures';
import { dataOf, startTestApp, TestApp } from './testing/test-app';

/** An account manages one business: two registrations sent at once (a double tap, two tabs) make one, and the other is told so. */
describe('Registering an account’s business twice at once (GraphQL)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('a shop account sending two shops at once gets one, and ShopAlreadyRegisteredError for the other', async () => {
    const owner = await signUp(api, 'SHOP');
    const answers = await Promise.all([aShopInput(), aShopInput()].map(async (input) => dataOf(await api.gqlAs(owner.accessToken, RegisterShopDocument, { input })).registerShop.__typename));
    expect(answers.sort()).toEqual(['Shop', 'ShopAlreadyRegisteredError']);
  });

  it('a provider account sending two organisations at once gets one, and ProviderAlreadyRegisteredError for the other', async () => {
    const owner = await signUp(api, 'PROVIDER');
    const answers = await Promise.all(
      [aProviderInput(), aProviderInput()].map(async (input) => dataOf(await api.gqlAs(owner.accessToken, RegisterProviderDocument, { input })).registerProvider.__typename),
    );
    expect(answers.sort()).toEqual(['Provider', 'ProviderAlreadyRegisteredError']);
  });

  it('a facilitator account sending two organisations at once gets one, and FacilitatorAlreadyRegisteredError for the other', async () => {
    const owner = await signUp(api, 'FACILITATOR');
    const answers = await Promise.all(
      [aFacilitatorInput(), aFacilitatorInput()].map(async (input) => dataOf(await api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input })).registerFacilitator.__typename),
    );
    expect(answers.sort()).toEqual(['Facilitator', 'FacilitatorAlreadyRegisteredError']);
  });
});
