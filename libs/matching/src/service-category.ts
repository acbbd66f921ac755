/** The closed list of free digital services a provider can offer and a shop can ask for. */
export enum ServiceCategory {
  ONLINE_STORE = 'ONLINE_STORE',
  MARKETPLACE_LISTING = 'MARKETPLACE_LISTING',
  HOME_DELIVERY = 'HOME_DELIVERY',
  SHIPPING_LOGISTICS = 'SHIPPING_LOGISTICS',
  DIGITAL_PAYMENTS = 'DIGITAL_PAYMENTS',
  WEBSITE = 'WEBSITE',
  SOCIAL_MARKETING = 'SOCIAL_MARKETING',
  ONLINE_BOOKING = 'ONLINE_BOOKING',
  DIGITAL_SKILLS = 'DIGITAL_SKILLS',
  CONNECTIVITY = 'CONNECTIVITY',
  CYBERSECURITY = 'CYBERSECURITY',
}

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
