import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsAfter } from '../../api/is-after.validator';
import { identifies, IsAtecoDivision, IsAtecoSection, IsComuneCode, IsProvinceCode, IsRegionCode, MailedText, MultiLineText, NameText, SingleLineText, trim, worded } from '../../api/input-rules';
import { MESSAGES } from '../../messages';
import { PageArgs } from '../../api/pagination';
import type { ApplyToCall, CallAnswer, CallEligibilityCommand, CreateSelectionCall, ExcludeCallApplication, ScoringCriterionCommand, SelectionCallFilter } from '../selection-call.commands';
import { CallApplicationStatus, ScoringKind, SelectionCallStatus, TieBreakRule } from '../selection-call.types';

export const MAX_CALL_PLACES = 100_000;
export const MAX_CALL_STATEMENTS = 20;
export const MAX_CALL_CRITERIA = 10;
export const MAX_CALL_OFFERS = 20;
export const MAX_CALL_AREAS = 200;
const CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;

const upperEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim().toUpperCase() : v)) : value;

@InputType({ description: 'A declaration to confirm or a yes/no question: a short code (lower case, digits, hyphens) and the words shown.' })
export class CallStatementInput {
  @Field() @Transform(trim) @IsString() @Matches(CODE, worded(MESSAGES.validation.shortCode)) code!: string;
  @Field() @SingleLineText() @IsString() @MinLength(5) @MaxLength(300) text!: string;
}

@InputType({ description: 'Who may apply. Empty lists: no restriction.' })
export class CallEligibilityInput implements CallEligibilityCommand {
  @Field(() => [String], { defaultValue: [], description: 'ATECO section letters; with divisions, either one qualifies.' })
  @Transform(upperEach)
  @ArrayMaxSize(22)
  @ArrayUnique()
  @IsAtecoSection(true)
  sections: string[] = [];

  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(100) @ArrayUnique() @IsAtecoDivision(true) divisions: string[] = [];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100_000) minEmployees?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100_000) maxEmployees?: number | null;
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(MAX_CALL_AREAS) @ArrayUnique() @IsRegionCode(true) regionCodes: string[] = [];
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(MAX_CALL_AREAS) @ArrayUnique() @IsProvinceCode(true) provinceCodes: string[] = [];
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(MAX_CALL_AREAS) @ArrayUnique() @IsComuneCode(true) comuneCodes: string[] = [];
}

@InputType({ description: 'A scoring criterion with its published weight (1–100 points).' })
export class ScoringCriterionInput implements ScoringCriterionCommand {
  @Field(() => ScoringKind) @IsEnum(ScoringKind) kind!: ScoringKind;
  @Field(() => Int) @IsInt() @Min(1) @Max(100) weight!: number;
  @Field(() => Int, { nullable: true, description: 'FEWER_EMPLOYEES: from this many employees up, no points.' }) @IsOptional() @IsInt() @Min(1) @Max(100_000) employeesCap?: number | null;
  @Field(() => [String], { nullable: true, description: 'PRIORITY_PROVINCES.' }) @IsOptional() @ArrayMaxSize(MAX_CALL_AREAS) @ArrayUnique() @IsProvinceCode(true) provinceCodes?: string[] | null;
  @Field(() => String, { nullable: true, description: 'ANSWER_YES: the code of one of the call’s questions.' }) @IsOptional() @IsString() @Matches(CODE, worded(MESSAGES.validation.shortCode)) questionCode?: string | null;
}

@InputType()
export class CreateSelectionCallInput implements CreateSelectionCall {
  @Field() @NameText() @IsString() @MinLength(5) @MaxLength(200) title!: string;
  @Field() @MultiLineText() @IsString() @MinLength(20) @MaxLength(4000) description!: string;

  @Field(() => [ID], { description: 'The offers whose places the call gives, most preferred first.' })
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_CALL_OFFERS)
  @IsUUID('all', { each: true, ...identifies('offer') })
  offerIds!: string[];

  @Field(() => Int) @IsInt() @Min(1) @Max(MAX_CALL_PLACES) places!: number;
  @Field() @IsDate() opensAt!: Date;
  @Field() @IsDate() @IsAfter('opensAt') closesAt!: Date;
  @Field(() => CallEligibilityInput) @ValidateNested() @Type(() => CallEligibilityInput) eligibility!: CallEligibilityInput;
  @Field(() => [CallStatementInput], { defaultValue: [] }) @ArrayMaxSize(MAX_CALL_STATEMENTS) @ValidateNested({ each: true }) @Type(() => CallStatementInput) declarations: CallStatementInput[] = [];
  @Field(() => [CallStatementInput], { defaultValue: [] }) @ArrayMaxSize(MAX_CALL_STATEMENTS) @ValidateNested({ each: true }) @Type(() => CallStatementInput) questions: CallStatementInput[] = [];

  @Field(() => [ScoringCriterionInput])
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_CALL_CRITERIA)
  @ValidateNested({ each: true })
  @Type(() => ScoringCriterionInput)
  scoring!: ScoringCriterionInput[];

  @Field(() => [TieBreakRule], { defaultValue: [], description: 'Applied in this order to equal scores; the published draw always comes last.' })
  @ArrayMaxSize(2)
  @IsEnum(TieBreakRule, { each: true })
  tieBreak: TieBreakRule[] = [];
}

@InputType()
export class CallAnswerInput implements CallAnswer {
  @Field() @IsString() @Matches(CODE) questionCode!: string;
  @Field() @IsBoolean() answer!: boolean;
}

@InputType()
export class ApplyToCallInput implements ApplyToCall {
  @Field(() => ID) @IsUUID('all', identifies('selectionCall')) callId!: string;
  @Field(() => [String], { defaultValue: [], description: 'Codes of the declarations confirmed.' }) @ArrayMaxSize(MAX_CALL_STATEMENTS) @IsString({ each: true }) declarations: string[] = [];
  @Field(() => [CallAnswerInput], { defaultValue: [] }) @ArrayMaxSize(MAX_CALL_STATEMENTS) @ValidateNested({ each: true }) @Type(() => CallAnswerInput) answers: CallAnswerInput[] = [];
}

@InputType()
export class ExcludeCallApplicationInput implements ExcludeCallApplication {
  @Field(() => ID) @IsUUID('all', identifies('callApplication')) applicationId!: string;
  @Field({ description: 'Why, in a few words (5–500 characters, no web address: it is e-mailed to the applicant): kept in the audit trail and shown to the applicant.' })
  @MailedText()
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  reason!: string;
}

@ArgsType()
export class SelectionCallIdArgs {
  @Field(() => ID) @IsUUID('all', identifies('selectionCall')) id!: string;
}

@ArgsType()
export class CallIdArgs {
  @Field(() => ID) @IsUUID('all', identifies('selectionCall')) callId!: string;
}

@InputType()
export class SelectionCallFilterInput implements SelectionCallFilter {
  @Field(() => SelectionCallStatus, { nullable: true }) @IsOptional() @IsEnum(SelectionCallStatus) status?: SelectionCallStatus;
  @Field(() => ID, { nullable: true, description: 'Only the calls this authorised organisation runs.' })
  @IsOptional()
  @IsUUID('all', identifies('facilitator'))
  organisationId?: string | null;
}

@ArgsType()
export class SelectionCallListArgs extends PageArgs {
  @Field(() => SelectionCallFilterInput, { defaultValue: {} }) @ValidateNested() @Type(() => SelectionCallFilterInput) filter: SelectionCallFilterInput = {};
}

@ArgsType()
export class CallApplicationListArgs extends PageArgs {
  @Field(() => ID) @IsUUID('all', identifies('selectionCall')) callId!: string;
  @Field(() => CallApplicationStatus, { nullable: true }) @IsOptional() @IsEnum(CallApplicationStatus) status?: CallApplicationStatus;
}

@ArgsType()
export class GraduatoriaArgs extends PageArgs {
  @Field(() => ID) @IsUUID('all', identifies('selectionCall')) callId!: string;
}
