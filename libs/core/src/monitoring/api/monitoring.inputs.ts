import { ArgsType, Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ServiceCategory } from '@vec/matching';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { IsAfter } from '../../api/is-after.validator';
import { IsAtecoSection, IsProvinceCode, IsRegionCode } from '../../api/input-rules';
import { PageArgs } from '../../api/pagination';
import '../../api/service-category.model';
import type { MonitoringFilter } from '../monitoring.commands';
import { BreakdownDimension, TimeBucket } from '../monitoring.types';
import { identifies } from '../../api/input-rules';

registerEnumType(BreakdownDimension, { name: 'BreakdownDimension', description: 'What to group the figures by (SECTOR: ATECO section).' });
registerEnumType(TimeBucket, { name: 'TimeBucket', description: 'Days or ISO weeks (Monday to Sunday), in Italian time.' });

/**
 * Which part of the programme to look at. Places and sector narrow the shops; the category narrows
 * requests, matches and offers; the period (from inclusive, to exclusive) selects the events that
 * happened in it (shops registered, requests made, matches created, activations).
 */
@InputType()
export class MonitoringFilterInput implements MonitoringFilter {
  @Field({ nullable: true }) @IsOptional() @IsRegionCode() regionCode?: string;
  @Field({ nullable: true }) @IsOptional() @IsProvinceCode() provinceCode?: string;
  @Field(() => ServiceCategory, { nullable: true }) @IsOptional() @IsEnum(ServiceCategory) category?: ServiceCategory;

  @Field({ nullable: true, description: 'ATECO 2025 section letter (A–V).' })
  @IsOptional()
  @IsAtecoSection()
  atecoSection?: string;

  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() from?: Date;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() @IsAfter('from') to?: Date;
}

@ArgsType()
export class MonitoringArgs {
  @Field(() => MonitoringFilterInput, { defaultValue: {} })
  @ValidateNested()
  @Type(() => MonitoringFilterInput)
  filter: MonitoringFilterInput = {};
}

@ArgsType()
export class BreakdownArgs extends MonitoringArgs {
  @Field(() => BreakdownDimension) @IsEnum(BreakdownDimension) by!: BreakdownDimension;
}

@ArgsType()
export class TimeSeriesArgs extends MonitoringArgs {
  @Field(() => TimeBucket, { defaultValue: TimeBucket.WEEK }) @IsEnum(TimeBucket) bucket: TimeBucket = TimeBucket.WEEK;
}

@ArgsType()
export class MonitoringPageArgs extends PageArgs {
  @Field(() => MonitoringFilterInput, { defaultValue: {} })
  @ValidateNested()
  @Type(() => MonitoringFilterInput)
  filter: MonitoringFilterInput = {};
}

@ArgsType()
export class CapacityArgs extends PageArgs {
  @Field(() => MonitoringFilterInput, { defaultValue: {} })
  @ValidateNested()
  @Type(() => MonitoringFilterInput)
  filter: MonitoringFilterInput = {};

  @Field({ nullable: true, description: 'Only this provider’s offers.' })
  @IsOptional()
  @IsUUID('all', identifies('provider'))
  providerId?: string;

  @Field(() => Int, { nullable: true, description: 'Only offers whose validity or earliest free period ends within this many days (1–365).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  endingWithinDays?: number;
}
