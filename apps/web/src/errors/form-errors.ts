// Turns API failures into messages placed next to the right form field, in the user's language.
// Bad input arrives as BAD_USER_INPUT with `extensions.fields[]` ({ field, message, messageIt });
// expected business failures as union members with the same shape; anything else is general.
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { Language } from '../i18n';

export interface FormErrors {
  /** Message per form field name (the input field without the `input.` prefix). */
  fields: Record<string, string>;
  /** Messages that belong to no field on the form. */
  general: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

export interface ApiFieldError {
  field?: string | null;
  message: string;
  messageIt: string;
}

/** Field labels of the form, by field name: used to place and to word the messages. */
export type FieldLabels = Record<string, string>;

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The API names every field by one convention, its path from the operation's arguments with list
 * positions as numbers (`input.coverage.radii.0.km`); forms name theirs without the `input.` of the
 * argument: `input.partitaIva` → `partitaIva`, `input.coverage.radii.0.km` → `coverage.radii.0.km`.
 */
export const formFieldName = (field: string): string => field.replace(/^input\./, '');

/** The form field a message belongs to: the path itself, else its nearest parent the form shows. */
function owningField(name: string, labels: FieldLabels): string | undefined {
  for (let path = name; path; path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '') {
    if (path in labels) return path;
  }
  return undefined;
}

/**
 * The API words validation messages after the raw field path ("partitaIva ha la cifra di controllo
 * errata"); the user reads the label they see instead ("Partita IVA ha la cifra di controllo errata").
 * Other camelCase field names in the message ("… dopo «validFrom»") read as their labels too;
 * plain words are left alone, as they may be ordinary words of the sentence.
 */
function wordMessage(error: ApiFieldError, language: Language, label: string | undefined, labels: FieldLabels): string {
  let text = language === 'it' ? error.messageIt : error.message;
  const raw = error.field ?? '';
  for (const prefix of [raw, formFieldName(raw)]) {
    const separator = [' ', ': '].find((s) => text.startsWith(`${prefix}${s}`));
    if (prefix && label && separator) {
      text = `${label}${text.slice(prefix.length)}`;
      break;
    }
  }
  // Other fields the message names: by a path ("filter.from", beside this one or as the form keys it), or by a camelCase name no word shares.
  const siblings = raw.includes('.') ? raw.replace(/[^.]*$/, '') : '';
  for (const [name, other] of Object.entries(labels)) {
    for (const path of new Set([`${siblings}${name}`, name])) if (path.includes('.')) text = text.split(path).join(other);
    if (/^[a-z]+[A-Z]\w*$/.test(name)) text = text.replace(new RegExp(`\\b${name}\\b`, 'g'), other);
  }
  return capitalise(text);
}

function place(errors: ApiFieldError[], labels: FieldLabels, language: Language, into: FormErrors): FormErrors {
  for (const error of errors) {
    const name = owningField(error.field ? formFieldName(error.field) : '', labels);
    const message = wordMessage(error, language, name === undefined ? undefined : labels[name], labels);
    if (name !== undefined) into.fields[name] ??= message;
    else into.general.push(message);
  }
  return into;
}

/** A business-error member of a result union (e.g. PartitaIvaTakenError). */
export function businessFormErrors(error: ApiFieldError, labels: FieldLabels, language: Language): FormErrors {
  return place([error], labels, language, { fields: {}, general: [] });
}

/** A thrown Apollo error: GraphQL errors with field lists, or a network failure (`networkMessage`). */
export function apiFormErrors(error: unknown, labels: FieldLabels, language: Language, networkMessage: string): FormErrors {
  const result: FormErrors = { fields: {}, general: [] };
  if (!CombinedGraphQLErrors.is(error)) return { fields: {}, general: [networkMessage] };
  for (const graphqlError of error.errors) {
    const extensions = graphqlError.extensions ?? {};
    const fields = extensions.fields;
    if (extensions.code === 'BAD_USER_INPUT' && Array.isArray(fields)) {
      place(fields as ApiFieldError[], labels, language, result);
    } else {
      const messageIt = typeof extensions.messageIt === 'string' ? extensions.messageIt : graphqlError.message;
      result.general.push(capitalise(language === 'it' ? messageIt : graphqlError.message));
    }
  }
  return result;
}

/** True when the API refused the input itself (as opposed to failing, or the network). */
export function isBadUserInput(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'BAD_USER_INPUT');
}

export const hasErrors = (errors: FormErrors): boolean => errors.general.length > 0 || Object.keys(errors.fields).length > 0;

/** Whether a change to `dismissed` settles the message of `field` (the field itself or a part of it). */
const settledBy = (field: string, dismissed: ReadonlySet<string>): boolean => [...dismissed].some((d) => field === d || field.startsWith(`${d}.`));

/**
 * The messages to show: the form's own (`local`, for values the API cannot even receive) win over
 * the API's for the same field, and a field changed since the attempt (`dismissed`) shows none.
 */
export function mergeFormErrors(api: FormErrors, local: Record<string, string>, dismissed: ReadonlySet<string>): FormErrors {
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries({ ...api.fields, ...local })) {
    if (!settledBy(field, dismissed)) fields[field] = message;
  }
  return { fields, general: api.general };
}

