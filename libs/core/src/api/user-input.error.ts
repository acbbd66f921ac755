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

/** The single error clients get for bad input: code BAD_USER_INPUT and every failing field. */
export function userInputError(fields: FieldError[]): GraphQLError {
  const summary = fields.map(namingItsField).join('; ');
  return new GraphQLError(`Invalid input. ${summary}`, {
    extensions: { code: 'BAD_USER_INPUT', fields },
  });
}

/** Any other refusal in the catalogue's words: English as the message, Italian beside it. */
export const wordedError = (words: Words, extensions: Record<string, unknown>): GraphQLError =>
  new GraphQLError(words.en, { extensions: { ...extensions, messageIt: words.it } });
