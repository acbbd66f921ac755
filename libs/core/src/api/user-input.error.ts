import { GraphQLError } from 'graphql';

/** One rejected input field: where, which rule, and why (English and Italian). */
export interface FieldError {
  field: string;
  code: string;
  message: string;
  messageIt: string;
}

/** The single error clients get for bad input: code BAD_USER_INPUT and every failing field. */
export function userInputError(fields: FieldError[]): GraphQLError {
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return new GraphQLError(`Invalid input. ${summary}`, {
    extensions: { code: 'BAD_USER_INPUT', fields },
  });
}
