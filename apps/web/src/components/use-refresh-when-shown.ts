import { useEffect, useRef } from 'react';

/**
 * Reads the page's data again when its tab is shown again: what was done meanwhile in another tab
 * or by another person (a request withdrawn, a place accepted) is on the page before the reader
 * acts on it, not learnt from a refusal.
 */
export function useRefreshWhenShown(refresh: () => unknown): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    const shown = (): void => {
      // A refresh that fails (the network gone for a moment) leaves the page as it was.
      if (document.visibilityState === 'visible') void Promise.resolve(latest.current()).catch(() => undefined);
    };
    document.addEventListener('visibilitychange', shown);
    return () => document.removeEventListener('visibilitychange', shown);
  }, []);
}
