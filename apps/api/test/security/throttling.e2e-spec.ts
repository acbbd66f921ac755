import { PRIVACY_NOTICE_VERSION } from '@vec/core';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ComuneSearchDocument, LoginDocument, RefreshSessionDocument, RegisterDocument, RequestPasswordResetDocument, ResetPasswordDocument, TypenameDocument } from '../gql/generated';
import { mailedLink } from '../testing/mailbox';
import { anEmail, TEST_PASSWORD } from '../testing/fixtures';
import { type GraphQLHttpResponse, startTestApp, TestApp } from '../testing/test-app';

/** A client address of its own for each test: the counts are shared through the database. */
const anAddress = (): string => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

type Reply = GraphQLHttpResponse<unknown>;

describe('Throttling shared by the API processes, and the account lockout', () => {
  let first: TestApp;
  let second: TestApp;
  const strict = {
    TRUST_PROXY: 'true',
    THROTTLE_LOGIN_PER_ADDRESS: '12',
    THROTTLE_REGISTER_PER_ADDRESS: '2',
    THROTTLE_REFRESH_PER_ADDRESS: '2',
    LOGIN_LOCKOUT_AFTER: '5',
    LOGIN_LOCKOUT_ACCOUNT_AFTER: '8',
    LOGIN_LOCKOUT_SECONDS: '2',
    LOGIN_LOCKOUT_MAX_SECONDS: '3',
  };
  beforeAll(async () => {
    // Two API processes on one database, as in production.
    first = await startTestApp({ env: strict });
    second = await startTestApp({ env: strict });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  // Each request comes from the client address the test chooses.
  const login = (api: TestApp, address: string, email: string, password: string): Promise<Reply> =>
    api.gqlHttp(LoginDocument, { input: { email, password } }, { 'x-forwarded-for': address });
  const register = (api: TestApp, address: string, email = anEmail()): Promise<Reply> =>
    api.gqlHttp(RegisterDocument, { input: { email, password: TEST_PASSWORD, role: 'SHOP', privacyNoticeVersion: PRIVACY_NOTICE_VERSION } }, { 'x-forwarded-for': address });
  const code = (reply: Reply): unknown => reply.body.errors?.[0]?.extensions.reason ?? reply.body.errors?.[0]?.extensions.code ?? 'OK';

  it('locks an account after 5 wrong passwords from one address, for that address, on every process, refusing even the right one', async () => {
    const email = anEmail();
    expect(code(await register(first, anAddress(), email))).toBe('OK');
    const address = anAddress();
    const answers: unknown[] = [];
    for (let attempt = 1; attempt <= 5; attempt += 1) answers.push(code(await login(attempt % 2 ? first : second, address, email, 'sbagliata-sbagliata')));
    expect(answers).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
    // The sixth attempt from that address, with the right password and through the other process: locked.
    const locked = await login(second, address, email, TEST_PASSWORD);
    expect(locked.body.data ?? null).toBeNull();
    expect(locked.body.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'ACCOUNT_LOCKED' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(locked.body.errors?.[0]?.extensions.retryAfter).toBe(Number(locked.headers['retry-after']));
    expect(locked.body.errors?.[0]?.message).toMatch(/^Too many wrong passwords for this account: it is locked for now\. Try again in \d seconds, or reset the password$/);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(code(await login(first, address, email, TEST_PASSWORD))).toBe('OK');
  });

  it('does not lock the owner out with a stranger’s guesses from another address', async () => {
    const email = anEmail();
    await register(first, anAddress(), email);
    const stranger = anAddress();
    for (let attempt = 1; attempt <= 7; attempt += 1) await login(first, stranger, email, 'sbagliata-sbagliata');
    expect(code(await login(second, stranger, email, TEST_PASSWORD))).toBe('ACCOUNT_LOCKED');
    expect(code(await login(second, anAddress(), email, TEST_PASSWORD))).toBe('OK');
  });

  it('locks an account for everyone after 8 wrong passwords from many addresses', async () => {
    const email = anEmail();
    await register(first, anAddress(), email);
    for (let attempt = 1; attempt <= 8; attempt += 1) expect(code(await login(attempt % 2 ? first : second, anAddress(), email, 'sbagliata-sbagliata'))).toBe('INVALID_CREDENTIALS');
    expect(code(await login(first, anAddress(), email, TEST_PASSWORD))).toBe('ACCOUNT_LOCKED');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(code(await login(second, anAddress(), email, TEST_PASSWORD))).toBe('OK');
  });

  it('keeps the addresses its owner signed in from open while guesses from many others lock the account, and counts a burst like a sequence', async () => {
    const email = anEmail();
    await register(first, anAddress(), email);
    const home = anAddress();
    expect(code(await login(first, home, email, TEST_PASSWORD))).toBe('OK');
    // Eight strangers' guesses sent at once; then a burst of ten from one address gets five guesses, as ten in a row would.
    await Promise.all(Array.from({ length: 8 }, (_, i) => login(i % 2 ? first : second, anAddress(), email, 'sbagliata-sbagliata')));
    expect(code(await login(first, anAddress(), email, TEST_PASSWORD))).toBe('ACCOUNT_LOCKED');
    expect(code(await login(second, home, email, TEST_PASSWORD))).toBe('OK');
    const [guesser, victim] = [anAddress(), anEmail('vittima')];
    const burst = (await Promise.all(Array.from({ length: 10 }, (_, i) => login(i % 2 ? first : second, guesser, victim, 'sbagliata-sbagliata')))).map(code);
    expect(burst.filter((answer) => answer === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(burst.filter((answer) => answer === 'ACCOUNT_LOCKED')).toHaveLength(5);
  });

  it('doubles the lock with each further wrong password, up to the maximum', async () => {
    const email = anEmail();
    await register(first, anAddress(), email);
    const address = anAddress();
    for (let attempt = 1; attempt <= 5; attempt += 1) await login(first, address, email, 'sbagliata-sbagliata');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    // The sixth wrong password, after the first lock: locked again, for twice as long (capped at 3 s here).
    expect(code(await login(first, address, email, 'sbagliata-sbagliata'))).toBe('INVALID_CREDENTIALS');
    const again = await login(first, address, email, TEST_PASSWORD);
    expect(code(again)).toBe('ACCOUNT_LOCKED');
    expect(Number(again.headers['retry-after'])).toBe(3);
  });

  it('locks an e-mail without an account the same way, so the answers never tell which e-mails exist', async () => {
    const email = anEmail('nessuno');
    const address = anAddress();
    for (let attempt = 1; attempt <= 5; attempt += 1) expect(code(await login(first, address, email, 'qualsiasi-password'))).toBe('INVALID_CREDENTIALS');
    expect(code(await login(first, address, email, 'qualsiasi-password'))).toBe('ACCOUNT_LOCKED');
  });

  it('limits sign-in attempts per address across processes, whatever the account', async () => {
    const address = anAddress();
    const answers: unknown[] = [];
    for (let attempt = 1; attempt <= 13; attempt += 1) answers.push(code(await login(attempt % 2 ? first : second, address, anEmail(), 'qualsiasi-password')));
    expect(answers.slice(0, 12)).toEqual(Array(12).fill('INVALID_CREDENTIALS'));
    expect(answers[12]).toBe('ADDRESS_LIMIT');
    expect(code(await login(first, anAddress(), anEmail(), 'qualsiasi-password'))).toBe('INVALID_CREDENTIALS');
  });

  it('counts an IPv6 client by its /64 network: a new address from the same block is the same client', async () => {
    const block = `2001:db8:${randomInt(65536).toString(16)}:${randomInt(65536).toString(16)}`;
    const answers: unknown[] = [];
    for (let host = 1; host <= 13; host += 1) answers.push(code(await login(host % 2 ? first : second, `${block}::${host.toString(16)}`, anEmail(), 'qualsiasi-password')));
    expect(answers.slice(0, 12)).toEqual(Array(12).fill('INVALID_CREDENTIALS'));
    expect(answers[12]).toBe('ADDRESS_LIMIT');
    expect(code(await login(first, `2001:db8:ffff:${randomInt(65536).toString(16)}::1`, anEmail(), 'qualsiasi-password'))).toBe('INVALID_CREDENTIALS');
  });

  it('counts only failed sign-ins against an address: an office where many people sign in is not slowed down', async () => {
    const address = anAddress();
    const email = anEmail();
    await register(first, anAddress(), email);
    const answers: unknown[] = [];
    for (let attempt = 1; attempt <= 20; attempt += 1) answers.push(code(await login(attempt % 2 ? first : second, address, email, TEST_PASSWORD)));
    expect(answers).toEqual(Array(20).fill('OK'));
  });

  it('lets the owner who resets the password in at once, even while someone else’s guesses keep the account locked', async () => {
    const email = anEmail();
    await register(first, anAddress(), email);
    // Five guesses from the owner's own address lock it there; three more from elsewhere lock it for everyone.
    const owner = anAddress();
    for (let attempt = 1; attempt <= 5; attempt += 1) await login(first, owner, email, 'sbagliata-sbagliata');
    for (let attempt = 1; attempt <= 3; attempt += 1) await login(first, anAddress(), email, 'sbagliata-sbagliata');
    expect(code(await login(first, anAddress(), email, TEST_PASSWORD))).toBe('ACCOUNT_LOCKED');
    expect(code(await login(first, owner, email, TEST_PASSWORD))).toBe('ACCOUNT_LOCKED');
    await first.gqlHttp(RequestPasswordResetDocument, { input: { email } }, { 'x-forwarded-for': owner });
    const { token } = await mailedLink(first.app.get(DataSource), email, 'PASSWORD_RESET');
    await first.gqlHttp(ResetPasswordDocument, { input: { token, password: 'una-nuova-password-sicura' } }, { 'x-forwarded-for': owner });
    expect(code(await login(second, owner, email, 'una-nuova-password-sicura'))).toBe('OK');
    expect(code(await login(second, anAddress(), email, 'una-nuova-password-sicura'))).toBe('OK');
  });

  it('limits sign-ups per address', async () => {
    const address = anAddress();
    expect([code(await register(first, address)), code(await register(second, address))]).toEqual(['OK', 'OK']);
    const third = await register(first, address);
    expect(code(third)).toBe('ADDRESS_LIMIT');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(3000);
  });

  it('limits session renewals per address', async () => {
    const address = anAddress();
    const refresh = (api: TestApp) => api.gqlHttp(RefreshSessionDocument, { input: { refreshToken: `${randomUUID()}.${'a'.repeat(43)}` } }, { 'x-forwarded-for': address });
    expect([code(await refresh(first)), code(await refresh(second))]).toEqual(['INVALID_REFRESH_TOKEN', 'INVALID_REFRESH_TOKEN']);
    expect(code(await refresh(first))).toBe('ADDRESS_LIMIT');
  });
});

describe('The ceiling on requests per address and minute', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ env: { TRUST_PROXY: 'true', RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(() => api.close());

  it('answers the sixth request of a minute with 429 and Retry-After, GraphQL and HTTP alike, never the health checks', async () => {
    const address = anAddress();
    const statuses: number[] = [];
    const typename = (from: string) => api.gqlHttp(TypenameDocument, undefined, { 'x-forwarded-for': from });
    for (let i = 0; i < 5; i += 1) statuses.push((await typename(address)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const refused = await typename(address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'ADDRESS_LIMIT' });
    const http = await api.http().get('/open-data').set('x-forwarded-for', address);
    expect(http.status).toBe(429);
    expect(http.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfter: expect.any(Number) });
    expect((await api.http().get('/health/live').set('x-forwarded-for', address)).status).toBe(200);
    expect((await typename(anAddress())).status).toBe(200);
  });
});

describe('The allowance of query cost per address and minute', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ env: { TRUST_PROXY: 'true', GRAPHQL_COST_PER_MINUTE: '500' } });
  });
  afterAll(() => api.close());

  // 25 comuni with six fields each, and the list: 151 units.
  const search = (from: string, first: number) => api.gqlHttp(ComuneSearchDocument, { search: 'san', first }, { 'x-forwarded-for': from });

  it('charges each operation its cost, and refuses with 429, COST_LIMIT and Retry-After once the minute’s allowance is spent', async () => {
    const address = anAddress();
    const answers: Reply[] = [];
    for (let i = 0; i < 2; i += 1) answers.push(await search(address, 25));
    expect(answers.map((answer) => [answer.status, answer.body.errors])).toEqual([
      [200, undefined],
      [200, undefined],
    ]);
    // 302 spent: a small page still fits, the next large one does not.
    expect((await search(address, 1)).status).toBe(200);
    const refused = await search(address, 50);
    expect(refused.status).toBe(429);
    expect(refused.body.data).toBeUndefined();
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'COST_LIMIT', retryAfter: expect.any(Number) });
    expect(refused.body.errors?.[0].extensions?.messageIt).toMatch(/^La tua connessione ha chiesto più dati di quanti ne sono consentiti in un minuto\. Riprova tra \d+ (second|minut)/);
    // Another client is not affected.
    expect((await search(anAddress(), 50)).status).toBe(200);
  });

  it('charges an operation dearer than the allowance the whole minute, so that it can pass again after a wait', async () => {
    const address = anAddress();
    // 100 comuni: 601 units, within GRAPHQL_MAX_COST but over the allowance.
    const first = await search(address, 100);
    expect(first.status).toBe(200);
    expect((first.body.data as { comuni: unknown[] }).comuni.length).toBeGreaterThan(50);
    expect((await search(address, 1)).body.errors?.[0].extensions).toMatchObject({ reason: 'COST_LIMIT' });
  });
});
