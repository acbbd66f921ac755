import { PRIVACY_NOTICE_VERSION } from '@vec/core';
import {
  AuditEventsDocument,
  ComuneCodesDocument,
  CreateHelpRequestDocument,
  LoginDocument,
  MyShopDocument,
  RegisterDocument,
  RegisterShopDocument,
  StartAllocationRunDocument,
} from '../gql/generated';
import { signUp, staffUser } from '../testing/fixtures';
import { dataOf, type GraphQLResponse, startTestApp, TestApp } from '../testing/test-app';

describe('Input hygiene at the edge: NUL, lone surrogates and dates out of range', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  /** The refused fields as `field:code`, after checking the refusal is BAD_USER_INPUT. */
  const refusedFields = (body: GraphQLResponse<unknown>): string[] => {
    expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const fields = (body.errors?.[0]?.extensions.fields ?? []) as { field: string; code: string }[];
    return fields.map((f) => `${f.field}:${f.code}`);
  };

  it('refuses a NUL character in a comune search, as a variable and as a literal', async () => {
    const asVariable = await api.gql(ComuneCodesDocument, { search: 'Agli\u0000' });
    expect(refusedFields(asVariable)).toEqual(['search:noNulCharacter']);
    // The escape written in the document itself: a literal the typed documents, whose arguments are variables, do not hold.
    const asLiteral = await api.gqlRaw('{ comuni(search: "Agli\\u0000") { code } }');
    expect(refusedFields(asLiteral)).toEqual(['search:noNulCharacter']);
  });

  it('refuses a NUL character in the login e-mail before the password is checked', async () => {
    const response = await api.gql(LoginDocument, {
      input: { email: 'mario\u0000@example.it', password: 'una-password-qualsiasi' },
    });
    expect(refusedFields(response)).toEqual(['input.email:noNulCharacter']);
  });

  it('refuses a lone surrogate in a sign-up e-mail', async () => {
    const response = await api.gql(RegisterDocument, {
      input: { email: 'mario\ud800@example.it', password: 'una-password-lunga-abbastanza', role: 'SHOP', privacyNoticeVersion: PRIVACY_NOTICE_VERSION },
    });
    expect(refusedFields(response)).toEqual(['input.email:wellFormedText']);
  });

  it('never registers an address that only looks like another account’s', async () => {
    const owner = await signUp(api, 'SHOP');
    const [local, domain] = owner.email.split('@');
    const register = (email: string) =>
      api.gql(RegisterDocument, { input: { email, password: 'una-password-lunga-abbastanza', role: 'SHOP', privacyNoticeVersion: PRIVACY_NOTICE_VERSION } });
    // Full-width letters and a zero-width space in the domain are read as the plain address, which is taken.
    for (const lookAlike of [`${local.replace(/^./, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}@${domain}`, `${local}@${domain.replace('.', '\u200b.')}`]) {
      expect((await register(lookAlike)).data?.register).toMatchObject({ __typename: 'EmailTakenError', field: 'input.email' });
    }
    // A zero-width space or a Cyrillic letter in the name before the @ is refused, naming the field.
    for (const lookAlike of [`${local}\u200b@${domain}`, `${local.replace(/^./, '\u0441')}@${domain}`]) {
      expect(refusedFields(await register(lookAlike))).toEqual(['input.email:isEmail']);
    }
    // A Cyrillic letter in the domain is kept in its ASCII form, plainly not the Latin domain.
    const cyrillic = await register(`${local}@${domain.replace(/^./, '\u0441')}`);
    expect(dataOf(cyrillic).register).toMatchObject({ __typename: 'AuthPayload', user: { email: expect.stringMatching(/@xn--/) } });
  });

  it('refuses a NUL character in a shop name and in a request description, writing nothing', async () => {
    const shop = await signUp(api, 'SHOP');
    const response = await api.gqlAs(shop.accessToken, RegisterShopDocument, {
      input: { legalName: 'Bar\u0000Sport', tradingName: 'Bar', partitaIva: '01234567897', atecoSection: 'I', atecoDivision: '56', comuneCode: '001001', address: 'Via Roma 1', employees: 2, contactEmail: 'bar@example.it' },
    });
    expect(refusedFields(response)).toEqual(['input.legalName:noNulCharacter']);
    expect(dataOf(await api.gqlAs(shop.accessToken, MyShopDocument)).myShop).toBeNull();
    const request = await api.gqlAs(shop.accessToken, CreateHelpRequestDocument, {
      input: { category: 'ONLINE_STORE', description: 'Vorrei \u0000 vendere online' },
    });
    expect(refusedFields(request)).toEqual(['input.description:noNulCharacter']);
  });

  it('refuses NUL in audit filters and a date beyond PostgreSQL’s arithmetic in runAt', async () => {
    const ministry = await staffUser(api);
    const audit = await api.gqlAs(ministry.accessToken, AuditEventsDocument, { filter: { action: 'user.\u0000' }, first: 20 });
    expect(refusedFields(audit)).toEqual(['filter.action:noNulCharacter']);
    // An expanded year is not a date and time the scalar reads; one within ISO 8601's four digits is still beyond the range kept.
    const run = await api.gqlAs(ministry.accessToken, StartAllocationRunDocument, { input: { mode: 'PREVIEW', runAt: '+275760-09-13T00:00:00.000Z' } });
    expect(refusedFields(run)).toEqual(['input.runAt:isDateTime']);
    const far = await api.gqlAs(ministry.accessToken, StartAllocationRunDocument, { input: { mode: 'PREVIEW', runAt: '9999-12-31T00:00:00.000Z' } });
    expect(refusedFields(far)).toEqual(['input.runAt:dateInRange']);
  });

  it('refuses a run scheduled years ahead', async () => {
    const ministry = await staffUser(api);
    const inTwoYears = new Date(Date.now() + 2 * 366 * 86_400_000).toISOString();
    const run = await api.gqlAs(ministry.accessToken, StartAllocationRunDocument, { input: { mode: 'PREVIEW', runAt: inTwoYears } });
    expect(refusedFields(run)).toEqual(['input.runAt:RUN_AT_TOO_FAR']);
  });

  it('names a variable that does not fit its type by the argument it feeds, with the reason in both languages', async () => {
    const ministry = await staffUser(api);
    const wrong = { input: { mode: 'SIMULATION', extra: 1 } };
    const run = await api.gqlAs(ministry.accessToken, StartAllocationRunDocument, wrong as never);
    expect(refusedFields(run)).toEqual(['input.mode:isEnum', 'input.extra:unknownField']);
    const [mode, extra] = run.errors?.[0]?.extensions.fields as { message: string; messageIt: string }[];
    expect(mode.message).toBe('input.mode must be one of COMMIT, PREVIEW');
    expect(extra.messageIt).toBe('input.extra non è un campo di StartAllocationRunInput');
    // Text that is not an ISO 8601 date and time is refused by the scalar, naming the field.
    const notADate = await api.gqlAs(ministry.accessToken, StartAllocationRunDocument, { input: { mode: 'PREVIEW', runAt: 'domani alle dieci' } });
    expect(refusedFields(notADate)).toEqual(['input.runAt:isDateTime']);
    // Written by hand, as an integrator would: a page size as text, a comune search as a number.
    const page = await api.gqlRaw('query($n: Int, $s: String!) { comuni(search: $s, first: $n) { code } }', { variables: { n: '20', s: 42 } });
    expect(refusedFields(page)).toEqual(['first:isInt', 'search:isString']);
  });

  it('answers thousands of bad list items with the first fifty fields, not megabytes', async () => {
    // Anonymous, within the 100 kB body limit: 16,000 nulls where ids are due, then 16,000 ids with a NUL.
    const nulls = await api.http().post('/graphql').send({
      query: 'mutation($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) }',
      variables: { i: { ids: new Array(16_000).fill(null) } },
    });
    expect(nulls.status).toBe(400);
    const refusal = (nulls.body as GraphQLResponse<unknown>).errors?.[0];
    expect(refusal?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', moreFields: true });
    const fields = refusal?.extensions.fields as { field: string }[];
    expect(fields).toHaveLength(50);
    expect(fields[49].field).toBe('input.ids.49');
    expect(refusal?.message.endsWith('; and more')).toBe(true);
    expect(nulls.text.length).toBeLessThan(30_000);

    const nulItems = await api.gqlRaw('mutation($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) }', {
      variables: { i: { ids: new Array(6_000).fill('0\u0000') } },
    });
    expect(nulItems.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', moreFields: true });
    expect(nulItems.errors?.[0]?.extensions.fields).toHaveLength(50);
  });

  it('refuses a NUL character in an export’s query parameter with 400 naming it', async () => {
    const ministry = await staffUser(api);
    const response = await api.http().get('/exports/help-requests.csv?regionCode=0%00').set('authorization', `Bearer ${ministry.accessToken}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'regionCode', code: 'noNulCharacter' }] });
  });
});
