// Comune picker following the WAI-ARIA 1.2 combobox pattern (list autocomplete): type the first
// letters, move with the arrow keys, Enter to choose, Escape to close. Results come from the API's
// `comuni(search:)`, best match first (it forgives accents, apostrophes, S. for San, and finds
// second-language names: "Bozen" lists Bolzano/Bozen); their number is announced in a polite live region.
import { useQuery } from '@apollo/client/react';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchComuniDocument } from '../gql/generated';
import { type ComuneChoice, placeLabel } from './comune-choice';
import { FieldMessages } from './fields';

export type { ComuneChoice };

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  value: ComuneChoice | null;
  onChange: (value: ComuneChoice | null) => void;
  /** What is written in the field, chosen from the list or not: a form can tell a name typed but never picked. */
  onTextChange?: (text: string) => void;
  /**
   * Enter pressed on a comune already chosen (the list closed): the picker's own step, such as
   * adding it to a list, instead of submitting the form around it.
   */
  onConfirm?: () => void;
}

const MAX_OPTIONS = 8;

/** A comune offered in the list: bilingual comuni show their official second name too. */
interface Option extends ComuneChoice {
  secondLanguageName: string | null;
}
const searchable = (text: string): boolean => text.length >= 2 && /[\p{L}\p{N}]/u.test(text);

function useDebounced(value: string, delayMs: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

export function ComuneAutocomplete({ id, label, hint, error, required, value, onChange, onTextChange, onConfirm }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ? placeLabel(value) : '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const search = useDebounced(text.trim(), 200);

  useEffect(() => {
    if (value) setText(placeLabel(value));
  }, [value]);

  const wanted = open && searchable(search) && !(value && text === placeLabel(value));
  const { data, loading } = useQuery(SearchComuniDocument, { variables: { search, first: MAX_OPTIONS }, skip: !wanted });
  const options: Option[] =
    wanted && !loading
      ? (data?.comuni ?? []).map((c) => ({ code: c.code, name: c.name, sigla: c.province.sigla, secondLanguageName: c.secondLanguageName ?? null }))
      : [];
  const expanded = options.length > 0;
  const listboxId = `${id}-listbox`;
  const optionId = (index: number): string => `${id}-option-${index}`;

  const choose = ({ code, name, sigla }: Option): void => {
    const comune = { code, name, sigla };
    onChange(comune);
    setText(placeLabel(comune));
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        if (expanded) setActive((active + 1) % options.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (expanded) setActive(active <= 0 ? options.length - 1 : active - 1);
        break;
      case 'Enter':
        if (expanded && active >= 0) {
          event.preventDefault();
          choose(options[active]);
        } else if (onConfirm && value && text === placeLabel(value)) {
          event.preventDefault();
          onConfirm();
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        }
        break;
    }
  };

  let status = '';
  if (wanted && loading) status = t('comune.searching');
  else if (wanted) status = options.length ? t('comune.results', { count: options.length }) : t('comune.noResults');
  const describedBy = [`${id}-instructions`, hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');

  return (
    <div className="form-group comune-autocomplete">
      <label htmlFor={id} className="active">
        {label}
        {required ? <span className="visually-hidden"> ({t('common.required')})</span> : null}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        name={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        className={`form-control${error ? ' is-invalid' : ''}`}
        value={text}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          setText(event.target.value);
          onTextChange?.(event.target.value);
          setOpen(true);
          setActive(-1);
          if (value) onChange(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listboxId} role="listbox" aria-label={label} className="comune-listbox" hidden={!expanded}>
        {options.map((comune, index) => (
          <li
            key={comune.code}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            // Keep the focus in the input: choosing happens on click, before any blur.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(comune)}
          >
            {comune.secondLanguageName ? `${comune.name}/${comune.secondLanguageName}` : comune.name}{' '}
            <span className="comune-sigla">({comune.sigla})</span>
          </li>
        ))}
      </ul>
      {wanted && !loading && options.length === 0 ? <div className="comune-empty">{t('comune.noResults')}</div> : null}
      <span id={`${id}-instructions`} className="visually-hidden">
        {t('comune.instructions')}
      </span>
      <div className="visually-hidden" role="status" aria-live="polite">
        {status}
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
