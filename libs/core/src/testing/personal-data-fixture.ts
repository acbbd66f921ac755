import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password-hasher';
import { UserRole } from '../auth/user-role';
import { Actor } from '../common/request-context';
import { DAY_MS } from '../common/time';
import { randomPartitaIva, seedOffer, seedProvider } from './seed';

/** Values a test looks for after an export or an erasure: each is personal and unique to one fixture. */
export interface PersonalValues {
  email: string;
  legalName: string;
  tradingName: string;
  address: string;
  contactEmail: string;
  contactPhone: string;
  partitaIva: string;
  requestText: string;
  withdrawalReason: string;
  completionReason: string;
  mailSubject: string;
  fiscalCode: string;
  callAnswer: string;
  importFileName: string;
}

export interface SeededPerson {
  owner: Actor;
  password: string;
  shopId: string;
  providerId: string;
  provider: Actor;
  offerId: string;
  requestIds: string[];
  matchIds: string[];
  values: PersonalValues;
}

/**
 * A shop's whole life on the platform, written straight to the tables: an account with a real
 * password, its shop, a fulfilled request (a completed match with its history and an outcome
 * survey) and a cancelled one (a withdrawn match with the shop's own reason), notifications on
 * both sides, an e-mail, audit events, a session, a sign-in counter and the privacy notice it
 * accepted. Nothing live: the account may be erased as it is.
 */
export async function seedPersonLife(db: DataSource, now = new Date()): Promise<SeededPerson> {
  const tag = randomUUID().slice(0, 8);
  const password = `una-password-lunga-${tag}`;
  const values: PersonalValues = {
    email: `mario.rossi-${tag}@example.it`,
    legalName: `Rossi Mario ${tag}`,
    tradingName: `Forno di Mario ${tag}`,
    address: `Via dei Mille ${tag}`,
    contactEmail: `forno-${tag}@example.it`,
    contactPhone: `+39 011 ${tag}`,
    partitaIva: randomPartitaIva(),
    requestText: `Vorrei vendere il pane online, chiedete di Mario ${tag}`,
    withdrawalReason: `Mi sono ammalato, Mario ${tag}`,
    completionReason: `Grazie da Mario ${tag}`,
    mailSubject: `Candidatura di Mario ${tag}`,
    fiscalCode: `RSSMRA80${tag.toUpperCase()}`,
    callAnswer: `Vendiamo pane di Mario ${tag}`,
    importFileName: `offerte-mario-${tag}.csv`,
  };
  const ago = (days: number): Date => new Date(now.getTime() - days * DAY_MS);
  const [user] = await db.query(`INSERT INTO user_account (email, password_hash, role, created_at) VALUES ($1, $2, 'SHOP', $3) RETURNING id`, [
    values.email,
    await hashPassword(password),
    ago(60),
  ]);
  const owner: Actor = { userId: user.id, role: UserRole.SHOP };
  const [shop] = await db.query(
    `INSERT INTO shop (owner_user_id, legal_name, trading_name, partita_iva, ateco_section, ateco_division, comune_code, address,
                       latitude, longitude, coordinates_from_comune, employees, contact_email, contact_phone, created_at)
     VALUES ($1, $2, $3, $4, 'G', '47', '001272', $5, 45.1, 7.7, false, 2, $6, $7, $8) RETURNING id`,
    [owner.userId, values.legalName, values.tradingName, values.partitaIva, values.address, values.contactEmail, values.contactPhone, ago(60)],
  );
  const provider = await seedProvider(db);
  const offerId = await seedOffer(db, provider.id, { capacity: 5 });
  const request = async (status: string, createdDaysAgo: number): Promise<string> =>
    (
      await db.query(`INSERT INTO help_request (shop_id, category, description, status, created_at) VALUES ($1, 'ONLINE_STORE', $2, $3, $4) RETURNING id`, [
        shop.id,
        values.requestText,
        status,
        ago(createdDaysAgo),
      ])
    )[0].id;
  const fulfilled = await request('FULFILLED', 50);
  const cancelled = await request('CANCELLED', 20);
  // A bundle asked once (no text of its own): kept with the pseudonymised shop.
  await db.query(`INSERT INTO help_request_bundle (shop_id, categories) VALUES ($1, '{ONLINE_STORE,HOME_DELIVERY}')`, [shop.id]);
  const [completed] = await db.query(
    `INSERT INTO match (help_request_id, offer_id, shop_id, provider_id, category, state, origin, coverage_level, distance_km,
                        accepted_at, activated_at, completed_at, created_at)
     VALUES ($1, $2, $3, $4, 'ONLINE_STORE', 'COMPLETED', 'APPLICATION', 'NATIONAL', 0, $5, $6, $7, $8) RETURNING id`,
    [fulfilled, offerId, shop.id, provider.id, ago(48), ago(45), ago(25), ago(49)],
  );
  const [withdrawn] = await db.query(
    `INSERT INTO match (help_request_id, offer_id, shop_id, provider_id, category, state, origin, coverage_level, distance_km,
                        ended_at, end_reason, created_at)
     VALUES ($1, $2, $3, $4, 'ONLINE_STORE', 'WITHDRAWN', 'APPLICATION', 'NATIONAL', 0, $5, $6, $7) RETURNING id`,
    [cancelled, offerId, shop.id, provider.id, ago(19), values.withdrawalReason, ago(20)],
  );
  const step = (matchId: string, from: string | null, to: string, days: number, actor: Actor | null, reason: string | null): Promise<unknown> =>
    db.query(
      `INSERT INTO match_transition (match_id, from_state, to_state, occurred_at, actor_user_id, actor_role, reason, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'seed')`,
      [matchId, from, to, ago(days), actor?.userId ?? null, actor?.role ?? null, reason],
    );
  await step(completed.id, null, 'PENDING', 49, owner, null);
  await step(completed.id, 'PENDING', 'ACCEPTED', 48, provider.owner, null);
  await step(completed.id, 'ACCEPTED', 'ACTIVE', 45, owner, null);
  await step(completed.id, 'ACTIVE', 'COMPLETED', 25, owner, values.completionReason);
  await step(withdrawn.id, null, 'PENDING', 20, owner, null);
  await step(withdrawn.id, 'PENDING', 'WITHDRAWN', 19, owner, values.withdrawalReason);
  await db.query(
    `INSERT INTO outcome_survey (match_id, checkpoint, got_online_orders, approximate_orders, answered_at, answered_by_user_id)
     VALUES ($1, 'COMPLETION', true, 12, $2, $3)`,
    [completed.id, ago(25), owner.userId],
  );
  await db.query(`INSERT INTO notification (user_id, kind, match_id, params, created_at) VALUES ($1, 'MATCH_ACCEPTED', $2, $3, $4), ($5, 'MATCH_APPLIED', $2, $6, $7)`, [
    owner.userId,
    completed.id,
    JSON.stringify({ offerTitle: 'Offerta di prova' }),
    ago(48),
    provider.owner.userId,
    JSON.stringify({ shopName: values.tradingName, offerTitle: 'Offerta di prova' }),
    ago(49),
  ]);
  // As the provider's notification of a withdrawal was written before it stopped carrying the shop's words.
  await db.query(`INSERT INTO notification (user_id, kind, match_id, params, created_at) VALUES ($1, 'MATCH_WITHDRAWN', $2, $3, $4)`, [
    provider.owner.userId,
    withdrawn.id,
    JSON.stringify({ shopName: values.tradingName, offerTitle: 'Offerta di prova', reason: values.withdrawalReason, audience: 'PROVIDER' }),
    ago(19),
  ]);
  await db.query(
    `INSERT INTO mail_message (id, idempotency_key, user_id, recipient, kind, language, subject, text, html, status, sent_at, created_at)
     VALUES ($1, $2, $3, $4, 'MATCH_ACCEPTED', 'it', $5, $6, $7, 'DEV_MAILBOX', $8, $8)`,
    [randomUUID(), `seed:${tag}:${owner.userId}`, owner.userId, values.email, values.mailSubject, `Ciao ${values.legalName}`, `<p>Ciao ${values.legalName}</p>`, ago(48)],
  );
  const audit = (action: string, entityType: string, entityId: string, after: object, days: number): Promise<unknown> =>
    db.query(
      `INSERT INTO audit_event (occurred_at, actor_user_id, actor_role, request_id, action, entity_type, entity_id, after) VALUES ($1, $2, 'SHOP', 'seed', $3, $4, $5, $6)`,
      [ago(days), owner.userId, action, entityType, entityId, JSON.stringify(after)],
    );
  await audit('user.registered', 'user', owner.userId, { email: values.email, role: 'SHOP' }, 60);
  await audit('shop.registered', 'shop', shop.id, { legalName: values.legalName, contactEmail: values.contactEmail, address: values.address, comuneCode: '001272' }, 60);
  await audit('help_request.created', 'help_request', fulfilled, { description: values.requestText, category: 'ONLINE_STORE' }, 50);
  await audit('match.withdrawn', 'match', withdrawn.id, { state: 'WITHDRAWN', reason: values.withdrawalReason }, 19);
  await db.query(`INSERT INTO refresh_token (user_id, family_id, secret_hash, expires_at) VALUES ($1, $2, 'hash', $3)`, [owner.userId, randomUUID(), ago(-20)]);
  const throttleKey = createHash('sha256').update(values.email).digest('base64url');
  // Counts kept today (per account, and per account and client address) and in the layout before per-address counts.
  for (const key of [`login-failures-account:${throttleKey}`, `login-failures:${throttleKey}.client`, `login-known:${throttleKey}.client`, `login-failures:${throttleKey}`]) {
    await db.query(`INSERT INTO rate_limit (key, points, expire) VALUES ($1, 1, $2)`, [key, now.getTime() + DAY_MS]);
  }
  await db.query(`INSERT INTO account_token (user_id, purpose, email, secret_hash, expires_at) VALUES ($1, 'RESET_PASSWORD', $2, $3, $4)`, [
    owner.userId,
    values.email,
    randomUUID(),
    ago(-20),
  ]);
  await db.query(`INSERT INTO identity_link (user_id, provider_id, subject, fiscal_code, last_sign_in_at) VALUES ($1, 'spid-test', $2, $3, $4)`, [
    owner.userId,
    `subject-${tag}`,
    values.fiscalCode,
    ago(2),
  ]);
  const [call] = await db.query(
    `INSERT INTO selection_call (title, description, status, places, opens_at, closes_at, eligibility, declarations, questions, scoring, tie_break, created_by_user_id)
     VALUES ('Bando di prova', 'Un bando per la prova', 'CLOSED', 1, $1, $2, '{}', '[]', '[]', '[]', '{}', $3) RETURNING id`,
    [ago(40), ago(30), provider.owner.userId],
  );
  await db.query(
    `INSERT INTO call_application (call_id, shop_id, status, submitted_at, declarations, answers, ateco_section, ateco_division, employees, comune_code, province_code, region_code, score, position)
     VALUES ($1, $2, 'RESERVE', $3, '{}', $4, 'G', '47', 3, '001272', '001', '01', 10, 2)`,
    [call.id, shop.id, ago(35), JSON.stringify({ attivita: values.callAnswer })],
  );
  const [facilitator] = await db.query(
    `INSERT INTO facilitator (owner_user_id, name, kind, tax_code, contact_email, national, verification_status)
     VALUES ($1, 'Camera di commercio di prova', 'CHAMBER_OF_COMMERCE', $2, 'pid@example.it', true, 'APPROVED') RETURNING id`,
    [provider.owner.userId, randomPartitaIva()],
  );
  await db.query(
    `INSERT INTO delegation (facilitator_id, shop_id, status, consent, invited_email, link_secret_hash, activated_at) VALUES ($1, $2, 'ACTIVE', 'SHOP', $3, 'hash', $4)`,
    [facilitator.id, shop.id, values.email, ago(30)],
  );
  const [job] = await db.query(
    `INSERT INTO import_job (kind, owner_user_id, mode, status, file_name, separator) VALUES ('offers', $1, 'DRY_RUN', 'DONE', $2, ';') RETURNING id`,
    [owner.userId, values.importFileName],
  );
  await db.query(`INSERT INTO import_row (job_id, line, outcome, column_name, reason_it, reason_en) VALUES ($1, 2, 'INVALID', 'titolo', $2, $2)`, [job.id, `«${values.legalName}» è troppo corto`]);
  await db.query(`INSERT INTO privacy_notice_acceptance (user_id, notice_version, accepted_at) VALUES ($1, '2026-12-05', $2)`, [owner.userId, ago(60)]);
  return {
    owner,
    password,
    shopId: shop.id,
    providerId: provider.id,
    provider: provider.owner,
    offerId,
    requestIds: [fulfilled, cancelled],
    matchIds: [completed.id, withdrawn.id],
    values,
  };
}
