import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsDefined, IsUUID, ValidateIf } from 'class-validator';

type TransformArgs = { value: unknown };

/** Class-transformer helpers shared by every input. */
export const trim = ({ value }: TransformArgs): unknown => (typeof value === 'string' ? value.trim() : value);
export const upper = ({ value }: TransformArgs): unknown => (typeof value === 'string' ? value.trim().toUpperCase() : value);
export const lowerTrim = ({ value }: TransformArgs): unknown => (typeof value === 'string' ? value.trim().toLowerCase() : value);
/** Partita IVA as people type it: spaces and an "IT" prefix removed. */
export const compactVatNumber = ({ value }: TransformArgs): unknown =>
  typeof value === 'string' ? value.replace(/\s+/g, '').replace(/^IT/i, '') : value;

/**
 * Optional in an update, but never null: null would erase a required column. Place it last,
 * nearest the property: rules run bottom-up and only the first failure is reported.
 */
export const Omittable = (): PropertyDecorator => (target, property) => {
  IsDefined({ message: '$property cannot be null: omit it to keep the current value' })(target, property);
  ValidateIf((_input: object, value: unknown) => value !== undefined)(target, property);
};

/** `id: ID!` that must be a UUID, so malformed ids are bad input rather than database errors. */
@ArgsType()
export class IdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be a valid identifier' }) id!: string;
}
