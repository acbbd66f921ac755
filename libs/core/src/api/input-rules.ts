import { ArgsType, Field, ID } from '@nestjs/graphql';
import { COMUNE_CODE_PATTERN, PROVINCE_CODE_PATTERN, REGION_CODE_PATTERN } from '@vec/territory';
import { Transform } from 'class-transformer';
import { IsDefined, IsEmail, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, MinLength, registerDecorator, ValidateIf, type ValidationArguments } from 'class-validator';
import { MESSAGES, type IdentifiedThing, type Words } from '../messages';
import { normaliseEmailAddress } from '../common/email-address';
import { PASSWORD_CHARACTERS, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password-rule';

export { PASSWORD_MIN_LENGTH };
import { mailedTextProblem, nameProblem, normaliseText, textProblem, type TextKind, type TextProblem } from './text-rules';

type TransformArgs = { value: unknown };

/** Class-transformer helpers shared by every input. */
export const trim = ({ value }: TransformArgs): unknown => (typeof value === 'string' ? value.trim() : value);
export const upper = ({ value }: TransformArgs): unknown => (typeof value === 'string' ? value.trim().toUpperCase() : value);
export const lowerTrim = ({ value }: TransformArgs): unknown => (typeof value === 'string' ? value.trim().toLowerCase() : value);
/** Partita IVA as people type it: spaces and an "IT" prefix removed. */
export const compactVatNumber = ({ value }: TransformArgs): unknown =>
  typeof value === 'string' ? value.replace(/\s+/g, '').replace(/^IT/i, '') : value;

/**
 * An e-mail address as people type it, in the form the platform stores (normaliseEmailAddress).
 * The local part must then be ASCII for a new address (`EmailAddress`), so "negozio@…" with a
 * zero-width space, a Cyrillic "г" or a full-width "ｎ" is refused or read as the plain address,
 * never a look-alike; an address only looked up (`EmailLookup`) is read the same way.
 */
export const emailAddress = ({ value }: TransformArgs): unknown => (typeof value === 'string' ? normaliseEmailAddress(value) : value);

/** Something before and after one @, nothing blank: what every stored address has. */
const LOOKS_LIKE_AN_ADDRESS = /^[^@\s]+@[^@\s]+$/;

/**
 * An address only looked up, never stored (sign-in, a password reset, a filter): read as stored
 * addresses are, without the rules for a new one, so that an account made under older rules can
 * still sign in and reset its password.
 */
export const EmailLookup = (): PropertyDecorator => (target, property) => {
  MaxLength(254)(target, property);
  // Blank is told "required" (validation.ts), anything else without the shape "not an e-mail address".
  Matches(LOOKS_LIKE_AN_ADDRESS, worded((path) => MESSAGES.validation.email(path)))(target, property);
  IsString()(target, property);
  Transform(emailAddress)(target, property);
};

/** A new e-mail address (see `emailAddress`), at most 254 characters. */
export const EmailAddress = (): PropertyDecorator => (target, property) => {
  MaxLength(254)(target, property);
  IsEmail({ allow_utf8_local_part: false, allow_ip_domain: false, allow_display_name: false })(target, property);
  Transform(emailAddress)(target, property);
};

/**
 * A new password: at most 128 characters, of which at least PASSWORD_MIN_LENGTH are not spaces
 * (a passphrase keeps its spaces; twelve spaces are no password). Optional where the field is.
 * How easy it is to guess is judged by the services (`requireGuessResistant`), after the throttles.
 */
export const NewPassword = (options: { optional?: boolean } = {}): PropertyDecorator => (target, property) => {
  MaxLength(PASSWORD_MAX_LENGTH)(target, property);
  MinLength(PASSWORD_MIN_LENGTH)(target, property);
  Matches(PASSWORD_CHARACTERS, worded((path) => MESSAGES.validation.passwordCharacters(path, PASSWORD_MIN_LENGTH)))(target, property);
  IsString()(target, property);
  if (options.optional) IsOptional()(target, property);
};

/** A new password that must differ from the current one given beside it (`currentPassword`). */
export const NotTheCurrentPassword = (): PropertyDecorator => (target, property) =>
  registerDecorator({
    name: 'passwordUnchanged',
    target: target.constructor,
    propertyName: String(property),
    options: worded((path) => MESSAGES.validation.passwordUnchanged(path)),
    validator: { validate: (value: unknown, args: ValidationArguments) => value !== (args.object as { currentPassword?: unknown }).currentPassword },
  });

/**
 * A website as people type it: trimmed; "www.esempio.it" or "esempio.it/negozio" read as https;
 * blank read as none (null: on an update, the website is removed). A scheme typed stays, so that
 * "ftp://…" or "mailto:…" is refused rather than read as a host name.
 */
export const websiteAddress = ({ value }: TransformArgs): unknown => {
  if (typeof value !== 'string') return value;
  const typed = value.trim();
  if (typed === '') return null;
  if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(typed)) return typed;
  return `https://${typed.replace(/^\/\//, '')}`;
};

/** An organisation's optional website: an http(s) address without credentials, at most 300 characters. */
export const WebsiteAddress = (): PropertyDecorator => (target, property) => {
  MaxLength(300)(target, property);
  IsUrl({ protocols: ['https', 'http'], require_protocol: true, disallow_auth: true }, worded(MESSAGES.validation.url))(target, property);
  IsOptional()(target, property);
  Transform(websiteAddress)(target, property);
};

/**
 * The words of a failed rule, from the catalogue: the field's path, the arguments the rule was
 * declared with (`[5]` for `@MinLength(5)`) and the value refused.
 */
export type RuleWords = (path: string, constraints: readonly unknown[], value: unknown) => Words;

/** The options that word a rule: its catalogue entry, and the library's own message taken from it. */
type Worded = { message: (args: ValidationArguments) => string; context: { words: RuleWords } };

/**
 * A rule worded by a catalogue entry of its own rather than by its name (class-validator's
 * `context`, read by the validation pipe): what the value is for, not only its form. The library
 * keeps a context only beside a non-empty message, so the English words are its message too.
 */
export const worded = (words: RuleWords): Worded => ({
  message: (args) => words(args.property, args.constraints ?? [], args.value).en,
  context: { words },
});

/** An identifier of a thing the platform gives ids to, named in the refusal. */
export const identifies = (thing: IdentifiedThing): Worded => worded((path) => MESSAGES.validation.identifier(path, thing));

/** An `@IsIn` rule worded as its alternatives ("lang must be it or en"), read from the values it was given. */
export const asAlternatives = (): Worded =>
  worded((path, [values]) => MESSAGES.validation.either(path, Array.isArray(values) ? values.map(String) : []));

/**
 * Optional in an update, but never null: null would erase a required column. Place it last,
 * nearest the property: rules run bottom-up and only the first failure is reported.
 */
export const Omittable = (): PropertyDecorator => (target, property) => {
  IsDefined(worded(MESSAGES.validation.notNull))(target, property);
  ValidateIf((_input: object, value: unknown) => value !== undefined)(target, property);
};

/** `id: ID!` that must be a UUID, so malformed ids are bad input rather than database errors. */
@ArgsType()
export class IdArgs {
  @Field(() => ID) @IsUUID('all', identifies('any')) id!: string;
}

/**
 * ISTAT codes: text with leading zeros, checked by shape here and against the tables by services.
 * People pick places from a list, so the words say that rather than how the code is written.
 */
export const IsRegionCode = (each = false): PropertyDecorator => Matches(REGION_CODE_PATTERN, { each, ...worded(MESSAGES.validation.regionCode) });
export const IsProvinceCode = (each = false): PropertyDecorator => Matches(PROVINCE_CODE_PATTERN, { each, ...worded(MESSAGES.validation.provinceCode) });
export const IsComuneCode = (each = false): PropertyDecorator => Matches(COMUNE_CODE_PATTERN, { each, ...worded(MESSAGES.validation.comuneCode) });

/** ATECO 2025: the section letter and the two digits of the division. */
export const IsAtecoSection = (each = false): PropertyDecorator => Matches(/^[A-V]$/, { each, ...worded(MESSAGES.validation.atecoSection) });
export const IsAtecoDivision = (each = false): PropertyDecorator => Matches(/^\d{2}$/, { each, ...worded(MESSAGES.validation.atecoDivision) });

export const IsPhoneNumber = (): PropertyDecorator => Matches(/^\+?[0-9 ()-]{6,20}$/, worded(MESSAGES.validation.phoneNumber));

/** One text rule as a class-validator rule of its own name, so the error's code says which. */
function textRule(kind: TextKind, problem: TextProblem): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: problem,
      target: target.constructor,
      propertyName: String(property),
      options: worded((path) => MESSAGES.input.text(path, problem)),
      validator: { validate: (value: unknown) => typeof value !== 'string' || textProblem(value, kind) !== problem },
    });
}

const TEXT_PROBLEMS: Readonly<Record<TextKind, readonly TextProblem[]>> = {
  SINGLE_LINE: ['bidiControl', 'controlCharacter', 'lineBreak', 'noVisibleCharacter', 'invisibleCharacter', 'stackedMarks'],
  MULTI_LINE: ['bidiControl', 'controlCharacter', 'noVisibleCharacter'],
};

interface TextOptions {
  /** An optional field: blank text becomes null (nothing given) rather than "". */
  optional?: boolean;
}

function textField(kind: TextKind, { optional = false }: TextOptions): PropertyDecorator {
  return (target, property) => {
    // One rule per problem, so the error's code names it; textProblem names only the first a
    // value breaks, so at most one of them fails.
    for (const problem of TEXT_PROBLEMS[kind]) textRule(kind, problem)(target, property);
    Transform(({ value }) => normaliseText(value, optional))(target, property);
  };
}

/**
 * Business text on one line — names, titles, addresses, contact names: NFC, trimmed, no line
 * break, control or invisible character, something visible (text-rules.ts). Replaces `@Transform(trim)`.
 */
export const SingleLineText = (options: TextOptions = {}): PropertyDecorator => textField('SINGLE_LINE', options);

/** Text of a kind with one rule more, worded as its problem (the shared shape of NameText and MailedText). */
function textWithRule(kind: TextKind, problem: TextProblem, check: (value: string) => TextProblem | null, options: TextOptions): PropertyDecorator {
  return (target, property) => {
    registerDecorator({
      name: problem,
      target: target.constructor,
      propertyName: String(property),
      options: worded((path) => MESSAGES.input.text(path, problem)),
      validator: { validate: (value: unknown) => typeof value !== 'string' || check(value) === null },
    });
    textField(kind, options)(target, property);
  };
}

/**
 * A name others read in the platform's e-mails and pages (a business, an organisation, an offer, a
 * call): single-line text, and no markup or web address, which a mail client would turn into a
 * link under the platform's own name.
 */
export const NameText = (options: TextOptions = {}): PropertyDecorator => textWithRule('SINGLE_LINE', 'markupOrLink', nameProblem, options);

/** Free text — descriptions, reasons, notes: NFC, trimmed, line breaks and tabs allowed, something visible. */
export const MultiLineText = (options: TextOptions = {}): PropertyDecorator => textField('MULTI_LINE', options);

/**
 * Free text one party writes that the platform e-mails to another under its own name (a
 * provider's reason for declining a shop): MultiLineText, and no web address or markup
 * (text-rules.ts, mailedTextProblem).
 */
export const MailedText = (options: TextOptions = {}): PropertyDecorator => textWithRule('MULTI_LINE', 'webAddress', mailedTextProblem, options);
