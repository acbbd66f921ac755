import { useEffect, useState } from 'react';

/** The longest delay setTimeout keeps (about 24.8 days); a later end is caught at the next render. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Whether a moment (ISO) has passed, re-rendering the component the moment it does: a page left
 * open when a call's window opens or ends shows what that changes without a reload. `null` (no
 * such moment) never passes.
 */
export function useHasPassed(at: string | null): boolean {
  const moment = at === null ? null : new Date(at).getTime();
  const [, passed] = useState(0);
  useEffect(() => {
    const wait = moment === null ? -1 : moment - Date.now();
    if (wait < 0 || wait > MAX_TIMEOUT_MS) return undefined;
    const timer = setTimeout(() => passed((n) => n + 1), wait + 1000);
    return () => clearTimeout(timer);
  }, [moment]);
  return moment !== null && moment <= Date.now();
}

/** Whether a call's window has ended (`closesAt`), re-rendering the moment it does; `null` (no window running) is never over. */
export function useWindowOver(closesAt: string | null): boolean {
  return useHasPassed(closesAt);
}

/**
 * Where a published call's window stands for a shop's or a visitor's card: not open yet (until
 * it opens: the form then appears, without a reload), or over (re-rendering when it ends) while
 * the call waits for its closing.
 */
export function useCallWindow(call: { status: string; opensAt: string; closesAt: string }): { notYetOpen: boolean; windowOver: boolean } {
  const opened = useHasPassed(call.status === 'OPEN' ? call.opensAt : null);
  const windowOver = useWindowOver(call.status === 'OPEN' ? call.closesAt : null);
  return { notYetOpen: call.status === 'OPEN' && !opened, windowOver };
}
