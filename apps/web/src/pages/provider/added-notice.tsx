import { useState, type ReactNode } from 'react';
import { byId, useFocusAfter } from '../../components/use-focus-after';

/**
 * "Aggiungi" is disabled, or its picker emptied, once the area is added: the focus goes back to the
 * picker, ready for another, and this live region says what was added (the list of areas shows it).
 */
export function useAdded(): { added: string; announceAdded(area: string, picker: string): void } {
  const [added, setAdded] = useState('');
  const focusAfter = useFocusAfter();
  return {
    added,
    announceAdded: (area, picker) => {
      setAdded(area);
      focusAfter(byId(picker));
    },
  };
}

/** Present (empty) from the start, so that what is added is announced. */
export function AddedNotice({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="visually-hidden" data-testid="coverage-added">
      {children}
    </p>
  );
}

