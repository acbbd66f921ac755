import { UserRole } from '@vec/core';
import type { Locator, Page } from 'playwright-core';
import { staffUser } from '../../api/test/testing/fixtures';
import { eventually, expectAccessible, focused, logIn, startWebTestApp, type WebTestApp } from './testing/web-app';

/** What a role's header must offer: the main menu's items (those under a group button name it) and the account menu. */
interface Expected {
  main: { label: string; group?: string }[];
  account: string[];
}

const ACCOUNT = ['Il mio account', 'Preferenze', 'Privacy'];
const STAFF = [
  { label: 'Home' },
  { label: 'Offerte' },
  { label: 'Cruscotto' },
  { label: 'Verifica fornitori', group: 'Verifiche' },
  { label: 'Verifica facilitatori', group: 'Verifiche' },
  { label: 'Verifica offerte', group: 'Verifiche' },
  { label: 'Assegnazioni' },
  { label: 'Bandi' },
  { label: 'Conservazione dati', group: 'Amministrazione' },
  { label: 'Registro attività', group: 'Amministrazione' },
  { label: 'Posta in uscita', group: 'Amministrazione' },
];
const EXPECTED: Record<'SHOP' | 'PROVIDER' | 'FACILITATOR' | 'MINISTRY' | 'ADMIN', Expected> = {
  SHOP: {
    main: ['Home', 'Offerte', 'La mia attività', 'Di che cosa hai bisogno', 'Le mie richieste', 'I miei servizi', 'Bandi', 'Facilitatori'].map((label) => ({ label })),
    account: ACCOUNT,
  },
  PROVIDER: { main: ['Home', 'Offerte', 'La mia organizzazione', 'Le mie offerte', 'Candidature'].map((label) => ({ label })), account: ACCOUNT },
  FACILITATOR: { main: ['Home', 'Offerte', 'Scrivania', 'Bandi', 'La mia organizzazione'].map((label) => ({ label })), account: ACCOUNT },
  MINISTRY: { main: STAFF, account: ACCOUNT },
  ADMIN: { main: [...STAFF, { label: 'Account', group: 'Amministrazione' }], account: ACCOUNT },
};

const WIDTHS = [
  { width: 1024, height: 800 },
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

/** The page is no wider than the window: nothing to scroll sideways to. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect({ scrollWidth: scrollWidth <= innerWidth, innerWidth }).toEqual({ scrollWidth: true, innerWidth });
}

/** Shown and wholly inside the window, left to right. */
async function expectOnScreen(page: Page, item: Locator, name: string): Promise<void> {
  await item.waitFor({ state: 'visible' });
  const box = await item.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect({ name, inside: box !== null && box.x >= 0 && box.x + box.width <= width }).toEqual({ name, inside: true });
}

/** Every item of the main menu can be reached (through the mobile menu and its group where it has to be) and is on screen. */
async function expectMainMenuReachable(page: Page, expected: Expected, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
  const mobile = await page.getByRole('button', { name: 'Apri il menu' }).isVisible();
  if (!mobile) {
    // On a desktop the top-level items fit one row, each label on one line.
    const rows = await nav.locator('.navbar-nav > li').evaluateAll((items) => [...new Set(items.map((item) => Math.round(item.getBoundingClientRect().top)))].length);
    expect({ name, rows }).toEqual({ name, rows: 1 });
  }
  for (const { label, group } of expected.main) {
    if (mobile) await page.getByRole('button', { name: 'Apri il menu' }).click();
    if (group) {
      const button = nav.getByRole('button', { name: group, exact: true });
      await expectOnScreen(page, button, `${name}: ${group}`);
      await button.click();
      expect(await button.getAttribute('aria-expanded')).toBe('true');
    }
    await expectOnScreen(page, nav.getByRole('link', { name: label, exact: true }), `${name}: ${label}`);
    if (group) await page.keyboard.press('Escape');
    if (mobile) await page.keyboard.press('Escape');
  }
}

async function expectAccountMenuReachable(page: Page, expected: Expected, name: string): Promise<void> {
  const toggle = page.locator('button[aria-controls="account-menu"]');
  await expectOnScreen(page, toggle, `${name}: account menu`);
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  const panel = page.locator('#account-menu');
  for (const label of expected.account) await expectOnScreen(page, panel.getByRole('link', { name: label, exact: true }), `${name}: ${label}`);
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'hidden' });
}

describe('The header in the browser', () => {
  let web: WebTestApp;
  beforeAll(async () => {
    web = await startWebTestApp();
  });
  afterAll(() => web.close());

  const signIn = async (role: keyof typeof EXPECTED): Promise<string> => {
    if (role === 'MINISTRY' || role === 'ADMIN') return (await staffUser(web.api, UserRole[role])).email;
    return (await web.signUp(role)).email;
  };

  it.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])('%s: every menu item is reachable and on screen, at 1024, 1280, 1440 and on a phone, and nothing scrolls sideways', async (role) => {
    const email = await signIn(role);
    const page = await web.newPage();
    await logIn(page, email);
    const landing = new URL(page.url()).pathname;
    for (const viewport of WIDTHS) {
      await page.setViewportSize(viewport);
      await page.goto(landing);
      await page.getByRole('navigation', { name: 'Navigazione principale' }).waitFor({ state: 'attached' });
      await page.locator('h1').first().waitFor();
      const name = `header-${role.toLowerCase()}-${viewport.width}`;
      await expectNoSidewaysScroll(page);
      await expectAccessible(page, name);
      await expectMainMenuReachable(page, EXPECTED[role], name);
      await expectAccountMenuReachable(page, EXPECTED[role], name);
      await expectNoSidewaysScroll(page);
    }
    await page.context().close();
  });

  it('ministry staff: a group opens from the keyboard, names the page it holds as current, and Escape gives the focus back', async () => {
    const { email } = await staffUser(web.api, UserRole.MINISTRY);
    const page = await web.newPage();
    await logIn(page, email);
    await page.waitForURL('**/ministero/cruscotto');
    const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
    await eventually(() => nav.getByRole('link', { name: 'Cruscotto' }).getAttribute('aria-current'), 'page');

    const group = nav.getByRole('button', { name: 'Verifiche', exact: true });
    await group.focus();
    await page.keyboard.press('Enter');
    await eventually(() => group.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Tab');
    await eventually(async () => (await focused(page)).text, 'Verifica fornitori');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/ministero/verifica-fornitori');
    // Moving to the page closes the group; the button shows it holds the current page, the link says so when opened.
    await eventually(() => group.getAttribute('aria-expanded'), 'false');
    await eventually(async () => (await group.getAttribute('class'))?.includes('active'), true);
    await group.click();
    await eventually(() => nav.getByRole('link', { name: 'Verifica fornitori' }).getAttribute('aria-current'), 'page');
    await expectAccessible(page, 'header-ministry-group-open');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await eventually(() => group.getAttribute('aria-expanded'), 'false');
    await eventually(async () => (await focused(page)).text, 'Verifiche');

    // The account menu the same way; a click elsewhere closes it.
    const toggle = page.locator('button[aria-controls="account-menu"]');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.locator('#account-menu').waitFor();
    await page.keyboard.press('Tab');
    await eventually(async () => (await focused(page)).text, 'Il mio account');
    await expectAccessible(page, 'header-ministry-account-open');
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.locator('#account-menu').waitFor({ state: 'hidden' });
    await page.context().close();
  });
});
