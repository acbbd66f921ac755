import { EligibilityResult, MatchingOffer } from '../model/matching.types';
import { aContext, anOffer, aRequest, DAY, NOW } from '../testing/builders';
import { eligibility } from './eligibility';

const OK: EligibilityResult = { ok: true };

interface Case {
  name: string;
  offer: Partial<MatchingOffer>;
  expected: EligibilityResult;
}

const CASES: Case[] = [
  { name: 'published', offer: { status: 'PUBLISHED' }, expected: OK },
  { name: 'draft', offer: { status: 'DRAFT' }, expected: { ok: false, failed: ['NOT_PUBLISHED'] } },
  { name: 'paused', offer: { status: 'PAUSED' }, expected: { ok: false, failed: ['NOT_PUBLISHED'] } },
  { name: 'closed', offer: { status: 'CLOSED' }, expected: { ok: false, failed: ['NOT_PUBLISHED'] } },
  { name: 'starting tomorrow', offer: { validFrom: NOW + DAY }, expected: { ok: false, failed: ['NOT_STARTED'] } },
  { name: 'starting 1 ms from now', offer: { validFrom: NOW + 1 }, expected: { ok: false, failed: ['NOT_STARTED'] } },
  { name: 'starting exactly now', offer: { validFrom: NOW }, expected: OK },
  { name: 'started yesterday', offer: { validFrom: NOW - DAY }, expected: OK },
  { name: 'ended yesterday', offer: { validUntil: NOW - DAY }, expected: { ok: false, failed: ['EXPIRED'] } },
  { name: 'ended 1 ms ago', offer: { validUntil: NOW - 1 }, expected: { ok: false, failed: ['EXPIRED'] } },
  { name: 'whose last valid instant is now (inclusive)', offer: { validUntil: NOW }, expected: OK },
  { name: 'ending 1 ms from now', offer: { validUntil: NOW + 1 }, expected: OK },
  { name: 'open-ended', offer: { validUntil: null }, expected: OK },
  { name: 'valid for this instant only', offer: { validFrom: NOW, validUntil: NOW }, expected: OK },
  { name: 'from an unapproved provider', offer: { providerApproved: false }, expected: { ok: false, failed: ['PROVIDER_NOT_APPROVED'] } },
  {
    name: 'paused, expired and unapproved',
    offer: { status: 'PAUSED', validUntil: NOW - 1, providerApproved: false },
    expected: { ok: false, failed: ['NOT_PUBLISHED', 'EXPIRED', 'PROVIDER_NOT_APPROVED'] },
  },
];

describe('eligibility: validity', () => {
  it.each(CASES)('an offer $name', ({ offer, expected }) => {
    expect(eligibility(aRequest(), anOffer(offer), aContext())).toEqual(expected);
  });

  it.each<[string, number, EligibilityResult]>([
    ['before the window', NOW - 1, { ok: false, failed: ['NOT_STARTED'] }],
    ['at its first instant', NOW, OK],
    ['inside it', NOW + 5 * DAY, OK],
    ['at its last instant', NOW + 10 * DAY, OK],
    ['after it', NOW + 10 * DAY + 1, { ok: false, failed: ['EXPIRED'] }],
  ])('the same offer seen %s', (_name, now, expected) => {
    const offer = anOffer({ validFrom: NOW, validUntil: NOW + 10 * DAY });
    expect(eligibility(aRequest(), offer, aContext({ now }))).toEqual(expected);
  });
});
