import { ArgsType, Field, ID } from '@nestjs/graphql';
import { COMUNE_CODE_PATTERN, PROVINCE_CODE_PATTERN, REGION_CODE_PATTERN } from '@vec/territory';
import { IsDefined, IsUUID, Matches, ValidateIf } from 'class-validator';

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

/** Italian wording for a rule, read by the validation pipe (class-validator's `context`). */
export const italian = (it: string): { context: { it: string } } => ({ context: { it } });

/** ISTAT codes: text with leading zeros, checked by shape here and against the tables by services. */
export const IsRegionCode = (): PropertyDecorator =>
  Matches(REGION_CODE_PATTERN, { message: '$property must be a 2-digit ISTAT region code', ...italian('deve essere un codice ISTAT di regione di 2 cifre') });
export const IsProvinceCode = (): PropertyDecorator =>
  Matches(PROVINCE_CODE_PATTERN, { message: '$property must be a 3-digit ISTAT province code', ...italian('deve essere un codice ISTAT di provincia di 3 cifre') });
export const IsComuneCode = (): PropertyDecorator =>
  Matches(COMUNE_CODE_PATTERN, { message: '$property must be a 6-digit ISTAT comune code', ...italian('deve essere scelto dall’elenco dei comuni (codice ISTAT di 6 cifre)') });
