import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ServiceCategory } from '@vec/matching';
import { ListSize } from '../../api/query-cost';
import '../../api/service-category.model';
import { MAX_BUNDLE_COMBINATIONS } from '../bundles-monitoring.service';

/** How many services a bundle can ask at most: one per category. */
const CATEGORY_COUNT = Object.keys(ServiceCategory).length;

@ObjectType('BundleCounts', { description: 'Bundles asked and how far they got: each is in exactly one of complete, partial, not served, withdrawn.' })
export class BundleCountsModel {
  @Field(() => Int, { description: 'Bundles asked by shops in the place and sector, including the category, in the period.' }) asked!: number;
  @Field(() => Int, { description: 'Every part served (a match accepted, active or completed): the complete set.' }) complete!: number;
  @Field(() => Int, { description: 'Some parts served, not all.' }) partial!: number;
  @Field(() => Int, { description: 'No part served yet (the shop has not withdrawn every part).' }) notServed!: number;
  @Field(() => Int, { description: 'Every part cancelled by the shop.' }) withdrawn!: number;
}

@ObjectType('BundleCombination')
export class BundleCombinationModel extends BundleCountsModel {
  @ListSize(CATEGORY_COUNT)
  @Field(() => [ServiceCategory], { description: 'The services asked together, in the platform’s order.' })
  categories!: ServiceCategory[];
}

@ObjectType('BundlesMonitoring', {
  description:
    'Bundles of services for the dashboard. Place and sector narrow the shops asking; the category keeps the bundles including it; the period keeps the bundles asked in it, whenever their parts were served.',
})
export class BundlesMonitoringModel extends BundleCountsModel {
  @Field(() => Float, { nullable: true, description: 'Parts (services) per bundle on average; null when no bundle is in scope.' }) averageParts!: number | null;
  @Field(() => Int, { description: 'How many different combinations of services were asked.' }) combinationCount!: number;
  @ListSize(MAX_BUNDLE_COMBINATIONS)
  @Field(() => [BundleCombinationModel], { description: `The combinations of services most asked, ties in the platform’s order of services (at most ${MAX_BUNDLE_COMBINATIONS}).` })
  combinations!: BundleCombinationModel[];
}
