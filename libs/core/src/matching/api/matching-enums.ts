import { registerEnumType } from '@nestjs/graphql';
import { COVERAGE_LEVELS, CoverageLevel, INELIGIBILITY_REASONS, IneligibilityReason, ScoreComponentName } from '@vec/matching';

const asEnum = <T extends string>(values: readonly T[]): Record<T, T> => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

/** The engine's closed lists, exposed as GraphQL enums (the engine itself stays framework-free). */
export const CoverageLevelEnum = asEnum<CoverageLevel>(COVERAGE_LEVELS);
export const IneligibilityReasonEnum = asEnum<IneligibilityReason>(INELIGIBILITY_REASONS);
export const ScoreComponentNameEnum = asEnum<ScoreComponentName>(['COVERAGE', 'DISTANCE', 'CATEGORY_FIT', 'FREE_PERIOD', 'REMAINING_CAPACITY']);

registerEnumType(CoverageLevelEnum, { name: 'CoverageLevel', description: 'How locally an offer covers a shop, from most to least local.' });
registerEnumType(IneligibilityReasonEnum, { name: 'IneligibilityReason', description: 'A matching rule an offer fails for a request.' });
registerEnumType(ScoreComponentNameEnum, { name: 'ScoreComponentName', description: 'One term of the ranking score.' });
