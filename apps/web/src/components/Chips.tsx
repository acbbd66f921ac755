import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

interface Props {
  label: string;
  items: { key: string; label: string }[];
  onRemove: (key: string) => void;
}

/** Chosen items as Bootstrap Italia chips, each with a button that says what it removes. */
export function Chips({ label, items, onRemove }: Props) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul className="chips-list" aria-label={label}>
      {items.map((item) => (
        <li key={item.key} className="chip chip-simple chip-lg">
          <span className="chip-label">{item.label}</span>
          <button type="button" onClick={() => onRemove(item.key)}>
            <Icon name="it-close" />
            <span className="visually-hidden">{t('common.remove', { item: item.label })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
