import { EligibilityResult } from '../model/matching.types';
import { aContext, anOffer, aRequest } from '../testing/builders';
import { eligibility } from './eligibility';

const OK: EligibilityResult = { ok: true };
const FULL: EligibilityResult = { ok: false, failed: ['FULL'] };

describe('eligibility: capacity', () => {
  it.each<[number, number, EligibilityResult]>([
    [10, 0, OK],
    [10, 9, OK],
    [1, 0, OK],
    [10, 10, FULL],
    [1, 1, FULL],
    [0, 0, FULL],
    // Stored counters that disagree (more taken than offered) still read as full, not as room.
    [3, 5, FULL],
  ])('capacity %i with %i slots taken → %j', (capacity, used, expected) => {
    expect(eligibility(aRequest(), anOffer({ capacity, used }), aContext())).toEqual(expected);
  });

  it('the last free slot is still offered, and taking it makes the offer full', () => {
    const request = aRequest();
    expect(eligibility(request, anOffer({ capacity: 2, used: 1 }), aContext())).toEqual(OK);
    expect(eligibility(request, anOffer({ capacity: 2, used: 2 }), aContext())).toEqual(FULL);
  });
});
