import { RequestContext } from '@vec/core';
import { AllocationRunService } from '@vec/core/allocation/allocation-run.service';
import { DataSource } from 'typeorm';
import { SignedIn, staffUser } from './testing/fixtures';
import { approvedProvider, ProviderAccount, publishedOffer, shopIn } from './testing/offer-fixtures';
import { AllocationRunDocument, type AllocationRunMode, type AllocationRunQuery, CreateHelpRequestBundleDocument, StartAllocationRunDocument } from './gql/generated';
import { askFor, eventually } from './testing/match-fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

type RunResult = AllocationRunQuery['allocationRun'];

const [TORINO, PALERMO] = ['001272', '082053'];

describe('Allocation runs with complete bundles only (a database of their own: a run takes every open request)', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  let provider: ProviderAccount;

  beforeAll(async () => {
    api = await startTestApp({ worker: true, ownDatabase: true });
    db = api.app.get(DataSource);
    staff = await staffUser(api);
    provider = await approvedProvider(api, staff);
  });
  afterAll(() => api.close());

  const run = async (mode: AllocationRunMode, completeSetsOnly: boolean): Promise<RunResult> => {
    const started = dataOf(await api.gqlAs(staff.accessToken, StartAllocationRunDocument, { input: { mode, completeSetsOnly } })).startAllocationRun;
    expect(started).toMatchObject({ status: 'QUEUED', completeSetsOnly });
    return eventually(
      async () => dataOf(await api.gqlAs(staff.accessToken, AllocationRunDocument, { id: started.id })).allocationRun,
      (r) => ['PREVIEWED', 'COMMITTED', 'FAILED'].includes(r.status),
    );
  };
  const outcomes = (result: RunResult, ids: readonly string[]): (string | null)[] =>
    ids.map((id) => {
      const item = result.items.items.find((i) => i.helpRequestId === id);
      if (!item) throw new Error(`request ${id} is not in the run`);
      return item.offerId ?? item.unservedReason ?? null;
    });

  it('serves a three-part bundle whole or not at all, where the plain run serves it in part', async () => {
    const store = await publishedOffer(api, provider, { categories: ['ONLINE_STORE'], capacity: 1, coverage: { comuneCodes: [TORINO] } });
    const payments = await publishedOffer(api, provider, { categories: ['DIGITAL_PAYMENTS'], capacity: 1, coverage: { comuneCodes: [TORINO] } });
    const bundled = await shopIn(api, TORINO);
    const bundle = member(
      dataOf(await api.gqlAs(bundled.accessToken, CreateHelpRequestBundleDocument, { input: { categories: ['ONLINE_STORE', 'DIGITAL_PAYMENTS', 'HOME_DELIVERY'] } }))
        .createHelpRequestBundle,
      'HelpRequestBundle',
    );
    const byCategory = (category: string): string => bundle.requests.find((r) => r.category === category)?.id ?? '';
    const parts = [byCategory('ONLINE_STORE'), byCategory('DIGITAL_PAYMENTS'), byCategory('HOME_DELIVERY')];
    // The bundle waits longest, so the plain run gives it the one store place first.
    await db.query(`UPDATE help_request SET created_at = now() - interval '30 days' WHERE bundle_id = $1`, [bundle.id]);
    const single = await shopIn(api, TORINO);
    const singleRequest = await askFor(api, single, 'ONLINE_STORE');

    // No delivery offer covers Torino: the plain run serves store and payments of the bundle.
    const plain = await run('PREVIEW', false);
    expect(plain.status).toBe('PREVIEWED');
    expect(outcomes(plain, [...parts, singleRequest])).toEqual([store.id, payments.id, 'NO_ELIGIBLE_OFFER', 'ALL_FULL']);
    expect(plain.summary.sets).toEqual({ total: 1, complete: 0, partial: 1, unserved: 0, dropped: 0 });
    expect(plain.statistics?.solveRounds).toBe(1);

    // Complete bundles only: none of it, and its store place goes to the other shop.
    const whole = await run('PREVIEW', true);
    expect(whole).toMatchObject({ status: 'PREVIEWED', completeSetsOnly: true });
    expect(outcomes(whole, [...parts, singleRequest])).toEqual(['SET_INCOMPLETE', 'SET_INCOMPLETE', 'NO_ELIGIBLE_OFFER', store.id]);
    expect(whole.summary.sets).toEqual({ total: 1, complete: 0, partial: 0, unserved: 1, dropped: 1 });
    expect(whole.statistics?.solveRounds).toBe(2);
    expect(whole.statistics?.unservedByReason).toEqual(expect.arrayContaining([{ reason: 'SET_INCOMPLETE', count: 2 }]));

    // Once delivery is offered, the committed run serves the bundle whole.
    const delivery = await publishedOffer(api, provider, { categories: ['HOME_DELIVERY'], capacity: 1, coverage: { comuneCodes: [TORINO] } });
    const committed = await run('COMMIT', true);
    expect(committed.status).toBe('COMMITTED');
    expect(outcomes(committed, [...parts, singleRequest])).toEqual([store.id, payments.id, delivery.id, 'ALL_FULL']);
    expect(committed.summary.sets).toEqual({ total: 1, complete: 1, partial: 0, unserved: 0, dropped: 0 });
    const matched: { help_request_id: string }[] = await db.query(`SELECT help_request_id FROM match WHERE help_request_id = ANY($1) AND origin = 'ALLOCATION' ORDER BY 1`, [parts]);
    expect(matched.map((m) => m.help_request_id)).toEqual([...parts].sort());
  });

  it('runs on the schedule with complete bundles only when ALLOCATION_SCHEDULE_COMPLETE_SETS says so', async () => {
    const website = await publishedOffer(api, provider, { categories: ['WEBSITE'], capacity: 5, coverage: { comuneCodes: [PALERMO] } });
    const bundled = await shopIn(api, PALERMO);
    const bundle = member(
      dataOf(await api.gqlAs(bundled.accessToken, CreateHelpRequestBundleDocument, { input: { categories: ['WEBSITE', 'CYBERSECURITY'] } })).createHelpRequestBundle,
      'HelpRequestBundle',
    );
    const parts = bundle.requests.map((r) => r.id);
    const scheduled = async (completeSetsOnly: boolean): Promise<RunResult> => {
      const started = await api.app.get(AllocationRunService).startScheduled(RequestContext.system(), { completeSetsOnly });
      return eventually(
        async () => dataOf(await api.gqlAs(staff.accessToken, AllocationRunDocument, { id: started.id })).allocationRun,
        (r) => ['COMMITTED', 'FAILED'].includes(r.status),
      );
    };
    // No cybersecurity offer covers Palermo: the whole-bundles run leaves the website place free…
    const whole = await scheduled(true);
    expect(whole).toMatchObject({ status: 'COMMITTED', completeSetsOnly: true });
    expect(outcomes(whole, parts).sort()).toEqual(['NO_ELIGIBLE_OFFER', 'SET_INCOMPLETE']);
    expect(await db.query(`SELECT 1 FROM match WHERE help_request_id = ANY($1)`, [parts])).toEqual([]);
    // …which a run without the option gives to the bundle's website.
    const plain = await scheduled(false);
    expect(plain).toMatchObject({ status: 'COMMITTED', completeSetsOnly: false });
    expect(outcomes(plain, parts).sort()).toEqual([website.id, 'NO_ELIGIBLE_OFFER'].sort());
  });
});
