// The needs questionnaire: plain questions a shopkeeper can answer, each pointing to the service
// categories that meet it. The proposal lists those categories once each, in the API's order.
import type { ServiceCategory } from '../../gql/generated';

export const NEEDS = [
  'sellOnline',
  'homeDelivery',
  'shipping',
  'cardPayments',
  'social',
  'website',
  'bookings',
  'skills',
  'connectivity',
  'security',
] as const;

export type Need = (typeof NEEDS)[number];

export const CATEGORIES_FOR_NEED: Readonly<Record<Need, readonly ServiceCategory[]>> = {
  sellOnline: ['ONLINE_STORE', 'MARKETPLACE_LISTING'],
  homeDelivery: ['HOME_DELIVERY'],
  shipping: ['SHIPPING_LOGISTICS'],
  cardPayments: ['DIGITAL_PAYMENTS'],
  social: ['SOCIAL_MARKETING'],
  website: ['WEBSITE'],
  bookings: ['ONLINE_BOOKING'],
  skills: ['DIGITAL_SKILLS'],
  connectivity: ['CONNECTIVITY'],
  security: ['CYBERSECURITY'],
};

/** The categories the answers call for, each once, in `order` (the API's list of categories). */
export function proposedCategories(answers: readonly Need[], order: readonly ServiceCategory[]): ServiceCategory[] {
  const wanted = new Set(answers.flatMap((need) => CATEGORIES_FOR_NEED[need]));
  return order.filter((category) => wanted.has(category));
}
