// Boots the real API (on the test run's PostgreSQL) serving the built web app from dist/web, on a
// free port, and drives Debian's Chromium through playwright-core.
import AxeBuilder from '@axe-core/playwright';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthService, PRIVACY_NOTICE_VERSION, RequestContext, UserRole } from '@vec/core';
import { createScratchDatabase } from '@vec/core/testing/test-database';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../../api/src/app.module';
import { configureHttp } from '../../../api/src/http/configure-http';
import { webAppRoot } from '../../../api/src/http/web-app';
import { anEmail, TEST_PASSWORD } from '../../../api/test/testing/fixtures';
import { verifyThroughMailbox } from '../../../api/test/testing/mailbox';
import { testAppOver, type TestApp } from '../../../api/test/testing/test-app';

/** Flags for Debian's Chromium on CI machines (no GPU, no sandbox, no background traffic). */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 900 };

export interface WebTestApp {
  baseUrl: string;
  app: INestApplication;
  /** A fresh browser context (no session, Italian) with one page. */
  /** A page in a context of its own; `timezoneId` sets the device's time zone (Europe/Rome's rules must hold anywhere). */
  newPage(viewport?: { width: number; height: number }, options?: { timezoneId?: string }): Promise<Page>;
  /** A GraphQL request straight to the API, for seeding. */
  gql<T>(query: string, variables?: Record<string, unknown>, accessToken?: string): Promise<{ data?: T; errors?: unknown[] }>;
  /** A ministry account created the way the CLI does it. */
  staffUser(): Promise<{ email: string; password: string }>;
  /** A self-registered SHOP or PROVIDER account, through the API. */
  signUp(role: 'SHOP' | 'PROVIDER' | 'FACILITATOR'): Promise<{ email: string; accessToken: string }>;
  /** The same API in the shape the API tests' fixtures take, to seed shops, offers and matches. */
  api: TestApp;
  close(): Promise<void>;
}

/**
 * With `ownDatabase: true` the app runs on a fresh migrated copy of its own, dropped on close: for
 * journeys that must see only their own rows (an allocation run takes every open request). `env`
 * takes precedence over the process environment (e.g. OIDC_PROVIDERS).
 */
export async function startWebTestApp(options: { ownDatabase?: boolean; env?: Record<string, string> } = {}): Promise<WebTestApp> {
  if (!webAppRoot()) throw new Error('dist/web is missing: build the web app first (`npm run web:build`; `npm test` and `npm run test:browser` do it)');
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run browser tests through `npm run test:browser`');
  const scratch = options.ownDatabase ? await createScratchDatabase({ migrated: true }) : undefined;
  const databaseUrl = scratch?.url ?? process.env.DATABASE_URL;
  // NestFactory and the HTTP edge as in production.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ databaseUrl, worker: true, workerPollSeconds: 0.5, env: options.env }), { logger: ['error', 'warn'] });
  configureHttp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  } catch (error) {
    await app.close();
    await scratch?.drop();
    throw new Error(`Chromium did not start (install Debian's \`chromium\` package or set CHROMIUM_PATH): ${(error as Error).message}`);
  }

  const gql = async <T>(query: string, variables?: Record<string, unknown>, accessToken?: string): Promise<{ data?: T; errors?: unknown[] }> => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: T; errors?: unknown[] };
  };

  // Closed with the web app, below.
  const api: TestApp = testAppOver(app, () => Promise.resolve());

  return {
    baseUrl,
    app,
    api,
    async newPage(viewport = DESKTOP, options = {}) {
      // Reduced motion: Bootstrap then drops its colour transitions, so axe never measures a button mid-fade.
      const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'it-IT', reducedMotion: 'reduce', ...options });
      const page = await context.newPage();
      const failures: string[] = [];
      page.on('pageerror', (error) => failures.push(error.message));
      // The API's Content-Security-Policy must never block what the web app does.
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().includes('Content Security Policy')) failures.push(message.text());
      });
      pageErrors.set(page, failures);
      return page;
    },
    gql,
    async staffUser() {
      const email = anEmail('ministero');
      await app.get(AuthService).createUser(RequestContext.system(), { email, password: TEST_PASSWORD, role: UserRole.MINISTRY });
      return { email, password: TEST_PASSWORD };
    },
    async signUp(role) {
      const email = anEmail(role.toLowerCase());
      const { data, errors } = await gql<{ register: { accessToken?: string } }>(
        'mutation ($input: RegisterInput!) { register(input: $input) { ... on AuthPayload { accessToken } } }',
        { input: { email, password: TEST_PASSWORD, role, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } },
      );
      if (!data?.register.accessToken) throw new Error(`sign-up failed: ${JSON.stringify(errors)}`);
      // As its owner would: through the link in the sign-up e-mail.
      await verifyThroughMailbox(api, email);
      return { email, accessToken: data.register.accessToken };
    },
    async close() {
      await browser.close();
      await app.close();
      await scratch?.drop();
    },
  };
}

const pageErrors = new WeakMap<Page, string[]>();

/**
 * Every page the tests reach goes through here: no uncaught script error or CSP refusal, zero axe violations of
 * WCAG 2.1 A/AA, and, when WEB_SHOTS_DIR is set, a full-page screenshot to look at.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(pageErrors.get(page) ?? []).toEqual([]);
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const violations = results.violations.map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
  const dir = process.env.WEB_SHOTS_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
    // Long pages also in viewport-high slices, readable at full size.
    const { width, height } = page.viewportSize() ?? DESKTOP;
    const total = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, part = 1; total > height * 1.5 && y < total; y += height, part += 1) {
      const clip = { x: 0, y, width, height: Math.min(height, total - y) };
      await page.screenshot({ path: join(dir, `${name}.part${part}.png`), fullPage: true, clip });
    }
  }
}

/** Logs in through the login page and waits for the role's landing page. */
export async function logIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto('/accedi');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/accedi');
}

/**
 * Scrolls a dashboard section into view: the sections below the first screen ask the API only
 * then (the section whose heading has this id).
 */
export async function showSection(page: Page, titleId: string): Promise<void> {
  await page.locator(`section[aria-labelledby="${titleId}"]`).scrollIntoViewIfNeeded();
}

/** Retries `read` until it yields `expected` (the page updates asynchronously); fails with the last value. */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!isDeepStrictEqual(last, expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  expect(last).toEqual(expected);
}

/** What has the keyboard focus: its id, accessible label attribute and text. */
export function focused(page: Page): Promise<{ id: string; label: string | null; text: string }> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return { id: element?.id ?? '', label: element?.getAttribute('aria-label') ?? null, text: element?.textContent?.trim() ?? '' };
  });
}

/** The text of the status message that holds the focus, or '' when the focus is elsewhere. */
export function focusedNotice(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return element?.getAttribute('role') === 'status' ? (element.textContent?.trim() ?? '') : '';
  });
}
