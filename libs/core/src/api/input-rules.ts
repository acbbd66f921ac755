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

/**
 * ISTAT codes: text with leading zeros, checked by shape here and against the tables by services.
 * People pick places from a list, so the words say that rather than how the code is written.
 */
export const IsRegionCode = (each = false): PropertyDecorator =>
  Matches(REGION_CODE_PATTERN, {
    each,
    message: '$property must be chosen from the list of regions (a 2-digit ISTAT code such as 01)',
    ...italian('va scelta dall’elenco delle regioni'),
  });
export const IsProvinceCode = (each = false): PropertyDecorator =>
  Matches(PROVINCE_CODE_PATTERN, {
    each,
    message: '$property must be chosen from the list of provinces (a 3-digit ISTAT code such as 001)',
    ...italian('va scelta dall’elenco delle province'),
  });
export const IsComuneCode = (each = false): PropertyDecorator =>
  Matches(COMUNE_CODE_PATTERN, {
    each,
    message: '$property must be chosen from the list of comuni (a 6-digit ISTAT code such as 001001)',
    ...italian('va scelto dall’elenco dei comuni'),
  });

/** ATECO 2025: the section letter and the two digits of the division. */
export const IsAtecoSection = (each = false): PropertyDecorator =>
  Matches(/^[A-V]$/, {
    each,
    message: '$property must be a letter from A to V (the section of the ATECO code)',
    ...italian('deve essere una lettera da A a V (la sezione del codice ATECO)'),
  });
export const IsAtecoDivision = (each = false): PropertyDecorator =>
  Matches(/^\d{2}$/, {
    each,
    message: '$property must be the two digits of the ATECO division, such as 47',
    ...italian('deve essere formata dalle due cifre della divisione ATECO, per esempio 47'),
  });

export const IsPhoneNumber = (): PropertyDecorator =>
  Matches(/^\+?[0-9 ()-]{6,20}$/, {
    message: '$property must be a phone number, such as 011 1234567 or +39 011 1234567',
    ...italian('deve essere un numero di telefono, per esempio 011 1234567 o +39 011 1234567'),
  });
