import { useCallback, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { useRefusals } from './refusals';
import { apiFormErrors, businessFormErrors, mergeFormErrors, NO_ERRORS, type ApiFieldError, type FieldLabels, type FormErrors } from './form-errors';

type Failure = { kind: 'api'; error: unknown } | { kind: 'business'; error: ApiFieldError } | { kind: 'local' };

/**
 * A message the form words itself, worded each time it is shown with the `t` and the labels of
 * that render, so that it follows the language switch (a `t` kept from the submit would not).
 */
export type LocalProblem = (t: TFunction, labels: FieldLabels) => string;

/** Messages the form words itself, by field. */
export type LocalProblems = Record<string, LocalProblem>;

interface Attempt {
  failure: Failure;
  local: LocalProblems;
  /** Fields changed since the attempt: their messages are gone. */
  dismissed: ReadonlySet<string>;
}

const NO_DISMISSAL: ReadonlySet<string> = new Set();

/** Worded on every render, in the language of the moment. */
function word(attempt: Attempt | null, labels: FieldLabels, t: TFunction): FormErrors {
  if (!attempt) return NO_ERRORS;
  const { failure } = attempt;
  let api = NO_ERRORS;
  if (failure.kind === 'api') api = apiFormErrors(failure.error, labels, currentLanguage(), t('errors.network'));
  else if (failure.kind === 'business') api = businessFormErrors(failure.error, labels, currentLanguage());
  const local = Object.fromEntries(Object.entries(attempt.local).map(([field, message]) => [field, message(t, labels)]));
  const merged = mergeFormErrors(api, local, attempt.dismissed);
  // In the order of the form's labels, which is the order of its fields: the summary reads top to bottom.
  const order = Object.keys(labels);
  const rank = (field: string): number => (order.includes(field) ? order.indexOf(field) : order.length);
  return { ...merged, fields: Object.fromEntries(Object.entries(merged.fields).sort(([a], [b]) => rank(a) - rank(b))) };
}

export interface FormErrorState {
  errors: FormErrors;
  /** Grows with every failed attempt: the error summary takes the focus each time. */
  attempt: number;
  failWith(error: unknown): void;
  failBusiness(error: ApiFieldError): void;
  failLocal(field: string, message: LocalProblem): void;
  /** Several problems the form found itself, shown together. */
  failLocalAll(problems: LocalProblems): void;
  clear(): void;
  /** The reader changed this field: its message goes (from the field and from the summary). */
  dismiss(field: string): void;
  /** A field's change handler that also takes its message away: `onChange={changed('reason', setReason)}`. */
  changed<T>(field: string, set: (value: T) => void): (value: T) => void;
  /**
   * Runs a mutation whose payload is either the object it asked for or a refusal with its
   * message. Clears the last failure first; returns the payload when it is of the `expected`
   * type, otherwise shows the refusal (or the error thrown) and returns null. `local` are the
   * problems the form found itself, shown together with the API's: the caller must then send what
   * the API is sure to refuse, so that every message arrives at once and nothing is written.
   * `standIns` are fields sent with such a value only to make sure of the refusal, though the
   * reader's own is fine: what the API says about them is not shown.
   */
  send<T extends string, R extends { __typename: T } | (ApiFieldError & { __typename: string })>(
    expected: T,
    mutate: () => Promise<R | null | undefined>,
    local?: LocalProblems,
    standIns?: readonly string[],
  ): Promise<Extract<R, { __typename: T }> | null>;
}

/**
 * Keeps the last failure as the API sent it and words it at render time, so that the messages
 * follow the language switch; each message goes as soon as its field is changed.
 */
export function useFormErrors(labels: FieldLabels): FormErrorState {
  // Subscribes to language changes, so the messages are worded again after a switch.
  const { t } = useTranslation();
  const [current, setCurrent] = useState<Attempt | null>(null);
  const [attempt, setAttempt] = useState(0);
  // A failure also takes away the page's last success message (see refusals.tsx).
  const { refused } = useRefusals();
  const fail = useCallback(
    (failure: Failure, local: LocalProblems = {}, standIns: readonly string[] = []) => {
      setCurrent({ failure, local, dismissed: standIns.length ? new Set(standIns) : NO_DISMISSAL });
      setAttempt((n) => n + 1);
      refused();
    },
    [refused],
  );
  const dismiss = useCallback((field: string) => {
    setCurrent((shown) => (shown && !shown.dismissed.has(field) ? { ...shown, dismissed: new Set([...shown.dismissed, field]) } : shown));
  }, []);

  const send: FormErrorState['send'] = async (expected, mutate, local = {}, standIns = []) => {
    setCurrent(null);
    const found = Object.keys(local).length > 0;
    try {
      const result = await mutate();
      if (result && result.__typename === expected) return result as Extract<typeof result, { __typename: typeof expected }>;
      if (result) {
        const refusal = result as ApiFieldError;
        fail({ kind: 'business', error: { field: refusal.field ?? null, message: refusal.message, messageIt: refusal.messageIt } }, local, standIns);
      } else if (found) fail({ kind: 'local' }, local);
    } catch (error) {
      fail({ kind: 'api', error }, local, standIns);
    }
    return null;
  };
  return {
    errors: word(current, labels, t),
    attempt,
    failWith: useCallback((error: unknown) => fail({ kind: 'api', error }), [fail]),
    failBusiness: useCallback((error: ApiFieldError) => fail({ kind: 'business', error }), [fail]),
    failLocal: useCallback((field: string, message: LocalProblem) => fail({ kind: 'local' }, { [field]: message }), [fail]),
    failLocalAll: useCallback((problems: LocalProblems) => fail({ kind: 'local' }, problems), [fail]),
    clear: useCallback(() => setCurrent(null), []),
    dismiss,
    changed: <T>(field: string, set: (value: T) => void) => (value: T) => {
      set(value);
      dismiss(field);
    },
    send,
  };
}
