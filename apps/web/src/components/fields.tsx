// Form fields in the Bootstrap Italia style, each with its label, optional hint and the API's error
// for that field right below it (announced through aria-describedby and aria-invalid).
import type { ChangeEvent, HTMLInputTypeAttribute, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Label({ id, label, required }: Pick<FieldProps, 'id' | 'label' | 'required'>) {
  const { t } = useTranslation();
  return (
    <label htmlFor={id} className="active">
      {label}
      {required ? <span className="visually-hidden"> ({t('common.required')})</span> : null}
      {required ? <span aria-hidden="true"> *</span> : null}
    </label>
  );
}

export function FieldMessages({ id, hint, error }: Pick<FieldProps, 'id' | 'hint' | 'error'>) {
  return (
    <>
      {hint ? (
        <small id={`${id}-hint`} className="form-text">
          {hint}
        </small>
      ) : null}
      {error ? (
        <div id={`${id}-error`} className="field-error" data-field-error>
          {error}
        </div>
      ) : null}
    </>
  );
}

interface TextFieldProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  type?: HTMLInputTypeAttribute;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel' | 'url';
  multiline?: boolean;
  /** Enter in a single-line field does this instead of sending the form (a picker's "add"). */
  onEnter?: () => void;
}

export function TextField({ id, label, error, hint, required, value, onChange, type = 'text', autoComplete, inputMode, multiline, onEnter }: TextFieldProps) {
  const common = {
    id,
    name: id,
    value,
    className: `form-control${error ? ' is-invalid' : ''}`,
    'aria-invalid': error ? true : undefined,
    'aria-required': required ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(event.target.value),
  };
  return (
    <div className="form-group">
      <Label id={id} label={label} required={required} />
      {multiline ? (
        <textarea {...common} rows={4} />
      ) : (
        <input
          {...common}
          type={type}
          autoComplete={autoComplete}
          inputMode={inputMode}
          onKeyDown={
            onEnter
              ? (event) => {
                  if (event.key !== 'Enter') return;
                  event.preventDefault();
                  onEnter();
                }
              : undefined
          }
        />
      )}
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

interface SelectFieldProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  options: { value: string; label: string }[];
}

export function SelectField({ id, label, error, hint, required, value, onChange, placeholder, options }: SelectFieldProps) {
  return (
    <div className="select-wrapper form-group">
      <Label id={id} label={label} required={required} />
      <select
        id={id}
        name={id}
        value={value}
        className={error ? 'is-invalid' : undefined}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

/** The form's submit button; while the form is being sent it says so and cannot be pressed again. */
export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <button type="submit" className="btn btn-primary" disabled={busy} aria-disabled={busy}>
      {busy ? t('common.sending') : children}
    </button>
  );
}

/** A form's buttons: submit, and cancel when the form can be left without sending it. */
export function FormActions({ busy, submitLabel, onCancel }: { busy: boolean; submitLabel: string; onCancel?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="d-flex flex-wrap gap-3">
      <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
      {onCancel ? (
        <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      ) : null}
    </div>
  );
}

export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string;
}

interface ChoiceGroupProps {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  required?: boolean;
  options: ChoiceOption[];
  /** Columns on wide screens, for long lists. */
  columns?: boolean;
}

/** Radio buttons or checkboxes in a fieldset; the group's error is announced with its legend. */
function ChoiceGroup({ id, legend, hint, error, required, options, columns, type, isChecked, onToggle }: ChoiceGroupProps & { type: 'radio' | 'checkbox'; isChecked: (value: string) => boolean; onToggle: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset id={id} tabIndex={-1} className="form-group choice-group" aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
      <legend className="choice-legend">
        {legend}
        {required ? <span className="visually-hidden"> ({t('common.required')})</span> : null}
        {required ? <span aria-hidden="true"> *</span> : null}
      </legend>
      <FieldMessages id={id} hint={hint} />
      <div className={columns ? 'choice-columns' : undefined}>
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div className="form-check" key={option.value}>
              <input
                id={optionId}
                name={id}
                type={type}
                value={option.value}
                checked={isChecked(option.value)}
                onChange={() => onToggle(option.value)}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              />
              <label htmlFor={optionId}>{option.label}</label>
              {option.hint ? (
                <small id={`${optionId}-hint`} className="form-text d-block choice-hint">
                  {option.hint}
                </small>
              ) : null}
            </div>
          );
        })}
      </div>
      <FieldMessages id={id} error={error} />
    </fieldset>
  );
}

export function CheckboxGroup({ value, onChange, ...props }: ChoiceGroupProps & { value: string[]; onChange: (value: string[]) => void }) {
  return (
    <ChoiceGroup
      {...props}
      type="checkbox"
      isChecked={(v) => value.includes(v)}
      onToggle={(v) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v])}
    />
  );
}

export function RadioGroup({ value, onChange, ...props }: ChoiceGroupProps & { value: string; onChange: (value: string) => void }) {
  return <ChoiceGroup {...props} type="radio" isChecked={(v) => v === value} onToggle={onChange} />;
}
