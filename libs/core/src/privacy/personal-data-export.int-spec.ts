import { UserRole } from '../auth/user-role';
import { seedPersonLife, SeededPerson } from '../testing/personal-data-fixture';
import { seedUser } from '../testing/seed';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { createScratchDatabase } from '../testing/test-database';
import { EXPORT_FORMAT, PersonalDataDocument, PersonalDataExportService } from './personal-data-export.service';
import { EXPORT_SECTIONS, PERSONAL_DATA_REGISTRY } from './personal-data.registry';
import { PrivacyErrorCode, PrivacyException } from './privacy.exception';

type Document = Record<string, unknown> & { counts: Record<string, number>; summary: { it: string; en: string } };

describe('the personal-data export (real PostgreSQL)', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let core: TestCore;
  let exports: PersonalDataExportService;
  beforeAll(async () => {
    // A database of its own: the fixture's organisations, delegations and calls stay out of the other tiers' lists.
    scratch = await createScratchDatabase({ migrated: true });
    core = await startTestCore({ url: scratch.url });
    exports = core.app.get(PersonalDataExportService);
  });
  afterAll(async () => {
    await core.close();
    await scratch.drop();
  });

  const read = async (document: PersonalDataDocument): Promise<{ text: string; chunks: number; json: Document }> => {
    let text = '';
    let chunks = 0;
    for await (const chunk of document.chunks) {
      text += chunk;
      chunks++;
    }
    return { text, chunks, json: JSON.parse(text) as Document };
  };
  const list = (json: Document, section: string): Record<string, unknown>[] => json[section] as Record<string, unknown>[];

  /** For each table the registry exports, where its seeded rows show in the document; a new exported table without one fails below. */
  const FOUND: Record<string, (json: Document, person: SeededPerson) => void> = {
    user_account: (json, { owner, values }) => expect(json.account).toMatchObject({ id: owner.userId, email: values.email, role: 'SHOP' }),
    refresh_token: (json) => expect(list(json, 'sessions')).toHaveLength(1),
    privacy_notice_acceptance: (json) => expect(list(json, 'privacyNoticeAcceptances')).toEqual([{ noticeVersion: '2026-12-05', acceptedAt: expect.any(String) }]),
    audit_event: (json) =>
      expect(list(json, 'auditEvents').map((event) => event.action)).toEqual(
        expect.arrayContaining(['user.registered', 'shop.registered', 'help_request.created', 'match.withdrawn', 'personal_data.exported']),
      ),
    shop: (json, { values }) =>
      expect(json.shop).toMatchObject({
        legalName: values.legalName,
        tradingName: values.tradingName,
        partitaIva: values.partitaIva,
        address: values.address,
        contactEmail: values.contactEmail,
        contactPhone: values.contactPhone,
        comune: 'Torino',
      }),
    help_request: (json, { values }) => expect(list(json, 'helpRequests').map((request) => [request.status, request.description])).toEqual([
      ['FULFILLED', values.requestText],
      ['CANCELLED', values.requestText],
    ]),
    match: (json, { values }) => expect(list(json, 'matches').map((match) => [match.state, match.endReason])).toEqual([
      ['COMPLETED', null],
      ['WITHDRAWN', values.withdrawalReason],
    ]),
    match_transition: (json, { values }) => {
      const history = list(json, 'matches').map((match) => (match.history as { toState: string; byYou: boolean; reason: string | null }[]).map((step) => [step.toState, step.byYou]));
      expect(history).toEqual([
        [['PENDING', true], ['ACCEPTED', false], ['ACTIVE', true], ['COMPLETED', true]],
        [['PENDING', true], ['WITHDRAWN', true]],
      ]);
      expect(JSON.stringify(list(json, 'matches'))).toContain(values.completionReason);
    },
    outcome_survey: (json) => expect(list(json, 'outcomeSurveys')).toEqual([expect.objectContaining({ checkpoint: 'COMPLETION', gotOnlineOrders: true, approximateOrders: 12 })]),
    notification: (json) => expect(list(json, 'notifications').map((notification) => notification.kind)).toEqual(['MATCH_ACCEPTED']),
    identity_link: (json, { values }) => expect(list(json, 'identityLinks')).toEqual([expect.objectContaining({ providerId: 'spid-test', fiscalCode: values.fiscalCode })]),
    call_application: (json, { values }) =>
      expect(list(json, 'callApplications')).toEqual([expect.objectContaining({ call: 'Bando di prova', status: 'RESERVE', answers: { attivita: values.callAnswer }, position: 2 })]),
    delegation: (json, { values }) =>
      expect(list(json, 'delegations')).toEqual([expect.objectContaining({ facilitator: 'Camera di commercio di prova', status: 'ACTIVE', invitedEmail: values.email })]),
    mail_message: (json, { values }) => expect(list(json, 'mailMessages')).toEqual([expect.objectContaining({ recipient: values.email, subject: values.mailSubject })]),
  };

  it('has a place in the document for every table the registry exports', () => {
    const exported = Object.entries(PERSONAL_DATA_REGISTRY)
      .filter(([, policy]) => Object.values(policy.columns).some((column) => column.personal && column.exported))
      .map(([table]) => table);
    expect(exported.filter((table) => !(table in FOUND))).toEqual([]);
  });

  it('gives a person everything about them and their shop, section by section, with a summary and counts that match', async () => {
    const person = await seedPersonLife(core.db);
    const document = await exports.exportOwn(actingAs(person.owner));
    expect(document.fileName).toMatch(/^vicini-e-connessi-dati-personali-\d{4}-\d{2}-\d{2}\.json$/);
    const { json, text } = await read(document);
    expect(json).toMatchObject({ format: EXPORT_FORMAT, version: 2 });
    expect(Object.keys(json).slice(5)).toEqual([...EXPORT_SECTIONS]);
    for (const check of Object.values(FOUND)) check(json, person);
    for (const section of EXPORT_SECTIONS) {
      const value = json[section];
      expect([section, Array.isArray(value) ? value.length : value === null ? 0 : 1]).toEqual([section, json.counts[section]]);
    }
    expect(json.summary.it).toContain('Tutti i dati che la piattaforma Vicini e connessi conserva su di te');
    expect(json.summary.it).toContain('richieste di aiuto: 2');
    // Credentials never leave, nor does the other side's name.
    expect(text).not.toMatch(/argon2|secret_hash|secretHash|passwordHash/);
    expect(json.provider).toBeNull();
  });

  it('lists each sign-in once, with how often it was renewed, not every renewal as a session', async () => {
    const person = await seedPersonLife(core.db);
    const [{ family_id: family }] = await core.db.query(`SELECT family_id FROM refresh_token WHERE user_id = $1`, [person.owner.userId]);
    // The same sign-in renewed twice (each renewal a token of its own), and a second sign-in, ended.
    for (const minutes of [10, 20]) {
      await core.db.query(`INSERT INTO refresh_token (user_id, family_id, secret_hash, expires_at, created_at) VALUES ($1, $2, 'hash', now() + interval '20 days', now() + make_interval(mins => $3))`, [
        person.owner.userId,
        family,
        minutes,
      ]);
    }
    await core.db.query(`INSERT INTO refresh_token (user_id, family_id, secret_hash, expires_at, revoked_at, created_at) VALUES ($1, gen_random_uuid(), 'hash', now() + interval '20 days', now() + interval '2 hours', now() + interval '1 hour')`, [
      person.owner.userId,
    ]);
    const { json } = await read(await exports.exportOwn(actingAs(person.owner)));
    expect(json.counts.sessions).toBe(2);
    expect(list(json, 'sessions').map((session) => [session.sessionId === family, session.renewals, session.endedAt === null])).toEqual([
      [true, 2, true],
      [false, 0, false],
    ]);
    expect(json.summary.it).toContain('sessioni di accesso: 2');
  });

  it('gives an organisation acting for shops its own record and the shops it acts for, and its actions on them without their personal data', async () => {
    const person = await seedPersonLife(core.db);
    // The fixture's organisation account owns the provider and the facilitator that acts for the shop.
    await core.db.query(
      `INSERT INTO audit_event (occurred_at, actor_user_id, actor_role, request_id, action, entity_type, entity_id, before, after)
       VALUES (now(), $1, 'FACILITATOR', 'seed', 'shop.updated', 'shop', $2, $3, $4)`,
      [person.provider.userId, person.shopId, JSON.stringify({ contactPhone: person.values.contactPhone }), JSON.stringify({ contactPhone: '+39 011 000 0000', employees: 5 })],
    );
    const { json, text } = await read(await exports.exportOwn(actingAs(person.provider)));
    expect(json.facilitator).toMatchObject({ name: 'Camera di commercio di prova', kind: 'CHAMBER_OF_COMMERCE', verificationStatus: 'APPROVED' });
    expect(list(json, 'delegations')).toEqual([expect.objectContaining({ shopId: person.shopId, facilitator: 'Camera di commercio di prova', status: 'ACTIVE', invitedEmail: null })]);
    const acted = list(json, 'auditEvents').find((event) => event.action === 'shop.updated' && event.entityId === person.shopId);
    expect(acted).toMatchObject({ byYou: true, before: {}, after: { employees: 5 } });
    for (const value of [person.values.email, person.values.contactPhone, person.values.legalName]) expect(text).not.toContain(value);
    expect(json.counts.facilitator).toBe(1);
  });

  it('gives a provider its matches without the words the shop wrote on those it no longer deals with, as the API does', async () => {
    const person = await seedPersonLife(core.db);
    const { json } = await read(await exports.exportOwn(actingAs(person.provider)));
    const matches = list(json, 'matches') as { state: string; endReason: string | null; history: { toState: string; reason: string | null }[] }[];
    // Withdrawn: the shop's reason is the shop's. Completed 25 days ago: the provider still deals with the shop.
    expect(matches.map((match) => [match.state, match.endReason, match.history.map((step) => step.reason)])).toEqual([
      ['COMPLETED', null, [null, null, null, person.values.completionReason]],
      ['WITHDRAWN', null, [null, null]],
    ]);
    const withdrawal = list(json, 'auditEvents').find((event) => event.action === 'match.withdrawn');
    expect(withdrawal).toMatchObject({ byYou: false, actorRole: 'SHOP', after: { state: 'WITHDRAWN' } });
    expect(withdrawal?.after).not.toHaveProperty('reason');
    expect(JSON.stringify([matches, list(json, 'auditEvents')])).not.toContain(person.values.withdrawalReason);
  });

  it('streams a large export in pieces', async () => {
    const person = await seedPersonLife(core.db);
    await core.db.query(
      `INSERT INTO notification (user_id, kind, params) SELECT $1, 'MATCH_ACCEPTED', jsonb_build_object('offerTitle', repeat('x', 500)) FROM generate_series(1, 2000)`,
      [person.owner.userId],
    );
    const { json, chunks } = await read(await exports.exportOwn(actingAs(person.owner)));
    expect(list(json, 'notifications')).toHaveLength(2001);
    expect(chunks).toBeGreaterThan(10);
  });

  it('lets staff export an account for a stated reason, audited, and refuses without one', async () => {
    const person = await seedPersonLife(core.db);
    const staff = await seedUser(core.db, UserRole.MINISTRY);
    await expect(exports.exportFor(actingAs(staff), person.owner.userId, 'breve')).rejects.toEqual(new PrivacyException(PrivacyErrorCode.EXPORT_REASON_REQUIRED, 'reason'));
    await expect(exports.exportFor(actingAs(staff), '00000000-0000-0000-0000-000000000000', 'Richiesta via PEC prot. 123/2026')).rejects.toEqual(
      new PrivacyException(PrivacyErrorCode.ACCOUNT_NOT_FOUND, 'userId'),
    );
    await expect(exports.exportFor(actingAs(person.owner), person.owner.userId, 'Richiesta via PEC prot. 123/2026')).rejects.toThrow(/FORBIDDEN_ROLE/);
    const { json } = await read(await exports.exportFor(actingAs(staff), person.owner.userId, 'Richiesta via PEC prot. 123/2026'));
    expect(json.account).toMatchObject({ id: person.owner.userId });
    expect(
      await core.db.query(`SELECT actor_user_id, after FROM audit_event WHERE action = 'personal_data.exported' AND entity_id = $1`, [person.owner.userId]),
    ).toEqual([{ actor_user_id: staff.userId, after: { requestedBy: 'staff', reason: 'Richiesta via PEC prot. 123/2026' } }]);
  });
});
