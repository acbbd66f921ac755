import { PRIVACY_NOTICE_VERSION } from '@vec/core';
import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { LoginDocument, LogoutDocument, MeDocument, MyLanguageDocument, RefreshSessionDocument, RegisterDocument, type RegisterInput, UpdateMyLanguageDocument, type UserRole } from './gql/generated';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

describe('Accounts and sessions over GraphQL', () => {
  let api: TestApp;
  const email = (): string => `shop-${randomUUID()}@example.it`;
  const password = 'una-password-lunga-abbastanza';

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  async function register(address: string, role: UserRole = 'SHOP'): Promise<{ accessToken: string; refreshToken: string | null; user: { id: string } }> {
    return member(dataOf(await api.gql(RegisterDocument, { input: { email: address, password, role, privacyNoticeVersion: PRIVACY_NOTICE_VERSION } })).register, 'AuthPayload');
  }

  it('registers a shop, signs in, and knows who is calling', async () => {
    const address = email();
    const session = await register(address.toUpperCase());
    const me = await api.gqlAs(session.accessToken, MeDocument);
    expect(me.data?.me).toEqual({ id: session.user.id, email: address, role: 'SHOP' });

    const login = await api.gql(LoginDocument, { input: { email: address, password } });
    expect(login.data?.login.user.email).toBe(address);
  });

  it('records the registration in the append-only audit log, in the same transaction', async () => {
    const session = await register(email(), 'PROVIDER');
    const dataSource = api.app.get(DataSource);
    const rows = await dataSource.query('SELECT action, actor_user_id, after FROM audit_event WHERE entity_id = $1', [session.user.id]);
    expect(rows).toEqual([{ action: 'user.registered', actor_user_id: session.user.id, after: expect.objectContaining({ role: 'PROVIDER' }) }]);
    await expect(dataSource.query('UPDATE audit_event SET action = $1 WHERE entity_id = $2', ['x', session.user.id])).rejects.toThrow(/append-only/);
    await expect(dataSource.query('DELETE FROM audit_event WHERE entity_id = $1', [session.user.id])).rejects.toThrow(/append-only/);
  });

  it('keeps the language chosen at sign-up (Italian when none is given), which the account can change', async () => {
    const italian = await register(email());
    expect((await api.gqlAs(italian.accessToken, MyLanguageDocument)).data?.me.language).toBe('IT');

    const english = member(dataOf(await api.gql(RegisterDocument, { input: { email: email(), password, role: 'PROVIDER', language: 'EN', privacyNoticeVersion: PRIVACY_NOTICE_VERSION } })).register, 'AuthPayload');
    expect((await api.gqlAs(english.accessToken, MyLanguageDocument)).data?.me.language).toBe('EN');
    const changed = await api.gqlAs(english.accessToken, UpdateMyLanguageDocument, { input: { language: 'IT' } });
    expect(changed.data?.updateMyLanguage).toEqual({ id: english.user.id, language: 'IT' });
    expect((await api.gqlAs(english.accessToken, MyLanguageDocument)).data?.me.language).toBe('IT');

    const anonymous = await api.gql(UpdateMyLanguageDocument, { input: { language: 'EN' } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers a second registration of the same e-mail with EmailTakenError and writes nothing', async () => {
    const address = email();
    await register(address);
    const { data } = await api.gql(RegisterDocument, { input: { email: address, password, role: 'SHOP', privacyNoticeVersion: PRIVACY_NOTICE_VERSION } });
    expect(data?.register).toMatchObject({ __typename: 'EmailTakenError', field: 'input.email' });
    const [{ count }] = await api.app.get(DataSource).query('SELECT COUNT(*)::int AS count FROM user_account WHERE email = $1', [address]);
    expect(count).toBe(1);
  });

  it.each<[string, Partial<RegisterInput>, string, string]>([
    ['a short password', { password: 'short' }, 'input.password', 'minLength'],
    // Twelve spaces, or a few letters padded with them, are no password.
    ['a password of spaces', { password: ' '.repeat(12) }, 'input.password', 'matches'],
    ['a password padded with spaces', { password: 'abc         def' }, 'input.password', 'matches'],
    ['a malformed e-mail', { email: 'not-an-email' }, 'input.email', 'isEmail'],
    // A role of the schema's enum that sign-up does not allow.
    ['a ministry role', { role: 'MINISTRY' }, 'input.role', 'isIn'],
    ['a privacy notice other than the one in force', { privacyNoticeVersion: '2020-01-01' }, 'input.privacyNoticeVersion', 'isIn'],
  ])('refuses %s naming the field, and creates no account', async (_label, override, field, code) => {
    const input: RegisterInput = { email: email(), password, role: 'SHOP', privacyNoticeVersion: PRIVACY_NOTICE_VERSION, ...override };
    const { errors } = await api.gql(RegisterDocument, { input });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, code })] });
    const [{ count }] = await api.app.get(DataSource).query('SELECT COUNT(*)::int AS count FROM user_account WHERE email = $1', [input.email]);
    expect(count).toBe(0);
  });

  it('words a password of spaces as such, and takes a passphrase with its spaces', async () => {
    const blank = await api.gql(RegisterDocument, { input: { email: email(), password: ' '.repeat(16), role: 'SHOP', privacyNoticeVersion: PRIVACY_NOTICE_VERSION } });
    expect(blank.errors?.[0].extensions).toMatchObject({ fields: [expect.objectContaining({ field: 'input.password', messageIt: 'input.password è un campo obbligatorio' })] });
    const padded = await api.gql(RegisterDocument, { input: { email: email(), password: 'abc          def', role: 'SHOP', privacyNoticeVersion: PRIVACY_NOTICE_VERSION } });
    expect(padded.errors?.[0].extensions).toMatchObject({ fields: [expect.objectContaining({ field: 'input.password', messageIt: 'input.password deve avere almeno 12 caratteri che non siano spazi' })] });
    const phrase = await api.gql(RegisterDocument, { input: { email: email(), password: 'pane e coperto al forno', role: 'SHOP', privacyNoticeVersion: PRIVACY_NOTICE_VERSION } });
    expect(phrase.data?.register).toMatchObject({ __typename: 'AuthPayload' });
  });

  it('refuses a password too easy to guess, naming the field and why, and writes nothing', async () => {
    const refusal = async (input: Partial<RegisterInput>): Promise<unknown> => {
      const address = input.email ?? email();
      const reply = await api.gql(RegisterDocument, { input: { email: address, password, role: 'SHOP', privacyNoticeVersion: PRIVACY_NOTICE_VERSION, ...input } });
      const [{ count }] = await api.app.get(DataSource).query<{ count: number }[]>('SELECT count(*)::int AS count FROM user_account WHERE email = $1', [address]);
      expect(count).toBe(0);
      return reply.errors?.[0].extensions;
    };
    expect(await refusal({ password: 'aaaaaaaaaaaaaaaa' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        {
          field: 'input.password',
          code: 'passwordWeak',
          message: expect.stringMatching(/^input\.password is too easy to guess: it repeats the same characters or words\. /),
          messageIt: expect.stringMatching(/^input\.password è troppo facile da indovinare: ripete gli stessi caratteri o le stesse parole\. /),
        },
      ],
    });
    expect(await refusal({ password: 'qwertyuiop123' })).toMatchObject({ fields: [expect.objectContaining({ message: expect.stringContaining('one of the most used passwords') })] });
    expect(await refusal({ password: 'Password2026!' })).toMatchObject({ fields: [expect.objectContaining({ message: expect.stringContaining('one of the most used passwords') })] });
    const address = `giulia.bianchi.${randomUUID().slice(0, 4)}@example.it`;
    expect(await refusal({ email: address, password: `${address.split('@')[0]}!` })).toMatchObject({ fields: [expect.objectContaining({ message: expect.stringContaining('built on your e-mail address') })] });
    expect(await refusal({ password: 'VicinieConnessi' })).toMatchObject({ fields: [expect.objectContaining({ field: 'input.password', code: 'passwordWeak' })] });
    // Length is told first: a short password is not judged for its guesses.
    expect(await refusal({ password: 'aaaa' })).toMatchObject({ fields: [expect.objectContaining({ field: 'input.password', code: 'minLength' })] });
    const strong = await api.gql(RegisterDocument, { input: { email: email(), password: 'forno-lievito-bicicletta', role: 'SHOP', privacyNoticeVersion: PRIVACY_NOTICE_VERSION } });
    expect(strong.data?.register).toMatchObject({ __typename: 'AuthPayload' });
  });

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    const address = email();
    await register(address);
    for (const input of [{ email: address, password: 'wrong-password-123' }, { email: email(), password }]) {
      const { errors } = await api.gql(LoginDocument, { input });
      expect(errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
    }
  });

  it('closes every resolver to anonymous and forged callers', async () => {
    const anonymous = await api.gql(MeDocument);
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NOT_AUTHENTICATED' });
    const forged = await api.gqlAs('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6IkFETUlOIn0.c2lnbmF0dXJl', MeDocument);
    expect(forged.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('rotates refresh tokens, and a reused token revokes the whole family', async () => {
    const first = await register(email());
    const second = dataOf(await api.gql(RefreshSessionDocument, { input: { refreshToken: first.refreshToken } })).refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);

    const reuse = await api.gql(RefreshSessionDocument, { input: { refreshToken: first.refreshToken } });
    expect(reuse.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REFRESH_TOKEN_REUSED' });
    // The legitimate newest token died with its family.
    const afterTheft = await api.gql(RefreshSessionDocument, { input: { refreshToken: second.refreshToken } });
    expect(afterTheft.errors?.[0].extensions).toMatchObject({ reason: 'INVALID_REFRESH_TOKEN' });
  });

  it('lets only one of two simultaneous refreshes with the same token succeed', async () => {
    const session = await register(email());
    const results = await Promise.all([1, 2, 3].map(() => api.gql(RefreshSessionDocument, { input: { refreshToken: session.refreshToken } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
  });

  it('keeps the refresh token usable when issuing its successor fails half-way', async () => {
    const session = await register(email());
    const jwt = api.app.get(JwtService);
    const failing = jest.spyOn(jwt, 'signAsync').mockRejectedValueOnce(new Error('signing key unavailable'));
    try {
      const failed = await api.gql(RefreshSessionDocument, { input: { refreshToken: session.refreshToken } });
      expect(failed.errors?.[0].extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    } finally {
      failing.mockRestore();
    }
    const retried = await api.gql(RefreshSessionDocument, { input: { refreshToken: session.refreshToken } });
    expect(retried.errors).toBeUndefined();
    expect(retried.data?.refreshSession.refreshToken).not.toBe(session.refreshToken);
  });

  it('refuses a disabled account both at login and at refresh', async () => {
    const address = email();
    const session = await register(address);
    await api.app.get(DataSource).query('UPDATE user_account SET disabled_at = now() WHERE id = $1', [session.user.id]);
    const login = await api.gql(LoginDocument, { input: { email: address, password } });
    expect(login.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_DISABLED' });
    const refresh = await api.gql(RefreshSessionDocument, { input: { refreshToken: session.refreshToken } });
    expect(refresh.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_DISABLED' });
  });

  it('logs out: the refresh token stops working', async () => {
    const session = await register(email());
    const logout = await api.gqlAs(session.accessToken, LogoutDocument, {
      input: { refreshToken: session.refreshToken },
    });
    expect(logout.data?.logout).toBe(true);
    const refresh = await api.gql(RefreshSessionDocument, { input: { refreshToken: session.refreshToken } });
    expect(refresh.errors?.[0].extensions).toMatchObject({ reason: 'INVALID_REFRESH_TOKEN' });
  });

  it('logs out with the refresh token alone, which proves the session (an expired access token does not stop it)', async () => {
    const session = await register(email());
    const { data, errors } = await api.gql(LogoutDocument, {
      input: { refreshToken: session.refreshToken },
    });
    expect(errors).toBeUndefined();
    expect(data?.logout).toBe(true);
    const refresh = await api.gql(RefreshSessionDocument, { input: { refreshToken: session.refreshToken } });
    expect(refresh.errors?.[0].extensions).toMatchObject({ reason: 'INVALID_REFRESH_TOKEN' });
  });

  it('refuses a logout with a token that is not a session’s', async () => {
    const { errors } = await api.gql(LogoutDocument, {
      input: { refreshToken: `${randomUUID()}.${'a'.repeat(43)}` },
    });
    expect(errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_REFRESH_TOKEN' });
  });
});
