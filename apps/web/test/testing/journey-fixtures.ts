import { aShopInput, REGISTER_SHOP, signUp, type SignedIn } from '../../../api/test/testing/fixtures';
import type { TestApp } from '../../../api/test/testing/test-app';

/** A shop account with its shop registered in the comune under a name of its own, to find it on a page. */
export async function shopNamed(api: TestApp, comuneCode: string, tradingName: string): Promise<SignedIn> {
  const owner = await signUp(api, 'SHOP');
  const { errors } = await api.gqlAs(owner.accessToken, REGISTER_SHOP, { input: aShopInput({ comuneCode, tradingName }) });
  if (errors) throw new Error(`registerShop failed: ${JSON.stringify(errors)}`);
  return owner;
}
