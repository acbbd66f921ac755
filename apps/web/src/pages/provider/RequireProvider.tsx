import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { MyProviderDocument, type ProviderFieldsFragment } from '../../gql/generated';
import { PATHS } from '../../routes';

/** Offers and applications need a registered organisation: until then, the way to register it. */
export function RequireProvider({ children }: { children: (provider: ProviderFieldsFragment) => ReactNode }) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(MyProviderDocument);
  if (loading) return <Loading />;
  if (error) return <p className="alert alert-danger">{t('errors.loadFailed')}</p>;
  if (!data?.myProvider) {
    return (
      <div className="next-card">
        <p>{t('offers.registerFirst')}</p>
        <Link className="btn btn-primary" to={PATHS.provider}>
          {t('offers.registerFirstLink')}
        </Link>
      </div>
    );
  }
  return children(data.myProvider);
}
