import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { fieldPath } from '../common/field-path';
import { MESSAGES } from '../messages';
import type { RuleWords } from './input-rules';
import { fieldError, FieldError, userInputError } from './user-input.error';
import { cacheValidationMetadata } from './validation-metadata-cache';

const V = MESSAGES.validation;
const count = (constraints: readonly unknown[]): number => Number(constraints[0]);
const texts = (values: unknown): string[] => (Array.isArray(values) ? values.map(String) : []);

/**
 * Words for class-validator's own rules, from the rule's name and the arguments it was declared
 * with (`@MinLength(5)` → minLength, [5]), read from the library's metadata. The library's English
 * is never parsed; a rule with words of its own carries them (`worded()` in input-rules.ts).
 */
const RULES: Readonly<Record<string, RuleWords>> = {
  isNotEmpty: V.notEmpty,
  isDefined: V.required,
  isString: V.text,
  isInt: V.wholeNumber,
  isNumber: V.number,
  isPositive: V.positive,
  isBoolean: V.boolean,
  isEmail: V.email,
  // The library stores the enum and the list of its values: [entity, values].
  isEnum: (path, constraints) => V.oneOf(path, texts(constraints[1])),
  isIn: (path, constraints) => V.oneOf(path, texts(constraints[0])),
  matches: V.pattern,
  isDate: V.date,
  isDateString: V.date,
  min: (path, constraints) => V.atLeast(path, count(constraints)),
  max: (path, constraints) => V.atMost(path, count(constraints)),
  minLength: (path, constraints) => V.minLength(path, count(constraints)),
  maxLength: (path, constraints) => V.maxLength(path, count(constraints)),
  arrayMinSize: (path, constraints) => V.minItems(path, count(constraints)),
  arrayMaxSize: (path, constraints) => V.maxItems(path, count(constraints)),
  arrayNotEmpty: V.someItem,
  arrayUnique: V.uniqueItems,
  whitelistValidation: V.unknownField,
  isUrl: V.url,
  isUuid: (path) => V.identifier(path),
  isLatitude: V.latitude,
  isLongitude: V.longitude,
  isArray: V.list,
  nestedValidation: V.object,
  // The other field by its full path too ("filter.to must be after filter.from"), so that clients can name it.
  isAfter: (path, constraints) => V.after(path, path.replace(/[^.]*$/, String(constraints[0]))),
};

/** The arguments `rule` was declared with on the property that failed it, from class-validator's metadata. */
function declaredConstraints(error: ValidationError, rule: string): readonly unknown[] {
  const target = error.target?.constructor;
  if (!target) return [];
  const declared = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((metadata) => metadata.propertyName === error.property && (metadata.name ?? metadata.type) === rule);
  return declared?.constraints ?? [];
}

/** Whether the property may be left out (`@IsOptional()`, or `@ValidateIf`): class-validator files both as conditional. */
function optional(error: ValidationError): boolean {
  const target = error.target?.constructor;
  if (!target) return false;
  return getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .some((metadata) => metadata.propertyName === error.property && metadata.type === 'conditionalValidation');
}

/**
 * The rule's own words if it carries them, else those of its name; a rule nobody worded is "not
 * valid". A required field left blank is told it is required, whatever rule the blank broke first
 * ("at least 2 characters" for an empty reason reads as if something had been typed).
 */
function wordsOf(error: ValidationError, rule: string, field: string) {
  if (rule !== 'isNotEmpty' && typeof error.value === 'string' && error.value.trim() === '' && !optional(error)) return V.required(field);
  const own = (error.contexts?.[rule] as { words?: RuleWords } | undefined)?.words;
  const words = own ?? RULES[rule] ?? ((path: string) => V.invalid(path));
  return words(field, declaredConstraints(error, rule), error.value);
}

/**
 * Flattens nested class-validator errors into one entry per field and rule, each field named by
 * its full path from the operation's arguments (`input.coverage.radii.0.km`, see field-path.ts).
 */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = fieldPath(parent, error.property);
    const own = Object.keys(error.constraints ?? {}).map((rule) => fieldError(field, rule, wordsOf(error, rule, field)));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** Carries the raw errors out of the library to `transform`, which knows the argument's name. */
class ValidationFailure extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('validation failed');
  }
}

/**
 * The global pipe: every argument and input validates itself; failures name each field. A named
 * argument (`@Args('input')`) starts the path, so the paths read the same as those services give.
 */
class FieldPathValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'query') refuseRepeatedParameters(value, metadata.data);
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof ValidationFailure)) throw error;
      throw userInputError(toFieldErrors(error.errors, typeof metadata.data === 'string' ? metadata.data : ''));
    }
  }
}

/**
 * A query parameter given twice (`?action=a&action=b`) arrives as a list: it is named as given more
 * than once, rather than refused by a rule about its form that it does not break.
 */
function refuseRepeatedParameters(value: unknown, name: string | undefined): void {
  const lists = Array.isArray(value) && name ? [name] : value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).filter((key) => Array.isArray((value as Record<string, unknown>)[key])) : [];
  if (lists.length > 0) throw userInputError(lists.map((field) => fieldError(field, 'givenOnce', V.givenOnce(field))));
}

export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new FieldPathValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    // One reason per field: the first rule it breaks.
    stopAtFirstError: true,
    // The object each error was found in: its class declares the rule's arguments. The errors
    // never leave this pipe as they are, so the object is not sent anywhere.
    validationError: { target: true },
    exceptionFactory: (errors) => new ValidationFailure(errors),
  });
}
