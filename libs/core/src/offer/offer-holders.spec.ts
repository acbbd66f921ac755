import { ServiceCategory, type MatchingOffer } from '@vec/matching';
import { holdersLeftOut } from './offer-holders';
import { MatchState } from '../match/match.types';
import { OfferErrorCode } from './offer.exception';

const NOW = new Date('2026-12-06T10:00:00Z');
const DAY = 86_400_000;

const offer = (change: Partial<MatchingOffer> = {}): MatchingOffer => ({
  id: 'offer',
  providerId: 'provider',
  categories: [ServiceCategory.CYBERSECURITY],
  coverage: { national: true, regionCodes: [], provinceCodes: [], comuneCodes: [], radii: [] },
  eligibleSectors: null,
  capacity: 1,
  used: 1,
  freePeriodMonths: 6,
  status: 'PUBLISHED',
  validFrom: NOW.getTime() - 30 * DAY,
  validUntil: NOW.getTime() + 30 * DAY,
  providerApproved: true,
  ...change,
});

const holder = (shopName: string, comune: { code: string; provinceCode: string; regionCode: string; name: string }, state: MatchState = MatchState.PENDING) => ({
  request: { id: `request of ${shopName}`, category: ServiceCategory.CYBERSECURITY, createdAt: new Date(NOW.getTime() - DAY) },
  shop: { id: `shop ${shopName}`, latitude: 45.07, longitude: 7.68, atecoSection: 'C', atecoDivision: '10' },
  comune: { code: comune.code, provinceCode: comune.provinceCode, regionCode: comune.regionCode },
  shopName,
  comuneName: comune.name,
  state,
});

const TORINO = { code: '001272', provinceCode: '001', regionCode: '01', name: 'Torino' };
const CUNEO = { code: '004078', provinceCode: '004', regionCode: '01', name: 'Cuneo' };
const HOLDERS = [holder('Forno Rossi', TORINO), holder('Merceria Bianchi', CUNEO)];

describe('holdersLeftOut', () => {
  it('names the first rule the edit breaks, how many shops it leaves out and one of them', () => {
    const narrower = offer({ coverage: { national: false, regionCodes: [], provinceCodes: ['001'], comuneCodes: [], radii: [] } });
    expect(holdersLeftOut(HOLDERS, offer(), narrower, NOW)).toEqual({
      code: OfferErrorCode.HOLDERS_OUTSIDE_COVERAGE,
      field: 'input.coverage',
      count: 1,
      shopName: 'Merceria Bianchi',
      comuneName: 'Cuneo',
      category: ServiceCategory.CYBERSECURITY,
    });
    expect(holdersLeftOut(HOLDERS, offer(), offer({ categories: [ServiceCategory.WEBSITE], eligibleSectors: { sections: ['G'], divisions: [] } }), NOW)).toMatchObject({
      code: OfferErrorCode.HOLDERS_CATEGORY,
      count: 2,
    });
  });

  it('passes an edit every shop still fits, and one that changes nothing the offer already broke', () => {
    expect(holdersLeftOut(HOLDERS, offer(), offer({ categories: [ServiceCategory.CYBERSECURITY, ServiceCategory.WEBSITE] }), NOW)).toBeNull();
    const ended = offer({ validUntil: NOW.getTime() - DAY });
    expect(holdersLeftOut(HOLDERS, ended, { ...ended }, NOW)).toBeNull();
    expect(holdersLeftOut(HOLDERS, offer(), ended, NOW)).toMatchObject({ code: OfferErrorCode.HOLDERS_EXPIRED, field: 'input.validUntil', count: 2 });
  });

  it('leaves a service the provider accepted, or that runs, out of a narrower area or sectors: only shops still waiting on the offer count there', () => {
    const agreed = [holder('Forno Rossi', TORINO), holder('Merceria Bianchi', CUNEO, MatchState.ACCEPTED), holder('Ottica Verdi', CUNEO, MatchState.ACTIVE)];
    const turinOnly = offer({ coverage: { national: false, regionCodes: [], provinceCodes: ['001'], comuneCodes: [], radii: [] } });
    expect(holdersLeftOut(agreed, offer(), turinOnly, NOW)).toBeNull();
    expect(holdersLeftOut(agreed, offer(), offer({ eligibleSectors: { sections: ['G'], divisions: [] } }), NOW)).toMatchObject({ code: OfferErrorCode.HOLDERS_SECTOR, count: 1, shopName: 'Forno Rossi' });
    // A shop on the waitlist there still counts; and the service they asked for is every holder's.
    expect(holdersLeftOut([...agreed, holder('Cartoleria Neri', CUNEO, MatchState.WAITLISTED)], offer(), turinOnly, NOW)).toMatchObject({ count: 1, shopName: 'Cartoleria Neri' });
    expect(holdersLeftOut(agreed, offer(), offer({ categories: [ServiceCategory.WEBSITE] }), NOW)).toMatchObject({ code: OfferErrorCode.HOLDERS_CATEGORY, count: 3 });
  });

  it('ignores capacity and the shops’ own limits: a full offer counts this very match', () => {
    expect(holdersLeftOut(HOLDERS, offer(), offer({ used: 1, capacity: 1 }), NOW)).toBeNull();
    expect(holdersLeftOut([], offer(), offer({ categories: [ServiceCategory.WEBSITE] }), NOW)).toBeNull();
  });
});
