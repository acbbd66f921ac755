import { DataSource } from 'typeorm';
import type { Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { InviteShopDocument, WithdrawDelegationDocument } from '../../api/test/gql/generated';
import { anEmail } from '../../api/test/testing/fixtures';
import { dataOf, member } from '../../api/test/testing/test-app';
import { anApprovedFacilitator } from './testing/facilitator-fixtures';
import { eventually, expectAccessible, focusedNotice, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

describe('A facilitator’s invitations on its desk, in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  /** The role of what holds the keyboard focus. */
  const focusedRole = (page: Page): Promise<string | null> => page.evaluate(() => document.activeElement?.getAttribute('role') ?? null);

  it('an invitation whose link lapsed unanswered says so, and inviting the address again sends a new one in its place', async () => {
    const facilitator = await anApprovedFacilitator(web);
    const db = web.api.app.get(DataSource);
    const lapsed = anEmail('scaduto');
    const waiting = anEmail('in-attesa');
    const lapsedId = member(dataOf(await web.api.gqlAs(facilitator.accessToken, InviteShopDocument, { input: { email: lapsed } })).inviteShop, 'Delegation').id;
    member(dataOf(await web.api.gqlAs(facilitator.accessToken, InviteShopDocument, { input: { email: waiting } })).inviteShop, 'Delegation');
    await db.query(`UPDATE delegation SET link_expires_at = timestamptz '2026-11-03 12:00+01', created_at = timestamptz '2026-10-04 12:00+02' WHERE id = $1`, [lapsedId]);

    const page = await web.newPage();
    await logIn(page, facilitator.email);
    await page.waitForURL('**/facilitatore/negozi');
    const invitations = page.getByRole('region', { name: 'Inviti in attesa di risposta' });
    const item = (email: string) => invitations.getByTestId('invitation').filter({ hasText: email });
    await item(lapsed).getByText('scaduto il 3 novembre 2026 senza risposta: il link non funziona più.').waitFor();
    await item(waiting).getByText(/il link vale fino (al |all')\d+/).waitFor();
    expect(await item(waiting).getByRole('button', { name: /Invita di nuovo/ }).count()).toBe(0);
    await expectAccessible(page, 'facilitator-desk-invitation-lapsed');

    await item(lapsed).getByRole('button', { name: `Invita di nuovo ${lapsed}` }).click();
    await eventually(() => focusedNotice(page), `Invito inviato a ${lapsed}.`);
    // One line for the address, the new invitation's, with a working link.
    await item(lapsed).getByText(/il link vale fino (al |all')\d+/).waitFor();
    expect(await item(lapsed).count()).toBe(1);
    await invitations.getByTestId('invitations-count').filter({ hasText: '2 inviti' }).waitFor();
    expect(await db.query(`SELECT status FROM delegation WHERE lower(invited_email) = lower($1) ORDER BY created_at`, [lapsed])).toEqual([{ status: 'WITHDRAWN' }, { status: 'INVITED' }]);
    await page.context().close();
  });

  it('withdrawing an invitation is announced, and one already withdrawn elsewhere is refused with the reason', async () => {
    const facilitator = await anApprovedFacilitator(web);
    const invite = async (email: string): Promise<string> =>
      member(dataOf(await web.api.gqlAs(facilitator.accessToken, InviteShopDocument, { input: { email } })).inviteShop, 'Delegation').id;
    const first = anEmail('invitato');
    const second = anEmail('invitato');
    await invite(first);
    const secondId = await invite(second);

    const page = await web.newPage();
    await logIn(page, facilitator.email);
    await page.waitForURL('**/facilitatore/negozi');
    const invitations = page.getByRole('region', { name: 'Inviti in attesa di risposta' });
    await invitations.getByRole('button', { name: `Ritira l'invito ${first}` }).click();
    await eventually(() => focusedNotice(page), `Invito a ${first} ritirato: il link inviato non funziona più.`);
    expect(await invitations.getByRole('button', { name: `Ritira l'invito ${first}` }).count()).toBe(0);

    // Withdrawn meanwhile from another tab: the list on this page is out of date, and the refusal says so.
    member(dataOf(await web.api.gqlAs(facilitator.accessToken, WithdrawDelegationDocument, { input: { delegationId: secondId } })).withdrawDelegation, 'Delegation');
    await invitations.getByRole('button', { name: `Ritira l'invito ${second}` }).click();
    const refusal = invitations.getByRole('alert');
    await refusal.getByRole('heading', { name: "Non è stato possibile ritirare l'invito" }).waitFor();
    await refusal.getByText('La delega è ritirata: questo passaggio non è possibile').waitFor();
    await eventually(() => focusedRole(page), 'alert');
    // The first withdrawal's message is stale now: it does not stand beside the refusal.
    expect(await page.getByTestId('status-notice').innerText()).toBe('');
    await expectAccessible(page, 'facilitator-desk-invitation-refused');
    await page.context().close();
  });

  it('a chamber with more invitations than fit a page reads them a page at a time with their total, and withdraws one on the second page', async () => {
    const facilitator = await anApprovedFacilitator(web);
    const db = web.api.app.get(DataSource);
    const tag = randomUUID().slice(0, 6);
    const email = (i: number): string => `bottega-${tag}-${String(i).padStart(2, '0')}@example.it`;
    // 23 invitations, more than a page of 20, written straight to the table a minute apart: the newest (01) first.
    await db.query(
      `INSERT INTO delegation (facilitator_id, status, invited_email, link_secret_hash, link_expires_at, created_at)
       SELECT $1, 'INVITED', 'bottega-' || $2 || '-' || lpad(i::text, 2, '0') || '@example.it', md5(random()::text), now() + interval '14 days', now() - make_interval(mins => i)
       FROM generate_series(1, 23) AS i`,
      [facilitator.facilitatorId, tag],
    );

    const page = await web.newPage();
    await logIn(page, facilitator.email);
    await page.waitForURL('**/facilitatore/negozi');
    const invitations = page.getByRole('region', { name: 'Inviti in attesa di risposta' });
    const withdrawButtons = invitations.getByRole('button', { name: /^Ritira l'invito / });
    await invitations.getByTestId('invitations-count').filter({ hasText: '23 inviti' }).waitFor();
    await invitations.getByRole('button', { name: `Ritira l'invito ${email(20)}` }).waitFor();
    expect(await withdrawButtons.count()).toBe(20);
    const pager = invitations.getByRole('navigation', { name: 'Pagine degli inviti' });
    await pager.getByText('Pagina 1 di 2').waitFor();

    await pager.getByRole('button', { name: 'Successiva' }).click();
    await pager.getByText('Pagina 2 di 2').waitFor();
    await invitations.getByRole('button', { name: `Ritira l'invito ${email(21)}` }).waitFor();
    expect(await invitations.locator('li').allInnerTexts()).toEqual([
      expect.stringContaining(email(21)),
      expect.stringContaining(email(22)),
      expect.stringContaining(email(23)),
    ]);
    await expectAccessible(page, 'facilitator-desk-invitations-second-page');

    await invitations.getByRole('button', { name: `Ritira l'invito ${email(22)}` }).click();
    await eventually(() => focusedNotice(page), `Invito a ${email(22)} ritirato: il link inviato non funziona più.`);
    // Still the second page, without the one withdrawn, and the total says one fewer.
    await invitations.getByTestId('invitations-count').filter({ hasText: '22 inviti' }).waitFor();
    await pager.getByText('Pagina 2 di 2').waitFor();
    expect(await invitations.locator('li').allInnerTexts()).toEqual([expect.stringContaining(email(21)), expect.stringContaining(email(23))]);
    const [withdrawn]: { status: string }[] = await db.query('SELECT status FROM delegation WHERE facilitator_id = $1 AND invited_email = $2', [facilitator.facilitatorId, email(22)]);
    expect(withdrawn.status).toBe('WITHDRAWN');
    await expectAccessible(page, 'facilitator-desk-invitation-withdrawn-second-page');
    await page.context().close();
  });
});
