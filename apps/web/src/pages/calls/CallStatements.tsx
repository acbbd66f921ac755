import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/fields';
import { FormList } from './FormList';

/** What the API takes (MAX_CALL_STATEMENTS). */
const MAX_STATEMENTS = 20;

interface Props {
  /** The list in the API's input. */
  list: 'declarations' | 'questions';
  texts: string[];
  onChange: (texts: string[]) => void;
  /** The label of the row at this position. */
  labelOf: (index: number) => string;
  /** Said on the only row: what leaving it empty means. */
  hint: string;
  errors: Record<string, string>;
  dismiss: (...fields: string[]) => void;
  /** After a row is removed: what referred to rows by position follows them. */
  onRemoved?: (index: number) => void;
}

const WORDS = {
  declarations: { legend: 'calls.form.declarations', add: 'calls.form.addDeclaration', remove: 'calls.form.removeDeclaration' },
  questions: { legend: 'calls.form.questions', add: 'calls.form.addQuestion', remove: 'calls.form.removeQuestion' },
} as const;

/** A call's declarations to confirm, or its yes/no questions: one row to start with, as many as the API takes. */
export function CallStatements({ list, texts, onChange, labelOf, hint, errors, dismiss, onRemoved }: Props) {
  const { t } = useTranslation();
  const words = WORDS[list];
  const field = (index: number): string => `${list}.${index}.text`;
  return (
    <FormList
      idPrefix="call"
      list={list}
      legend={t(words.legend)}
      count={texts.length}
      field={field}
      max={MAX_STATEMENTS}
      addLabel={t(words.add)}
      removeLabel={(index) => t(words.remove, { n: index + 1 })}
      onAdd={() => onChange([...texts, ''])}
      onRemove={(index) => {
        // The later rows move up: their messages were about other words.
        dismiss(...texts.map((_text, i) => `${list}.${i}`).slice(index));
        onChange(texts.filter((_text, i) => i !== index));
        onRemoved?.(index);
      }}
      renderRow={(index) => (
        <TextField
          id={`call-${field(index)}`}
          label={labelOf(index)}
          hint={texts.length === 1 ? hint : undefined}
          value={texts[index]}
          onChange={(text) => {
            dismiss(field(index));
            onChange(texts.map((old, i) => (i === index ? text : old)));
          }}
          error={errors[field(index)]}
        />
      )}
    />
  );
}
