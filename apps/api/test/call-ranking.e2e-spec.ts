import { createHash } from 'node:crypto';
import { seedShops } from '@vec/core/testing/seed';
import { DataSource } from 'typeorm';
import { CallGraduatoriaDocument, CloseSelectionCallDocument, CreateSelectionCallDocument, PublishSelectionCallDocument } from './gql/generated';
import { staffUser } from './testing/fixtures';
import { approvedProvider, publishedOffer } from './testing/offer-fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

const [TORINO, MILANO] = ['001272', '015146'];
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('A call with 300 places and 1,000 applicants over GraphQL: closed, ranked and published, ties broken as published', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('publishes a graduatoria of 1,000 in the order the published criteria, tie-breaks and draw give, the first 300 admitted', async () => {
    const db = api.app.get(DataSource);
    const staff = await staffUser(api);
    const provider = await approvedProvider(api, staff);
    const offerA = (await publishedOffer(api, provider, { capacity: 200, coverage: { national: true } })).id;
    const offerB = (await publishedOffer(api, provider, { capacity: 150, coverage: { national: true } })).id;
    const opensAt = new Date(Date.now() - 60_000);
    const created = dataOf(
      await api.gqlAs(staff.accessToken, CreateSelectionCallDocument, {
        input: {
          title: 'Made in Italy sui marketplace',
          description: 'Un anno gratuito su un marketplace internazionale per 300 imprese selezionate.',
          offerIds: [offerA, offerB],
          places: 300,
          opensAt: opensAt.toISOString(),
          closesAt: new Date(Date.now() + 15_000).toISOString(),
          eligibility: {},
          declarations: [{ code: 'sede-italia', text: 'Sede legale e produzione in Italia' }],
          questions: [{ code: 'prima-volta', text: 'È la prima volta che l’impresa vende online?' }],
          scoring: [
            { kind: 'ANSWER_YES', weight: 60, questionCode: 'prima-volta' },
            { kind: 'PRIORITY_PROVINCES', weight: 40, provinceCodes: ['015'] },
          ],
          tieBreak: ['EARLIER_APPLICATION', 'FEWER_EMPLOYEES'],
        },
      }),
    ).createSelectionCall;
    const published = member(dataOf(await api.gqlAs(staff.accessToken, PublishSelectionCallDocument, { id: created.id })).publishSelectionCall, 'SelectionCall');
    const seed = published.drawSeed as string;

    // 1,000 applicants written straight to the tables: four scores, five application times, five sizes, so most are tied.
    const shops = [...(await seedShops(db, 500, { comuneCode: TORINO })), ...(await seedShops(db, 500, { comuneCode: MILANO }))];
    await db.query(
      `INSERT INTO call_application (call_id, shop_id, submitted_at, declarations, answers, ateco_section, ateco_division, employees, comune_code, province_code, region_code)
       SELECT $1, s.id, $2::timestamptz + make_interval(secs => (t.i % 5)::int), ARRAY['sede-italia'], jsonb_build_object('prima-volta', t.i % 3 = 0),
              s.ateco_section, s.ateco_division, (t.i * 7) % 5, s.comune_code, c.province_code, p.region_code
       FROM unnest($3::uuid[]) WITH ORDINALITY AS t(shop_id, i) JOIN shop s ON s.id = t.shop_id JOIN comune c ON c.code = s.comune_code JOIN province p ON p.code = c.province_code`,
      [created.id, opensAt, shops.map((s) => s.id)],
    );

    await sleep(Math.max(0, new Date(created.closesAt).getTime() - Date.now() + 200));
    const closed = member(dataOf(await api.gqlAs(staff.accessToken, CloseSelectionCallDocument, { id: created.id })).closeSelectionCall, 'SelectionCall');
    expect(closed.status).toBe('CLOSED');

    // The published graduatoria, read by anyone, page by page.
    const rows: { position: number; score: number; status: string; provinceSigla: string }[] = [];
    for (let offset = 0; offset < 1000; offset += 100) {
      const page = dataOf(await api.gql(CallGraduatoriaDocument, { callId: created.id, first: 100, offset })).callGraduatoria;
      expect(page.totalCount).toBe(1000);
      rows.push(...page.items);
    }
    expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.slice(0, 300).every((r) => r.status === 'ADMITTED')).toBe(true);
    expect(rows.slice(300).every((r) => r.status === 'RESERVE')).toBe(true);

    // The order the published rules give, worked out here from what each applicant declared: score,
    // then the earlier application, then fewer employees, then the published draw (SHA-256 of "seed:id").
    const applicants: { id: string; position: number; submitted_at: Date; employees: number; answers: Record<string, boolean>; province_code: string }[] = await db.query(
      `SELECT id, position, submitted_at, employees, answers, province_code FROM call_application WHERE call_id = $1`,
      [created.id],
    );
    const score = (a: (typeof applicants)[number]): number => (a.answers['prima-volta'] ? 6000 : 0) + (a.province_code === '015' ? 4000 : 0);
    const key = (id: string): string => createHash('sha256').update(`${seed}:${id}`).digest('hex');
    const expected = [...applicants].sort(
      (a, b) => score(b) - score(a) || a.submitted_at.getTime() - b.submitted_at.getTime() || a.employees - b.employees || (key(a.id) < key(b.id) ? -1 : 1),
    );
    expect(expected.map((a) => a.position)).toEqual(expected.map((_, i) => i + 1));
    // The graduatoria publishes points; the engine counts hundredths.
    expect(rows.map((r) => r.score)).toEqual(expected.map((a) => score(a) / 100));
    expect(rows.map((r) => r.provinceSigla)).toEqual(expected.map((a) => (a.province_code === '015' ? 'MI' : 'TO')));
    // Ties the draw alone decided exist, so the published seed matters.
    const drawDecided = expected.filter((a, i) => i > 0 && score(a) === score(expected[i - 1]) && a.submitted_at.getTime() === expected[i - 1].submitted_at.getTime() && a.employees === expected[i - 1].employees);
    expect(drawDecided.length).toBeGreaterThan(100);

    const [{ held }] = await db.query(`SELECT count(*)::int AS held FROM match WHERE origin = 'CALL' AND state = 'PENDING' AND offer_id = ANY($1::uuid[])`, [[offerA, offerB]]);
    expect(held).toBe(300);
  }, 180_000);
});
