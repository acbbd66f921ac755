import { signUp, staffUser } from '../testing/fixtures';
import { startTestApp, TestApp } from '../testing/test-app';

type Body = { errors?: { message: string; extensions: { code: string; fields?: { field: string; code: string }[] } }[]; data?: unknown };

describe('Input hygiene at the edge: NUL, lone surrogates and dates out of range', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const refusedFields = (body: Body): string[] => {
    expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    return (body.errors?.[0]?.extensions.fields ?? []).map((f) => `${f.field}:${f.code}`);
  };

  it('refuses a NUL character in a comune search, as a variable and as a literal', async () => {
    const asVariable = await api.gql('query ($s: String!) { comuni(search: $s) { code } }', { s: 'Agli\u0000' });
    expect(refusedFields(asVariable)).toEqual(['search:noNulCharacter']);
    const asLiteral = await api.gql('{ comuni(search: "Agli\\u0000") { code } }');
    expect(refusedFields(asLiteral)).toEqual(['search:noNulCharacter']);
  });

  it('refuses a NUL character in the login e-mail before the password is checked', async () => {
    const response = await api.gql('mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { email: 'mario\u0000@example.it', password: 'una-password-qualsiasi' },
    });
    expect(refusedFields(response)).toEqual(['input.email:noNulCharacter']);
  });

  it('refuses a lone surrogate in a sign-up e-mail', async () => {
    const response = await api.gql('mutation ($input: RegisterInput!) { register(input: $input) { __typename } }', {
      input: { email: 'mario\ud800@example.it', password: 'una-password-lunga-abbastanza', role: 'SHOP' },
    });
    expect(refusedFields(response)).toEqual(['input.email:wellFormedText']);
  });

  it('refuses a NUL character in a shop name and in a request description, writing nothing', async () => {
    const shop = await signUp(api, 'SHOP');
    const response = await api.gqlAs(shop.accessToken, 'mutation ($input: RegisterShopInput!) { registerShop(input: $input) { __typename } }', {
      input: { legalName: 'Bar\u0000Sport', tradingName: 'Bar', partitaIva: '01234567897', atecoSection: 'I', atecoDivision: '56', comuneCode: '001001', address: 'Via Roma 1', employees: 2, contactEmail: 'bar@example.it' },
    });
    expect(refusedFields(response)).toEqual(['input.legalName:noNulCharacter']);
    const mine = await api.gqlAs<{ myShop: unknown }>(shop.accessToken, '{ myShop { id } }');
    expect(mine.data?.myShop ?? null).toBeNull();
    const request = await api.gqlAs(shop.accessToken, 'mutation ($input: CreateHelpRequestInput!) { createHelpRequest(input: $input) { __typename } }', {
      input: { category: 'ONLINE_STORE', description: 'Vorrei \u0000 vendere online' },
    });
    expect(refusedFields(request)).toEqual(['input.description:noNulCharacter']);
  });

  it('refuses NUL in audit filters and a date beyond PostgreSQL’s arithmetic in runAt', async () => {
    const ministry = await staffUser(api);
    const audit = await api.gqlAs(ministry.accessToken, 'query ($f: AuditEventFilterInput!) { auditEvents(filter: $f) { totalCount } }', { f: { action: 'user.\u0000' } });
    expect(refusedFields(audit)).toEqual(['filter.action:noNulCharacter']);
    const run = await api.gqlAs(ministry.accessToken, 'mutation ($input: StartAllocationRunInput!) { startAllocationRun(input: $input) { id } }', {
      input: { mode: 'PREVIEW', runAt: '+275760-09-13T00:00:00.000Z' },
    });
    expect(refusedFields(run)).toEqual(['input.runAt:dateInRange']);
  });

  it('refuses a run scheduled years ahead', async () => {
    const ministry = await staffUser(api);
    const inTwoYears = new Date(Date.now() + 2 * 366 * 86_400_000).toISOString();
    const run = await api.gqlAs(ministry.accessToken, 'mutation ($input: StartAllocationRunInput!) { startAllocationRun(input: $input) { id } }', {
      input: { mode: 'PREVIEW', runAt: inTwoYears },
    });
    expect(refusedFields(run)).toEqual(['input.runAt:RUN_AT_TOO_FAR']);
  });

  it('refuses a NUL character in an export’s query parameter with 400 naming it', async () => {
    const ministry = await staffUser(api);
    const response = await api.http().get('/exports/help-requests.csv?regionCode=0%00').set('authorization', `Bearer ${ministry.accessToken}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'regionCode', code: 'noNulCharacter' }] });
  });
});
