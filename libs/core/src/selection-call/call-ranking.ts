import { createHash } from 'node:crypto';
import type { CallEligibilityRules, RankingApplicant, ScoringCriterion, TieBreakRule as EngineTieBreak } from '@vec/matching';
import type { CallApplicationEntity } from './call-application.entity';
import type { SelectionCallEntity } from './selection-call.entity';

/**
 * Between the stored call and the pure engine: the call's rules and applicants as the engine
 * reads them. The draw key is sha256 of the published seed and the application id, so anyone with
 * the list of application ids can check the last tie-break; an application id is random and given
 * at application, so nobody can choose their key.
 */
export function drawKey(seed: string, applicationId: string): string {
  return createHash('sha256').update(`${seed}:${applicationId}`).digest('hex');
}

export function engineRules(call: SelectionCallEntity): CallEligibilityRules {
  return {
    ...call.eligibility,
    declarationCodes: call.declarations.map((d) => d.code),
    questionCodes: call.questions.map((q) => q.code),
    opensAt: call.opensAt.getTime(),
    closesAt: call.closesAt.getTime(),
  };
}

export const engineCriteria = (call: SelectionCallEntity): ScoringCriterion[] => call.scoring;

export const engineTieBreak = (call: SelectionCallEntity): EngineTieBreak[] => call.tieBreak;

export function rankingApplicant(call: SelectionCallEntity, application: CallApplicationEntity): RankingApplicant {
  if (!call.drawSeed) throw new Error(`call ${call.id} has no draw seed: it was never published`);
  return {
    id: application.id,
    employees: application.employees,
    provinceCode: application.provinceCode,
    answers: application.answers,
    submittedAt: application.submittedAt.getTime(),
    drawKey: drawKey(call.drawSeed, application.id),
  };
}
