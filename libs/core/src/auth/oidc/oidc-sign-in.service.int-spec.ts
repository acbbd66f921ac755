import { randomUUID } from 'node:crypto';
import { AuditService } from '../../audit/audit.service';
import { RequestContext } from '../../common/request-context';
import { TransactionalConnection } from '../../common/transactional-connection';
import { seedUser } from '../../testing/seed';
import { startTestCore, type TestCore } from '../../testing/test-core';
import { AuthService } from '../auth.service';
import { PRIVACY_NOTICE_VERSION } from '../../privacy/privacy-notice';
import { UserRole } from '../user-role';
import type { VerifiedIdentity } from './identity-claims';
import { OidcErrorCode } from './oidc.exception';
import { OidcSignInService, type OidcSignInOutcome, type SignInProvider } from './oidc-sign-in.service';

const SPID: SignInProvider = { id: 'spid-poste', publicIdentity: true };
const CIE: SignInProvider = { id: 'cie', publicIdentity: true };
const OTHER: SignInProvider = { id: 'ateneo', publicIdentity: false };
/** The page the person started from showed the privacy notice in force. */
const SHOWN = { noticeVersion: PRIVACY_NOTICE_VERSION };

describe('sign-in with an identity a provider vouched for (real PostgreSQL)', () => {
  let core: TestCore;
  let service: OidcSignInService;
  beforeAll(async () => {
    core = await startTestCore();
    service = new OidcSignInService(core.app.get(TransactionalConnection), core.app.get(AuthService), core.app.get(AuditService));
  });
  afterAll(() => core.close());

  const ctx = (): RequestContext => new RequestContext(`test-${randomUUID()}`, new Date());
  let sequence = 0;
  const anIdentity = (overrides: Partial<VerifiedIdentity> = {}): VerifiedIdentity => {
    sequence += 1;
    const digits = String(Date.now() % 1000).padStart(3, '0');
    const fiscalCode = `RSSMRA${String(10 + (sequence % 90))}A01H${digits}${String.fromCharCode(65 + (sequence % 26))}`;
    return { subject: randomUUID(), fiscalCode, givenName: 'Maria', familyName: 'Rossi', email: `spid-${randomUUID()}@example.it`, emailVerified: true, ...overrides };
  };
  const userOf = (outcome: OidcSignInOutcome): string => {
    if (outcome.kind !== 'signed-in') throw new Error(`refused: ${outcome.code}`);
    return outcome.session.user.id;
  };

  it('reaches the account another provider linked for the same fiscal code, and links this identity too', async () => {
    const spid = anIdentity();
    const first = await service.signIn(ctx(), SPID, spid, SHOWN);
    const cie = anIdentity({ fiscalCode: spid.fiscalCode, email: null, emailVerified: false });
    const second = await service.signIn(ctx(), CIE, cie, SHOWN);

    expect(second).toMatchObject({ kind: 'signed-in', match: 'fiscal-code' });
    expect(userOf(second)).toBe(userOf(first));
    const links = await core.db.query('SELECT provider_id, subject FROM identity_link WHERE user_id = $1 ORDER BY created_at', [userOf(first)]);
    expect(links).toEqual([
      { provider_id: 'spid-poste', subject: spid.subject },
      { provider_id: 'cie', subject: cie.subject },
    ]);
  });

  it('creates only shop-owner accounts, and none without an e-mail', async () => {
    const created = await service.signIn(ctx(), SPID, anIdentity(), SHOWN);
    expect(created.kind === 'signed-in' && created.session.user.role).toBe(UserRole.SHOP);

    const subject = randomUUID();
    expect(await service.signIn(ctx(), SPID, anIdentity({ subject, email: null }), SHOWN)).toEqual({ kind: 'refused', code: OidcErrorCode.MISSING_EMAIL });
    expect(await core.db.query('SELECT 1 FROM identity_link WHERE subject = $1', [subject])).toEqual([]);
  });

  it('opens an account only after the privacy notice was shown, records it as accepted, and asks to verify an address the provider does not vouch for', async () => {
    const unseen = anIdentity();
    expect(await service.signIn(ctx(), SPID, unseen, { noticeVersion: null })).toEqual({ kind: 'refused', code: OidcErrorCode.PRIVACY_NOTICE_NEEDED });
    expect(await core.db.query('SELECT 1 FROM user_account WHERE email = $1', [unseen.email])).toEqual([]);
    expect(await core.db.query('SELECT 1 FROM identity_link WHERE subject = $1', [unseen.subject])).toEqual([]);

    const vouched = userOf(await service.signIn(ctx(), SPID, anIdentity(), SHOWN));
    const unvouched = userOf(await service.signIn(ctx(), OTHER, anIdentity({ emailVerified: false, fiscalCode: null }), SHOWN));
    for (const id of [vouched, unvouched]) {
      expect(await core.db.query('SELECT notice_version FROM privacy_notice_acceptance WHERE user_id = $1', [id])).toEqual([{ notice_version: PRIVACY_NOTICE_VERSION }]);
    }
    const verified = async (id: string) => (await core.db.query('SELECT email_verified_at IS NOT NULL AS yes FROM user_account WHERE id = $1', [id]))[0].yes as boolean;
    const verificationLinks = async (id: string) => (await core.db.query(`SELECT count(*)::int AS n FROM account_token WHERE user_id = $1 AND purpose = 'VERIFY_EMAIL'`, [id]))[0].n as number;
    expect([await verified(vouched), await verificationLinks(vouched)]).toEqual([true, 0]);
    expect([await verified(unvouched), await verificationLinks(unvouched)]).toEqual([false, 1]);

    // A person who already has an account signs in without it: nothing is opened.
    expect(await service.signIn(ctx(), SPID, anIdentity({ email: (await core.db.query('SELECT email FROM user_account WHERE id = $1', [vouched]))[0].email }), { noticeVersion: null })).toMatchObject({ kind: 'signed-in', match: 'email' });
  });

  it('links a staff account by its verified e-mail, but never opens a disabled one', async () => {
    const staff = await seedUser(core.db, UserRole.MINISTRY);
    const [{ email }] = await core.db.query('SELECT email FROM user_account WHERE id = $1', [staff.userId]);
    const linked = await service.signIn(ctx(), CIE, anIdentity({ email }), SHOWN);
    expect(linked).toMatchObject({ kind: 'signed-in', match: 'email', session: { user: { id: staff.userId, role: UserRole.MINISTRY } } });

    await core.db.query('UPDATE user_account SET disabled_at = now() WHERE id = $1', [staff.userId]);
    const identity = anIdentity({ email });
    expect(await service.signIn(ctx(), CIE, identity, SHOWN)).toEqual({ kind: 'refused', code: OidcErrorCode.ACCOUNT_DISABLED });
    expect(await core.db.query('SELECT 1 FROM identity_link WHERE subject = $1', [identity.subject])).toEqual([]);
  });

  it('through a provider other than SPID or CIE: never links by fiscal code, and opens no staff account by its e-mail', async () => {
    const spid = anIdentity();
    const first = userOf(await service.signIn(ctx(), SPID, spid, SHOWN));
    // The fiscal code is not read from such a provider; should it reach the service, it still links nothing.
    const claimed = await service.signIn(ctx(), OTHER, anIdentity({ fiscalCode: spid.fiscalCode }), SHOWN);
    expect(claimed).toMatchObject({ kind: 'signed-in', match: 'created' });
    expect(userOf(claimed)).not.toBe(first);

    const staff = await seedUser(core.db, UserRole.ADMIN);
    const [{ email }] = await core.db.query('SELECT email FROM user_account WHERE id = $1', [staff.userId]);
    const identity = anIdentity({ email, fiscalCode: null });
    expect(await service.signIn(ctx(), OTHER, identity, SHOWN)).toEqual({ kind: 'refused', code: OidcErrorCode.STAFF_NEEDS_PUBLIC_IDENTITY });
    expect(await core.db.query('SELECT 1 FROM identity_link WHERE subject = $1', [identity.subject])).toEqual([]);
    const shop = await seedUser(core.db, UserRole.SHOP);
    const [{ email: shopEmail }] = await core.db.query('SELECT email FROM user_account WHERE id = $1', [shop.userId]);
    expect(await service.signIn(ctx(), OTHER, anIdentity({ email: shopEmail, fiscalCode: null }), SHOWN)).toMatchObject({ kind: 'signed-in', match: 'email' });
  });

  it('gives the same account to two first sign-ins of one person at once', async () => {
    const identity = anIdentity();
    const [a, b] = await Promise.all([service.signIn(ctx(), SPID, identity, SHOWN), service.signIn(ctx(), SPID, identity, SHOWN)]);
    expect(userOf(a)).toBe(userOf(b));
    expect(await core.db.query('SELECT count(*)::int AS n FROM identity_link WHERE subject = $1', [identity.subject])).toEqual([{ n: 1 }]);
  });
});
