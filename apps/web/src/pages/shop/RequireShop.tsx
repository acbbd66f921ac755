import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireAccount } from '../../components/AccountPage';
import { MyShopDocument, type ShopFieldsFragment } from '../../gql/generated';
import { PATHS } from '../../routes';

/** Requests and services need a registered shop: until then, the way to register it. */
export function RequireShop({ children }: { children: (shop: ShopFieldsFragment) => ReactNode }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(MyShopDocument);
  return (
    <RequireAccount
      entity={data?.myShop}
      failed={error !== undefined}
      message={t('requests.registerFirst')}
      registerLabel={t('requests.registerFirstLink')}
      registerPath={PATHS.shop}
    >
      {children}
    </RequireAccount>
  );
}
