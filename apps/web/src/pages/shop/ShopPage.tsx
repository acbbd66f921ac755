import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { AccountPage, ProfileCard } from '../../components/AccountPage';
import { comunePlaceLabel } from '../../components/comune-choice';
import { MyShopDocument, type ShopFieldsFragment } from '../../gql/generated';
import { currentLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { PATHS } from '../../routes';
import { atecoLabel } from './ateco';
import { ShopForm } from './ShopForm';

function ShopProfile({ shop, onEdit }: { shop: ShopFieldsFragment; onEdit: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: [string, string][] = [
    [t('shop.fields.legalName'), shop.legalName],
    [t('shop.fields.tradingName'), shop.tradingName ?? '—'],
    [t('shop.fields.partitaIva'), shop.partitaIva],
    [t('shop.fields.sector'), atecoLabel(shop.atecoSection, shop.atecoDivision, currentLanguage())],
    [t('shop.fields.comune'), comunePlaceLabel(shop.comune)],
    [t('shop.fields.address'), shop.address],
    [t('shop.fields.employees'), format.number(shop.employees)],
    [t('shop.fields.contactEmail'), shop.contactEmail],
    [t('shop.fields.contactPhone'), shop.contactPhone ?? '—'],
  ];
  return <ProfileCard id="shop-profile-title" title={shop.tradingName ?? shop.legalName} rows={rows} editLabel={t('shop.edit')} onEdit={onEdit} />;
}

export function ShopPage() {
  const { t } = useTranslation();
  const { data, error } = useQuery(MyShopDocument);
  return (
    <AccountPage
      ns="shop"
      entity={data?.myShop}
      failed={error !== undefined}
      form={(shop, onDone, onCancel) => <ShopForm shop={shop} onDone={onDone} onCancel={onCancel} />}
      profile={(shop, onEdit) => <ShopProfile shop={shop} onEdit={onEdit} />}
      next={[
        { to: PATHS.shopNeeds, label: t('shop.nextLink') },
        { to: PATHS.shopRequests, label: t('shop.requestsLink') },
        { to: PATHS.shopMatches, label: t('shop.matchesLink') },
      ]}
    />
  );
}
