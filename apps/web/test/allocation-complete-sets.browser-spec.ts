import { randomUUID } from 'node:crypto';
import { staffUser } from '../../api/test/testing/fixtures';
import { approvedProvider, publishedOffer } from '../../api/test/testing/offer-fixtures';
import { CreateHelpRequestBundleDocument } from '../../api/test/gql/generated';
import { dataOf, member } from '../../api/test/testing/test-app';
import { shopNamed } from './testing/journey-fixtures';
import { eventually, expectAccessible, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

const TORINO = '001272';
const unique = (name: string): string => `${name} ${randomUUID().slice(0, 6)}`;

describe('An allocation run with complete bundles only, in the browser (a database of their own: a run takes every open request)', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp({ ownDatabase: true });
  });
  afterAll(() => web.close());

  it('starts a preview with "Solo pacchetti completi" and reads that the bundle which could not be served whole was dropped', async () => {
    const staff = await staffUser(web.api);
    const provider = await approvedProvider(web.api, staff);
    await publishedOffer(web.api, provider, { categories: ['ONLINE_STORE'], capacity: 1, coverage: { comuneCodes: [TORINO] } });
    await publishedOffer(web.api, provider, { categories: ['DIGITAL_PAYMENTS'], capacity: 1, coverage: { comuneCodes: [TORINO] } });
    // No delivery offer covers Torino: the bundle can never be whole.
    const shop = await shopNamed(web.api, TORINO, unique('Panetteria Sole'));
    member(
      dataOf(await web.api.gqlAs(shop.accessToken, CreateHelpRequestBundleDocument, { input: { categories: ['ONLINE_STORE', 'DIGITAL_PAYMENTS', 'HOME_DELIVERY'] } }))
        .createHelpRequestBundle,
      'HelpRequestBundle',
    );

    const page = await web.newPage();
    await logIn(page, staff.email);
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Assegnazioni' }).click();
    await page.getByRole('heading', { level: 1, name: 'Assegnazione dei posti' }).waitFor();
    const option = page.getByLabel('Solo pacchetti completi');
    expect(await option.isChecked()).toBe(false);
    await page.getByText('Solo pacchetti completi', { exact: true }).click();
    expect(await option.isChecked()).toBe(true);
    await expectAccessible(page, 'allocation-form-complete-sets');
    await page.getByRole('button', { name: "Avvia l'anteprima" }).click();
    await page.getByText('Anteprima avviata', { exact: false }).waitFor();
    const latest = page.getByTestId('run-card').first();
    await eventually(() => latest.getByTestId('run-status').textContent(), 'Anteprima pronta', 20_000);
    await latest.getByText('0 richieste servite su 3').waitFor();

    await latest.getByRole('link').click();
    await page.getByTestId('run-sets').waitFor();
    expect(await page.getByTestId('run-sets').textContent()).toBe(
      'Solo pacchetti completi. 1 pacchetto: 0 servito per intero, 0 in parte, 1 per niente. 1 escluso perché non poteva essere servito per intero.',
    );
    await page.getByRole('button', { name: 'Pacchetti incompleti', exact: true }).click();
    await page.getByText('2 richieste', { exact: true }).waitFor();
    const items = page.getByTestId('run-item');
    await eventually(async () => (await items.allInnerTexts()).filter((text) => text.includes('il pacchetto non poteva essere servito per intero')).length, 2);
    await expectAccessible(page, 'allocation-run-complete-sets');
    await page.context().close();
  });
});
