import { RegisterShopDocument } from '../../../api/test/gql/generated';
import { aShopInput, signUp, type SignedIn } from '../../../api/test/testing/fixtures';
import { dataOf, member, type TestApp } from '../../../api/test/testing/test-app';

/** A shop account with its shop registered in the comune under a name of its own, to find it on a page. */
export async function shopNamed(api: TestApp, comuneCode: string, tradingName: string): Promise<SignedIn> {
  const owner = await signUp(api, 'SHOP');
  member(dataOf(await api.gqlAs(owner.accessToken, RegisterShopDocument, { input: aShopInput({ comuneCode, tradingName }) })).registerShop, 'Shop');
  return owner;
}
