import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireAccount } from '../../components/AccountPage';
import { MyProviderDocument, type ProviderFieldsFragment } from '../../gql/generated';
import { PATHS } from '../../routes';

/** Offers and applications need a registered organisation: until then, the way to register it. */
export function RequireProvider({ children }: { children: (provider: ProviderFieldsFragment) => ReactNode }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(MyProviderDocument);
  return (
    <RequireAccount
      entity={data?.myProvider}
      failed={error !== undefined}
      message={t('offers.registerFirst')}
      registerLabel={t('offers.registerFirstLink')}
      registerPath={PATHS.provider}
    >
      {children}
    </RequireAccount>
  );
}
