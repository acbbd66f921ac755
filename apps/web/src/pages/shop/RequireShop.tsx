import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { MyShopDocument, type ShopFieldsFragment } from '../../gql/generated';
import { PATHS } from '../../routes';

/** Requests and services need a registered shop: until then, the way to register it. */
export function RequireShop({ children }: { children: (shop: ShopFieldsFragment) => ReactNode }) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(MyShopDocument);
  if (loading) return <Loading />;
  if (error) return <p className="alert alert-danger">{t('errors.loadFailed')}</p>;
  if (!data?.myShop) {
    return (
      <div className="next-card">
        <p>{t('requests.registerFirst')}</p>
        <Link className="btn btn-primary" to={PATHS.shop}>
          {t('requests.registerFirstLink')}
        </Link>
      </div>
    );
  }
  return children(data.myShop);
}
