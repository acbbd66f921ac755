import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CATEGORIES_FOR_NEED, NEED_CODES, ServiceCategory, type NeedCode } from '@vec/matching';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { asAlternatives } from '../../api/input-rules';
import { ListSize } from '../../api/query-cost';
import { MESSAGES } from '../../messages';
import type { CreateHelpRequestsFromNeeds } from '../help-request.commands';
import { CreateHelpRequestInput } from './help-request.inputs';

/** The questionnaire's answers as a GraphQL enum, from the engine's list. */
export const NeedCodeEnum = Object.fromEntries(NEED_CODES.map((code) => [code, code])) as { [C in NeedCode]: C };
registerEnumType(NeedCodeEnum, { name: 'NeedCode', description: 'An answer of the needs questionnaire (needsQuestionnaire lists them with their words).' });

@ObjectType('NeedSuggestion', { description: 'What a shop might write when it asks for a service.' })
export class NeedSuggestionModel {
  @Field(() => ServiceCategory) category!: ServiceCategory;
  @Field() description!: string;
  @Field() descriptionIt!: string;
}

@ObjectType('Need', { description: 'One answer of the questionnaire and the services it calls for.' })
export class NeedModel {
  @Field(() => NeedCodeEnum) code!: NeedCode;
  @Field() question!: string;
  @Field() questionIt!: string;
  @Field() hint!: string;
  @Field() hintIt!: string;
  @Field(() => [ServiceCategory]) categories!: ServiceCategory[];
}

@ObjectType('NeedsQuestionnaire', { description: 'The needs questionnaire: one question, several answers, each calling for some service categories.' })
export class NeedsQuestionnaireModel {
  @Field() question!: string;
  @Field() questionIt!: string;
  @Field() hint!: string;
  @Field() hintIt!: string;
  @ListSize(NEED_CODES.length) @Field(() => [NeedModel]) needs!: NeedModel[];
  @ListSize(Object.values(ServiceCategory).length)
  @Field(() => [NeedSuggestionModel], { description: 'A suggested description for each service category.' }) suggestions!: NeedSuggestionModel[];
}

@InputType({ description: 'The questionnaire’s answers; optionally the requests to make of the services they call for (else one for each, with the suggested description).' })
export class CreateHelpRequestsFromNeedsInput implements CreateHelpRequestsFromNeeds {
  @Field(() => [NeedCodeEnum])
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(NEED_CODES, { each: true, ...asAlternatives() })
  needs!: NeedCode[];

  @Field(() => [CreateHelpRequestInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(Object.values(ServiceCategory).length)
  @ValidateNested({ each: true })
  @Type(() => CreateHelpRequestInput)
  requests?: CreateHelpRequestInput[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Group the requests in one bundle (two or more services), recommended and applied to as a set (bundleRecommendations).' })
  @IsOptional()
  @IsBoolean()
  asBundle?: boolean | null;
}

/** The questionnaire as the API serves it, from the engine's mapping and the message catalogue. */
export function needsQuestionnaire(): NeedsQuestionnaireModel {
  const question = MESSAGES.needs.question();
  const hint = MESSAGES.needs.questionHint();
  return {
    question: question.en,
    questionIt: question.it,
    hint: hint.en,
    hintIt: hint.it,
    needs: NEED_CODES.map((code) => {
      const words = MESSAGES.needs.need(code);
      const needHint = MESSAGES.needs.needHint(code);
      return { code, question: words.en, questionIt: words.it, hint: needHint.en, hintIt: needHint.it, categories: [...CATEGORIES_FOR_NEED[code]] };
    }),
    suggestions: Object.values(ServiceCategory).map((category) => {
      const words = MESSAGES.needs.suggestion(category);
      return { category, description: words.en, descriptionIt: words.it };
    }),
  };
}
