import { GraphQLError } from 'graphql';
import type { Words } from '../messages';

/** One rejected input field: where, which rule, and why (English and Italian). */
export interface FieldError {
  field: string;
  code: string;
  message: string;
  messageIt: string;
}

/** One rejected field, in the catalogue's words. */
export const fieldError = (field: string, code: string, words: Words): FieldError => ({ field, code, message: words.en, messageIt: words.it });

/** Most messages already start with their field ("input.capacity: …"): it is not named twice. */
function namingItsField({ field, message }: FieldError): string {
  if (message.startsWith(field)) return message;
  return `${field}: ${message}`;
}

/**
 * The most failing fields one refusal names. An input of thousands of bad list items (a body of
 * 100 kB holds 16,000) would otherwise be answered with megabytes, built on the event loop; a
 * refusal that names fewer fields than failed says so with `moreFields: true`.
 */
export const MOST_FIELD_ERRORS = 50;

/**
 * The single error clients get for bad input: code BAD_USER_INPUT and the failing fields (the first
 * MOST_FIELD_ERRORS). `cutShort`: the caller stopped looking for them before the end.
 */
export function userInputError(all: FieldError[], cutShort = false): GraphQLError {
  const fields = all.slice(0, MOST_FIELD_ERRORS);
  const more = cutShort || all.length > fields.length;
  const summary = fields.map(namingItsField).join('; ') + (more ? '; and more' : '');
  return new GraphQLError(`Invalid input. ${summary}`, {
    extensions: { code: 'BAD_USER_INPUT', fields, ...(more ? { moreFields: true } : {}) },
  });
}

/** Any other refusal in the catalogue's words: English as the message, Italian beside it. */
export const wordedError = (words: Words, extensions: Record<string, unknown>): GraphQLError =>
  new GraphQLError(words.en, { extensions: { ...extensions, messageIt: words.it } });
