import { ServiceCategory } from '@vec/matching';
import { createHash, randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/password-hasher';
import { UserRole } from '../auth/user-role';
import { RequestContext } from '../common/request-context';
import { MonitoringService } from '../monitoring/monitoring.service';
import { BreakdownDimension } from '../monitoring/monitoring.types';
import { OpenDataService } from '../monitoring/open-data.service';
import { seedPersonLife, SeededPerson } from '../testing/personal-data-fixture';
import { DelegationInvitationService } from '../delegation/delegation-invitation.service';
import { CallClosingService } from '../selection-call/call-closing.service';
import { ShopErrorCode } from '../shop/shop.exception';
import { ShopService } from '../shop/shop.service';
import { MESSAGES } from '../messages';
import { seedFacilitator, seedOffer, seedProvider, seedRequest, seedUser } from '../testing/seed';
import { actingAs, startScratchCore, TestCore } from '../testing/test-core';
import { AccountErasureService } from './account-erasure.service';
import { ERASED_TEXT, PERSONAL_TABLES } from './personal-data.registry';

describe('erasing an account (real PostgreSQL)', () => {
  let core: TestCore;
  let erasure: AccountErasureService;
  beforeAll(async () => {
    // A database of its own: the statistics compared before and after are those of every row.
    core = await startScratchCore();
    erasure = core.app.get(AccountErasureService);
  });
  afterAll(() => core.close());

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => core.db.query(sql, params);
  const as = (person: SeededPerson): RequestContext => actingAs(person.owner);
  const hashOf = (email: string): string => createHash('sha256').update(email).digest('base64url');
  /** Every text of a row joined, to look for a value anywhere in it. */
  const textOf = async (table: string, where: string, params: unknown[]): Promise<string> =>
    (await q<{ t: string }>(`SELECT coalesce(string_agg(to_jsonb(x)::text, ' '), '') AS t FROM ${table} x WHERE ${where}`, params))[0].t;

  /** For each table holding personal data, what erasure must have left there; a new such table without a check fails below. */
  const CHECKS: Record<string, (person: SeededPerson) => Promise<void>> = {
    user_account: async ({ owner, values }) => {
      const [row] = await q<{ email: string; password_hash: string; erased_at: Date; disabled_at: Date }>(`SELECT * FROM user_account WHERE id = $1`, [owner.userId]);
      expect(row.email).toBe(`erased-${owner.userId}@erased.invalid`);
      expect(row.password_hash).toBe('!erased');
      expect(row.erased_at).toBeInstanceOf(Date);
      expect(row.disabled_at).toBeInstanceOf(Date);
      expect(await textOf('user_account', 'id = $1', [owner.userId])).not.toContain(values.email);
    },
    refresh_token: async ({ owner }) => expect(await q(`SELECT id FROM refresh_token WHERE user_id = $1`, [owner.userId])).toEqual([]),
    account_token: async ({ owner, values }) => {
      expect(await q(`SELECT id FROM account_token WHERE user_id = $1`, [owner.userId])).toEqual([]);
      expect(await q(`SELECT id FROM account_token WHERE email = $1`, [values.email])).toEqual([]);
    },
    identity_link: async ({ owner, values }) => {
      expect(await q(`SELECT id FROM identity_link WHERE user_id = $1`, [owner.userId])).toEqual([]);
      expect(await q(`SELECT id FROM identity_link WHERE fiscal_code = $1`, [values.fiscalCode])).toEqual([]);
    },
    privacy_notice_acceptance: async ({ owner }) =>
      expect(await q(`SELECT notice_version FROM privacy_notice_acceptance WHERE user_id = $1`, [owner.userId])).toEqual([{ notice_version: '2026-12-05' }]),
    audit_event: async ({ owner, shopId, requestIds, matchIds, values }) => {
      const ids = [owner.userId, shopId, ...requestIds, ...matchIds];
      const text = await textOf('audit_event', 'entity_id = ANY($1)', [ids]);
      for (const value of [values.email, values.legalName, values.contactEmail, values.address, values.requestText, values.withdrawalReason]) expect(text).not.toContain(value);
      // Who did what stays: the seeded events, the pseudonymous actor and the facts that are not personal.
      const events = await q<{ action: string; actor_user_id: string; after: Record<string, unknown> }>(
        `SELECT action, actor_user_id, after FROM audit_event WHERE entity_id = ANY($1) AND request_id = 'seed' ORDER BY id`,
        [ids],
      );
      expect(events.map((event) => [event.action, event.actor_user_id])).toEqual([
        ['user.registered', owner.userId],
        ['shop.registered', owner.userId],
        ['help_request.created', owner.userId],
        ['match.withdrawn', owner.userId],
      ]);
      expect(events.map((event) => event.after)).toEqual([{ role: 'SHOP' }, { comuneCode: '001272' }, { category: 'ONLINE_STORE' }, { state: 'WITHDRAWN' }]);
      expect(await q(`SELECT after FROM audit_event WHERE action = 'user.erased' AND entity_id = $1`, [owner.userId])).toEqual([{ after: { role: 'SHOP' } }]);
    },
    shop: async ({ shopId, values }) => {
      const [row] = await q(`SELECT legal_name, trading_name, partita_iva, address, contact_email, contact_phone, s.comune_code, ateco_section, ateco_division, employees,
                                    coordinates_from_comune, s.latitude = c.latitude AND s.longitude = c.longitude AS at_comune
                               FROM shop s JOIN comune c ON c.code = s.comune_code WHERE s.id = $1`, [shopId]);
      expect(row).toEqual({
        legal_name: ERASED_TEXT,
        trading_name: null,
        partita_iva: values.partitaIva,
        address: ERASED_TEXT,
        contact_email: `erased-${shopId}@erased.invalid`,
        contact_phone: null,
        comune_code: '001272',
        ateco_section: 'G',
        ateco_division: '47',
        employees: 2,
        coordinates_from_comune: true,
        at_comune: true,
      });
    },
    provider: async ({ providerId }) => expect(await q(`SELECT name FROM provider WHERE id = $1`, [providerId])).toEqual([{ name: 'Fornitore di prova' }]),
    // The organisation that acted for the shop is another account's: it stays as it was.
    facilitator: async ({ shopId }) =>
      expect(await q(`SELECT f.name, f.verification_status FROM facilitator f JOIN delegation d ON d.facilitator_id = f.id WHERE d.shop_id = $1`, [shopId])).toEqual([
        { name: 'Camera di commercio di prova', verification_status: 'APPROVED' },
      ]),
    offer: async ({ offerId }) => expect(await q(`SELECT title, status FROM offer WHERE id = $1`, [offerId])).toEqual([{ title: 'Offerta di prova', status: 'PUBLISHED' }]),
    offer_coverage: async ({ offerId }) => expect(await q(`SELECT count(*)::int AS n FROM offer_coverage WHERE offer_id = $1`, [offerId])).toEqual([{ n: 0 }]),
    help_request: async ({ requestIds }) =>
      expect(await q(`SELECT description, status FROM help_request WHERE id = ANY($1) ORDER BY created_at`, [requestIds])).toEqual([
        { description: ERASED_TEXT, status: 'FULFILLED' },
        { description: ERASED_TEXT, status: 'CANCELLED' },
      ]),
    help_request_bundle: async ({ shopId }) =>
      expect(await q(`SELECT categories::text[] AS categories FROM help_request_bundle WHERE shop_id = $1`, [shopId])).toEqual([{ categories: ['ONLINE_STORE', 'HOME_DELIVERY'] }]),
    match: async ({ matchIds }) =>
      expect(await q(`SELECT state, end_reason FROM match WHERE id = ANY($1) ORDER BY created_at`, [matchIds])).toEqual([
        { state: 'COMPLETED', end_reason: null },
        { state: 'WITHDRAWN', end_reason: null },
      ]),
    match_transition: async ({ matchIds, owner }) => {
      const steps = await q(`SELECT to_state, actor_user_id, reason FROM match_transition WHERE match_id = ANY($1) ORDER BY id`, [matchIds]);
      expect(steps).toHaveLength(6);
      expect(steps.filter((step) => step.reason !== null)).toEqual([]);
      expect(steps.filter((step) => step.actor_user_id === owner.userId)).toHaveLength(5);
    },
    outcome_survey: async ({ matchIds, owner }) =>
      expect(await q(`SELECT got_online_orders, approximate_orders, answered_by_user_id FROM outcome_survey WHERE match_id = ANY($1)`, [matchIds])).toEqual([
        { got_online_orders: true, approximate_orders: 12, answered_by_user_id: owner.userId },
      ]),
    notification: async ({ owner, provider, values }) => {
      expect(await q(`SELECT id FROM notification WHERE user_id = $1`, [owner.userId])).toEqual([]);
      const theirs = await q<{ kind: string; params: Record<string, string> }>(`SELECT kind, params FROM notification WHERE user_id = $1 AND match_id IS NOT NULL ORDER BY created_at`, [provider.userId]);
      expect(theirs).toEqual([
        { kind: 'MATCH_APPLIED', params: { shopName: ERASED_TEXT, offerTitle: 'Offerta di prova' } },
        { kind: 'MATCH_WITHDRAWN', params: { shopName: ERASED_TEXT, offerTitle: 'Offerta di prova', reason: null, audience: 'PROVIDER' } },
      ]);
      expect(JSON.stringify(theirs)).not.toContain(values.tradingName);
      expect(JSON.stringify(theirs)).not.toContain(values.withdrawalReason);
    },
    mail_message: async ({ owner, values }) => {
      expect(await q(`SELECT id FROM mail_message WHERE user_id = $1`, [owner.userId])).toEqual([]);
      expect(await q(`SELECT id FROM mail_message WHERE recipient = $1`, [values.email])).toEqual([]);
    },
    call_application: async ({ shopId, values }) =>
      // Kept with the record of the selection, under the pseudonymised shop, whose name the graduatoria no longer shows.
      expect(await q(`SELECT answers, shop_name FROM call_application WHERE shop_id = $1`, [shopId])).toEqual([{ answers: { attivita: values.callAnswer }, shop_name: ERASED_TEXT }]),
    import_job: async ({ owner, values }) => {
      expect(await q(`SELECT id FROM import_job WHERE owner_user_id = $1`, [owner.userId])).toEqual([]);
      expect(await q(`SELECT id FROM import_job WHERE file_name = $1`, [values.importFileName])).toEqual([]);
    },
    delegation: async ({ shopId, values, owner }) => {
      // Ended by the erasure, as revoked by the owner: no facilitator acts for the erased shop.
      expect(await q(`SELECT status, ended_by_user_id, invited_email, link_secret_hash FROM delegation WHERE shop_id = $1`, [shopId])).toEqual([
        { status: 'REVOKED', ended_by_user_id: owner.userId, invited_email: null, link_secret_hash: null },
      ]);
      expect(await q(`SELECT id FROM delegation WHERE invited_email = $1`, [values.email])).toEqual([]);
    },
    import_row: async ({ values }) => expect(await q(`SELECT id FROM import_row WHERE reason_it LIKE '%' || $1 || '%'`, [values.legalName])).toEqual([]),
    rate_limit: async ({ values }) => expect(await textOf('rate_limit', `key LIKE 'login-%'`, [])).not.toContain(hashOf(values.email)),
  };

  it('has a check for every table the registry says can hold personal data', () => {
    expect(PERSONAL_TABLES.filter((table) => !(table in CHECKS))).toEqual([]);
  });

  it('erases or pseudonymises each table as the registry says, in one go, and the statistics and open data do not change', async () => {
    const person = await seedPersonLife(core.db);
    const staff = actingAs(await seedUser(core.db, UserRole.MINISTRY));
    const monitoring = core.app.get(MonitoringService);
    const openData = core.app.get(OpenDataService);
    const figures = async (): Promise<unknown> => ({
      kpis: await monitoring.kpis(staff, {}),
      torino: await monitoring.kpis(staff, { provinceCode: '001' }),
      regions: await monitoring.breakdown(staff, {}, BreakdownDimension.REGION),
      openData: (await openData.refresh(staff)).rows,
    });
    const before = await figures();

    expect(await erasure.eraseOwnAccount(as(person), person.password)).toEqual({ kind: 'erased', userId: person.owner.userId, erasedAt: expect.any(Date) });

    for (const [, check] of Object.entries(CHECKS)) await check(person);
    expect(await figures()).toEqual(before);
  });

  it('ends every session: the account can neither sign in nor renew', async () => {
    const person = await seedPersonLife(core.db);
    await erasure.eraseOwnAccount(as(person), person.password);
    expect(await q(`SELECT id FROM refresh_token WHERE user_id = $1`, [person.owner.userId])).toEqual([]);
    expect(await q(`SELECT id FROM user_account WHERE email = $1`, [person.values.email])).toEqual([]);
  });

  it('asks for the right password and changes nothing without it', async () => {
    const person = await seedPersonLife(core.db);
    expect(await erasure.eraseOwnAccount(as(person), 'non-è-la-password')).toEqual({ kind: 'wrong-password' });
    expect(await q(`SELECT email FROM user_account WHERE id = $1`, [person.owner.userId])).toEqual([{ email: person.values.email }]);
  });

  it('refuses while the shop has live matches, waitlist places or open requests, saying how many of each', async () => {
    const person = await seedPersonLife(core.db);
    const provider = await seedProvider(core.db);
    const offerId = await seedOffer(core.db, provider.id, { capacity: 5, categories: [ServiceCategory.WEBSITE, ServiceCategory.HOME_DELIVERY] });
    const pending = await seedRequest(core.db, person.shopId, ServiceCategory.WEBSITE);
    await seedRequest(core.db, person.shopId, ServiceCategory.DIGITAL_PAYMENTS);
    const waiting = await seedRequest(core.db, person.shopId, ServiceCategory.HOME_DELIVERY);
    await q(`UPDATE help_request SET status = 'MATCHED' WHERE id = $1`, [pending]);
    await q(
      `INSERT INTO match (help_request_id, offer_id, shop_id, provider_id, category, state, origin, coverage_level, distance_km, respond_by, waitlisted_at)
       VALUES ($1, $3, $4, $5, 'WEBSITE', 'PENDING', 'APPLICATION', 'NATIONAL', 0, now() + interval '5 days', NULL),
              ($2, $3, $4, $5, 'HOME_DELIVERY', 'WAITLISTED', 'APPLICATION', 'NATIONAL', 0, NULL, now())`,
      [pending, waiting, offerId, person.shopId, provider.id],
    );
    const outcome = await erasure.eraseOwnAccount(as(person), person.password);
    expect(outcome).toEqual({
      kind: 'refused',
      blockers: [
        { kind: 'LIVE_MATCHES', count: 1 },
        { kind: 'WAITLIST_ENTRIES', count: 1 },
        { kind: 'OPEN_REQUESTS', count: 2 },
      ],
    });
    expect(await q(`SELECT legal_name FROM shop WHERE id = $1`, [person.shopId])).toEqual([{ legal_name: person.values.legalName }]);
    expect(await erasure.blockers(as(person))).toEqual([
      { kind: 'LIVE_MATCHES', count: 1 },
      { kind: 'WAITLIST_ENTRIES', count: 1 },
      { kind: 'OPEN_REQUESTS', count: 2 },
    ]);
  });

  it('tells a provider what holds it back in its own terms: the services on its offers and its open offers', async () => {
    const person = await seedPersonLife(core.db);
    const provider = await seedProvider(core.db);
    const offerId = await seedOffer(core.db, provider.id, { capacity: 5, categories: [ServiceCategory.WEBSITE] });
    const request = await seedRequest(core.db, person.shopId, ServiceCategory.WEBSITE);
    await q(`UPDATE help_request SET status = 'MATCHED' WHERE id = $1`, [request]);
    await q(
      `INSERT INTO match (help_request_id, offer_id, shop_id, provider_id, category, state, origin, coverage_level, distance_km, respond_by)
       VALUES ($1, $2, $3, $4, 'WEBSITE', 'PENDING', 'APPLICATION', 'NATIONAL', 0, now() + interval '5 days')`,
      [request, offerId, person.shopId, provider.id],
    );
    expect(await erasure.blockers(actingAs(provider.owner))).toEqual([
      { kind: 'LIVE_OFFER_MATCHES', count: 1 },
      { kind: 'OPEN_OFFERS', count: 1 },
    ]);
    expect(MESSAGES.privacy.erasureBlocker('LIVE_OFFER_MATCHES', 1).it).toBe(
      '1 servizio sulle tue offerte è ancora in attesa, accettato o attivo: se è in attesa rispondi, se è attivo concludilo; se è accettato aspetta la conferma del negozio o rinuncia al servizio (Candidature)',
    );
  });

  it('ends the shop’s live delegations, telling each facilitator, who can no longer act for the shop', async () => {
    const person = await seedPersonLife(core.db);
    const facilitator = await seedFacilitator(core.db);
    const [delegation] = await q<{ id: string }>(`INSERT INTO delegation (facilitator_id, shop_id, status, consent, activated_at) VALUES ($1, $2, 'ACTIVE', 'SHOP', now()) RETURNING id`, [
      facilitator.id,
      person.shopId,
    ]);
    const forShop = () => actingAs(facilitator.owner).onBehalfOf(person.shopId);
    expect((await core.app.get(ShopService).findOwn(forShop()))?.id).toBe(person.shopId);
    // What the facilitator was told when the delegation began names the shop; a notice about another shop stays as it is.
    await q(
      `INSERT INTO notification (user_id, kind, params, created_at) VALUES ($1, 'DELEGATION_CHANGED', $2, now() - interval '2 days'), ($1, 'DELEGATION_CHANGED', $3, now() - interval '1 day')`,
      [
        facilitator.owner.userId,
        JSON.stringify({ shopName: person.values.tradingName, status: 'ACTIVE', audience: 'FACILITATOR' }),
        JSON.stringify({ shopName: 'Ferramenta Bianchi', status: 'ACTIVE', audience: 'FACILITATOR' }),
      ],
    );

    expect(await erasure.eraseOwnAccount(as(person), person.password)).toMatchObject({ kind: 'erased' });

    expect(await q(`SELECT status, ended_by_user_id FROM delegation WHERE id = $1`, [delegation.id])).toEqual([{ status: 'REVOKED', ended_by_user_id: person.owner.userId }]);
    expect(await q(`SELECT actor_user_id, before, after FROM audit_event WHERE entity_id = $1 AND action = 'delegation.revoked'`, [delegation.id])).toEqual([
      { actor_user_id: person.owner.userId, before: { status: 'ACTIVE' }, after: { status: 'REVOKED', shopId: person.shopId, facilitatorId: facilitator.id } },
    ]);
    expect(await q(`SELECT kind, params FROM notification WHERE user_id = $1 ORDER BY created_at`, [facilitator.owner.userId])).toEqual([
      { kind: 'DELEGATION_CHANGED', params: { shopName: ERASED_TEXT, status: 'ACTIVE', audience: 'FACILITATOR' } },
      { kind: 'DELEGATION_CHANGED', params: { shopName: 'Ferramenta Bianchi', status: 'ACTIVE', audience: 'FACILITATOR' } },
      { kind: 'DELEGATION_CHANGED', params: { shopName: ERASED_TEXT, status: 'REVOKED', audience: 'FACILITATOR' } },
    ]);
    await expect(core.app.get(ShopService).findOwn(forShop())).rejects.toMatchObject({ code: ShopErrorCode.SHOP_NOT_FOUND });
  });

  it('erases the invitations and claim links sent to the account’s address or its shop’s, e-mails and audit included', async () => {
    const person = await seedPersonLife(core.db);
    const facilitator = await seedFacilitator(core.db);
    // An invitation to the account's own address, the way a facilitator sends one.
    const invited = await core.app.get(DelegationInvitationService).invite(actingAs(facilitator.owner), { email: person.values.email });
    if (invited.kind !== 'delegation') throw new Error(`invitation refused: ${invited.kind}`);
    // The shop registered on paper, its claim link sent to the address its owner gave then.
    const paperAddress = `titolare-${randomUUID()}@example.it`;
    const [paper] = await q<{ id: string }>(
      `INSERT INTO delegation (facilitator_id, shop_id, status, consent, paper_declared_on, invited_email, link_secret_hash, activated_at)
       VALUES ($1, $2, 'ACTIVE', 'PAPER', current_date, $3, 'hash', now()) RETURNING id`,
      [facilitator.id, person.shopId, paperAddress],
    );
    await q(`INSERT INTO audit_event (occurred_at, actor_user_id, actor_role, request_id, action, entity_type, entity_id, after) VALUES (now(), $1, 'FACILITATOR', 'seed', 'delegation.registered_on_paper', 'delegation', $2, $3)`, [
      facilitator.owner.userId,
      paper.id,
      JSON.stringify({ facilitatorId: facilitator.id, shopId: person.shopId, consent: 'PAPER', ownerEmail: paperAddress }),
    ]);
    const mailTo = (recipient: string, key: string): Promise<unknown> =>
      q(`INSERT INTO mail_message (id, idempotency_key, user_id, recipient, kind, language, subject, text, html, status, sent_at) VALUES ($1, $2, NULL, $3, 'SHOP_CLAIM_INVITATION', 'it', 'Rivendica', 'testo', '<p>testo</p>', 'DEV_MAILBOX', now())`, [
        randomUUID(),
        key,
        recipient,
      ]);
    await mailTo(paperAddress, `delegation:${paper.id}:claim`);
    const stranger = `altro-${randomUUID()}@example.it`;
    await mailTo(stranger, `delegation:${randomUUID()}:claim`);
    expect(await q(`SELECT id FROM mail_message WHERE recipient = $1 AND user_id IS NULL`, [person.values.email])).toHaveLength(1);

    expect(await erasure.eraseOwnAccount(as(person), person.password)).toMatchObject({ kind: 'erased' });

    expect(await q(`SELECT id FROM mail_message WHERE recipient = ANY($1)`, [[person.values.email, paperAddress]])).toEqual([]);
    expect(await q(`SELECT recipient FROM mail_message WHERE recipient = $1`, [stranger])).toEqual([{ recipient: stranger }]);
    const ids = [invited.delegation.id, paper.id];
    expect(await q(`SELECT invited_email, link_secret_hash FROM delegation WHERE id = ANY($1)`, [ids])).toEqual([
      { invited_email: null, link_secret_hash: null },
      { invited_email: null, link_secret_hash: null },
    ]);
    const audit = await textOf('audit_event', 'entity_id = ANY($1)', [ids]);
    expect(audit).not.toContain(person.values.email);
    expect(audit).not.toContain(paperAddress);
    // The facts stay: which facilitator, which shop, under which consent.
    expect(await q(`SELECT action, after FROM audit_event WHERE entity_id = ANY($1) AND action IN ('delegation.invited', 'delegation.registered_on_paper') ORDER BY action`, [ids])).toEqual([
      { action: 'delegation.invited', after: { facilitatorId: facilitator.id } },
      { action: 'delegation.registered_on_paper', after: { facilitatorId: facilitator.id, shopId: person.shopId, consent: 'PAPER' } },
    ]);
  });

  it('takes the shop’s applications to open calls out of them, so that the closing admits no erased shop', async () => {
    const person = await seedPersonLife(core.db);
    const staff = actingAs(await seedUser(core.db, UserRole.MINISTRY));
    const [call] = await q<{ id: string }>(
      `INSERT INTO selection_call (title, description, status, places, opens_at, closes_at, eligibility, declarations, questions, scoring, tie_break, created_by_user_id)
       VALUES ('Bando aperto', 'Un bando ancora aperto', 'OPEN', 1, now() - interval '10 days', now() - interval '1 minute', '{}', '[]', '[]', '[]', '{}', $1) RETURNING id`,
      [staff.actor?.userId],
    );
    const [application] = await q<{ id: string }>(
      `INSERT INTO call_application (call_id, shop_id, status, submitted_at, declarations, answers, ateco_section, ateco_division, employees, comune_code, province_code, region_code)
       VALUES ($1, $2, 'SUBMITTED', now() - interval '2 days', '{}', '{}', 'G', '47', 2, '001272', '001', '01') RETURNING id`,
      [call.id, person.shopId],
    );

    expect(await erasure.blockers(as(person))).toEqual([]);
    expect(await erasure.eraseOwnAccount(as(person), person.password)).toMatchObject({ kind: 'erased' });

    const excluded = [{ status: 'EXCLUDED', exclusion_reason: 'L’account del negozio è stato cancellato su richiesta del titolare prima della chiusura del bando', excluded_by_user_id: person.owner.userId }];
    expect(await q(`SELECT status, exclusion_reason, excluded_by_user_id FROM call_application WHERE id = $1`, [application.id])).toEqual(excluded);
    expect(await q(`SELECT actor_user_id, after FROM audit_event WHERE entity_id = $1 AND action = 'call_application.excluded'`, [application.id])).toEqual([
      { actor_user_id: person.owner.userId, after: { status: 'EXCLUDED', exclusionReason: excluded[0].exclusion_reason } },
    ]);
    await core.app.get(CallClosingService).close(staff, call.id);
    expect(await q(`SELECT status, exclusion_reason, excluded_by_user_id FROM call_application WHERE id = $1`, [application.id])).toEqual(excluded);
    expect(await q(`SELECT status FROM selection_call WHERE id = $1`, [call.id])).toEqual([{ status: 'CLOSED' }]);
    expect(await q(`SELECT id FROM match WHERE shop_id = $1 AND state <> ALL('{COMPLETED,WITHDRAWN}')`, [person.shopId])).toEqual([]);
  });

  it('lets the shop’s place on a closed call’s reserve list lapse: it keeps its rank, and no freed place goes to it', async () => {
    const person = await seedPersonLife(core.db);
    const staff = actingAs(await seedUser(core.db, UserRole.MINISTRY));
    const [call] = await q<{ id: string }>(
      `INSERT INTO selection_call (title, description, status, places, opens_at, closes_at, closed_at, eligibility, declarations, questions, scoring, tie_break, created_by_user_id)
       VALUES ('Bando chiuso', 'Un bando già chiuso', 'CLOSED', 1, now() - interval '20 days', now() - interval '10 days', now() - interval '10 days', '{}', '[]', '[]', '[]', '{}', $1) RETURNING id`,
      [staff.actor?.userId],
    );
    const [application] = await q<{ id: string }>(
      `INSERT INTO call_application (call_id, shop_id, status, position, score, submitted_at, declarations, answers, ateco_section, ateco_division, employees, comune_code, province_code, region_code)
       VALUES ($1, $2, 'RESERVE', 2, 40, now() - interval '12 days', '{}', '{}', 'G', '47', 2, '001272', '001', '01') RETURNING id`,
      [call.id, person.shopId],
    );

    expect(await erasure.eraseOwnAccount(as(person), person.password)).toMatchObject({ kind: 'erased' });

    expect(await q(`SELECT status, position FROM call_application WHERE id = $1`, [application.id])).toEqual([{ status: 'LAPSED', position: 2 }]);
    expect(await q(`SELECT after FROM audit_event WHERE entity_id = $1 AND action = 'call_application.lapsed'`, [application.id])).toEqual([
      { after: { status: 'LAPSED', reason: 'ACCOUNT_ERASED' } },
    ]);
  });

  it('refuses staff accounts (an administrator closes them) and a second erasure', async () => {
    const staff = await seedUser(core.db, UserRole.MINISTRY);
    await q(`UPDATE user_account SET password_hash = $2 WHERE id = $1`, [staff.userId, await hashPassword('una-password-lunga-staff')]);
    expect(await erasure.eraseOwnAccount(actingAs(staff), 'una-password-lunga-staff')).toEqual({ kind: 'refused', blockers: [{ kind: 'STAFF_ACCOUNT', count: 1 }] });
    const person = await seedPersonLife(core.db);
    await erasure.eraseOwnAccount(as(person), person.password);
    expect(await erasure.blockers(as(person))).toEqual([{ kind: 'ALREADY_ERASED', count: 1 }]);
  });

  it('keeps the audit trail append-only for every other transaction', async () => {
    const person = await seedPersonLife(core.db);
    await expect(q(`UPDATE audit_event SET after = NULL WHERE actor_user_id = $1`, [person.owner.userId])).rejects.toThrow(/append-only/);
    await expect(q(`DELETE FROM match_transition WHERE match_id = $1`, [person.matchIds[0]])).rejects.toThrow(/append-only/);
    // Even inside erasure's own mode, the facts of an event cannot change.
    await expect(
      core.db.transaction(async (tx) => {
        await tx.query(`SELECT set_config('vec.personal_data_maintenance', 'on', true)`);
        await tx.query(`UPDATE audit_event SET action = 'rewritten' WHERE actor_user_id = $1`, [person.owner.userId]);
      }),
    ).rejects.toThrow(/only the personal data/);
  });
});
