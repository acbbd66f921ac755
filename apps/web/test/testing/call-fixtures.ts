import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { CreateSelectionCallDocument, PublishSelectionCallDocument, type CreateSelectionCallInput } from '../../../api/test/gql/generated';
import { staffUser } from '../../../api/test/testing/fixtures';
import { approvedProvider, publishedOffer } from '../../../api/test/testing/offer-fixtures';
import { dataOf, member } from '../../../api/test/testing/test-app';
import { italianDateTimeOf } from '../../src/i18n/italian-time';
import type { WebTestApp } from './web-app';

export const TORINO = '001272';
export const unique = (name: string): string => `${name} ${randomUUID().slice(0, 6)}`;
/** A datetime-local value: the form reads it in Italian time, wherever the browser is. */
export const localInput = (date: Date): string => italianDateTimeOf(date);
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** A call drafted by staff over the API: one offer, any sector and size, scored by fewer employees. */
export const aCall = (title: string, offerId: string, input: Partial<CreateSelectionCallInput> = {}): CreateSelectionCallInput => ({
  title,
  description: 'Un anno gratuito di negozio online per le botteghe selezionate dal bando.',
  offerIds: [offerId],
  places: 1,
  opensAt: new Date(Date.now() - HOUR).toISOString(),
  closesAt: new Date(Date.now() + DAY).toISOString(),
  eligibility: {},
  declarations: [],
  questions: [],
  scoring: [{ kind: 'FEWER_EMPLOYEES', weight: 100, employeesCap: 50 }],
  tieBreak: ['EARLIER_APPLICATION'],
  ...input,
});

/** A call's card on the shop's list of calls: other suites' open calls may fill the first pages, so it reads on until the card shows. */
export async function callCard(page: Page, title: string): Promise<Locator> {
  const card = page.getByTestId('shop-call-card').filter({ hasText: title });
  await page.getByTestId('shop-call-card').first().waitFor();
  for (let shown = 1; (await card.count()) === 0; shown++) {
    await page.getByRole('button', { name: 'Successiva' }).click();
    await page.getByText(`Pagina ${shown + 1} di`, { exact: false }).waitFor();
  }
  return card;
}

/** A call drafted and published by staff over the API, on a national offer of 5 places: its id and title. */
export async function publishedCall(web: WebTestApp, name: string, input: Partial<CreateSelectionCallInput> = {}): Promise<{ id: string; title: string }> {
  const staff = await staffUser(web.api);
  const provider = await approvedProvider(web.api, staff);
  const offer = await publishedOffer(web.api, provider, { capacity: 5, coverage: { national: true } });
  const title = unique(name);
  const created = dataOf(await web.api.gqlAs(staff.accessToken, CreateSelectionCallDocument, { input: aCall(title, offer.id, input) })).createSelectionCall;
  member(dataOf(await web.api.gqlAs(staff.accessToken, PublishSelectionCallDocument, { id: created.id })).publishSelectionCall, 'SelectionCall');
  return { id: created.id, title };
}
