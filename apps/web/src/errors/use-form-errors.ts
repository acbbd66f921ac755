import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { apiFormErrors, businessFormErrors, NO_ERRORS, type ApiFieldError, type FieldLabels, type FormErrors } from './form-errors';

type Failure =
  | { kind: 'api'; error: unknown }
  | { kind: 'business'; error: ApiFieldError }
  | { kind: 'local'; field: string; message: () => string };

/** Worded on every render, in the language of the moment. */
function word(failure: Failure | null, labels: FieldLabels, networkMessage: string): FormErrors {
  if (!failure) return NO_ERRORS;
  switch (failure.kind) {
    case 'api':
      return apiFormErrors(failure.error, labels, currentLanguage(), networkMessage);
    case 'business':
      return businessFormErrors(failure.error, labels, currentLanguage());
    case 'local':
      return { fields: { [failure.field]: failure.message() }, general: [] };
  }
}

export interface FormErrorState {
  errors: FormErrors;
  /** Grows with every failed attempt: the error summary takes the focus each time. */
  attempt: number;
  failWith(error: unknown): void;
  failBusiness(error: ApiFieldError): void;
  failLocal(field: string, message: () => string): void;
  clear(): void;
  /**
   * Runs a mutation whose payload is either the object it asked for or a refusal with its
   * message. Clears the last failure first; returns the payload when it is of the `expected`
   * type, otherwise shows the refusal (or the error thrown) and returns null.
   */
  send<T extends string, R extends { __typename: T } | (ApiFieldError & { __typename: string })>(
    expected: T,
    mutate: () => Promise<R | null | undefined>,
  ): Promise<Extract<R, { __typename: T }> | null>;
}

/**
 * Keeps the last failure as the API sent it and words it at render time, so that the messages
 * follow the language switch.
 */
export function useFormErrors(labels: FieldLabels): FormErrorState {
  // Subscribes to language changes, so the messages are worded again after a switch.
  const { t } = useTranslation();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const fail = useCallback((next: Failure) => {
    setFailure(next);
    setAttempt((n) => n + 1);
  }, []);

  const send: FormErrorState['send'] = async (expected, mutate) => {
    setFailure(null);
    try {
      const result = await mutate();
      if (!result) return null;
      if (result.__typename === expected) return result as Extract<typeof result, { __typename: typeof expected }>;
      const refusal = result as ApiFieldError;
      fail({ kind: 'business', error: { field: refusal.field ?? null, message: refusal.message, messageIt: refusal.messageIt } });
    } catch (error) {
      fail({ kind: 'api', error });
    }
    return null;
  };
  return {
    errors: word(failure, labels, t('errors.network')),
    attempt,
    failWith: useCallback((error: unknown) => fail({ kind: 'api', error }), [fail]),
    failBusiness: useCallback((error: ApiFieldError) => fail({ kind: 'business', error }), [fail]),
    failLocal: useCallback((field: string, message: () => string) => fail({ kind: 'local', field, message }), [fail]),
    clear: useCallback(() => setFailure(null), []),
    send,
  };
}
