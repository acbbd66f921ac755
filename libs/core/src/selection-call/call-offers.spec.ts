import { OfferStatus } from '../offer/offer.types';
import { VerificationStatus } from '../provider/provider.types';
import { CallOfferFacts, CallOfferProblem, callOfferProblem, CallStage, criterionProblem, freePlaces } from './call-offers';
import { ScoringKind } from './selection-call.types';

const CLOSES_AT = new Date('2026-12-01T12:00:00Z');
const DAY_MS = 86_400_000;
const at = (days: number): Date => new Date(CLOSES_AT.getTime() + days * DAY_MS);
const anOffer = (facts: Partial<CallOfferFacts> = {}): CallOfferFacts => ({
  status: OfferStatus.PUBLISHED,
  providerStatus: VerificationStatus.APPROVED,
  validFrom: at(-30),
  validUntil: at(30),
  ...facts,
});

describe('callOfferProblem: which offers a call may give places on', () => {
  // Every status at both stages: the whole table, so a change to it shows here.
  it.each([
    [OfferStatus.PUBLISHED, 'draft', null],
    [OfferStatus.PUBLISHED, 'publish', null],
    [OfferStatus.PAUSED, 'draft', null],
    [OfferStatus.PAUSED, 'publish', CallOfferProblem.PAUSED],
    [OfferStatus.DRAFT, 'draft', CallOfferProblem.NOT_PUBLISHED],
    [OfferStatus.DRAFT, 'publish', CallOfferProblem.NOT_PUBLISHED],
    [OfferStatus.SUSPENDED, 'draft', CallOfferProblem.SUSPENDED],
    [OfferStatus.SUSPENDED, 'publish', CallOfferProblem.SUSPENDED],
    [OfferStatus.CLOSED, 'draft', CallOfferProblem.CLOSED],
    [OfferStatus.CLOSED, 'publish', CallOfferProblem.CLOSED],
  ] as [OfferStatus, CallStage, CallOfferProblem | null][])('a %s offer, at the %s stage → %s', (status, stage, problem) => {
    expect(callOfferProblem(anOffer({ status }), CLOSES_AT, stage)).toBe(problem);
  });

  it.each([VerificationStatus.PENDING, VerificationStatus.REJECTED, VerificationStatus.SUSPENDED, undefined])('refuses an offer whose provider is %s', (providerStatus) => {
    expect(callOfferProblem(anOffer({ providerStatus }), CLOSES_AT, 'draft')).toBe(CallOfferProblem.PROVIDER_NOT_APPROVED);
  });

  it('needs the offer valid when the call closes: not ended by then (nor at that instant), not begun after', () => {
    expect(callOfferProblem(anOffer({ validUntil: at(-1) }), CLOSES_AT, 'draft')).toBe(CallOfferProblem.VALIDITY_ENDS);
    expect(callOfferProblem(anOffer({ validUntil: CLOSES_AT }), CLOSES_AT, 'publish')).toBe(CallOfferProblem.VALIDITY_ENDS);
    expect(callOfferProblem(anOffer({ validUntil: new Date(CLOSES_AT.getTime() + 1) }), CLOSES_AT, 'publish')).toBeNull();
    expect(callOfferProblem(anOffer({ validUntil: null }), CLOSES_AT, 'publish')).toBeNull();
    expect(callOfferProblem(anOffer({ validFrom: at(1) }), CLOSES_AT, 'draft')).toBe(CallOfferProblem.NOT_YET_VALID);
    expect(callOfferProblem(anOffer({ validFrom: CLOSES_AT }), CLOSES_AT, 'draft')).toBeNull();
  });

  it('names the status before the provider and the provider before the dates', () => {
    expect(callOfferProblem(anOffer({ status: OfferStatus.DRAFT, providerStatus: VerificationStatus.PENDING, validUntil: at(-1) }), CLOSES_AT, 'draft')).toBe(CallOfferProblem.NOT_PUBLISHED);
    expect(callOfferProblem(anOffer({ providerStatus: VerificationStatus.PENDING, validUntil: at(-1) }), CLOSES_AT, 'draft')).toBe(CallOfferProblem.PROVIDER_NOT_APPROVED);
  });
});

describe('freePlaces', () => {
  it('adds up what each offer has free', () => {
    expect(freePlaces([])).toBe(0);
    expect(freePlaces([{ capacity: 2, used: 0 }])).toBe(2);
    expect(freePlaces([{ capacity: 5, used: 5 }, { capacity: 10, used: 3 }])).toBe(7);
  });
});

describe('criterionProblem', () => {
  const { FEWER_EMPLOYEES, PRIORITY_PROVINCES, ANSWER_YES } = ScoringKind;

  it('accepts one criterion of each kind with its own fields, and null or empty fields of the others', () => {
    expect(
      criterionProblem([
        { kind: FEWER_EMPLOYEES, employeesCap: 10, provinceCodes: null, questionCode: null },
        { kind: PRIORITY_PROVINCES, provinceCodes: ['015'], employeesCap: null },
        { kind: ANSWER_YES, questionCode: 'prima-volta', provinceCodes: [] },
      ]),
    ).toBeNull();
  });

  it('names the second criterion of a kind', () => {
    expect(criterionProblem([{ kind: ANSWER_YES, questionCode: 'a' }, { kind: FEWER_EMPLOYEES, employeesCap: 5 }, { kind: ANSWER_YES, questionCode: 'b' }])).toEqual({
      index: 2,
      field: 'kind',
      problem: 'DUPLICATE_KIND',
    });
  });

  it.each([
    [{ kind: FEWER_EMPLOYEES, employeesCap: 10, provinceCodes: ['015'] }, 'provinceCodes', PRIORITY_PROVINCES],
    [{ kind: FEWER_EMPLOYEES, employeesCap: 10, questionCode: 'prima-volta' }, 'questionCode', ANSWER_YES],
    [{ kind: PRIORITY_PROVINCES, provinceCodes: ['015'], employeesCap: 3 }, 'employeesCap', FEWER_EMPLOYEES],
    [{ kind: ANSWER_YES, questionCode: 'prima-volta', provinceCodes: ['001'] }, 'provinceCodes', PRIORITY_PROVINCES],
  ])('names a field of another kind: %o → %s', (criterion, field, belongsTo) => {
    expect(criterionProblem([{ kind: ANSWER_YES, questionCode: 'x' }, criterion].slice(criterion.kind === ANSWER_YES ? 1 : 0))).toEqual({
      index: criterion.kind === ANSWER_YES ? 0 : 1,
      field,
      problem: 'NOT_FOR_KIND',
      belongsTo,
    });
  });
});
