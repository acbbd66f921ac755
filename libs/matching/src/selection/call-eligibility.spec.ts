import { DAY, MILANO, NOW, ROMA } from '../testing/builders';
import { someCallRules, someFacts } from '../testing/selection-builders';
import { callEligibility } from './call-eligibility';
import type { CallIneligibility } from './selection.types';

const failures = (result: ReturnType<typeof callEligibility>): CallIneligibility[] => (result.ok ? [] : result.failed);

describe('call eligibility: every rule the applicant fails, by name', () => {
  it('a call without restrictions takes anyone within its window', () => {
    expect(callEligibility(someFacts(), someCallRules())).toEqual({ ok: true });
  });

  it.each([
    ['before the window opens', { at: NOW - 11 * DAY }, [{ code: 'NOT_OPEN_YET', opensAt: NOW - 10 * DAY }]],
    ['at the closing instant', { at: NOW + 10 * DAY }, [{ code: 'WINDOW_CLOSED', closesAt: NOW + 10 * DAY }]],
    ['one millisecond before closing', { at: NOW + 10 * DAY - 1 }, []],
    ['at the opening instant', { at: NOW - 10 * DAY }, []],
  ] as const)('window: %s', (_name, facts, expected) => {
    expect(failures(callEligibility(someFacts(facts), someCallRules()))).toEqual(expected);
  });

  it.each([
    ['its section listed', { sections: ['G'] }, []],
    ['its division listed', { divisions: ['47'] }, []],
    ['another section and division', { sections: ['C'], divisions: ['10'] }, [{ code: 'SECTOR' }]],
  ] as const)('sector: %s', (_name, rules, expected) => {
    expect(failures(callEligibility(someFacts(), someCallRules(rules)))).toEqual(expected);
  });

  it.each([
    [4, { minEmployees: 4, maxEmployees: 4 }, []],
    [3, { minEmployees: 4 }, [{ code: 'TOO_FEW_EMPLOYEES', min: 4 }]],
    [10, { maxEmployees: 9 }, [{ code: 'TOO_MANY_EMPLOYEES', max: 9 }]],
    [0, { maxEmployees: 9 }, []],
  ] as const)('size: %i employees under %j', (employees, rules, expected) => {
    expect(failures(callEligibility(someFacts({ employees }), someCallRules(rules)))).toEqual(expected);
  });

  it.each([
    ['its region', { regionCodes: [MILANO.regionCode] }, []],
    ['its province', { provinceCodes: [MILANO.provinceCode] }, []],
    ['its comune', { comuneCodes: [MILANO.comuneCode] }, []],
    ['another region, province and comune', { regionCodes: [ROMA.regionCode], provinceCodes: [ROMA.provinceCode], comuneCodes: [ROMA.comuneCode] }, [{ code: 'OUTSIDE_TERRITORY' }]],
  ] as const)('territory: %s', (_name, rules, expected) => {
    expect(failures(callEligibility(someFacts(), someCallRules(rules)))).toEqual(expected);
  });

  it('names each declaration not confirmed and each question not answered, in the call’s order', () => {
    const rules = someCallRules({ declarationCodes: ['SEDE_ITALIA', 'MADE_IN_ITALY'], questionCodes: ['FIRST_TIME', 'EXPORT'] });
    const facts = someFacts({ declarations: ['MADE_IN_ITALY'], answers: { EXPORT: false } });
    expect(failures(callEligibility(facts, rules))).toEqual([
      { code: 'DECLARATION_NOT_CONFIRMED', declarationCode: 'SEDE_ITALIA' },
      { code: 'QUESTION_NOT_ANSWERED', questionCode: 'FIRST_TIME' },
    ]);
  });

  it('a "no" is an answer', () => {
    const rules = someCallRules({ questionCodes: ['FIRST_TIME'] });
    expect(callEligibility(someFacts({ answers: { FIRST_TIME: false } }), rules)).toEqual({ ok: true });
  });

  it('reports every failure at once, in a fixed order', () => {
    const rules = someCallRules({ closesAt: NOW, sections: ['C'], maxEmployees: 1, regionCodes: [ROMA.regionCode], declarationCodes: ['SEDE_ITALIA'], questionCodes: ['FIRST_TIME'] });
    expect(failures(callEligibility(someFacts(), rules)).map((f) => f.code)).toEqual([
      'WINDOW_CLOSED',
      'SECTOR',
      'TOO_MANY_EMPLOYEES',
      'OUTSIDE_TERRITORY',
      'DECLARATION_NOT_CONFIRMED',
      'QUESTION_NOT_ANSWERED',
    ]);
  });
});
