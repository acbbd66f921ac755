import { MatchingInputError, MatchingInputErrorCode } from '../model/matching-input.error';
import { aContext, anOffer, aRequest } from '../testing/builders';
import { allocate, AllocationOptions } from './allocate';

/** The error `run` throws (undefined when it returns). */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
    return undefined;
  } catch (error: unknown) {
    return error;
  }
}

interface Case {
  name: string;
  run: () => unknown;
  code: MatchingInputErrorCode;
}

const withOptions = (options: Partial<AllocationOptions>) => () => allocate([aRequest()], [anOffer()], { ...aContext(), ...options });

const CASES: Case[] = [
  { name: 'two requests with one id', run: () => allocate([aRequest({ id: 'r' }), aRequest({ id: 'r', shopId: 'other' })], [anOffer()], aContext()), code: 'DUPLICATE_REQUEST_ID' },
  { name: 'a duplicate request id among others', run: () => allocate(['a', 'b', 'c', 'b'].map((id) => aRequest({ id, shopId: id })), [], aContext()), code: 'DUPLICATE_REQUEST_ID' },
  { name: 'two offers with one id', run: () => allocate([aRequest()], [anOffer({ id: 'o' }), anOffer({ id: 'o', capacity: 1 })], aContext()), code: 'DUPLICATE_OFFER_ID' },
  { name: 'now is NaN', run: withOptions({ now: Number.NaN }), code: 'INVALID_CONTEXT' },
  { name: 'now is infinite', run: withOptions({ now: Number.POSITIVE_INFINITY }), code: 'INVALID_CONTEXT' },
  { name: 'K is negative', run: withOptions({ maxLiveMatchesPerShop: -1 }), code: 'INVALID_CONTEXT' },
  { name: 'K is fractional', run: withOptions({ maxLiveMatchesPerShop: 1.5 }), code: 'INVALID_CONTEXT' },
  { name: 'K is NaN', run: withOptions({ maxLiveMatchesPerShop: Number.NaN }), code: 'INVALID_CONTEXT' },
  { name: 'K is infinite', run: withOptions({ maxLiveMatchesPerShop: Number.POSITIVE_INFINITY }), code: 'INVALID_CONTEXT' },
  { name: 'a negative cost weight', run: withOptions({ costWeights: { perKm: -1 } }), code: 'INVALID_COST_WEIGHTS' },
  { name: 'a NaN cost weight', run: withOptions({ costWeights: { perCoverageLevel: Number.NaN } }), code: 'INVALID_COST_WEIGHTS' },
  { name: 'an infinite cost weight', run: withOptions({ costWeights: { maxKm: Number.POSITIVE_INFINITY } }), code: 'INVALID_COST_WEIGHTS' },
  { name: 'cost weights allowing an edge above 10 000 000', run: withOptions({ costWeights: { perKm: 40_001, maxKm: 250 } }), code: 'INVALID_COST_WEIGHTS' },
];

describe('allocation: input the adapter must never send', () => {
  it.each(CASES)('$name → MatchingInputError $code', ({ run, code }) => {
    const error = thrownBy(run);
    expect(error).toBeInstanceOf(MatchingInputError);
    expect(error).toMatchObject({ name: 'MatchingInputError', code });
  });

  it.each<[string, Partial<AllocationOptions>]>([
    ['K = 0', { maxLiveMatchesPerShop: 0 }],
    ['now = 0', { now: 0 }],
    ['every cost weight 0', { costWeights: { perCoverageLevel: 0, perKm: 0, maxKm: 0, perDayYounger: 0, agePriorityDays: 0, perAlternative: 0, maxAlternatives: 0 } }],
    ['cost weights right at the 10 000 000 bound', { costWeights: { perCoverageLevel: 0, perDayYounger: 0, perAlternative: 0, perKm: 40_000, maxKm: 250 } }],
  ])('%s is valid input', (_name, options) => {
    expect(thrownBy(withOptions(options))).toBeUndefined();
  });

  it('nothing to allocate is valid and serves nobody', () => {
    const result = allocate([], [], aContext());
    expect(result).toMatchObject({ assignments: [], served: 0, totalCost: 0, unserved: [] });
  });

  it('the same id for a request and an offer is allowed', () => {
    expect(allocate([aRequest({ id: 'x' })], [anOffer({ id: 'x' })], aContext()).assignments.map((a) => [a.requestId, a.offerId])).toEqual([['x', 'x']]);
  });
});
