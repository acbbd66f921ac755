import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { modelOf } from '../../api/model-instance';
import { ServiceCategory } from '@vec/matching';
import { Transform, Type } from 'class-transformer';
import { ArrayUnique, IsBoolean, IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { BusinessErrorModel, BusinessFailure } from '../../api/business-error.model';
import type { Words } from '../../messages';
import { PageArgs, Paginated } from '../../api/pagination';
import '../../api/service-category.model';
import type { ProviderEntity } from '../../provider/provider.entity';
import { ProviderKind } from '../../provider/provider.types';
import { OfferEntity } from '../offer.entity';
import { OfferStatus, OfferVisibility } from '../offer.types';
import { OfferCoverageModel, toCoverageModel } from './offer-coverage.model';
import { IsComuneCode, IsProvinceCode, IsRegionCode, trim } from '../../api/input-rules';
import type { MyOfferFilter, OfferFilter } from '../offer.commands';
import { paymentMentions } from '../payment-mentions';

registerEnumType(OfferStatus, {
  name: 'OfferStatus',
  description: 'DRAFT → PUBLISHED ↔ PAUSED → CLOSED (a draft may also be closed); SUSPENDED by ministry staff, lifted to PAUSED.',
});
registerEnumType(OfferVisibility, { name: 'OfferVisibility', description: 'Whether shops see the offer now, or the one reason they do not.' });

@ObjectType('OfferSectors', { description: 'Which ATECO 2025 sectors may apply.' })
export class OfferSectorsModel {
  @Field() allSectors!: boolean;
  @Field(() => [String]) sections!: string[];
  @Field(() => [String]) divisions!: string[];
}

@ObjectType('PublicProvider', { description: 'What anyone may know about the provider of an offer.' })
export class PublicProviderModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => ProviderKind) kind!: ProviderKind;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field() description!: string;
}

@ObjectType('Offer')
export class OfferModel {
  @Field(() => ID) id!: string;
  providerId!: string;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => [ServiceCategory]) categories!: ServiceCategory[];
  @Field(() => OfferCoverageModel) coverage!: OfferCoverageModel;
  @Field(() => OfferSectorsModel) sectors!: OfferSectorsModel;
  @Field(() => Int, { description: 'How many shops it can serve.' }) capacity!: number;
  @Field(() => Int, { description: 'Slots taken by live or completed matches.' }) used!: number;
  @Field(() => Int) remainingCapacity!: number;
  @Field(() => Int) freePeriodMonths!: number;
  @Field({ description: 'The terms: the service must be free for the whole free period, with no fee and no obligation to renew or pay afterwards.' })
  conditions!: string;
  @Field(() => [String], {
    description:
      'Phrases of the conditions or description that suggest the shop would pay (an amount, an automatic renewal, a fee, a charge, a card to give): a hint for ministry staff and the provider to check the service is free, never a refusal. At most 5.',
  })
  paymentMentions!: string[];
  @Field() validFrom!: Date;
  @Field(() => Date, { nullable: true }) validUntil!: Date | null;
  @Field(() => OfferStatus) status!: OfferStatus;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  /** Staff's words to the provider: resolved for staff and the offer's provider only (OfferResolver). */
  moderationReason!: string | null;
  moderatedAt!: Date | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType('OfferUsage', { description: 'How an offer’s places are used, by match state.' })
export class OfferUsageModel {
  @Field(() => Int, { description: 'PENDING: places held while the provider answers.' }) pending!: number;
  @Field(() => Int) accepted!: number;
  @Field(() => Int) active!: number;
  @Field(() => Int) completed!: number;
  @Field(() => Int) waitlisted!: number;
}

@ObjectType('OfferPage')
export class OfferPageModel extends Paginated(OfferModel, 'OfferPageBase') {}

@ObjectType('CapacityBelowUsedError', { implements: () => [BusinessErrorModel], description: 'Capacity cannot drop below the slots already used.' })
export class CapacityBelowUsedErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'CAPACITY_BELOW_USED' as const;
  @Field(() => Int) readonly used: number;

  constructor(words: Words, field: string, used: number) {
    super(words, field);
    this.used = used;
  }
}

@ObjectType('OfferClosedError', { implements: () => [BusinessErrorModel], description: 'A closed offer cannot change.' })
export class OfferClosedErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'OFFER_CLOSED' as const;
}

@ObjectType('InvalidOfferTransitionError', { implements: () => [BusinessErrorModel] })
export class InvalidOfferTransitionErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'INVALID_TRANSITION' as const;
  @Field(() => OfferStatus) readonly currentStatus: OfferStatus;

  constructor(words: Words, field: string, currentStatus: OfferStatus) {
    super(words, field);
    this.currentStatus = currentStatus;
  }
}

@ObjectType('OfferValidityEndedError', { implements: () => [BusinessErrorModel], description: 'The offer’s validUntil has passed: extend it first.' })
export class OfferValidityEndedErrorModel extends BusinessFailure implements BusinessErrorModel {
  readonly code = 'VALIDITY_ENDED' as const;
  @Field() readonly validUntil: Date;

  constructor(words: Words, field: string, validUntil: Date) {
    super(words, field);
    this.validUntil = validUntil;
  }
}

@InputType()
export class OfferFilterInput implements OfferFilter {
  @Field(() => [ServiceCategory], { nullable: true, description: 'Offers with any of these categories.' })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(ServiceCategory, { each: true })
  categories?: ServiceCategory[];

  @Field({ nullable: true, description: 'Offers covering the whole region: national or that region.' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @Field({ nullable: true, description: 'Offers covering the whole province: national, its region or the province.' })
  @IsOptional()
  @IsProvinceCode()
  provinceCode?: string;

  @Field({ nullable: true, description: 'Offers available in the comune: national, its region, its province, the comune, or a radius containing its coordinates.' })
  @IsOptional()
  @IsComuneCode()
  comuneCode?: string;

  @Field({
    nullable: true,
    description: 'Offers that do not reach the comune: the complement of comuneCode (for a shop there, the offers it cannot take because of where it is).',
  })
  @IsOptional()
  @IsComuneCode()
  outsideComuneCode?: string;

  @Field(() => OfferStatus, { nullable: true, description: 'Ministry staff only; everyone else sees published offers of approved providers.' })
  @IsOptional()
  @IsEnum(OfferStatus)
  status?: OfferStatus;

  @Field({
    nullable: true,
    description: 'Ministry staff: only the offers shops see (published, of an approved provider, validity not ended), such as those a selection call may give; everyone else sees only those anyway.',
  })
  @IsOptional()
  @IsBoolean()
  shownToShops?: boolean;

  @Field({ nullable: true, description: "Words of the title or of the provider's name, in any order (case and accents ignored)." })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  search?: string;
}

@InputType()
export class MyOfferFilterInput implements MyOfferFilter {
  @Field(() => OfferStatus, { nullable: true }) @IsOptional() @IsEnum(OfferStatus) status?: OfferStatus;
  @Field(() => [ServiceCategory], { nullable: true }) @IsOptional() @ArrayUnique() @IsEnum(ServiceCategory, { each: true }) categories?: ServiceCategory[];
}

/** A page of the list with its filter: one arguments type, validated as a whole. */
@ArgsType()
export class OfferListArgs extends PageArgs {
  @Field(() => OfferFilterInput, { defaultValue: {} })
  @ValidateNested()
  @Type(() => OfferFilterInput)
  filter: OfferFilterInput = {};
}

@ArgsType()
export class MyOfferListArgs extends PageArgs {
  @Field(() => MyOfferFilterInput, { defaultValue: {} })
  @ValidateNested()
  @Type(() => MyOfferFilterInput)
  filter: MyOfferFilterInput = {};
}

export const toPublicProviderModel = (e: ProviderEntity): PublicProviderModel => ({
  id: e.id,
  name: e.name,
  kind: e.kind,
  website: e.website,
  description: e.description,
});

/** The offer with its coverage rows (which must have been loaded). */
export function toOfferModel(e: OfferEntity): OfferModel {
  if (!e.coverage) throw new Error(`Offer ${e.id} mapped without its coverage`);
  return modelOf(OfferModel, {
    id: e.id,
    providerId: e.providerId,
    title: e.title,
    description: e.description,
    categories: e.categories,
    coverage: toCoverageModel(e.coverageNational, e.coverage),
    sectors: { allSectors: e.allSectors, sections: e.eligibleSections, divisions: e.eligibleDivisions },
    capacity: e.capacity,
    used: e.used,
    remainingCapacity: e.capacity - e.used,
    freePeriodMonths: e.freePeriodMonths,
    conditions: e.conditions,
    paymentMentions: paymentMentions(e.conditions, e.description),
    validFrom: e.validFrom,
    validUntil: e.validUntil,
    status: e.status,
    publishedAt: e.publishedAt,
    moderationReason: e.moderationReason,
    moderatedAt: e.moderatedAt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  });
}
