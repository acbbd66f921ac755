import { useTranslation } from 'react-i18next';

interface Contacts {
  contactsAvailable: boolean;
  contactEmail?: string | null;
  contactPhone?: string | null;
}

/** How to reach a match's shop, or why the provider no longer can (the API withholds them once the match is over). */
export function ShopContacts({ shop }: { shop: Contacts }) {
  const { t } = useTranslation();
  if (!shop.contactsAvailable) return <span data-testid="contacts-withheld">{t('matches.contactsWithheld')}</span>;
  return <>{[shop.contactEmail, shop.contactPhone].filter(Boolean).join(' · ')}</>;
}
