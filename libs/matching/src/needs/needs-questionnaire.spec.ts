import { ServiceCategory } from '../service-category';
import { CATEGORIES_FOR_NEED, categoriesForNeeds, NEED_CODES, type NeedCode } from './needs-questionnaire';

describe('the needs questionnaire', () => {
  it('reaches every service category through some question', () => {
    expect(new Set(NEED_CODES.flatMap((need) => CATEGORIES_FOR_NEED[need]))).toEqual(new Set(Object.values(ServiceCategory)));
  });

  it.each<[NeedCode[], ServiceCategory[]]>([
    [['SELL_ONLINE'], [ServiceCategory.ONLINE_STORE, ServiceCategory.MARKETPLACE_LISTING]],
    [['CARD_PAYMENTS', 'HOME_DELIVERY'], [ServiceCategory.HOME_DELIVERY, ServiceCategory.DIGITAL_PAYMENTS]],
    [['SOCIAL', 'WEBSITE', 'SOCIAL'], [ServiceCategory.WEBSITE, ServiceCategory.SOCIAL_MARKETING]],
    [[], []],
  ])('answers %j call for %j, once each in the platform’s order', (answers, expected) => {
    expect(categoriesForNeeds(answers)).toEqual(expected);
  });
});
