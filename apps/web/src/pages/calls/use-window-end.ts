import { useEffect, useState } from 'react';

/** The longest delay setTimeout keeps (about 24.8 days); a later end is caught at the next render. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Whether a call's window has ended (`closesAt`, ISO), re-rendering the component the moment it
 * does: a page left open at the deadline stops offering what the window allowed, without a reload.
 * `null` (no window running) is never over.
 */
export function useWindowOver(closesAt: string | null): boolean {
  const end = closesAt === null ? null : new Date(closesAt).getTime();
  const [, ended] = useState(0);
  useEffect(() => {
    const wait = end === null ? -1 : end - Date.now();
    if (wait < 0 || wait > MAX_TIMEOUT_MS) return undefined;
    const timer = setTimeout(() => ended((n) => n + 1), wait + 1000);
    return () => clearTimeout(timer);
  }, [end]);
  return end !== null && end <= Date.now();
}

/**
 * Where a published call's window stands for a shop's or a visitor's card: not open yet, or over
 * (re-rendering when it ends) while the call waits for its closing.
 */
export function useCallWindow(call: { status: string; opensAt: string; closesAt: string }): { notYetOpen: boolean; windowOver: boolean } {
  const windowOver = useWindowOver(call.status === 'OPEN' ? call.closesAt : null);
  return { notYetOpen: call.status === 'OPEN' && new Date(call.opensAt).getTime() > Date.now(), windowOver };
}
