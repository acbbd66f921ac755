import { DataSource } from 'typeorm';
import {
  DecideFacilitatorDocument,
  DeleteMyAccountDocument,
  FacilitatorDecisionsDocument,
  ProviderDecisionsDocument,
  RegisterFacilitatorDocument,
  type VerificationStatus,
  VerifyFacilitatorDocument,
  VerifyProviderDocument,
} from './gql/generated';
import { aFacilitatorInput, signUp, staffUser, TEST_PASSWORD, type SignedIn } from './testing/fixtures';
import { approvedProvider } from './testing/offer-fixtures';
import { dataOf, member, startTestApp, TestApp } from './testing/test-app';

/** What every refused decision answers, whichever it was. */
const OWNER_ERASED = {
  __typename: 'OwnerErasedError',
  code: 'OWNER_ERASED',
  message: 'The account of this organisation was deleted at its owner’s request (GDPR Art. 17): nothing more can be decided on the organisation',
  messageIt: 'L’account di questa organizzazione è stato cancellato su richiesta del titolare (art. 17 GDPR): sull’organizzazione non si può più decidere nulla',
};

const DECISIONS: [VerificationStatus, string | undefined][] = [
  ['APPROVED', undefined],
  ['REJECTED', 'Documentazione non conforme alle regole del programma'],
  ['SUSPENDED', 'Segnalazioni da verificare con l’organizzazione'],
];

describe('Staff decisions on an organisation whose account was erased, over GraphQL', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
  });
  afterAll(() => api.close());

  async function eraseAccount(who: SignedIn): Promise<void> {
    expect(dataOf(await api.gqlAs(who.accessToken, DeleteMyAccountDocument, { input: { password: TEST_PASSWORD } })).deleteMyAccount.__typename).toBe('AccountErased');
  }

  /** The organisation's verification, the staff decisions audited on it, and what its account was told. */
  async function footprint(table: 'provider' | 'facilitator', id: string, userId: string): Promise<unknown> {
    return {
      organisation: await db.query(`SELECT verification_status, verification_reason, verified_at, verified_by_user_id FROM ${table} WHERE id = $1`, [id]),
      decisions: await db.query(`SELECT action FROM audit_event WHERE entity_type = $1 AND entity_id = $2 AND actor_user_id = $3`, [table, id, staff.userId]),
      told: await db.query(`SELECT (SELECT count(*)::int FROM notification WHERE user_id = $1) AS notifications, (SELECT count(*)::int FROM mail_message WHERE user_id = $1) AS mails`, [
        userId,
      ]),
    };
  }

  it('shows staff an erased provider with no decision left, and refuses to approve, reject or suspend it, writing and telling nothing', async () => {
    const provider = await approvedProvider(api, staff);
    const standing = dataOf(await api.gqlAs(staff.accessToken, ProviderDecisionsDocument, { id: provider.providerId })).provider;
    expect(standing).toMatchObject({ verificationStatus: 'APPROVED', ownerErased: false, allowedDecisions: ['SUSPENDED'] });

    await eraseAccount(provider);
    expect(dataOf(await api.gqlAs(staff.accessToken, ProviderDecisionsDocument, { id: provider.providerId })).provider).toEqual({
      id: provider.providerId,
      verificationStatus: 'SUSPENDED',
      ownerErased: true,
      allowedDecisions: [],
    });
    const before = await footprint('provider', provider.providerId, provider.userId);
    expect(before).toMatchObject({ told: [{ notifications: 0, mails: 0 }] });

    for (const [decision, reason] of DECISIONS) {
      const refused = dataOf(await api.gqlAs(staff.accessToken, VerifyProviderDocument, { input: { providerId: provider.providerId, decision, reason } })).verifyProvider;
      expect(refused).toEqual({ ...OWNER_ERASED, field: 'input.providerId' });
    }
    expect(await footprint('provider', provider.providerId, provider.userId)).toEqual(before);
  });

  it('shows staff an erased facilitator with no decision left, and refuses to approve, reject or suspend it, writing and telling nothing', async () => {
    const owner = await signUp(api, 'FACILITATOR');
    const facilitatorId = member(dataOf(await api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput() })).registerFacilitator, 'Facilitator').id;
    member(dataOf(await api.gqlAs(staff.accessToken, DecideFacilitatorDocument, { input: { facilitatorId, decision: 'APPROVED' } })).verifyFacilitator, 'Facilitator');

    await eraseAccount(owner);
    expect(dataOf(await api.gqlAs(staff.accessToken, FacilitatorDecisionsDocument, { id: facilitatorId })).facilitator).toEqual({
      id: facilitatorId,
      verificationStatus: 'SUSPENDED',
      ownerErased: true,
      allowedDecisions: [],
    });
    const before = await footprint('facilitator', facilitatorId, owner.userId);

    for (const [decision, reason] of DECISIONS) {
      const refused = dataOf(await api.gqlAs(staff.accessToken, VerifyFacilitatorDocument, { input: { facilitatorId, decision, reason } })).verifyFacilitator;
      expect(refused).toEqual({ ...OWNER_ERASED, field: 'input.facilitatorId' });
    }
    expect(await footprint('facilitator', facilitatorId, owner.userId)).toEqual(before);
  });
});
