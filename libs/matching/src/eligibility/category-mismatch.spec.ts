import { ServiceCategory } from '../service-category';
import { aContext, anOffer, aRequest } from '../testing/builders';
import { eligibility } from './eligibility';

const ALL_CATEGORIES = Object.values(ServiceCategory);

describe('eligibility: category', () => {
  it.each(ALL_CATEGORIES)('an offer of exactly %s serves a request for it', (category) => {
    expect(eligibility(aRequest({ category }), anOffer({ categories: [category] }), aContext())).toEqual({ ok: true });
  });

  it.each(ALL_CATEGORIES)('an offer of every category but %s fails CATEGORY only', (category) => {
    const others = ALL_CATEGORIES.filter((c) => c !== category);
    expect(eligibility(aRequest({ category }), anOffer({ categories: others }), aContext())).toEqual({ ok: false, failed: ['CATEGORY'] });
  });

  it.each([
    { name: 'first of several', categories: [ServiceCategory.WEBSITE, ServiceCategory.HOME_DELIVERY, ServiceCategory.CONNECTIVITY] },
    { name: 'middle of several', categories: [ServiceCategory.HOME_DELIVERY, ServiceCategory.WEBSITE, ServiceCategory.CONNECTIVITY] },
    { name: 'last of several', categories: [ServiceCategory.HOME_DELIVERY, ServiceCategory.CONNECTIVITY, ServiceCategory.WEBSITE] },
  ])('a multi-category offer serves the request when its category is the $name', ({ categories }) => {
    const request = aRequest({ category: ServiceCategory.WEBSITE });
    expect(eligibility(request, anOffer({ categories }), aContext())).toEqual({ ok: true });
  });

  it('an offer listing no category serves nobody', () => {
    expect(eligibility(aRequest(), anOffer({ categories: [] }), aContext())).toEqual({ ok: false, failed: ['CATEGORY'] });
  });
});
