import { randomUUID } from 'node:crypto';
import { AcceptMatchDocument, CreateHelpRequestBundleDocument, type ServiceCategory } from '../../api/test/gql/generated';
import { type SignedIn, staffUser } from '../../api/test/testing/fixtures';
import { applyTo } from '../../api/test/testing/match-fixtures';
import { approvedProvider, publishedOffer } from '../../api/test/testing/offer-fixtures';
import { dataOf, member } from '../../api/test/testing/test-app';
import { shopNamed } from './testing/journey-fixtures';
import { eventually, expectAccessible, logIn, showSection, startWebTestApp, type WebTestApp } from './testing/web-app';

const [TORINO, PALERMO] = ['001272', '082053'];
const unique = (name: string): string => `${name} ${randomUUID().slice(0, 6)}`;

describe('Bundles on the ministry dashboard in the browser (a database of its own: the figures are national)', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp({ ownDatabase: true });
  });
  afterAll(() => web.close());

  const askBundle = async (shop: SignedIn, categories: ServiceCategory[]) =>
    member(dataOf(await web.api.gqlAs(shop.accessToken, CreateHelpRequestBundleDocument, { input: { categories } })).createHelpRequestBundle, 'HelpRequestBundle');

  it('shows the bundles asked, how far each got and the combinations most asked, narrowed by the filter', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    const offer = await publishedOffer(web.api, provider, { title: unique('Vetrina torinese'), categories: ['ONLINE_STORE'], coverage: { comuneCodes: [TORINO] } });
    // In Torino a store and payments, the store accepted by its provider: partly served.
    const bakery = await shopNamed(web.api, TORINO, unique('Panetteria'));
    const torinese = await askBundle(bakery, ['ONLINE_STORE', 'DIGITAL_PAYMENTS']);
    const store = torinese.requests.find((request) => request.category === 'ONLINE_STORE');
    const match = await applyTo(web.api, bakery, store?.id ?? '', offer.id);
    member(dataOf(await web.api.gqlAs(provider.accessToken, AcceptMatchDocument, { id: match.id })).acceptMatch, 'Match');
    // In Palermo a store, delivery and payments, nothing served yet.
    await askBundle(await shopNamed(web.api, PALERMO, unique('Pasticceria')), ['DIGITAL_PAYMENTS', 'HOME_DELIVERY', 'ONLINE_STORE']);

    const page = await web.newPage();
    await logIn(page, staff.email);
    await showSection(page, 'dashboard-bundles-title');
    const section = page.getByRole('region', { name: 'Pacchetti di servizi' });
    const totals = section.getByTestId('dashboard-bundle-totals').locator('tbody tr td');
    // Asked, complete sets, partly served, not served yet, withdrawn, services per bundle.
    await eventually(() => totals.allInnerTexts(), ['2', '0', '1', '1', '0', '2,5']);
    const combinations = section.getByTestId('dashboard-bundle-combinations');
    expect(await combinations.locator('caption').textContent()).toBe('Combinazioni di servizi più chieste: 2 su 2');
    // Asked once each: in the platform's order of services.
    expect(await combinations.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^Negozio online \+ Consegna a domicilio \+ Pagamenti digitali\s+1\s+0\s+0\s+1\s+0$/),
      expect.stringMatching(/^Negozio online \+ Pagamenti digitali\s+1\s+0\s+1\s+0\s+0$/),
    ]);
    await expectAccessible(page, 'dashboard-bundles');

    // The filter narrows them: Piemonte has the partly served one only; no bundle asks for a website.
    await page.goto('/ministero/cruscotto?regione=01');
    await showSection(page, 'dashboard-bundles-title');
    await eventually(() => totals.allInnerTexts(), ['1', '0', '1', '0', '0', '2']);
    expect(await combinations.locator('tbody tr').count()).toBe(1);
    await page.goto('/ministero/cruscotto?categoria=WEBSITE');
    await showSection(page, 'dashboard-bundles-title');
    await eventually(() => totals.allInnerTexts(), ['0', '0', '0', '0', '0', '–']);
    await section.getByText('Nessun pacchetto chiesto per questo filtro.').waitFor();
    await expectAccessible(page, 'dashboard-bundles-empty');
  });
});
