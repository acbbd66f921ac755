import { WithdrawMatchDocument } from '../../api/test/gql/generated';
import { staffUser } from '../../api/test/testing/fixtures';
import { applyTo, askFor } from '../../api/test/testing/match-fixtures';
import { approvedProvider, publishedOffer, shopIn } from '../../api/test/testing/offer-fixtures';
import { expectAccessible, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

const PISA = '050026';

describe('A provider’s page of a match the shop withdrew', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  it('keeps the shop’s name and comune and says the contacts are no longer available', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const offer = await publishedOffer(web.api, provider, { coverage: { comuneCodes: [PISA] } });
    const shop = await shopIn(web.api, PISA);
    const match = await applyTo(web.api, shop, await askFor(web.api, shop), offer.id);
    await web.api.gqlAs(shop.accessToken, WithdrawMatchDocument, { input: { id: match.id } });

    const page = await web.newPage();
    await logIn(page, provider.email);
    await page.goto(`/organizzazione/candidature/${match.id}`);
    await page.getByTestId('contacts-withheld').waitFor();
    expect(await page.getByTestId('contacts-withheld').textContent()).toBe('Contatti non più disponibili: il servizio non è partito o è concluso da oltre 90 giorni');
    await page.getByText('Il Forno di Via Roma', { exact: true }).first().waitFor();
    expect(await page.getByText('forno@example.it').count()).toBe(0);
    await expectAccessible(page, 'provider-match-contacts-withheld');
    await page.context().close();
  });
});
