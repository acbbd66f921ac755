import { hashPassword } from '../auth/password-hasher';
import { UserRole } from '../auth/user-role';
import { RequestContext } from '../common/request-context';
import { MonitoringService } from '../monitoring/monitoring.service';
import { OfferCatalogueService } from '../offer/offer-catalogue.service';
import { CLOSED_ON_ERASURE_REASON } from '../provider/organisation-decision';
import { ProviderService } from '../provider/provider.service';
import { VerificationStatus } from '../provider/provider.types';
import { SeededProvider, seedOffer, seedProvider, seedUser } from '../testing/seed';
import { actingAs, startScratchCore, TestCore } from '../testing/test-core';
import { AccountErasureService } from './account-erasure.service';

describe('erasing a provider’s account (real PostgreSQL)', () => {
  let core: TestCore;
  let erasure: AccountErasureService;
  beforeAll(async () => {
    // A database of its own: the count of approved providers compared before and after is of every row.
    core = await startScratchCore();
    erasure = core.app.get(AccountErasureService);
  });
  afterAll(() => core.close());

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => core.db.query(sql, params);
  const password = 'una-password-lunga-fornitore';
  async function providerWithPassword(status: `${VerificationStatus}` = 'APPROVED'): Promise<SeededProvider> {
    const provider = await seedProvider(core.db, status);
    await q(`UPDATE user_account SET password_hash = $2 WHERE id = $1`, [provider.owner.userId, await hashPassword(password)]);
    return provider;
  }

  it('refuses a provider with open offers, then erases its account and keeps the organisation’s records', async () => {
    const provider = await providerWithPassword();
    const offerId = await seedOffer(core.db, provider.id);
    expect(await erasure.eraseOwnAccount(actingAs(provider.owner), password)).toEqual({ kind: 'refused', blockers: [{ kind: 'OPEN_OFFERS', count: 1 }] });
    await q(`UPDATE offer SET status = 'CLOSED' WHERE id = $1`, [offerId]);
    expect(await erasure.eraseOwnAccount(actingAs(provider.owner), password)).toMatchObject({ kind: 'erased' });
    expect(await q(`SELECT p.name, p.partita_iva ~ '^[0-9]{11}$' AS kept, u.email FROM provider p JOIN user_account u ON u.id = p.owner_user_id WHERE p.id = $1`, [provider.id])).toEqual([
      { name: 'Fornitore di prova', kept: true, email: `erased-${provider.owner.userId}@erased.invalid` },
    ]);
  });

  it('stops the provider’s company in the same transaction: suspended for good and audited, no longer counted as approved, its offers in no catalogue', async () => {
    const provider = await providerWithPassword();
    const closed = await seedOffer(core.db, provider.id);
    await seedOffer(core.db, provider.id, { status: 'DRAFT' });
    const staff = actingAs(await seedUser(core.db, UserRole.MINISTRY));
    const approved = async (): Promise<number> => (await core.app.get(MonitoringService).kpis(staff, {})).providersByStatus.APPROVED ?? 0;
    const listed = async (): Promise<string[]> =>
      (await core.app.get(OfferCatalogueService).list(RequestContext.system(), {}, { first: 1000, offset: 0 })).items.flatMap((offer) => (offer.providerId === provider.id ? [offer.id] : []));
    expect(await listed()).toEqual([closed]);

    // Refused while an offer is published: nothing changes.
    expect(await erasure.eraseOwnAccount(actingAs(provider.owner), password)).toMatchObject({ kind: 'refused' });
    expect(await q(`SELECT verification_status FROM provider WHERE id = $1`, [provider.id])).toEqual([{ verification_status: 'APPROVED' }]);
    await q(`UPDATE offer SET status = 'CLOSED' WHERE id = $1`, [closed]);
    const before = await approved();

    expect(await erasure.eraseOwnAccount(actingAs(provider.owner), password)).toMatchObject({ kind: 'erased' });

    expect(await q(`SELECT name, verification_status, verification_reason FROM provider WHERE id = $1`, [provider.id])).toEqual([
      { name: 'Fornitore di prova', verification_status: 'SUSPENDED', verification_reason: CLOSED_ON_ERASURE_REASON },
    ]);
    expect(await q(`SELECT actor_user_id, before, after FROM audit_event WHERE action = 'provider.closed' AND entity_id = $1`, [provider.id])).toEqual([
      {
        actor_user_id: provider.owner.userId,
        before: { verificationStatus: 'APPROVED', verificationReason: null },
        after: { verificationStatus: 'SUSPENDED', verificationReason: CLOSED_ON_ERASURE_REASON },
      },
    ]);
    expect(await approved()).toBe(before - 1);
    expect(await listed()).toEqual([]);
    // Nor would its offers come back: staff decide nothing more on it.
    expect(await core.app.get(ProviderService).verify(staff, { providerId: provider.id, decision: VerificationStatus.APPROVED })).toEqual({ kind: 'owner-erased' });
  });

  it('stops a provider awaiting verification too, and keeps staff’s decision on a rejected one', async () => {
    const erased = async (status: 'PENDING' | 'REJECTED'): Promise<unknown[]> => {
      const provider = await providerWithPassword(status);
      expect(await erasure.eraseOwnAccount(actingAs(provider.owner), password)).toMatchObject({ kind: 'erased' });
      return q(`SELECT verification_status, verification_reason FROM provider WHERE id = $1`, [provider.id]);
    };
    expect(await erased('PENDING')).toEqual([{ verification_status: 'SUSPENDED', verification_reason: CLOSED_ON_ERASURE_REASON }]);
    expect(await erased('REJECTED')).toEqual([{ verification_status: 'REJECTED', verification_reason: null }]);
  });
});
