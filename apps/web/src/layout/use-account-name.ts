import { useQuery } from '@apollo/client/react';
import type { SessionUser } from '../auth/session-store';
import { MyFacilitatorDocument, MyProviderDocument, MyShopDocument } from '../gql/generated';

/**
 * Whom the signed-in person acts for, as the header names them: the shop's sign (or legal name),
 * the provider's or facilitator's name; the e-mail until the business is registered, and for ministry staff.
 * The same queries as the profile pages, so an edit there shows here at once.
 */
export function useAccountName(user: SessionUser): string {
  const shop = useQuery(MyShopDocument, { skip: user.role !== 'SHOP' }).data?.myShop;
  const provider = useQuery(MyProviderDocument, { skip: user.role !== 'PROVIDER' }).data?.myProvider;
  const facilitator = useQuery(MyFacilitatorDocument, { skip: user.role !== 'FACILITATOR' }).data?.myFacilitator;
  if (shop) return shop.tradingName ?? shop.legalName;
  if (provider) return provider.name;
  if (facilitator) return facilitator.name;
  // A facilitator acting for a shop: the banner below the header names the shop.
  return user.email;
}
