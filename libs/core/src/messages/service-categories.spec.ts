import { ServiceCategory } from '@vec/matching';
import { SERVICE_CATEGORY_LABELS } from './service-categories';

describe('service categories', () => {
  it('label every category in Italian and English, each label distinct', () => {
    const categories = Object.values(ServiceCategory);
    expect(categories).toHaveLength(11);
    for (const category of categories) {
      expect(SERVICE_CATEGORY_LABELS[category].it).toMatch(/\S/);
      expect(SERVICE_CATEGORY_LABELS[category].en).toMatch(/\S/);
    }
    expect(new Set(categories.map((c) => SERVICE_CATEGORY_LABELS[c].it)).size).toBe(11);
  });
});
