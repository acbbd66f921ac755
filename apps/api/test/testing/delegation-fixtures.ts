import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DataSource } from 'typeorm';
import { AnswerDelegationInvitationDocument, DecideFacilitatorDocument, InviteShopDocument, RegisterFacilitatorDocument } from '../gql/generated';
import { aFacilitatorInput, signUp, type SignedIn } from './fixtures';
import { shopIn } from './offer-fixtures';
import { dataOf, member, type GraphQLResponse, type TestApp } from './test-app';

export const TORINO = '001272';

export interface Facilitator extends SignedIn {
  facilitatorId: string;
  name: string;
}

/** A facilitator organisation with its account, approved by `staff` unless `decision` is null (left pending). */
export async function facilitatorAccount(api: TestApp, staff: SignedIn, decision: 'APPROVED' | null = 'APPROVED'): Promise<Facilitator> {
  const owner = await signUp(api, 'FACILITATOR');
  const name = `Ascom ${owner.userId.slice(0, 6)}`;
  const { registerFacilitator } = dataOf(await api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput({ name }) }));
  const facilitatorId = member(registerFacilitator, 'Facilitator').id;
  if (decision) await api.gqlAs(staff.accessToken, DecideFacilitatorDocument, { input: { facilitatorId, decision } });
  return { ...owner, facilitatorId, name };
}

/** A typed document sent by a facilitator naming the shop it acts for. */
export const actingFor = <R, V>(api: TestApp, who: SignedIn, shopId: string | null, document: TypedDocumentNode<R, V>, variables: V): Promise<GraphQLResponse<R>> =>
  api
    .gqlHttp(document, variables, { authorization: `Bearer ${who.accessToken}`, ...(shopId ? { 'x-on-behalf-of-shop': shopId } : {}) })
    .then((response) => response.body);

/** The code of the single-use link last e-mailed to this address. */
export async function linkSentTo(db: DataSource, email: string, path: 'delega' | 'rivendica'): Promise<string> {
  const [mail]: { text: string }[] = await db.query(`SELECT text FROM mail_message WHERE recipient = $1 ORDER BY created_at DESC LIMIT 1`, [email]);
  const found = new RegExp(`/${path}#([^\\s]+)`).exec(mail?.text ?? '');
  if (!found) throw new Error(`no /${path}# link was e-mailed to ${email}`);
  return found[1];
}

/** A shop in Torino that accepted the facilitator's e-mailed invitation. */
export async function delegatedShop(api: TestApp, db: DataSource, by: Facilitator): Promise<SignedIn & { shopId: string; delegationId: string }> {
  const shop = await shopIn(api, TORINO);
  const invited = await api.gqlAs(by.accessToken, InviteShopDocument, { input: { email: shop.email } });
  expect(invited.data?.inviteShop).toMatchObject({ __typename: 'Delegation', status: 'INVITED', shopId: null });
  const link = await linkSentTo(db, shop.email, 'delega');
  const accepted = member(dataOf(await api.gqlAs(shop.accessToken, AnswerDelegationInvitationDocument, { input: { link, accept: true } })).answerDelegationInvitation, 'Delegation');
  return { ...shop, delegationId: accepted.id };
}
