import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { StatusNotice } from '../../components/StatusNotice';
import { MyShopDocument, type ShopFieldsFragment } from '../../gql/generated';
import { currentLanguage } from '../../i18n';
import { PATHS } from '../../routes';
import { atecoLabel } from './ateco';
import { ShopForm } from './ShopForm';
import { comunePlaceLabel } from '../../components/comune-choice';

function ShopProfile({ shop, onEdit }: { shop: ShopFieldsFragment; onEdit: () => void }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('shop.fields.legalName'), shop.legalName],
    [t('shop.fields.tradingName'), shop.tradingName ?? '—'],
    [t('shop.fields.partitaIva'), shop.partitaIva],
    [t('shop.fields.sector'), atecoLabel(shop.atecoSection, shop.atecoDivision, currentLanguage())],
    [t('shop.fields.comune'), comunePlaceLabel(shop.comune)],
    [t('shop.fields.address'), shop.address],
    [t('shop.fields.employees'), String(shop.employees)],
    [t('shop.fields.contactEmail'), shop.contactEmail],
    [t('shop.fields.contactPhone'), shop.contactPhone ?? '—'],
  ];
  return (
    <section className="profile-card" aria-labelledby="shop-profile-title">
      <h2 id="shop-profile-title" className="h3">
        {shop.tradingName ?? shop.legalName}
      </h2>
      <dl className="profile-list">
        {rows.map(([label, value]) => (
          <div key={label} className="profile-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="btn btn-outline-primary" onClick={onEdit}>
        {t('shop.edit')}
      </button>
    </section>
  );
}

export function ShopPage() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(MyShopDocument);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState('');
  const shop = data?.myShop ?? null;

  const done = (message: string): void => {
    setEditing(false);
    setNotice(message);
  };

  let body;
  if (loading) body = <Loading />;
  else if (error) body = <p className="alert alert-danger">{t('errors.loadFailed')}</p>;
  else if (!shop) {
    body = (
      <>
        <p className="lead">{t('shop.registerLead')}</p>
        <ShopForm shop={null} onDone={done} />
      </>
    );
  } else if (editing) {
    body = (
      <>
        <h2 className="h3">{t('shop.editTitle')}</h2>
        <ShopForm shop={shop} onDone={done} onCancel={() => setEditing(false)} />
      </>
    );
  } else {
    body = (
      <>
        <ShopProfile shop={shop} onEdit={() => { setNotice(''); setEditing(true); }} />
        <div className="next-card mt-5">
          <h2 className="h4">{t('shop.nextTitle')}</h2>
          <p>{t('shop.nextText')}</p>
          <div className="d-flex flex-wrap gap-3">
            <Link className="btn btn-primary" to={PATHS.shopNeeds}>
              {t('shop.nextLink')}
            </Link>
            <Link className="btn btn-outline-primary" to={PATHS.shopRequests}>
              {t('shop.requestsLink')}
            </Link>
            <Link className="btn btn-outline-primary" to={PATHS.shopMatches}>
              {t('shop.matchesLink')}
            </Link>
          </div>
        </div>
      </>
    );
  }

  return (
    <>
      <PageTitle title={t('shop.title')}>{t('shop.title')}</PageTitle>
      <StatusNotice message={notice} />
      {body}
    </>
  );
}
