import { useEffect } from 'react';

/** Reads a query again every `ms` while `active`, e.g. while a run is still queued or running. */
export function usePollWhile(active: boolean, ms: number, controls: { startPolling(ms: number): void; stopPolling(): void }): void {
  const { startPolling, stopPolling } = controls;
  useEffect(() => {
    if (!active) return;
    startPolling(ms);
    return () => stopPolling();
  }, [active, ms, startPolling, stopPolling]);
}
