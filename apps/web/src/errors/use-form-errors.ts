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

  return {
    errors: word(failure, labels, t('errors.network')),
    attempt,
    failWith: useCallback((error: unknown) => fail({ kind: 'api', error }), [fail]),
    failBusiness: useCallback((error: ApiFieldError) => fail({ kind: 'business', error }), [fail]),
    failLocal: useCallback((field: string, message: () => string) => fail({ kind: 'local', field, message }), [fail]),
    clear: useCallback(() => setFailure(null), []),
  };
}
