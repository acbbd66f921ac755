import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import type { DelegationHandoverService } from '../delegation/delegation-handover.service';
import { linkToken, newLinkSecret } from '../delegation/delegation-link';
import type { VerificationStatus } from '../provider/provider.types';
import { seedFacilitator, seedShops, SeededFacilitator } from './seed';
import { actingAs } from './test-core';

/** A facilitator organisation with the address its account signs in with, and its own contact address. */
export interface FacilitatorParty extends SeededFacilitator {
  name: string;
  email: string;
  contactEmail: string;
}

/** A shop registered on paper, not claimed, with its delegation and the claim link its owner was sent. */
export interface PaperShop {
  shopId: string;
  delegationId: string;
  ownerEmail: string;
  link: string;
}

export async function facilitatorParty(db: DataSource, status: `${VerificationStatus}` = 'APPROVED', prefix = 'Ascom'): Promise<FacilitatorParty> {
  const name = `${prefix} ${randomUUID().slice(0, 8)}`;
  const facilitator = await seedFacilitator(db, status, name);
  const contactEmail = `sportello-${randomUUID()}@example.it`;
  await db.query(`UPDATE facilitator SET contact_email = $2 WHERE id = $1`, [facilitator.id, contactEmail]);
  const [{ email }] = await db.query(`SELECT email FROM user_account WHERE id = $1`, [facilitator.owner.userId]);
  return { ...facilitator, name, email, contactEmail };
}

/** As registerShopOnPaper leaves it: no owner's account, one live PAPER delegation with a claim link valid for 30 days. */
export async function paperShop(db: DataSource, facilitatorId: string): Promise<PaperShop> {
  const [shop] = await seedShops(db, 1);
  await db.query(`UPDATE shop SET owner_user_id = NULL, trading_name = $2 WHERE id = $1`, [shop.id, `Bottega ${randomUUID().slice(0, 8)}`]);
  const ownerEmail = `titolare-${randomUUID()}@example.it`;
  const secret = newLinkSecret();
  const [{ id }] = await db.query(
    `INSERT INTO delegation (facilitator_id, shop_id, status, consent, paper_declared_on, invited_email, link_secret_hash, link_expires_at, activated_at)
     VALUES ($1, $2, 'ACTIVE', 'PAPER', '2026-11-30', $3, $4, now() + interval '30 days', now()) RETURNING id`,
    [facilitatorId, shop.id, ownerEmail, secret.hash],
  );
  return { shopId: shop.id, delegationId: id, ownerEmail, link: linkToken(id, secret.secret) };
}

/** The facilitator's owner, signed in. */
export const asFacilitator = (party: FacilitatorParty): RequestContext => actingAs(party.owner);

/** The giver offers the shop to the receiver; returns the handover's id (a refusal fails the test). */
export async function offerHandover(handovers: DelegationHandoverService, giver: FacilitatorParty, shop: PaperShop, receiver: FacilitatorParty): Promise<string> {
  const outcome = await handovers.offer(asFacilitator(giver), { delegationId: shop.delegationId, toEmail: receiver.email });
  if (outcome.kind !== 'handover') throw new Error(`offer refused: ${outcome.kind}`);
  return outcome.handover.id;
}
