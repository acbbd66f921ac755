import { ServiceCategory } from '@vec/matching';

/** The services' names, as people read them (the engine knows only the codes). */
export interface CategoryLabels {
  it: string;
  en: string;
}

export const SERVICE_CATEGORY_LABELS: Readonly<Record<ServiceCategory, CategoryLabels>> = {
  [ServiceCategory.ONLINE_STORE]: { it: 'Negozio online', en: 'Online store' },
  [ServiceCategory.MARKETPLACE_LISTING]: { it: 'Vendita su marketplace', en: 'Marketplace listing' },
  [ServiceCategory.HOME_DELIVERY]: { it: 'Consegna a domicilio', en: 'Home delivery' },
  [ServiceCategory.SHIPPING_LOGISTICS]: { it: 'Spedizioni e logistica', en: 'Shipping & logistics' },
  [ServiceCategory.DIGITAL_PAYMENTS]: { it: 'Pagamenti digitali', en: 'Digital payments' },
  [ServiceCategory.WEBSITE]: { it: 'Sito web', en: 'Website' },
  [ServiceCategory.SOCIAL_MARKETING]: { it: 'Social e marketing digitale', en: 'Social & digital marketing' },
  [ServiceCategory.ONLINE_BOOKING]: { it: 'Prenotazioni e ordini online', en: 'Online booking & ordering' },
  [ServiceCategory.DIGITAL_SKILLS]: { it: 'Formazione sulle competenze digitali', en: 'Digital-skills training' },
  [ServiceCategory.CONNECTIVITY]: { it: 'Connettività', en: 'Connectivity' },
  [ServiceCategory.CYBERSECURITY]: { it: 'Sicurezza informatica', en: 'Cybersecurity' },
};
