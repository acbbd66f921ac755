import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ServiceCategory } from '@vec/matching';
import { SERVICE_CATEGORY_LABELS } from '../messages';

// Shared by offers, help requests and (later) matches: registered once, here.
registerEnumType(ServiceCategory, {
  name: 'ServiceCategory',
  description: 'The closed list of free digital services (see `serviceCategories` for the labels).',
  valuesMap: Object.fromEntries(Object.values(ServiceCategory).map((c) => [c, { description: SERVICE_CATEGORY_LABELS[c].en }])),
});

@ObjectType('ServiceCategoryInfo', { description: 'A service category with its Italian and English labels.' })
export class ServiceCategoryModel {
  @Field(() => ServiceCategory) code!: ServiceCategory;
  @Field({ description: 'Italian label, e.g. "Consegna a domicilio".' }) labelIt!: string;
  @Field({ description: 'English label, e.g. "Home delivery".' }) labelEn!: string;
}

/** Every category, in the order of the closed list. */
export const serviceCategoryModels = (): ServiceCategoryModel[] =>
  Object.values(ServiceCategory).map((code) => ({ code, labelIt: SERVICE_CATEGORY_LABELS[code].it, labelEn: SERVICE_CATEGORY_LABELS[code].en }));
