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
}

export function TextField({ id, label, error, hint, required, value, onChange, type = 'text', autoComplete, inputMode, multiline }: TextFieldProps) {
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
      {multiline ? <textarea {...common} rows={4} /> : <input {...common} type={type} autoComplete={autoComplete} inputMode={inputMode} />}
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

export function SubmitButton({ busy, children, busyLabel }: { busy: boolean; children: ReactNode; busyLabel: string }) {
  return (
    <button type="submit" className="btn btn-primary" disabled={busy} aria-disabled={busy}>
      {busy ? busyLabel : children}
    </button>
  );
}
