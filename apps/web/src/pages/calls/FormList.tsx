import type { ReactNode } from 'react';
import { byId, useFocusAfter } from '../../components/use-focus-after';

interface Props {
  /** The form's id prefix: the fieldset is `<prefix>-<list>`, its rows' fields `<prefix>-<field(index)>`. */
  idPrefix: string;
  /** The list's path in the API's input (`offerIds`, `declarations`). */
  list: string;
  legend: string;
  hint?: string;
  count: number;
  /** The field of a row the focus goes to, by its API path (`offerIds.1`, `declarations.1.text`). */
  field: (index: number) => string;
  renderRow: (index: number) => ReactNode;
  max: number;
  addLabel: string;
  removeLabel: (index: number) => string;
  onAdd: () => void;
  onRemove: (index: number) => void;
}

/**
 * A list of fields the author grows and shrinks, in a fieldset: a row, then its remove button
 * (only when there are several, so the one row the form starts with stays), and "add" below. The
 * focus goes to the field added, and after a removal to the field now in the removed one's place
 * (or the one before it), never to the top of the page.
 */
export function FormList({ idPrefix, list, legend, hint, count, field, renderRow, max, addLabel, removeLabel, onAdd, onRemove }: Props) {
  const focusAfter = useFocusAfter();
  const id = (index: number): string => `${idPrefix}-${field(index)}`;
  return (
    <fieldset id={`${idPrefix}-${list}`} tabIndex={-1} className="form-list" aria-describedby={hint ? `${idPrefix}-${list}-hint` : undefined}>
      <legend className="h6">{legend}</legend>
      {hint ? (
        <p id={`${idPrefix}-${list}-hint`} className="form-text">
          {hint}
        </p>
      ) : null}
      {Array.from({ length: count }, (_unused, index) => (
        <div key={index} className="form-list-row">
          {renderRow(index)}
          {count > 1 ? (
            <button
              type="button"
              className="btn btn-outline-danger btn-sm"
              onClick={() => {
                focusAfter(byId(id(Math.min(index, count - 2))));
                onRemove(index);
              }}
            >
              {removeLabel(index)}
            </button>
          ) : null}
        </div>
      ))}
      {count < max ? (
        <button
          type="button"
          className="btn btn-outline-primary btn-sm mb-3"
          onClick={() => {
            focusAfter(byId(id(count)));
            onAdd();
          }}
        >
          {addLabel}
        </button>
      ) : null}
    </fieldset>
  );
}
