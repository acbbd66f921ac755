import { buildClientSchema, getIntrospectionQuery, IntrospectionQuery } from 'graphql';
import { UserRole } from '@vec/core';
import { staffUser } from '../testing/fixtures';
import { approvedProvider, publishedOffer, shopIn } from '../testing/offer-fixtures';
import { fuzzCases } from '../testing/schema-fuzzer';
import { startTestApp, TestApp } from '../testing/test-app';

// Raw on purpose: the fuzzer builds its documents and variables from the live schema, so that no
// field is left out as the schema grows; typed documents would cover only what the tests ask for.

/** Cases per operation and role: a few in CI; `npm run fuzz` draws many more, from a new seed each time. */
const CASES = Number(process.env.FUZZ_CASES ?? 4);
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 1_000_000_007 : Number(process.env.FUZZ_SEED ?? 20261204);

interface Failure {
  role: string;
  field: string;
  status: number;
  codes: string[];
  variables: string;
}

describe('Schema-driven fuzzer: no operation, as any role, with any typed argument, is an internal error (a database of its own)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ ownDatabase: true });
  });
  afterAll(() => api.close());

  it(`sends ${CASES} typed random cases per query and mutation as every role (seed ${SEED}): zero INTERNAL_SERVER_ERROR, zero 5xx`, async () => {
    const staff = await staffUser(api);
    const admin = await staffUser(api, UserRole.ADMIN);
    const provider = await approvedProvider(api, staff);
    await publishedOffer(api, provider);
    const shop = await shopIn(api, '001272');
    const roles: [string, string | undefined][] = [
      ['anonymous', undefined],
      ['shop', shop.accessToken],
      ['provider', provider.accessToken],
      ['ministry', staff.accessToken],
      ['admin', admin.accessToken],
    ];
    const introspection = await api.http().post('/graphql').send({ query: getIntrospectionQuery() });
    const schema = buildClientSchema((introspection.body as { data: IntrospectionQuery }).data);
    const cases = fuzzCases(schema, CASES, SEED);
    // Every field is fuzzed: none may be forgotten as the schema grows.
    expect(new Set(cases.map((c) => c.field)).size).toBe(Object.keys(schema.getQueryType()!.getFields()).length + Object.keys(schema.getMutationType()!.getFields()).length);

    const failures: Failure[] = [];
    const outcomes = new Map<string, number>();
    let sent = 0;
    for (const [role, token] of roles) {
      for (const fuzz of cases) {
        const request = api.http().post('/graphql').set('content-type', 'application/json');
        if (token) request.set('authorization', `Bearer ${token}`);
        const response = await request.send({ query: fuzz.query, variables: fuzz.variables });
        sent += 1;
        const codes = ((response.body as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map((e) => e.extensions?.code ?? '?');
        const outcome = codes[0] ?? 'OK';
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        if (response.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR')) {
          failures.push({ role, field: fuzz.field, status: response.status, codes, variables: JSON.stringify(fuzz.variables).slice(0, 300) });
        }
      }
    }
    const answers = [...outcomes].sort((a, b) => b[1] - a[1]).map(([outcome, count]) => `${outcome} ${count}`).join(', ');
    console.log(`Fuzzer: ${sent} requests (${cases.length} cases × ${roles.length} roles, seed ${SEED}), ${failures.length} internal errors; answers: ${answers}`);
    expect(failures).toEqual([]);
  }, 60_000 + CASES * 15_000);
});
