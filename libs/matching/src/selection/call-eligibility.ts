import type { CallApplicantFacts, CallEligibility, CallEligibilityRules, CallIneligibility } from './selection.types';

/**
 * Whether an applicant may apply to a call now, and every rule it fails, in this fixed order:
 * the window, sector, size, territory, then each declaration not confirmed and each question not
 * answered, in the call's order. Never only the first failure: the shop sees all it must change.
 */
export function callEligibility(facts: CallApplicantFacts, rules: CallEligibilityRules): CallEligibility {
  const failed: CallIneligibility[] = [];
  if (facts.at < rules.opensAt) failed.push({ code: 'NOT_OPEN_YET', opensAt: rules.opensAt });
  if (facts.at >= rules.closesAt) failed.push({ code: 'WINDOW_CLOSED', closesAt: rules.closesAt });
  const anySector = rules.sections.length === 0 && rules.divisions.length === 0;
  if (!anySector && !rules.sections.includes(facts.section) && !rules.divisions.includes(facts.division)) failed.push({ code: 'SECTOR' });
  if (rules.minEmployees !== null && facts.employees < rules.minEmployees) failed.push({ code: 'TOO_FEW_EMPLOYEES', min: rules.minEmployees });
  if (rules.maxEmployees !== null && facts.employees > rules.maxEmployees) failed.push({ code: 'TOO_MANY_EMPLOYEES', max: rules.maxEmployees });
  if (!insideTerritory(facts, rules)) failed.push({ code: 'OUTSIDE_TERRITORY' });
  const confirmed = new Set(facts.declarations);
  for (const declarationCode of rules.declarationCodes) {
    if (!confirmed.has(declarationCode)) failed.push({ code: 'DECLARATION_NOT_CONFIRMED', declarationCode });
  }
  for (const questionCode of rules.questionCodes) {
    if (typeof facts.answers[questionCode] !== 'boolean') failed.push({ code: 'QUESTION_NOT_ANSWERED', questionCode });
  }
  return failed.length === 0 ? { ok: true } : { ok: false, failed };
}

/** The call's territory holds the applicant's comune, province or region; no territory listed: all of Italy. */
export function insideTerritory(place: Pick<CallApplicantFacts, 'comuneCode' | 'provinceCode' | 'regionCode'>, rules: Pick<CallEligibilityRules, 'regionCodes' | 'provinceCodes' | 'comuneCodes'>): boolean {
  if (rules.regionCodes.length + rules.provinceCodes.length + rules.comuneCodes.length === 0) return true;
  return rules.comuneCodes.includes(place.comuneCode) || rules.provinceCodes.includes(place.provinceCode) || rules.regionCodes.includes(place.regionCode);
}
