import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ServiceCategory } from '@vec/matching';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { IsComuneCode } from '../../api/input-rules';
import { PageArgs, Paginated } from '../../api/pagination';
import '../../api/service-category.model';
import { OfferEntity } from '../offer.entity';
import { OfferCoverageModel, toCoverageModel } from './offer-coverage.model';
import { OfferSectorsModel, PublicProviderModel, toPublicProviderModel } from './offer.models';
import type { CatalogueFilter } from '../offer.commands';

const CATEGORY_COUNT = Object.values(ServiceCategory).length;

@ObjectType('CatalogueOffer', {
  description: 'A published offer of an approved provider as anyone may see it, without an account: what it gives, where, to whom, for how long, and how many places are left. No personal data.',
})
export class CatalogueOfferModel {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => [ServiceCategory]) categories!: ServiceCategory[];
  @Field(() => OfferCoverageModel) coverage!: OfferCoverageModel;
  @Field(() => OfferSectorsModel) sectors!: OfferSectorsModel;
  @Field(() => Int) freePeriodMonths!: number;
  @Field() conditions!: string;
  @Field() validFrom!: Date;
  @Field(() => Date, { nullable: true }) validUntil!: Date | null;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => Int, { description: 'Places not yet taken; 0 when full (a shop may then join its waitlist).' }) placesLeft!: number;
  @Field(() => PublicProviderModel) provider!: PublicProviderModel;
}

@ObjectType('CatalogueOfferPage')
export class CatalogueOfferPageModel extends Paginated(CatalogueOfferModel, 'CatalogueOfferPageBase') {}

@InputType()
export class CatalogueFilterInput implements CatalogueFilter {
  @Field(() => [ServiceCategory], { nullable: true, description: 'Offers with any of these categories.' })
  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(CATEGORY_COUNT)
  @IsEnum(ServiceCategory, { each: true })
  categories?: ServiceCategory[];

  @Field({ nullable: true, description: 'Offers available in the comune: national, its region, its province, the comune, or a radius containing it.' })
  @IsOptional()
  @IsComuneCode()
  comuneCode?: string;
}

@ArgsType()
export class CatalogueArgs extends PageArgs {
  @Field(() => CatalogueFilterInput, { defaultValue: {} })
  @ValidateNested()
  @Type(() => CatalogueFilterInput)
  filter: CatalogueFilterInput = {};
}

/** The public view of an offer (coverage and provider loaded): no capacity internals beyond places left. */
export function toCatalogueOfferModel(e: OfferEntity): CatalogueOfferModel {
  if (!e.coverage || !e.provider) throw new Error(`Offer ${e.id} mapped for the catalogue without its coverage or provider`);
  return {
    id: e.id,
    title: e.title,
    description: e.description,
    categories: e.categories,
    coverage: toCoverageModel(e.coverageNational, e.coverage),
    sectors: { allSectors: e.allSectors, sections: e.eligibleSections, divisions: e.eligibleDivisions },
    freePeriodMonths: e.freePeriodMonths,
    conditions: e.conditions,
    validFrom: e.validFrom,
    validUntil: e.validUntil,
    publishedAt: e.publishedAt,
    placesLeft: Math.max(0, e.capacity - e.used),
    provider: toPublicProviderModel(e.provider),
  };
}
