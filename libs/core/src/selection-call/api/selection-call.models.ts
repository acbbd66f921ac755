import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CallIneligibility } from '@vec/matching';
import { BusinessErrorModel, BusinessFailure } from '../../api/business-error.model';
import { modelOf } from '../../api/model-instance';
import { Paginated } from '../../api/pagination';
import { ListSize } from '../../api/query-cost';
import { MAX_CALL_CRITERIA, MAX_CALL_STATEMENTS } from './selection-call.inputs';
import { MESSAGES, type Words } from '../../messages';
import type { CallApplicationEntity } from '../call-application.entity';
import type { CallFigures, GraduatoriaRow } from '../call-results.service';
import type { SelectionCallEntity } from '../selection-call.entity';
import { CallApplicationStatus, CallReserveReason, ScoringKind, SelectionCallStatus, TieBreakRule, type CallStatement, type StoredScoringCriterion } from '../selection-call.types';
import type { CallTerritoryNames } from '../../messages/selection-call.messages';

registerEnumType(SelectionCallStatus, { name: 'SelectionCallStatus', description: 'DRAFT (staff and the organisation running it only) → OPEN (applications within the window) → CLOSED (ranked, places given, graduatoria published).' })
registerEnumType(CallApplicationStatus, {
  name: 'CallApplicationStatus',
  description: 'SUBMITTED; EXCLUDED by staff or the organisation running the call, with a reason; at the closing ADMITTED (a place held) or RESERVE; LAPSED when an admitted place ended before the service started, or when a shop on the reserve list erased its account.',
});
registerEnumType(CallReserveReason, {
  name: 'CallReserveReason',
  description:
    'Why an application waits on the reserve list: CALL_FULL (the places went to those ranked above), NO_PLACE_LEFT (the offers that could serve it were full), SHOP_LIMIT (the shop already held as many live services as a shop may), CATEGORY_HELD (it already had a live service of each kind the offers give), NOT_REACHED (no offer of the call serves its place or sector), OFFER_SUSPENDED (it had a place, released when the Ministry suspended the offer or its provider: the ranking gives it a place again, before those below, once places are available).',
});
registerEnumType(ScoringKind, {
  name: 'ScoringKind',
  description: 'FEWER_EMPLOYEES: full weight with no employees, none from employeesCap up; PRIORITY_PROVINCES: full weight in the listed provinces; ANSWER_YES: full weight for a yes to the question.',
});
registerEnumType(TieBreakRule, { name: 'TieBreakRule', description: 'EARLIER_APPLICATION: who applied first; FEWER_EMPLOYEES: the smaller business.' });

export enum CallIneligibilityCode {
  NOT_OPEN_YET = 'NOT_OPEN_YET',
  WINDOW_CLOSED = 'WINDOW_CLOSED',
  SECTOR = 'SECTOR',
  TOO_FEW_EMPLOYEES = 'TOO_FEW_EMPLOYEES',
  TOO_MANY_EMPLOYEES = 'TOO_MANY_EMPLOYEES',
  OUTSIDE_TERRITORY = 'OUTSIDE_TERRITORY',
  DECLARATION_NOT_CONFIRMED = 'DECLARATION_NOT_CONFIRMED',
  QUESTION_NOT_ANSWERED = 'QUESTION_NOT_ANSWERED',
}
registerEnumType(CallIneligibilityCode, { name: 'CallIneligibilityCode' });
// Every code of the engine is a member of this enum (the compiler checks it).
const ENGINE_CODES: Readonly<Record<CallIneligibility['code'], CallIneligibilityCode>> = CallIneligibilityCode;

@ObjectType('CallStatement', { description: 'A declaration to confirm or a yes/no question.' })
export class CallStatementModel {
  @Field() code!: string;
  @Field() text!: string;
}

@ObjectType('CallEligibility', { description: 'Who may apply (empty lists: no restriction).' })
export class CallEligibilityModel {
  @Field(() => [String]) sections!: string[];
  @Field(() => [String]) divisions!: string[];
  @Field(() => Int, { nullable: true }) minEmployees!: number | null;
  @Field(() => Int, { nullable: true }) maxEmployees!: number | null;
  @Field(() => [String]) regionCodes!: string[];
  @Field(() => [String]) provinceCodes!: string[];
  @Field(() => [String]) comuneCodes!: string[];
}

@ObjectType('ScoringCriterion', { description: 'A published criterion and its weight.' })
export class ScoringCriterionModel {
  @Field(() => ScoringKind) kind!: ScoringKind;
  @Field(() => Int) weight!: number;
  @Field(() => Int, { nullable: true }) employeesCap!: number | null;
  @Field(() => [String], { nullable: true }) provinceCodes!: string[] | null;
  @Field(() => String, { nullable: true }) questionCode!: string | null;
  @Field({ description: 'The criterion in words, in English.' }) description!: string;
  @Field({ description: 'The criterion in words, in Italian.' }) descriptionIt!: string;
}

@ObjectType('SelectionCall', { description: 'A selection call (bando): places on some offers, given by a published ranking.' })
export class SelectionCallModel {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => SelectionCallStatus) status!: SelectionCallStatus;
  @Field(() => Int) places!: number;
  @Field() opensAt!: Date;
  @Field() closesAt!: Date;
  @Field(() => CallEligibilityModel) eligibility!: CallEligibilityModel;
  @ListSize(MAX_CALL_STATEMENTS) @Field(() => [CallStatementModel]) declarations!: CallStatementModel[];
  @ListSize(MAX_CALL_STATEMENTS) @Field(() => [CallStatementModel]) questions!: CallStatementModel[];
  @ListSize(MAX_CALL_CRITERIA) @Field(() => [ScoringCriterionModel]) scoring!: ScoringCriterionModel[];
  @Field(() => [TieBreakRule], { description: 'Applied to equal scores in this order; the draw comes last.' }) tieBreak!: TieBreakRule[];
  @Field(() => String, { nullable: true, description: 'Published with the call: an applicant’s draw key is the SHA-256 of "<seed>:<application id>" in hexadecimal, lower first.' })
  drawSeed!: string | null;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => [ID], { description: 'The offers whose places it gives, most preferred first.' }) offerIds!: string[];
  @Field(() => ID, { nullable: true, description: 'The authorised organisation that runs the call (see `publisher`); null when the ministry runs it.' })
  publisherOrganisationId!: string | null;
}

@ObjectType('SelectionCallPage')
export class SelectionCallPageModel extends Paginated(SelectionCallModel, 'SelectionCallPageBase') {}

@ObjectType('CallAnswer')
export class CallAnswerModel {
  @Field() questionCode!: string;
  @Field() answer!: boolean;
}

@ObjectType('CallScorePart', { description: 'What one criterion gave the applicant, and why.' })
export class CallScorePartModel {
  @Field(() => Int, { description: 'Position of the criterion in the call, from 0.' }) criterion!: number;
  @Field(() => ScoringKind) kind!: ScoringKind;
  @Field(() => Int) weight!: number;
  @Field(() => Int, { description: 'FEWER_EMPLOYEES: the employees; otherwise 1 when met, 0 when not.' }) measured!: number;
  @Field(() => Float) points!: number;
  @Field() explanation!: string;
  @Field() explanationIt!: string;
}

@ObjectType('CallApplication', { description: 'A shop’s application to a call; from the closing, its score, rank and outcome.' })
export class CallApplicationModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) callId!: string;
  /** For the staff-only shop field; not in the schema. */
  shopId!: string;
  @Field(() => CallApplicationStatus) status!: CallApplicationStatus;
  @Field() submittedAt!: Date;
  @Field(() => [String]) declarations!: string[];
  @ListSize(MAX_CALL_STATEMENTS) @Field(() => [CallAnswerModel]) answers!: CallAnswerModel[];
  @Field(() => Int) employees!: number;
  @Field(() => Float, { nullable: true, description: 'Points, from the closing.' }) score!: number | null;
  @Field(() => Int, { nullable: true, description: 'Rank in the graduatoria, 1 first (excluded applications have none).' }) position!: number | null;
  @Field(() => Int, { nullable: true, description: 'How many other applicants had exactly this score.' }) tiedWith!: number | null;
  @Field(() => String, { nullable: true, description: 'What put it below the one ranked just above, in English.' }) separation!: string | null;
  @Field(() => String, { nullable: true }) separationIt!: string | null;
  @ListSize(MAX_CALL_CRITERIA) @Field(() => [CallScorePartModel], { nullable: true }) scoreParts!: CallScorePartModel[] | null;
  @Field(() => ID, { nullable: true, description: 'ADMITTED: the place held (a match).' }) matchId!: string | null;
  @Field(() => CallReserveReason, { nullable: true, description: 'RESERVE: why it waits (null for calls closed before reasons were kept).' }) reserveReason!: CallReserveReason | null;
  @Field(() => String, { nullable: true }) exclusionReason!: string | null;
  /** Resolved to its name (submittedByFacilitatorName). */
  submittedByFacilitatorId!: string | null;
  /** Whether its shop field shows the shop's contacts to this reader (see CallPublisherService.requireReader); not in the schema. */
  shopContacts!: boolean;
}

@ObjectType('CallApplicationPage')
export class CallApplicationPageModel extends Paginated(CallApplicationModel, 'CallApplicationPageBase') {}

@ObjectType('GraduatoriaRow', { description: 'A line of a published ranking: what such lists publish, no contacts or tax codes.' })
export class GraduatoriaRowModel {
  @Field(() => Int) position!: number;
  @Field(() => ID, { description: 'The application; with the call’s drawSeed, anyone can recompute its draw key.' }) applicationId!: string;
  @Field({ description: 'sha256 of "drawSeed:applicationId", in hex: the lowest wins a draw (the last tie-break).' }) drawKey!: string;
  @Field() shopName!: string;
  @Field() comuneName!: string;
  @Field() provinceSigla!: string;
  @Field(() => Float) score!: number;
  @Field(() => CallApplicationStatus) status!: CallApplicationStatus;
  @Field(() => CallReserveReason, { nullable: true, description: 'RESERVE: why it waits, published with the ranking.' }) reserveReason!: CallReserveReason | null;
  @Field(() => Date, { nullable: true, description: 'When it applied: published when the call breaks ties by the earlier application, so that a tie can be checked; else null.' })
  submittedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'The employees it declared: published when the call scores or breaks ties by them; else null.' })
  employees!: number | null;
}

@ObjectType('GraduatoriaPage')
export class GraduatoriaPageModel extends Paginated(GraduatoriaRowModel, 'GraduatoriaPageBase') {}

@ObjectType('CallFigures', { description: 'A published call on the dashboard: places, filled, reserve list.' })
export class CallFiguresModel {
  @Field(() => ID) callId!: string;
  @Field() title!: string;
  @Field(() => SelectionCallStatus) status!: SelectionCallStatus;
  @Field(() => Int) places!: number;
  @Field(() => Int) applications!: number;
  @Field(() => Int, { description: 'Places held or taken (admitted applications).' }) admitted!: number;
  @Field(() => Int) reserve!: number;
  @Field(() => Int) excluded!: number;
  @Field() closesAt!: Date;
}

@ObjectType('CallIneligibilityReason')
export class CallIneligibilityReasonModel {
  @Field(() => CallIneligibilityCode) code!: CallIneligibilityCode;
  @Field(() => String, { nullable: true, description: 'The declaration or question concerned.' }) statementCode!: string | null;
  @Field() message!: string;
  @Field() messageIt!: string;
}

@ObjectType('CallNotEligibleError', { implements: () => [BusinessErrorModel] })
export class CallNotEligibleErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'NOT_ELIGIBLE' as const;
  @ListSize(6 + 2 * MAX_CALL_STATEMENTS)
  @Field(() => [CallIneligibilityReasonModel], { description: 'Every requirement not met, in the call’s order.' }) readonly failed: CallIneligibilityReasonModel[];
  constructor(words: Words, failed: CallIneligibilityReasonModel[]) {
    super(words, 'input');
    this.failed = failed;
  }
}

@ObjectType('AlreadyAppliedToCallError', { implements: () => [BusinessErrorModel] })
export class AlreadyAppliedToCallErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'ALREADY_APPLIED' as const;
  @Field(() => ID) readonly applicationId: string;
  constructor(words: Words, applicationId: string) {
    super(words, 'input.callId');
    this.applicationId = applicationId;
  }
}

@ObjectType('ApplicationAlreadyExcludedError', { implements: () => [BusinessErrorModel], description: 'The application was excluded before: the first exclusion, its reason and who made it stand.' })
export class ApplicationAlreadyExcludedErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'ALREADY_EXCLUDED' as const;
  @Field(() => String, { nullable: true, description: 'The reason given when it was excluded.' }) readonly exclusionReason: string | null;
  constructor(words: Words, exclusionReason: string | null) {
    super(words, 'input.applicationId');
    this.exclusionReason = exclusionReason;
  }
}

@ObjectType('InvalidCallStateError', { implements: () => [BusinessErrorModel] })
export class InvalidCallStateErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'INVALID_CALL_STATE' as const;
  @Field(() => SelectionCallStatus) readonly currentStatus: SelectionCallStatus;
  constructor(words: Words, field: string, currentStatus: SelectionCallStatus) {
    super(words, field);
    this.currentStatus = currentStatus;
  }
}

@ObjectType('CallWindowError', { implements: () => [BusinessErrorModel] })
export class CallWindowErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'CALL_WINDOW' as const;
  @Field() readonly closesAt: Date;
  constructor(words: Words, field: string, closesAt: Date) {
    super(words, field);
    this.closesAt = closesAt;
  }
}

function criterionModel(c: StoredScoringCriterion, questionText: (code: string) => string): ScoringCriterionModel {
  const detail = c.kind === 'FEWER_EMPLOYEES' ? String(c.employeesCap) : c.kind === 'PRIORITY_PROVINCES' ? (c.provinceNames ?? c.provinceCodes).join(', ') : questionText(c.questionCode);
  const words = MESSAGES.selectionCall.criterion(c.kind, c.weight, detail, c.kind === 'PRIORITY_PROVINCES' ? c.provinceCodes.length : 1);
  return {
    kind: c.kind as ScoringKind,
    weight: c.weight,
    employeesCap: c.kind === 'FEWER_EMPLOYEES' ? c.employeesCap : null,
    provinceCodes: c.kind === 'PRIORITY_PROVINCES' ? c.provinceCodes : null,
    questionCode: c.kind === 'ANSWER_YES' ? c.questionCode : null,
    description: words.en,
    descriptionIt: words.it,
  };
}

export function toSelectionCallModel(e: SelectionCallEntity, offerIds: string[]): SelectionCallModel {
  const questionText = (code: string): string => e.questions.find((q) => q.code === code)?.text ?? code;
  return modelOf(SelectionCallModel, {
    id: e.id,
    title: e.title,
    description: e.description,
    status: e.status,
    places: e.places,
    opensAt: e.opensAt,
    closesAt: e.closesAt,
    eligibility: e.eligibility,
    declarations: e.declarations,
    questions: e.questions,
    scoring: e.scoring.map((c) => criterionModel(c, questionText)),
    tieBreak: e.tieBreak,
    drawSeed: e.status === SelectionCallStatus.DRAFT ? null : e.drawSeed,
    publishedAt: e.publishedAt,
    closedAt: e.closedAt,
    offerIds,
    publisherOrganisationId: e.publisherFacilitatorId,
  });
}

export function toCallApplicationModel(e: CallApplicationEntity): CallApplicationModel {
  const separation = e.separatedBy ? MESSAGES.selectionCall.separatedBy(e.separatedBy as TieBreakRule | 'SCORE' | 'DRAW') : null;
  return modelOf(CallApplicationModel, {
    id: e.id,
    callId: e.callId,
    shopId: e.shopId,
    status: e.status,
    submittedAt: e.submittedAt,
    declarations: e.declarations,
    answers: Object.entries(e.answers).map(([questionCode, answer]) => ({ questionCode, answer })),
    employees: e.employees,
    score: e.score === null ? null : e.score / 100,
    position: e.position,
    tiedWith: e.tiedWith,
    separation: separation?.en ?? null,
    separationIt: separation?.it ?? null,
    scoreParts:
      e.scoreParts?.map((part) => {
        const words = MESSAGES.selectionCall.scorePart(part.kind, part.points, part.weight, part.measured);
        return { criterion: part.criterion, kind: part.kind, weight: part.weight, measured: part.measured, points: part.points / 100, explanation: words.en, explanationIt: words.it };
      }) ?? null,
    matchId: e.matchId,
    reserveReason: e.status === CallApplicationStatus.RESERVE ? e.reserveReason : null,
    exclusionReason: e.exclusionReason,
    submittedByFacilitatorId: e.submittedByFacilitatorId,
    shopContacts: true,
  });
}

export const toGraduatoriaRowModel = (row: GraduatoriaRow): GraduatoriaRowModel => ({ ...row, score: row.score / 100 });

export const toCallFiguresModel = (row: CallFigures): CallFiguresModel => ({ ...row });

/** Every requirement not met, worded with the call's own declarations and questions. */
export function ineligibilityModels(
  failed: readonly CallIneligibility[],
  call: { declarations: CallStatement[]; questions: CallStatement[] },
  territory: CallTerritoryNames | null = null,
): CallIneligibilityReasonModel[] {
  return failed.map((failure) => {
    const statementCode = failure.code === 'DECLARATION_NOT_CONFIRMED' ? failure.declarationCode : failure.code === 'QUESTION_NOT_ANSWERED' ? failure.questionCode : null;
    const statement = [...call.declarations, ...call.questions].find((s) => s.code === statementCode)?.text ?? null;
    const words = MESSAGES.selectionCall.ineligible(failure, statement, territory);
    return { code: ENGINE_CODES[failure.code], statementCode, message: words.en, messageIt: words.it };
  });
}
