import { useTranslation } from 'react-i18next';

interface Contacts {
  contactsAvailable: boolean;
  contactEmail?: string | null;
  contactPhone?: string | null;
}

/**
 * How to reach a match's shop, or why the provider cannot: not yet while the shop waits for a place
 * (`waiting`), no longer once the match is over (the API withholds them).
 */
export function ShopContacts({ shop, waiting = false }: { shop: Contacts; waiting?: boolean }) {
  const { t } = useTranslation();
  if (!shop.contactsAvailable) return <span data-testid="contacts-withheld">{waiting ? t('matches.contactsOnceHeld') : t('matches.contactsWithheld')}</span>;
  return <>{[shop.contactEmail, shop.contactPhone].filter(Boolean).join(' · ')}</>;
}
