import { RequestContext } from '../common/request-context';
import { PRIVACY_NOTICE_VERSION } from '../privacy/privacy-notice';
import { asFacilitator, facilitatorParty, offerHandover, paperShop } from '../testing/handover-fixture';
import { startTestCore, TestCore } from '../testing/test-core';
import { DelegationHandoverService } from './delegation-handover.service';
import { DelegationLinkService } from './delegation-link.service';

/** Each race runs this many times, on shops of its own: an interleaving that breaks the rules has many chances to show. */
const ROUNDS = 8;

describe('handovers answered at the same moment as something else (real PostgreSQL)', () => {
  let core: TestCore;
  let handovers: DelegationHandoverService;
  beforeAll(async () => {
    core = await startTestCore();
    handovers = core.app.get(DelegationHandoverService);
  });
  afterAll(() => core.close());

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => core.db.query(sql, params);
  const live = async (shopId: string): Promise<string[]> =>
    (await q<{ facilitator_id: string }>(`SELECT facilitator_id FROM delegation WHERE shop_id = $1 AND status = 'ACTIVE'`, [shopId])).map((row) => row.facilitator_id);
  const handover = async (id: string) => (await q<{ status: string; to_delegation_id: string | null }>(`SELECT status, to_delegation_id FROM delegation_handover WHERE id = $1`, [id]))[0];
  const auditCount = async (id: string, action: string): Promise<number> =>
    (await q<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = $2`, [id, action]))[0].n;

  it('two accepts of one handover at once: one takes the shop over, the other is told it is no longer pending; one delegation, one audit trail', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const giver = await facilitatorParty(core.db);
      const receiver = await facilitatorParty(core.db);
      const shop = await paperShop(core.db, giver.id);
      const id = await offerHandover(handovers, giver, shop, receiver);

      const answers = await Promise.all([handovers.answer(asFacilitator(receiver), id, true), handovers.answer(asFacilitator(receiver), id, true)]);
      expect(answers.map((answer) => answer.kind).sort()).toEqual(['handover', 'not-pending']);
      expect(answers.find((answer) => answer.kind === 'not-pending')).toEqual({ kind: 'not-pending', current: 'ACCEPTED' });
      expect(await live(shop.shopId)).toEqual([receiver.id]);
      expect(await q(`SELECT count(*)::int AS n FROM delegation WHERE shop_id = $1 AND facilitator_id = $2`, [shop.shopId, receiver.id])).toEqual([{ n: 1 }]);
      expect(await auditCount(id, 'delegation_handover.accepted')).toBe(1);
      expect(await auditCount(shop.delegationId, 'delegation.withdrawn')).toBe(1);
    }
  });

  it('an accept racing the giver’s withdrawal: exactly one of them wins, and the shop is acted for by exactly the facilitator the winner says', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const giver = await facilitatorParty(core.db);
      const receiver = await facilitatorParty(core.db);
      const shop = await paperShop(core.db, giver.id);
      const id = await offerHandover(handovers, giver, shop, receiver);

      const [accepted, withdrawn] = await Promise.all([handovers.answer(asFacilitator(receiver), id, true), handovers.withdraw(asFacilitator(giver), id)]);
      const state = await handover(id);
      if (accepted.kind === 'handover') {
        expect(withdrawn).toEqual({ kind: 'not-pending', current: 'ACCEPTED' });
        expect(state).toEqual({ status: 'ACCEPTED', to_delegation_id: expect.any(String) });
        expect(await live(shop.shopId)).toEqual([receiver.id]);
      } else {
        expect(accepted).toEqual({ kind: 'not-pending', current: 'WITHDRAWN' });
        expect(withdrawn).toMatchObject({ kind: 'handover', handover: { status: 'WITHDRAWN' } });
        expect(state).toEqual({ status: 'WITHDRAWN', to_delegation_id: null });
        expect(await live(shop.shopId)).toEqual([giver.id]);
        expect(await q(`SELECT id FROM delegation WHERE shop_id = $1 AND facilitator_id = $2`, [shop.shopId, receiver.id])).toEqual([]);
      }
    }
  });

  it('an accept racing the owner’s claim: the shop ends up with its owner and one delegation on the owner’s consent, whichever came first; a claim first calls the handover off', async () => {
    const links = core.app.get(DelegationLinkService);
    for (let round = 0; round < ROUNDS; round++) {
      const giver = await facilitatorParty(core.db);
      const receiver = await facilitatorParty(core.db);
      const shop = await paperShop(core.db, giver.id);
      const id = await offerHandover(handovers, giver, shop, receiver);

      const [accepted, claimed] = await Promise.all([
        handovers.answer(asFacilitator(receiver), id, true),
        links.claim(new RequestContext(`test-claim-${round}`, new Date()), { link: shop.link, password: 'una-password-lunga-titolare', privacyNoticeVersion: PRIVACY_NOTICE_VERSION }),
      ]);
      expect(claimed).toMatchObject({ kind: 'claimed', shopId: shop.shopId, email: shop.ownerEmail });
      const consents = await q(`SELECT facilitator_id, consent FROM delegation WHERE shop_id = $1 AND status = 'ACTIVE'`, [shop.shopId]);
      if (accepted.kind === 'handover') {
        // Taken over first: the claim followed the link to the receiver's delegation.
        expect(consents).toEqual([{ facilitator_id: receiver.id, consent: 'SHOP' }]);
      } else {
        // Claimed first: the claim called the handover off.
        expect(accepted).toEqual({ kind: 'not-pending', current: 'CANCELLED' });
        expect(consents).toEqual([{ facilitator_id: giver.id, consent: 'SHOP' }]);
        expect(await handover(id)).toEqual({ status: 'CANCELLED', to_delegation_id: null });
      }
      expect(await q(`SELECT owner_user_id IS NOT NULL AS owned FROM shop WHERE id = $1`, [shop.shopId])).toEqual([{ owned: true }]);
    }
  });

  it('two facilitators acting for one shop offering it at the same moment: one offer waits, the other is refused', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const first = await facilitatorParty(core.db);
      const second = await facilitatorParty(core.db);
      const shop = await paperShop(core.db, first.id);
      const [other] = await q<{ id: string }>(
        `INSERT INTO delegation (facilitator_id, shop_id, status, consent, paper_declared_on, activated_at) VALUES ($1, $2, 'ACTIVE', 'PAPER', current_date, now()) RETURNING id`,
        [second.id, shop.shopId],
      );
      const [toFirst, toSecond] = [await facilitatorParty(core.db), await facilitatorParty(core.db)];
      const offers = await Promise.all([
        handovers.offer(asFacilitator(first), { delegationId: shop.delegationId, toEmail: toFirst.email }),
        handovers.offer(asFacilitator(second), { delegationId: other.id, toEmail: toSecond.email }),
      ]);
      expect(offers.map((offer) => offer.kind).sort()).toEqual(['handover', 'handover-pending']);
      expect(await q(`SELECT count(*)::int AS n FROM delegation_handover WHERE shop_id = $1`, [shop.shopId])).toEqual([{ n: 1 }]);
    }
  });
});
