import { hashPassword } from '../auth/password-hasher';
import { UserRole } from '../auth/user-role';
import { RequestContext } from '../common/request-context';
import { AccountErasureService } from '../privacy/account-erasure.service';
import { PRIVACY_NOTICE_VERSION } from '../privacy/privacy-notice';
import { ShopService } from '../shop/shop.service';
import { asFacilitator, facilitatorParty, FacilitatorParty, offerHandover, paperShop, PaperShop } from '../testing/handover-fixture';
import { seedUser } from '../testing/seed';
import { startTestCore, TestCore } from '../testing/test-core';
import { DelegationHandoverService, HandoverOutcome } from './delegation-handover.service';
import { DelegationLinkService } from './delegation-link.service';
import { DelegationException } from './delegation.exception';
import { DelegationService } from './delegation.service';

describe('handing a shop registered on paper over to another facilitator (real PostgreSQL)', () => {
  let core: TestCore;
  let handovers: DelegationHandoverService;
  beforeAll(async () => {
    core = await startTestCore();
    handovers = core.app.get(DelegationHandoverService);
  });
  afterAll(() => core.close());

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => core.db.query(sql, params);
  const kinds = (outcome: HandoverOutcome): string => outcome.kind;
  const liveDelegations = (shopId: string) => q(`SELECT facilitator_id, consent FROM delegation WHERE shop_id = $1 AND status = 'ACTIVE'`, [shopId]);
  const notices = (userId: string) => q(`SELECT kind, params FROM notification WHERE user_id = $1 ORDER BY created_at, id`, [userId]);
  const events = (entityId: string) => q(`SELECT action, actor_user_id, before, after FROM audit_event WHERE entity_id = $1 ORDER BY id`, [entityId]);
  const actsFor = (party: FacilitatorParty, shopId: string): Promise<boolean> => core.app.get(ShopService).actsFor(asFacilitator(party).onBehalfOf(shopId), shopId);

  it('offered by the address the receiver signs in with, accepted: the receiver acts for the shop under the same paper consent, the giver no longer, both told, all audited', async () => {
    const giver = await facilitatorParty(core.db, 'APPROVED', 'Confcommercio');
    const receiver = await facilitatorParty(core.db, 'APPROVED', 'CNA');
    const shop = await paperShop(core.db, giver.id);
    const [before] = await q<{ link_secret_hash: string }>(`SELECT link_secret_hash FROM delegation WHERE id = $1`, [shop.delegationId]);

    const offer = await handovers.offer(asFacilitator(giver), { delegationId: shop.delegationId, toEmail: receiver.email });
    expect(offer).toEqual({
      kind: 'handover',
      handover: expect.objectContaining({ status: 'PENDING', shopId: shop.shopId, fromDelegationId: shop.delegationId, fromFacilitatorName: giver.name, toFacilitatorName: receiver.name, toDelegationId: null, shopClaimed: false, paperDeclaredOn: '2026-11-30', comuneName: 'Torino' }),
    });
    const id = offer.kind === 'handover' ? offer.handover.id : '';
    expect((await handovers.pending(asFacilitator(receiver), 'INCOMING', { first: 10, offset: 0 })).items.map((row) => row.id)).toEqual([id]);
    expect((await handovers.pending(asFacilitator(giver), 'OUTGOING', { first: 10, offset: 0 })).items.map((row) => row.id)).toEqual([id]);
    expect((await handovers.pending(asFacilitator(giver), 'INCOMING', { first: 10, offset: 0 })).items).toEqual([]);
    const desk = await core.app.get(DelegationService).deskShops(asFacilitator(giver), {}, { first: 100, offset: 0 });
    expect(desk.items.find((row) => row.shopId === shop.shopId)?.pendingHandover).toEqual({ id, toFacilitatorName: receiver.name, createdAt: expect.any(Date) });
    // Nothing changes for the shop until the receiver answers.
    expect(await liveDelegations(shop.shopId)).toEqual([{ facilitator_id: giver.id, consent: 'PAPER' }]);

    const accepted = await handovers.answer(asFacilitator(receiver), id, true);
    expect(accepted).toMatchObject({ kind: 'handover', handover: { status: 'ACCEPTED', decidedAt: expect.any(Date) } });
    const taken = accepted.kind === 'handover' ? (accepted.handover.toDelegationId ?? '') : '';
    expect(await q(`SELECT facilitator_id, status, consent, to_char(paper_declared_on, 'YYYY-MM-DD') AS declared, invited_email, link_secret_hash, external_key FROM delegation WHERE id = $1`, [taken])).toEqual([
      { facilitator_id: receiver.id, status: 'ACTIVE', consent: 'PAPER', declared: '2026-11-30', invited_email: shop.ownerEmail, link_secret_hash: before.link_secret_hash, external_key: null },
    ]);
    expect(await q(`SELECT status, ended_by_user_id, link_secret_hash FROM delegation WHERE id = $1`, [shop.delegationId])).toEqual([
      { status: 'WITHDRAWN', ended_by_user_id: giver.owner.userId, link_secret_hash: null },
    ]);
    expect(await liveDelegations(shop.shopId)).toEqual([{ facilitator_id: receiver.id, consent: 'PAPER' }]);
    expect(await actsFor(receiver, shop.shopId)).toBe(true);
    // The giver's header names a shop it no longer acts for: refused, naming the header.
    await expect(actsFor(giver, shop.shopId)).rejects.toMatchObject({ code: 'SHOP_NOT_FOUND', field: 'X-On-Behalf-Of-Shop' });

    expect(await events(shop.delegationId)).toEqual([
      expect.objectContaining({ action: 'delegation.withdrawn', actor_user_id: receiver.owner.userId, after: { status: 'WITHDRAWN', shopId: shop.shopId, facilitatorId: giver.id, reason: 'HANDED_OVER' } }),
    ]);
    expect(await events(taken)).toEqual([
      expect.objectContaining({
        action: 'delegation.taken_over',
        after: { status: 'ACTIVE', shopId: shop.shopId, facilitatorId: receiver.id, consent: 'PAPER', paperDeclaredOn: '2026-11-30', fromDelegationId: shop.delegationId, handoverId: id },
      }),
    ]);
    expect((await events(id)).map((event) => [event.action, event.actor_user_id])).toEqual([
      ['delegation_handover.offered', giver.owner.userId],
      ['delegation_handover.accepted', receiver.owner.userId],
    ]);
    const told = (status: string, facilitatorName: string) => ({ kind: 'DELEGATION_HANDOVER', params: { shopName: expect.any(String), facilitatorName, status, audience: 'FACILITATOR' } });
    expect(await notices(receiver.owner.userId)).toEqual([told('OFFERED', giver.name), told('TAKEN_OVER', giver.name)]);
    expect(await notices(giver.owner.userId)).toEqual([told('ACCEPTED', receiver.name)]);
    expect((await handovers.pending(asFacilitator(receiver), 'INCOMING', { first: 10, offset: 0 })).items).toEqual([]);
    const receiverDesk = await core.app.get(DelegationService).deskShops(asFacilitator(receiver), {}, { first: 100, offset: 0 });
    expect(receiverDesk.items.find((row) => row.shopId === shop.shopId)).toMatchObject({ delegationId: taken, consent: 'PAPER', unclaimed: true, pendingHandover: null });
  });

  it('keeps the owner’s claim link working: it names the facilitator acting now and the one that registered the shop, and claiming makes the new delegation the owner’s', async () => {
    const giver = await facilitatorParty(core.db);
    const receiver = await facilitatorParty(core.db);
    const shop = await paperShop(core.db, giver.id);
    const id = await offerHandover(handovers, giver, shop, receiver);
    await handovers.answer(asFacilitator(receiver), id, true);
    const links = core.app.get(DelegationLinkService);

    const anonymous = new RequestContext('test-claim', new Date());
    expect(await links.preview(anonymous, shop.link)).toMatchObject({ purpose: 'CLAIM', facilitator: { id: receiver.id }, registeredBy: { id: giver.id }, email: shop.ownerEmail, paperDeclaredOn: '2026-11-30' });
    const claimed = await links.claim(anonymous, { link: shop.link, password: 'una-password-lunga-titolare', privacyNoticeVersion: PRIVACY_NOTICE_VERSION });
    expect(claimed).toMatchObject({ kind: 'claimed', shopId: shop.shopId, email: shop.ownerEmail });
    expect(await liveDelegations(shop.shopId)).toEqual([{ facilitator_id: receiver.id, consent: 'SHOP' }]);
    expect((await notices(receiver.owner.userId)).map((notice) => notice.params)).toContainEqual(expect.objectContaining({ status: 'CLAIMED' }));
    // Used once: the link is spent.
    await expect(links.claim(anonymous, { link: shop.link, password: 'una-password-lunga-titolare', privacyNoticeVersion: PRIVACY_NOTICE_VERSION })).rejects.toBeInstanceOf(DelegationException);
  });

  it('calls off a pending handover when the owner claims the shop: the giver keeps acting on the owner’s consent, both organisations told, audited', async () => {
    const giver = await facilitatorParty(core.db);
    const receiver = await facilitatorParty(core.db);
    const shop = await paperShop(core.db, giver.id);
    const id = await offerHandover(handovers, giver, shop, receiver);
    const links = core.app.get(DelegationLinkService);

    const claimed = await links.claim(new RequestContext('test-claim', new Date()), { link: shop.link, password: 'una-password-lunga-titolare', privacyNoticeVersion: PRIVACY_NOTICE_VERSION });
    expect(claimed).toMatchObject({ kind: 'claimed', shopId: shop.shopId });
    expect(await q(`SELECT status, decided_by_user_id, to_delegation_id FROM delegation_handover WHERE id = $1`, [id])).toEqual([
      { status: 'CANCELLED', decided_by_user_id: null, to_delegation_id: null },
    ]);
    expect(await liveDelegations(shop.shopId)).toEqual([{ facilitator_id: giver.id, consent: 'SHOP' }]);
    expect((await events(id)).map((event) => [event.action, event.after])).toEqual([
      ['delegation_handover.offered', expect.objectContaining({ status: 'PENDING' })],
      ['delegation_handover.cancelled', { status: 'CANCELLED', reason: 'SHOP_CLAIMED' }],
    ]);
    const told = (facilitatorName: string) => expect.objectContaining({ kind: 'DELEGATION_HANDOVER', params: expect.objectContaining({ status: 'SHOP_CLAIMED', facilitatorName }) });
    expect(await notices(receiver.owner.userId)).toEqual([expect.objectContaining({ params: expect.objectContaining({ status: 'OFFERED' }) }), told(giver.name)]);
    expect(await notices(giver.owner.userId)).toContainEqual(told(receiver.name));
    expect((await handovers.pending(asFacilitator(receiver), 'INCOMING', { first: 10, offset: 0 })).items).toEqual([]);
    expect((await handovers.pending(asFacilitator(giver), 'OUTGOING', { first: 10, offset: 0 })).items).toEqual([]);
    expect(await handovers.answer(asFacilitator(receiver), id, true)).toEqual({ kind: 'not-pending', current: 'CANCELLED' });
    expect(await handovers.withdraw(asFacilitator(giver), id)).toEqual({ kind: 'not-pending', current: 'CANCELLED' });
  });

  it('declined: only the handover changes, the giver is told and may offer the shop again', async () => {
    const giver = await facilitatorParty(core.db);
    const receiver = await facilitatorParty(core.db);
    const shop = await paperShop(core.db, giver.id);
    const id = await offerHandover(handovers, giver, shop, receiver);
    const delegations = () => q(`SELECT id, facilitator_id, status, link_secret_hash FROM delegation WHERE shop_id = $1 ORDER BY id`, [shop.shopId]);
    const before = await delegations();

    expect(await handovers.answer(asFacilitator(receiver), id, false)).toMatchObject({ kind: 'handover', handover: { status: 'DECLINED', toDelegationId: null } });
    expect(await delegations()).toEqual(before);
    expect((await events(id)).map((event) => event.action)).toEqual(['delegation_handover.offered', 'delegation_handover.declined']);
    expect((await notices(giver.owner.userId)).map((notice) => notice.params)).toEqual([expect.objectContaining({ status: 'DECLINED', facilitatorName: receiver.name })]);
    expect(kinds(await handovers.answer(asFacilitator(receiver), id, true))).toBe('not-pending');
    expect(kinds(await handovers.offer(asFacilitator(giver), { delegationId: shop.delegationId, toEmail: receiver.email }))).toBe('handover');
  });

  it('withdrawn by the giver while pending: the receiver is told and can no longer accept; a stranger can neither withdraw nor answer it', async () => {
    const giver = await facilitatorParty(core.db);
    const receiver = await facilitatorParty(core.db);
    const stranger = await facilitatorParty(core.db);
    const shop = await paperShop(core.db, giver.id);
    const id = await offerHandover(handovers, giver, shop, receiver);

    await expect(handovers.withdraw(asFacilitator(stranger), id)).rejects.toMatchObject({ code: 'HANDOVER_NOT_FOUND', field: 'input.handoverId' });
    await expect(handovers.withdraw(asFacilitator(receiver), id)).rejects.toMatchObject({ code: 'HANDOVER_NOT_FOUND' });
    await expect(handovers.answer(asFacilitator(stranger), id, true)).rejects.toMatchObject({ code: 'HANDOVER_NOT_FOUND' });
    await expect(handovers.answer(asFacilitator(giver), id, true)).rejects.toMatchObject({ code: 'HANDOVER_NOT_FOUND' });

    expect(await handovers.withdraw(asFacilitator(giver), id)).toMatchObject({ kind: 'handover', handover: { status: 'WITHDRAWN' } });
    expect((await notices(receiver.owner.userId)).map((notice) => notice.params)).toEqual([
      expect.objectContaining({ status: 'OFFERED' }),
      expect.objectContaining({ status: 'WITHDRAWN', facilitatorName: giver.name }),
    ]);
    expect(await handovers.answer(asFacilitator(receiver), id, true)).toEqual({ kind: 'not-pending', current: 'WITHDRAWN' });
    expect(await handovers.withdraw(asFacilitator(giver), id)).toEqual({ kind: 'not-pending', current: 'WITHDRAWN' });
    expect(await liveDelegations(shop.shopId)).toEqual([{ facilitator_id: giver.id, consent: 'PAPER' }]);
  });

  it('refuses an offer, writing nothing: unknown or shared address, oneself, a receiver not approved, suspended or erased, one already acting, a second pending offer', async () => {
    const giver = await facilitatorParty(core.db);
    const shop = await paperShop(core.db, giver.id);
    const offer = (toEmail: string) => handovers.offer(asFacilitator(giver), { delegationId: shop.delegationId, toEmail });

    expect(await offer('nessuno-qui@example.it')).toEqual({ kind: 'receiver-unknown', ambiguous: false });
    const [first, second] = [await facilitatorParty(core.db), await facilitatorParty(core.db)];
    await q(`UPDATE facilitator SET contact_email = $2 WHERE id = ANY($1)`, [[first.id, second.id], `condiviso-${shop.shopId}@example.it`]);
    expect(await offer(`condiviso-${shop.shopId}@example.it`)).toEqual({ kind: 'receiver-unknown', ambiguous: true });
    // The sign-in address names one organisation, whatever others use as contact.
    await q(`UPDATE facilitator SET contact_email = $2 WHERE id = $1`, [second.id, first.email]);
    expect(kinds(await offer(first.email))).toBe('handover');
    await handovers.withdraw(asFacilitator(giver), (await handovers.pending(asFacilitator(giver), 'OUTGOING', { first: 1, offset: 0 })).items[0].id);

    expect(await offer(giver.email)).toEqual({ kind: 'to-self' });
    expect(await offer(giver.contactEmail)).toEqual({ kind: 'to-self' });
    for (const status of ['PENDING', 'REJECTED', 'SUSPENDED'] as const) expect(await offer((await facilitatorParty(core.db, status)).email)).toEqual({ kind: 'receiver-not-approved' });
    // An organisation whose account was erased: its sign-in address is gone, its contact address names a closed organisation.
    const erased = await facilitatorParty(core.db, 'SUSPENDED');
    await q(`UPDATE user_account SET email = $2, erased_at = now() WHERE id = $1`, [erased.owner.userId, `erased-${erased.owner.userId}@erased.invalid`]);
    expect(await offer(erased.email)).toEqual({ kind: 'receiver-unknown', ambiguous: false });
    expect(await offer(erased.contactEmail)).toEqual({ kind: 'receiver-not-approved' });
    const alsoActing = await facilitatorParty(core.db);
    await q(`INSERT INTO delegation (facilitator_id, shop_id, status, consent, paper_declared_on, activated_at) VALUES ($1, $2, 'ACTIVE', 'PAPER', current_date, now())`, [alsoActing.id, shop.shopId]);
    expect(await offer(alsoActing.email)).toEqual({ kind: 'already-delegated' });
    expect(await q(`SELECT id FROM delegation_handover WHERE shop_id = $1 AND status = 'PENDING'`, [shop.shopId])).toEqual([]);

    const receiver = await facilitatorParty(core.db);
    await offerHandover(handovers, giver, shop, receiver);
    expect(await offer((await facilitatorParty(core.db)).email)).toEqual({ kind: 'handover-pending' });
    // The other facilitator acting for the shop cannot offer it meanwhile either: one pending handover per shop.
    const [other] = await q<{ id: string }>(`SELECT id FROM delegation WHERE facilitator_id = $1 AND shop_id = $2`, [alsoActing.id, shop.shopId]);
    expect(await handovers.offer(asFacilitator(alsoActing), { delegationId: other.id, toEmail: (await facilitatorParty(core.db)).email })).toEqual({ kind: 'handover-pending' });
    expect(await q(`SELECT count(*)::int AS n FROM delegation_handover WHERE shop_id = $1 AND status = 'PENDING'`, [shop.shopId])).toEqual([{ n: 1 }]);
  });

  it('refuses to offer a shop the giver does not act for, or one its owner has claimed; another facilitator’s delegation does not exist for it', async () => {
    const giver = await facilitatorParty(core.db);
    const receiver = await facilitatorParty(core.db);
    const ended = await paperShop(core.db, giver.id);
    await q(`UPDATE delegation SET status = 'WITHDRAWN', ended_at = now() WHERE id = $1`, [ended.delegationId]);
    expect(await handovers.offer(asFacilitator(giver), { delegationId: ended.delegationId, toEmail: receiver.email })).toEqual({ kind: 'not-acting', giver: 'SELF' });

    const claimed = await paperShop(core.db, giver.id);
    await q(`UPDATE shop SET owner_user_id = $2 WHERE id = $1`, [claimed.shopId, (await seedUser(core.db, UserRole.SHOP)).userId]);
    expect(await handovers.offer(asFacilitator(giver), { delegationId: claimed.delegationId, toEmail: receiver.email })).toEqual({ kind: 'shop-claimed' });

    const theirs = await paperShop(core.db, receiver.id);
    await expect(handovers.offer(asFacilitator(giver), { delegationId: theirs.delegationId, toEmail: receiver.email })).rejects.toMatchObject({ code: 'DELEGATION_NOT_FOUND', field: 'input.delegationId' });
    expect(await q(`SELECT id FROM delegation_handover WHERE shop_id = ANY($1)`, [[ended.shopId, claimed.shopId, theirs.shopId]])).toEqual([]);
  });

  it('refuses to accept, changing nothing, once the owner claimed the shop, the giver stopped acting for it, the receiver was suspended, or another way made it act for the shop already', async () => {
    const giver = await facilitatorParty(core.db);
    const receiver = await facilitatorParty(core.db);
    const setUp = async (): Promise<{ shop: PaperShop; id: string }> => {
      const shop = await paperShop(core.db, giver.id);
      return { shop, id: await offerHandover(handovers, giver, shop, receiver) };
    };
    const unchanged = async ({ shop, id }: { shop: PaperShop; id: string }, live: string[]) => {
      expect(await q(`SELECT status, to_delegation_id FROM delegation_handover WHERE id = $1`, [id])).toEqual([{ status: 'PENDING', to_delegation_id: null }]);
      expect((await liveDelegations(shop.shopId)).map((row) => row.facilitator_id).sort()).toEqual(live.sort());
    };

    const claimed = await setUp();
    await q(`UPDATE shop SET owner_user_id = $2 WHERE id = $1`, [claimed.shop.shopId, (await seedUser(core.db, UserRole.SHOP)).userId]);
    expect(await handovers.answer(asFacilitator(receiver), claimed.id, true)).toEqual({ kind: 'shop-claimed' });
    await unchanged(claimed, [giver.id]);
    expect(await handovers.pending(asFacilitator(receiver), 'INCOMING', { first: 10, offset: 0 })).toMatchObject({ items: [{ id: claimed.id, shopClaimed: true }] });
    expect(kinds(await handovers.answer(asFacilitator(receiver), claimed.id, false))).toBe('handover');

    const stopped = await setUp();
    await q(`UPDATE delegation SET status = 'WITHDRAWN', ended_at = now() WHERE id = $1`, [stopped.shop.delegationId]);
    expect(await handovers.answer(asFacilitator(receiver), stopped.id, true)).toEqual({ kind: 'not-acting', giver: 'OTHER' });
    await unchanged(stopped, []);

    const acting = await setUp();
    await q(`INSERT INTO delegation (facilitator_id, shop_id, status, consent, paper_declared_on, activated_at) VALUES ($1, $2, 'ACTIVE', 'PAPER', current_date, now())`, [receiver.id, acting.shop.shopId]);
    expect(await handovers.answer(asFacilitator(receiver), acting.id, true)).toEqual({ kind: 'already-delegated' });
    await unchanged(acting, [giver.id, receiver.id]);

    const suspended = await setUp();
    await q(`UPDATE facilitator SET verification_status = 'SUSPENDED' WHERE id = $1`, [receiver.id]);
    expect(await handovers.answer(asFacilitator(receiver), suspended.id, true)).toEqual({ kind: 'not-approved' });
    await unchanged(suspended, [giver.id]);
    // Declining needs no approval.
    expect(kinds(await handovers.answer(asFacilitator(receiver), suspended.id, false))).toBe('handover');
    await q(`UPDATE facilitator SET verification_status = 'APPROVED' WHERE id = $1`, [receiver.id]);
  });

  it('is called off when the receiver erases its account: the giver is told and keeps acting for the shop', async () => {
    const giver = await facilitatorParty(core.db);
    const receiver = await facilitatorParty(core.db);
    const shop = await paperShop(core.db, giver.id);
    const id = await offerHandover(handovers, giver, shop, receiver);
    await q(`UPDATE user_account SET password_hash = $2 WHERE id = $1`, [receiver.owner.userId, await hashPassword('una-password-lunga-ricevente')]);

    expect(await core.app.get(AccountErasureService).eraseOwnAccount(asFacilitator(receiver), 'una-password-lunga-ricevente')).toMatchObject({ kind: 'erased' });
    expect(await q(`SELECT status, decided_by_user_id FROM delegation_handover WHERE id = $1`, [id])).toEqual([{ status: 'CANCELLED', decided_by_user_id: null }]);
    expect((await events(id)).map((event) => [event.action, event.after])).toEqual([
      ['delegation_handover.offered', expect.anything()],
      ['delegation_handover.cancelled', { status: 'CANCELLED', reason: 'ACCOUNT_ERASED' }],
    ]);
    expect((await notices(giver.owner.userId)).map((notice) => notice.params)).toEqual([expect.objectContaining({ status: 'CANCELLED', facilitatorName: receiver.name })]);
    expect(await liveDelegations(shop.shopId)).toEqual([{ facilitator_id: giver.id, consent: 'PAPER' }]);
  });
});
