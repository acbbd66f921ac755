import type { ServiceCategory } from '../../gql/generated';
import { CATEGORIES_FOR_NEED, NEEDS, proposedCategories } from './needs';

const ORDER: ServiceCategory[] = [
  'ONLINE_STORE',
  'MARKETPLACE_LISTING',
  'HOME_DELIVERY',
  'SHIPPING_LOGISTICS',
  'DIGITAL_PAYMENTS',
  'WEBSITE',
  'SOCIAL_MARKETING',
  'ONLINE_BOOKING',
  'DIGITAL_SKILLS',
  'CONNECTIVITY',
  'CYBERSECURITY',
];

describe('needs questionnaire', () => {
  it('reaches every service category through some question', () => {
    expect(new Set(NEEDS.flatMap((need) => CATEGORIES_FOR_NEED[need]))).toEqual(new Set(ORDER));
  });

  it.each([
    [['sellOnline'], ['ONLINE_STORE', 'MARKETPLACE_LISTING']],
    [['cardPayments', 'homeDelivery'], ['HOME_DELIVERY', 'DIGITAL_PAYMENTS']],
    [['social', 'website', 'social'], ['WEBSITE', 'SOCIAL_MARKETING']],
    [[], []],
  ] as const)('proposes %j as %j, once each in the API order', (answers, expected) => {
    expect(proposedCategories(answers, ORDER)).toEqual(expected);
  });
});
