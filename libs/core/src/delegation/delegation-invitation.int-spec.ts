import { randomUUID } from 'node:crypto';
import { AuthService } from '../auth/auth.service';
import { UserRole } from '../auth/user-role';
import { RequestContext } from '../common/request-context';
import { asFacilitator, facilitatorParty } from '../testing/handover-fixture';
import { startTestCore, TestCore } from '../testing/test-core';
import { ThrottleException } from '../throttle/throttle.exception';
import { ThrottleService } from '../throttle/throttle.service';
import { DelegationInvitationService, InvitationOutcome } from './delegation-invitation.service';
import { DelegationService } from './delegation.service';
import { DelegationErrorCode, DelegationException } from './delegation.exception';

describe('inviting shops by e-mail: one working invitation per address, a limit per organisation (real PostgreSQL)', () => {
  let core: TestCore;
  let invitations: DelegationInvitationService;
  beforeAll(async () => {
    core = await startTestCore();
    invitations = core.app.get(DelegationInvitationService);
  });
  afterAll(() => core.close());

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => core.db.query(sql, params);
  const written = (email: string) =>
    q(`SELECT (SELECT count(*)::int FROM delegation WHERE lower(invited_email) = lower($1)) AS delegations, (SELECT count(*)::int FROM mail_message WHERE lower(recipient) = lower($1)) AS mails`, [email]);
  const delegationOf = (outcome: InvitationOutcome): string => (outcome.kind === 'delegation' ? outcome.delegation.id : '');

  it('refuses a second invitation to the same address while the first link works, whatever the letter case, writing and sending nothing', async () => {
    const facilitator = await facilitatorParty(core.db);
    const email = `negozio-${randomUUID()}@example.it`;
    const first = await invitations.invite(asFacilitator(facilitator), { email });
    expect(first.kind).toBe('delegation');
    const again = await invitations.invite(asFacilitator(facilitator), { email: email.toUpperCase() });
    expect(again).toEqual({ kind: 'invitation-pending', invitedAt: expect.any(Date), expiresAt: expect.any(Date) });
    expect(await written(email)).toEqual([{ delegations: 1, mails: 1 }]);

    // Another organisation may invite the same shop: the shop chooses.
    expect((await invitations.invite(asFacilitator(await facilitatorParty(core.db)), { email })).kind).toBe('delegation');
  });

  it('sends a new one once the first is withdrawn or its link has expired', async () => {
    const facilitator = await facilitatorParty(core.db);
    const email = `negozio-${randomUUID()}@example.it`;
    const first = delegationOf(await invitations.invite(asFacilitator(facilitator), { email }));
    expect((await core.app.get(DelegationService).withdraw(asFacilitator(facilitator), first)).kind).toBe('delegation');
    const second = delegationOf(await invitations.invite(asFacilitator(facilitator), { email }));
    expect(second).not.toBe('');
    await q(`UPDATE delegation SET link_expires_at = now() - interval '1 minute' WHERE id = $1`, [second]);
    // Lapsed, it stays on the desk, saying until when it worked, for the organisation to invite again or withdraw.
    const desk = async (): Promise<unknown[]> =>
      (await core.app.get(DelegationService).invitations(asFacilitator(facilitator), { first: 20, offset: 0 })).items.map((d) => [d.id, d.status, d.linkExpiresAt !== null]);
    expect(await desk()).toEqual([[second, 'INVITED', true]]);
    const third = delegationOf(await invitations.invite(asFacilitator(facilitator), { email: email.toUpperCase() }));
    expect(third).not.toBe('');
    expect(await written(email)).toEqual([{ delegations: 3, mails: 3 }]);
    // The new invitation takes the lapsed one's place: that one ended, withdrawn by the organisation, audited with why.
    expect(await desk()).toEqual([[third, 'INVITED', true]]);
    expect(await q(`SELECT status, ended_at IS NOT NULL AS ended, link_secret_hash FROM delegation WHERE id = $1`, [second])).toEqual([{ status: 'WITHDRAWN', ended: true, link_secret_hash: null }]);
    expect(await q(`SELECT after->>'reason' AS reason FROM audit_event WHERE entity_id = $1 AND action = 'delegation.withdrawn'`, [second])).toEqual([{ reason: 'INVITED_AGAIN' }]);
  });

  it('refuses an address whose account could never answer (not a shop account’s, or disabled), naming the field and writing nothing; a shop account’s is invited', async () => {
    const facilitator = await facilitatorParty(core.db);
    const auth = core.app.get(AuthService);
    const account = async (role: UserRole): Promise<string> => {
      const email = `account-${randomUUID()}@example.it`;
      await auth.createUser(RequestContext.system(), { email, password: 'Vicini-Prova-2026!', role });
      return email;
    };
    const disabled = await account(UserRole.SHOP);
    await q(`UPDATE user_account SET disabled_at = now() WHERE email = $1`, [disabled]);
    for (const email of [await account(UserRole.PROVIDER), await account(UserRole.FACILITATOR), await account(UserRole.MINISTRY), disabled]) {
      const refused = invitations.invite(asFacilitator(facilitator), { email: email.toUpperCase() });
      await expect(refused).rejects.toThrow(DelegationException);
      await expect(refused).rejects.toMatchObject({ code: DelegationErrorCode.INVITEE_CANNOT_ANSWER, field: 'input.email' });
      expect(await written(email)).toEqual([{ delegations: 0, mails: 0 }]);
    }
    const shopAccount = await account(UserRole.SHOP);
    expect((await invitations.invite(asFacilitator(facilitator), { email: shopAccount })).kind).toBe('delegation');
  });

  it('refuses an organisation’s invitations over the hour’s limit, with when to try again, writing nothing', async () => {
    const facilitator = await facilitatorParty(core.db);
    const throttle = core.app.get(ThrottleService);
    // The limit is THROTTLE_INVITATIONS_PER_ORGANISATION (100 by default): use all but one.
    for (let i = 0; i < 99; i++) await throttle.consumeInvitation(facilitator.id);
    expect((await invitations.invite(asFacilitator(facilitator), { email: `negozio-${randomUUID()}@example.it` })).kind).toBe('delegation');
    const over = `negozio-${randomUUID()}@example.it`;
    const refusal = await invitations.invite(asFacilitator(facilitator), { email: over }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ThrottleException);
    expect(refusal).toMatchObject({ reason: 'INVITATION_LIMIT', retryAfterSeconds: expect.any(Number) });
    expect(await written(over)).toEqual([{ delegations: 0, mails: 0 }]);
    // Other organisations are not held back.
    expect((await invitations.invite(asFacilitator(await facilitatorParty(core.db)), { email: over })).kind).toBe('delegation');
  });
});
