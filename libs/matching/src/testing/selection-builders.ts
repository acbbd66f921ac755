import type { CallApplicantFacts, CallEligibilityRules, RankingApplicant } from '../selection/selection.types';
import { DAY, MILANO, NOW } from './builders';

/** A call open from ten days ago to ten days from NOW, with no restriction. */
export const someCallRules = (overrides: Partial<CallEligibilityRules> = {}): CallEligibilityRules => ({
  sections: [],
  divisions: [],
  minEmployees: null,
  maxEmployees: null,
  regionCodes: [],
  provinceCodes: [],
  comuneCodes: [],
  declarationCodes: [],
  questionCodes: [],
  opensAt: NOW - 10 * DAY,
  closesAt: NOW + 10 * DAY,
  ...overrides,
});

/** A retail shop in Milano with 4 employees, applying at NOW. */
export const someFacts = (overrides: Partial<CallApplicantFacts> = {}): CallApplicantFacts => ({
  section: 'G',
  division: '47',
  employees: 4,
  comuneCode: MILANO.comuneCode,
  provinceCode: MILANO.provinceCode,
  regionCode: MILANO.regionCode,
  declarations: [],
  answers: {},
  at: NOW,
  ...overrides,
});

/** An applicant of Milano with 4 employees who applied at NOW; its draw key is its id unless given. */
export const anApplicant = (id: string, overrides: Partial<RankingApplicant> = {}): RankingApplicant => ({
  id,
  employees: 4,
  provinceCode: MILANO.provinceCode,
  answers: {},
  submittedAt: NOW,
  drawKey: `key-${id}`,
  ...overrides,
});
