import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from './fields';

/** A search box and its button: the words go to `onSearch` when the form is sent, not as they are typed. */
export function SearchForm({ id, label, onSearch }: { id: string; label: string; onSearch: (words: string) => void }) {
  const { t } = useTranslation();
  const [words, setWords] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onSearch(words);
  };
  return (
    <form noValidate onSubmit={submit} className="d-flex flex-wrap align-items-end gap-2 mb-3">
      <div className="flex-grow-1">
        <TextField id={id} label={label} type="search" value={words} onChange={setWords} />
      </div>
      <button type="submit" className="btn btn-outline-primary mb-3">
        {t('verification.searchSubmit')}
      </button>
    </form>
  );
}
