import { PRIVACY_NOTICE_VERSION } from '@vec/core';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  ChangePasswordDocument,
  ConfirmEmailChangeDocument,
  CreateOfferDocument,
  DecideProviderDocument,
  LoginDocument,
  MeDocument,
  MyAccountDocument,
  PublishOfferDocument,
  RefreshSessionDocument,
  RegisterDocument,
  RegisterProviderDocument,
  RegisterShopDocument,
  RequestEmailChangeDocument,
  RequestPasswordResetDocument,
  ResendEmailVerificationDocument,
  ResetPasswordDocument,
  VerifyEmailDocument,
} from './gql/generated';
import { anOfferInput, approvedProvider, publishedOffer } from './testing/offer-fixtures';
import { aProviderInput, aShopInput, anEmail, signUp, SignedIn, staffUser, TEST_PASSWORD } from './testing/fixtures';
import { mailedLink, verifyThroughMailbox } from './testing/mailbox';
import { applyResult, askFor } from './testing/match-fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

const TORINO = '001272';
const NEW_PASSWORD = 'una-nuova-password-sicura';

describe('Verified addresses, password reset and account changes over GraphQL', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
  });
  afterAll(() => api.close());

  /** The notices that an account's password changed, as e-mailed (told apart by how). */
  const noticesTo = async (email: string): Promise<{ subject: string; reset: boolean }[]> =>
    db.query(`SELECT subject, text LIKE '%reimpostata con il collegamento%' AS reset FROM mail_message WHERE recipient = $1 AND kind = 'PASSWORD_CHANGED_NOTICE' ORDER BY created_at`, [email]);

  const login = (email: string, password: string) => api.gql(LoginDocument, { input: { email, password } });

  it('lets an unverified shop sign in but not apply until it opens the link from the sign-up e-mail', async () => {
    const provider = await approvedProvider(api, staff);
    const offer = await publishedOffer(api, provider, { coverage: { comuneCodes: [TORINO] } });
    const shop = await signUp(api, 'SHOP', { verified: false });
    member(dataOf(await api.gqlAs(shop.accessToken, RegisterShopDocument, { input: aShopInput({ comuneCode: TORINO }) })).registerShop, 'Shop');
    const requestId = await askFor(api, shop);
    expect(dataOf(await api.gqlAs(shop.accessToken, MyAccountDocument)).me).toMatchObject({ email: shop.email, emailVerified: false });

    expect(await applyResult(api, shop, requestId, offer.id)).toMatchObject({
      __typename: 'EmailNotVerifiedError',
      code: 'EMAIL_NOT_VERIFIED',
      messageIt: expect.stringContaining(shop.email),
    });
    expect((await db.query('SELECT count(*)::int AS n FROM match WHERE help_request_id = $1', [requestId]))[0].n).toBe(0);

    await verifyThroughMailbox(api, shop.email);
    expect(dataOf(await api.gqlAs(shop.accessToken, MyAccountDocument)).me.emailVerified).toBe(true);
    expect((await applyResult(api, shop, requestId, offer.id)).__typename).toBe('Match');
  });

  it('lets an unverified provider prepare offers but not publish them until verified, and resend the link', async () => {
    const owner = await signUp(api, 'PROVIDER', { verified: false });
    const { registerProvider } = dataOf(await api.gqlAs(owner.accessToken, RegisterProviderDocument, { input: aProviderInput() }));
    const providerId = member(registerProvider, 'Provider').id;
    member(dataOf(await api.gqlAs(staff.accessToken, DecideProviderDocument, { input: { providerId, decision: 'APPROVED' } })).verifyProvider, 'Provider');
    const offer = dataOf(await api.gqlAs(owner.accessToken, CreateOfferDocument, { input: anOfferInput() })).createOffer;

    expect(dataOf(await api.gqlAs(owner.accessToken, PublishOfferDocument, { id: offer.id })).publishOffer).toMatchObject({ __typename: 'EmailNotVerifiedError', code: 'EMAIL_NOT_VERIFIED' });
    const first = await mailedLink(db, owner.email, 'EMAIL_VERIFICATION');
    expect(dataOf(await api.gqlAs(owner.accessToken, ResendEmailVerificationDocument)).resendEmailVerification).toMatchObject({ __typename: 'EmailVerificationSent', email: owner.email });
    expect(dataOf(await api.gql(VerifyEmailDocument, { input: { token: first.token } })).verifyEmail).toMatchObject({ __typename: 'AccountLinkError', problem: 'USED', field: 'input.token' });
    // A link cut short or mangled gets the same answer as a tampered one, not an input error.
    for (const token of ['garbage', '', 'x'.repeat(9)]) {
      expect(dataOf(await api.gql(VerifyEmailDocument, { input: { token } })).verifyEmail).toMatchObject({ __typename: 'AccountLinkError', problem: 'INVALID', field: 'input.token' });
    }

    await verifyThroughMailbox(api, owner.email);
    expect(dataOf(await api.gqlAs(owner.accessToken, PublishOfferDocument, { id: offer.id })).publishOffer).toMatchObject({ __typename: 'Offer', status: 'PUBLISHED' });
    expect(dataOf(await api.gqlAs(owner.accessToken, ResendEmailVerificationDocument)).resendEmailVerification).toMatchObject({ code: 'EMAIL_ALREADY_VERIFIED' });
  });

  it('resets a forgotten password through the e-mailed link, the same answer for unknown addresses, and ends every session', async () => {
    const shop = await signUp(api, 'SHOP');
    const unknown = anEmail('nessuno');
    expect(await api.gql(RequestPasswordResetDocument, { input: { email: unknown } })).toEqual({ data: { requestPasswordReset: true } });
    expect(await api.gql(RequestPasswordResetDocument, { input: { email: shop.email.toUpperCase() } })).toEqual({ data: { requestPasswordReset: true } });
    expect((await db.query('SELECT count(*)::int AS n FROM mail_message WHERE recipient = $1', [unknown]))[0].n).toBe(0);
    // Nothing typed, or not an address: said on the field, not "if an account has the address , …".
    for (const [email, words] of [['', 'input.email è un campo obbligatorio'], ['non-un-indirizzo', 'input.email deve essere un indirizzo e-mail, per esempio nome@esempio.it']]) {
      const refused = await api.gql(RequestPasswordResetDocument, { input: { email } });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.email', messageIt: words })] });
    }

    const { url, token } = await mailedLink(db, shop.email, 'PASSWORD_RESET');
    expect(new URL(url).pathname).toBe('/reimposta-password');
    const short = await api.gql(ResetPasswordDocument, { input: { token, password: 'corta' } });
    expect(short.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.password', code: 'minLength' })] });

    expect(dataOf(await api.gql(ResetPasswordDocument, { input: { token, password: NEW_PASSWORD } })).resetPassword).toMatchObject({ __typename: 'User', email: shop.email });
    const stale = await api.gqlAs(shop.accessToken, MeDocument);
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    expect((await api.gql(RefreshSessionDocument, { input: { refreshToken: shop.refreshToken } })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await login(shop.email, TEST_PASSWORD)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(dataOf(await login(shop.email, NEW_PASSWORD)).login.user.email).toBe(shop.email);
    expect(dataOf(await api.gql(ResetPasswordDocument, { input: { token, password: NEW_PASSWORD } })).resetPassword).toMatchObject({ __typename: 'AccountLinkError', problem: 'USED' });
    expect(await noticesTo(shop.email)).toEqual([{ subject: 'La password del tuo account Vicini e connessi è cambiata', reset: true }]);
  });

  it('refuses a new password built on the account’s own address, at a reset and at a change, naming the field; the link stays usable', async () => {
    const suffix = randomUUID().slice(0, 6);
    const email = `ferramenta.verdi.${suffix}@example.it`;
    const session = member(dataOf(await api.gql(RegisterDocument, { input: { email, password: TEST_PASSWORD, role: 'SHOP', privacyNoticeVersion: PRIVACY_NOTICE_VERSION } })).register, 'AuthPayload');
    const weak = (field: string) => ({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, code: 'passwordWeak', message: expect.stringContaining('built on your e-mail address') })] });

    const changed = await api.gqlAs(session.accessToken, ChangePasswordDocument, { input: { currentPassword: TEST_PASSWORD, newPassword: `Verdi Ferramenta ${suffix}` } });
    expect(changed.errors?.[0].extensions).toMatchObject(weak('input.newPassword'));
    expect(dataOf(await login(email, TEST_PASSWORD)).login.user.email).toBe(email);

    await api.gql(RequestPasswordResetDocument, { input: { email } });
    const { token } = await mailedLink(db, email, 'PASSWORD_RESET');
    const reset = await api.gql(ResetPasswordDocument, { input: { token, password: `ferramenta-verdi-${suffix}` } });
    expect(reset.errors?.[0].extensions).toMatchObject(weak('input.password'));
    expect(dataOf(await api.gql(ResetPasswordDocument, { input: { token, password: NEW_PASSWORD } })).resetPassword).toMatchObject({ __typename: 'User', email });
  });

  it('changes the password with the current one, keeping this session and ending the others; an empty current password is refused as missing, not counted as wrong', async () => {
    const shop = await signUp(api, 'SHOP');
    const other = dataOf(await login(shop.email, TEST_PASSWORD)).login;
    const wrong = dataOf(await api.gqlAs(shop.accessToken, ChangePasswordDocument, { input: { currentPassword: 'non-è-questa-password', newPassword: NEW_PASSWORD } })).changePassword;
    expect(wrong).toMatchObject({ __typename: 'WrongPasswordError', code: 'WRONG_PASSWORD', field: 'input.currentPassword' });
    // A current password left empty is a field to fill, not a wrong guess: ten of them lock nothing.
    for (let i = 0; i < 10; i++) {
      for (const empty of [
        api.gqlAs(shop.accessToken, ChangePasswordDocument, { input: { currentPassword: '', newPassword: NEW_PASSWORD } }),
        api.gqlAs(shop.accessToken, RequestEmailChangeDocument, { input: { currentPassword: '', newEmail: `nuovo-${i}-${shop.email}` } }),
      ]) {
        expect((await empty).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.currentPassword', messageIt: 'input.currentPassword è un campo obbligatorio' })] });
      }
    }

    const changed = dataOf(await api.gqlAs(shop.accessToken, ChangePasswordDocument, { input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } })).changePassword;
    expect(changed).toMatchObject({ __typename: 'User', id: shop.userId });
    expect(dataOf(await api.gqlAs(shop.accessToken, MeDocument)).me.id).toBe(shop.userId);
    expect((await api.gqlAs(other.accessToken, MeDocument)).errors?.[0].extensions).toMatchObject({ reason: 'SESSION_ENDED' });
    expect(dataOf(await login(shop.email, NEW_PASSWORD)).login.user.id).toBe(shop.userId);
    expect(await noticesTo(shop.email)).toEqual([{ subject: 'La password del tuo account Vicini e connessi è cambiata', reset: false }]);
  });

  it('changes the address only once the link sent to the new one is opened, and tells the old one', async () => {
    const shop = await signUp(api, 'SHOP');
    const newEmail = anEmail('nuovo');
    const requested = dataOf(await api.gqlAs(shop.accessToken, RequestEmailChangeDocument, { input: { currentPassword: TEST_PASSWORD, newEmail } })).requestEmailChange;
    expect(requested).toMatchObject({ __typename: 'EmailChangeRequested', newEmail });
    expect(dataOf(await api.gqlAs(shop.accessToken, MyAccountDocument)).me.email).toBe(shop.email);

    const { url, token } = await mailedLink(db, newEmail, 'EMAIL_CHANGE_CONFIRM');
    expect(new URL(url).pathname).toBe('/conferma-email');
    expect(dataOf(await api.gql(ConfirmEmailChangeDocument, { input: { token } })).confirmEmailChange).toMatchObject({ __typename: 'User', email: newEmail, emailVerified: true });
    expect(dataOf(await api.gqlAs(shop.accessToken, MyAccountDocument)).me.email).toBe(newEmail);
    expect((await db.query(`SELECT count(*)::int AS n FROM mail_message WHERE recipient = $1 AND kind = 'EMAIL_CHANGED_NOTICE'`, [shop.email]))[0].n).toBe(1);
    const taken = dataOf(await api.gqlAs(shop.accessToken, RequestEmailChangeDocument, { input: { currentPassword: TEST_PASSWORD, newEmail: staff.email } })).requestEmailChange;
    expect(taken).toMatchObject({ __typename: 'EmailTakenError', takenField: 'input.newEmail' });
  });

  it('lets a new password take the account back: a change of address asked for with the old one no longer goes through', async () => {
    // Someone who learnt the password asks to move the account to their address; the owner reacts with a new password.
    const byChange = await signUp(api, 'SHOP');
    const thief = anEmail('ladro');
    await api.gqlAs(byChange.accessToken, RequestEmailChangeDocument, { input: { currentPassword: TEST_PASSWORD, newEmail: thief } });
    const { token: changeLink } = await mailedLink(db, thief, 'EMAIL_CHANGE_CONFIRM');
    await api.gqlAs(byChange.accessToken, ChangePasswordDocument, { input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
    expect(dataOf(await api.gql(ConfirmEmailChangeDocument, { input: { token: changeLink } })).confirmEmailChange).toMatchObject({ __typename: 'AccountLinkError', problem: 'USED' });
    expect(dataOf(await api.gqlAs(byChange.accessToken, MyAccountDocument)).me.email).toBe(byChange.email);

    // The same through a password reset.
    const byReset = await signUp(api, 'SHOP');
    const thief2 = anEmail('ladro');
    await api.gqlAs(byReset.accessToken, RequestEmailChangeDocument, { input: { currentPassword: TEST_PASSWORD, newEmail: thief2 } });
    const { token: changeLink2 } = await mailedLink(db, thief2, 'EMAIL_CHANGE_CONFIRM');
    await api.gql(RequestPasswordResetDocument, { input: { email: byReset.email } });
    const { token: resetLink } = await mailedLink(db, byReset.email, 'PASSWORD_RESET');
    expect(dataOf(await api.gql(ResetPasswordDocument, { input: { token: resetLink, password: NEW_PASSWORD } })).resetPassword).toMatchObject({ __typename: 'User' });
    expect(dataOf(await api.gql(ConfirmEmailChangeDocument, { input: { token: changeLink2 } })).confirmEmailChange).toMatchObject({ __typename: 'AccountLinkError', problem: 'USED' });
    const [{ email }] = await db.query('SELECT email FROM user_account WHERE id = $1', [byReset.userId]);
    expect(email).toBe(byReset.email);
  });

  it('keeps the account operations for signed-in users closed to anonymous callers', async () => {
    const { errors } = await api.gql(ChangePasswordDocument, { input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
    expect(errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(ResendEmailVerificationDocument)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
