import { ServiceCategory } from '../service-category';

/** The platform's order of categories (the enum's). */
const CATEGORY_ORDER: readonly ServiceCategory[] = Object.values(ServiceCategory);

/**
 * The needs questionnaire: plain questions a shopkeeper can answer ("do you want to sell online?"),
 * each pointing to the service categories that meet it. One source for the web app and every
 * integrator (served by the API); the words live with the server's other texts.
 */
export const NEED_CODES = ['SELL_ONLINE', 'HOME_DELIVERY', 'SHIPPING', 'CARD_PAYMENTS', 'SOCIAL', 'WEBSITE', 'BOOKINGS', 'SKILLS', 'CONNECTIVITY', 'SECURITY'] as const;

export type NeedCode = (typeof NEED_CODES)[number];

export const CATEGORIES_FOR_NEED: Readonly<Record<NeedCode, readonly ServiceCategory[]>> = {
  SELL_ONLINE: [ServiceCategory.ONLINE_STORE, ServiceCategory.MARKETPLACE_LISTING],
  HOME_DELIVERY: [ServiceCategory.HOME_DELIVERY],
  SHIPPING: [ServiceCategory.SHIPPING_LOGISTICS],
  CARD_PAYMENTS: [ServiceCategory.DIGITAL_PAYMENTS],
  SOCIAL: [ServiceCategory.SOCIAL_MARKETING],
  WEBSITE: [ServiceCategory.WEBSITE],
  BOOKINGS: [ServiceCategory.ONLINE_BOOKING],
  SKILLS: [ServiceCategory.DIGITAL_SKILLS],
  CONNECTIVITY: [ServiceCategory.CONNECTIVITY],
  SECURITY: [ServiceCategory.CYBERSECURITY],
};

/** The categories the answers call for, each once, in the platform's order of categories. */
export function categoriesForNeeds(answers: readonly NeedCode[]): ServiceCategory[] {
  const wanted = new Set(answers.flatMap((need) => CATEGORIES_FOR_NEED[need]));
  return CATEGORY_ORDER.filter((category) => wanted.has(category));
}
