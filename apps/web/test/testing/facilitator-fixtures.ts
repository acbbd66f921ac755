import { randomUUID } from 'node:crypto';
import { DecideFacilitatorDocument, LoginDocument, RegisterFacilitatorDocument } from '../../../api/test/gql/generated';
import { aFacilitatorInput } from '../../../api/test/testing/fixtures';
import { dataOf, member } from '../../../api/test/testing/test-app';
import type { WebTestApp } from './web-app';

export interface ApprovedFacilitator {
  email: string;
  accessToken: string;
  facilitatorId: string;
  name: string;
}

/** A facilitator's account with its organisation, named `<prefix> <random>`, approved by ministry staff. */
export async function anApprovedFacilitator(web: WebTestApp, prefix = 'Confcommercio'): Promise<ApprovedFacilitator> {
  const staff = await web.staffUser();
  const staffSession = dataOf(await web.api.gql(LoginDocument, { input: { email: staff.email, password: staff.password } })).login;
  const owner = await web.signUp('FACILITATOR');
  const name = `${prefix} ${randomUUID().slice(0, 6)}`;
  const facilitatorId = member(dataOf(await web.api.gqlAs(owner.accessToken, RegisterFacilitatorDocument, { input: aFacilitatorInput({ name }) })).registerFacilitator, 'Facilitator').id;
  await web.api.gqlAs(staffSession.accessToken, DecideFacilitatorDocument, { input: { facilitatorId, decision: 'APPROVED' } });
  return { email: owner.email, accessToken: owner.accessToken, facilitatorId, name };
}
