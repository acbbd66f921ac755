import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';
import { useFocusAfter } from './use-focus-after';

interface Props {
  label: string;
  items: { key: string; label: string }[];
  onRemove: (key: string) => void;
  /** Where the focus goes when the last item is removed: the field that adds them. */
  emptyFocusId: string;
}

/**
 * Chosen items as Bootstrap Italia chips, each with a button that says what it removes. A removed
 * chip takes its button with it: the focus goes to the next chip's button (or the one before), and
 * to the field that adds them once none is left, never to the top of the page.
 */
export function Chips({ label, items, onRemove, emptyFocusId }: Props) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  const focusAfter = useFocusAfter();
  if (items.length === 0) return null;
  const remove = (index: number, key: string): void => {
    focusAfter(() => {
      const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
      return buttons.length > 0 ? buttons[Math.min(index, buttons.length - 1)] : document.getElementById(emptyFocusId);
    });
    onRemove(key);
  };
  return (
    <ul ref={list} className="chips-list" aria-label={label}>
      {items.map((item, index) => (
        <li key={item.key} className="chip chip-simple chip-lg">
          <span className="chip-label">{item.label}</span>
          <button type="button" onClick={() => remove(index, item.key)}>
            <Icon name="it-close" />
            <span className="visually-hidden">{t('common.remove', { item: item.label })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
