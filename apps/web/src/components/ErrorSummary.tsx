import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrors, type FormErrors } from '../errors/form-errors';

/**
 * Moves to the field itself (a link to an input only scrolls); radio groups are found by name. A
 * group of choices (a fieldset) shows its legend and takes the focus on its chosen option, or its
 * first, so that the keyboard can change the choice at once.
 */
function focusField(event: MouseEvent, id: string): void {
  const field = document.getElementById(id) ?? document.querySelector<HTMLElement>(`[name="${id}"]`);
  if (!field) return;
  event.preventDefault();
  if (!(field instanceof HTMLFieldSetElement)) return field.focus();
  const choice = field.querySelector<HTMLElement>('input:checked:not(:disabled)') ?? field.querySelector<HTMLElement>('input:not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled)');
  field.scrollIntoView({ block: 'start' });
  (choice ?? field).focus({ preventScroll: true });
}

interface Props {
  errors: FormErrors;
  attempt: number;
  idPrefix: string;
  /**
   * The title when no field is at fault (a refusal of what was asked, not of what was typed, or a
   * failure): what could not be done. "Check what you entered" is only for field errors.
   */
  refusedTitle?: string;
}

/**
 * The list of problems at the top of a form, focused when it appears so that screen-reader and
 * keyboard users learn about them at once; each field error links to its field.
 */
export function ErrorSummary({ errors, attempt, idPrefix, refusedTitle }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const visible = hasErrors(errors);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (!visible) return null;
  const fieldEntries = Object.entries(errors.fields);
  return (
    <div ref={ref} className="alert alert-danger" role="alert" tabIndex={-1} aria-labelledby={`${idPrefix}-summary-title`}>
      <h2 className="h5" id={`${idPrefix}-summary-title`}>
        {fieldEntries.length > 0 ? t('errors.summaryTitle') : (refusedTitle ?? t('errors.refusedTitle'))}
      </h2>
      <ul className="mb-0">
        {errors.general.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {fieldEntries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${idPrefix}-${field}`} onClick={(event) => focusField(event, `${idPrefix}-${field}`)}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
