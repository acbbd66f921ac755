import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ServiceCategory } from '@vec/matching';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { MultiLineText, Omittable } from '../../api/input-rules';
import type { CreateHelpRequest, UpdateHelpRequest } from '../help-request.commands';
import { identifies } from '../../api/input-rules';


@InputType()
export class CreateHelpRequestInput implements CreateHelpRequest {
  @Field(() => ServiceCategory, { description: 'The one kind of service needed.' }) @IsEnum(ServiceCategory) category!: ServiceCategory;
  @Field({ description: 'What the shop needs, in a few words (10–2000 characters).' })
  @MultiLineText()
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  description!: string;
}

@InputType({ description: 'Several needs at once (the needs questionnaire): all are created, or none.' })
export class CreateHelpRequestsInput {
  @Field(() => [CreateHelpRequestInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(Object.values(ServiceCategory).length)
  @ValidateNested({ each: true })
  @Type(() => CreateHelpRequestInput)
  requests!: CreateHelpRequestInput[];
}

@InputType({ description: 'Only while the request is OPEN; only the fields given change.' })
export class UpdateHelpRequestInput implements UpdateHelpRequest {
  @Field(() => ID) @IsUUID('all', identifies('helpRequest')) id!: string;
  @Field(() => ServiceCategory, { nullable: true }) @IsEnum(ServiceCategory) @Omittable() category?: ServiceCategory;
  @Field({ nullable: true }) @MultiLineText() @MaxLength(2000) @MinLength(10) @IsString() @Omittable() description?: string;
}

@ArgsType()
export class HelpRequestIdArgs {
  @Field(() => ID) @IsUUID('all', identifies('helpRequest')) id!: string;
}
