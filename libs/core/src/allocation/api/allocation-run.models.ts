import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { modelOf } from '../../api/model-instance';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { COVERAGE_LEVELS, type CoverageLevel } from '@vec/matching';
import { BusinessErrorModel, BusinessFailure } from '../../api/business-error.model';
import { MESSAGES, type Words } from '../../messages';
import { CoverageLevelEnum } from '../../matching/api/matching-enums';
import { PageArgs, Paginated } from '../../api/pagination';
import { AllocationRunItemEntity } from '../allocation-run-item.entity';
import { AllocationRunEntity } from '../allocation-run.entity';
import { AllocationRunMode, AllocationRunStatus, RunFailure, UnservedReasonCode } from '../allocation.types';
import { ListSize } from '../../api/query-cost';
import type { AllocationRunItemFilter, StartAllocationRun } from '../allocation.commands';
import { identifies } from '../../api/input-rules';

registerEnumType(AllocationRunMode, { name: 'AllocationRunMode', description: 'PREVIEW shows who would get what; COMMIT creates the matches.' });
registerEnumType(AllocationRunStatus, { name: 'AllocationRunStatus' });
registerEnumType(UnservedReasonCode, {
  name: 'UnservedReason',
  description:
    'NO_ELIGIBLE_OFFER: no offer covers the request at all; ONLY_REFUSED: the only offers covering it are ones it refused or that declined it, never offered to it again; ALL_FULL: those that do are full; SHOP_LIMIT: the shop is at its limits; SET_INCOMPLETE (runs with completeSetsOnly): its bundle could not be served whole, so none of it was.',
});

@ObjectType('UnservedCount')
export class UnservedCountModel {
  @Field(() => UnservedReasonCode) reason!: UnservedReasonCode;
  @Field(() => Int) count!: number;
}

@ObjectType('CoverageLevelCount')
export class CoverageLevelCountModel {
  @Field(() => CoverageLevelEnum) level!: CoverageLevel;
  @Field(() => Int) count!: number;
}

@ObjectType('AllocationRunSetSummary', {
  description: 'The bundles with requests in the run (each counted once): served whole, in part, or not at all.',
})
export class AllocationRunSetSummaryModel {
  @Field(() => Int) total!: number;
  @Field(() => Int, { description: 'Every request of the bundle served.' }) complete!: number;
  @Field(() => Int, { description: 'Some requests served, some not (only in runs without completeSetsOnly).' }) partial!: number;
  @Field(() => Int, { description: 'No request of the bundle served (dropped ones included).' }) unserved!: number;
  @Field(() => Int, { description: 'Withdrawn by completeSetsOnly because it could not be served whole (its requests: SET_INCOMPLETE).' }) dropped!: number;
}

@ObjectType('AllocationRunSummary', {
  description: 'What a run achieved, in the terms an analyst reads: how many were served, and how locally.',
})
export class AllocationRunSummaryModel {
  @Field(() => Int) requests!: number;
  @Field(() => Int) served!: number;
  @Field(() => Float, { nullable: true, description: 'served ÷ requests.' }) servedShare!: number | null;
  @ListSize(COVERAGE_LEVELS.length)
  @Field(() => [CoverageLevelCountModel], { description: 'Served requests by how locally the offer covers the shop, from the comune to all of Italy (zeros included).' })
  byCoverageLevel!: CoverageLevelCountModel[];
  @Field(() => Int, { description: 'Served through an offer drawn as a radius: the only ones with a distance.' }) servedWithinRadius!: number;
  @Field(() => Float, { nullable: true, description: 'Average km from the shop to the centre of the radius, over those.' }) averageRadiusKm!: number | null;
  @Field(() => AllocationRunSetSummaryModel) sets!: AllocationRunSetSummaryModel;
}

@ObjectType('AllocationRunStatistics', { description: 'What a finished run found and decided.' })
export class AllocationRunStatisticsModel {
  @Field(() => Int) requests!: number;
  @Field(() => Int) offers!: number;
  @Field(() => Int, { description: 'Request–offer pairs that passed every rule but capacity and limits.' }) candidatePairs!: number;
  @Field(() => Int) served!: number;
  @Field(() => Int) unserved!: number;
  @ListSize(Object.keys(UnservedReasonCode).length) @Field(() => [UnservedCountModel]) unservedByReason!: UnservedCountModel[];
  @Field(() => Int, {
    description:
      'The allocator’s own score, lowest best once the most requests are served: 100 per step from comune coverage towards national, 2 per km to a radius centre, less for older requests and for those with fewer alternatives. It has no unit: compare runs on the same data, or read summary instead.',
  })
  totalCost!: number;
  @Field(() => Int) durationMs!: number;
  @Field(() => Int) solveMs!: number;
  @Field(() => Int, { nullable: true, description: 'Exact solves the run made: 1, or more when completeSetsOnly dropped bundles and solved again (null for runs before it was recorded).' })
  solveRounds!: number | null;
}

@ObjectType('AllocationRun', { description: 'One run of the exact allocator over every open request.' })
export class AllocationRunModel {
  @Field(() => ID) id!: string;
  @Field(() => AllocationRunMode) mode!: AllocationRunMode;
  @Field(() => AllocationRunStatus) status!: AllocationRunStatus;
  @Field({ description: 'The run serves a bundle’s requests only all together (see StartAllocationRunInput.completeSetsOnly).' }) completeSetsOnly!: boolean;
  @Field(() => ID, { nullable: true }) requestedByUserId!: string | null;
  @Field(() => Date, { nullable: true }) scheduledFor!: Date | null;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => AllocationRunStatisticsModel, { nullable: true }) statistics!: AllocationRunStatisticsModel | null;
  @Field(() => String, { nullable: true, description: 'Why the run FAILED, as a code: RUN_FAILED or WORKER_STOPPED.' }) failureCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the run FAILED, in English.' }) failure!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the run FAILED, in Italian.' }) failureIt!: string | null;
  @Field() createdAt!: Date;
}

const FAILURES = Object.values(RunFailure);

/** Why a run failed, as the API gives it: its code and the words in both languages. Runs that failed before codes were stored kept the English sentence. */
export function failureFields(stored: string | null): { failureCode: RunFailure | null; failure: string | null; failureIt: string | null } {
  if (stored === null) return { failureCode: null, failure: null, failureIt: null };
  const code = FAILURES.find((failure) => failure === stored || MESSAGES.allocation.runFailed(failure).en === stored) ?? RunFailure.RUN_FAILED;
  const words = MESSAGES.allocation.runFailed(code);
  return { failureCode: code, failure: words.en, failureIt: words.it };
}

@ObjectType('AllocationRunPage')
export class AllocationRunPageModel extends Paginated(AllocationRunModel, 'AllocationRunPageBase') {}

@ObjectType('AllocationRunItem', { description: 'What the run decided for one request.' })
export class AllocationRunItemModel {
  @Field(() => ID) helpRequestId!: string;
  @Field(() => ID, { nullable: true }) offerId!: string | null;
  @Field(() => Int, { nullable: true }) cost!: number | null;
  @Field(() => CoverageLevelEnum, { nullable: true }) coverageLevel!: CoverageLevel | null;
  @Field(() => Float, { nullable: true, description: 'Radius coverage only: the shop’s distance from the centre of the covering radius (null for area coverage, where no distance applies).' })
  distanceKm!: number | null;
  @Field(() => UnservedReasonCode, { nullable: true }) unservedReason!: UnservedReasonCode | null;
  @Field(() => ID, { nullable: true, description: 'COMMIT runs: the match created.' }) matchId!: string | null;
}

@ObjectType('AllocationRunItemPage')
export class AllocationRunItemPageModel extends Paginated(AllocationRunItemModel, 'AllocationRunItemPageBase') {}

@ObjectType('InvalidAllocationRunStateError', { implements: () => [BusinessErrorModel] })
export class InvalidAllocationRunStateErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'NOT_CANCELLABLE' as const;
  @Field(() => AllocationRunStatus) readonly currentStatus: AllocationRunStatus;

  constructor(words: Words, field: string, currentStatus: AllocationRunStatus) {
    super(words, field);
    this.currentStatus = currentStatus;
  }
}

@InputType()
export class StartAllocationRunInput implements StartAllocationRun {
  @Field(() => AllocationRunMode) @IsEnum(AllocationRunMode) mode!: AllocationRunMode;

  @Field(() => Date, { nullable: true, description: 'Run at this time instead of now (must be in the future).' })
  @IsOptional()
  @IsDate()
  runAt?: Date;

  @Field({
    nullable: true,
    defaultValue: false,
    description:
      'Serve a bundle only whole: a request asked in a bundle is served only if every open request of its bundle is; the others get SET_INCOMPLETE and their places go to other requests. ' +
      'A heuristic on top of the exact allocator (the exact problem is an integer program): it solves exactly favouring bundles’ requests, drops bundles served in part, and solves again until none is; given the bundles it serves, the result is exact. Default false: every request is served on its own.',
  })
  @IsOptional()
  @IsBoolean()
  completeSetsOnly?: boolean;
}

@ArgsType()
export class AllocationRunIdArgs {
  @Field(() => ID) @IsUUID('all', identifies('allocationRun')) id!: string;
}

@InputType()
export class AllocationRunItemFilterInput implements AllocationRunItemFilter {
  @Field({ nullable: true, description: 'true: only served requests; false: only unserved.' }) @IsOptional() @IsBoolean() served?: boolean;
  @Field(() => UnservedReasonCode, { nullable: true }) @IsOptional() @IsEnum(UnservedReasonCode) reason?: UnservedReasonCode;
}

@ArgsType()
export class AllocationRunItemArgs extends PageArgs {
  @Field(() => AllocationRunItemFilterInput, { defaultValue: {} })
  @ValidateNested()
  @Type(() => AllocationRunItemFilterInput)
  filter: AllocationRunItemFilterInput = {};
}

export const toAllocationRunModel = (e: AllocationRunEntity): AllocationRunModel => modelOf(AllocationRunModel, {
  id: e.id,
  mode: e.mode,
  status: e.status,
  completeSetsOnly: e.completeSetsOnly,
  requestedByUserId: e.requestedByUserId,
  scheduledFor: e.scheduledFor,
  startedAt: e.startedAt,
  finishedAt: e.finishedAt,
  statistics: e.statistics
    ? {
        ...e.statistics,
        solveRounds: e.statistics.solveRounds ?? null,
        unservedByReason: Object.entries(e.statistics.unservedByReason).map(([reason, count]) => ({ reason: reason as UnservedReasonCode, count })),
      }
    : null,
  ...failureFields(e.failure),
  createdAt: e.createdAt,
});

export const toAllocationRunItemModel = (e: AllocationRunItemEntity): AllocationRunItemModel => ({
  helpRequestId: e.helpRequestId,
  offerId: e.offerId,
  cost: e.cost,
  coverageLevel: e.coverageLevel as CoverageLevel | null,
  distanceKm: e.coverageLevel === 'RADIUS' ? e.distanceKm : null,
  unservedReason: e.unservedReason,
  matchId: e.matchId,
});
