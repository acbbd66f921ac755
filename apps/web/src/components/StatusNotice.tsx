import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useRefusals } from '../errors/refusals';

export interface Notice {
  message: string;
  /** Grows with every announcement that should take the focus (0: none yet). */
  seq: number;
  /** The message the page was opened with (what the reader did on the page before): the layout gives it the focus. */
  arrived?: boolean;
}

/**
 * The result of what the reader just did; it goes when a later action is refused. `announce` also moves the focus to the message: the
 * button pressed has often gone (an application accepted leaves the list, a form gives way to the
 * profile), and the reader should go on from what happened, not from the top of the page.
 */
export function useNotice(initial = ''): { notice: Notice; announce(message: string): void; clear(): void } {
  const [notice, setNotice] = useState<Notice>({ message: initial, seq: 0, arrived: initial !== '' });
  const announce = useCallback((message: string) => setNotice((current) => ({ message, seq: current.seq + 1 })), []);
  const clear = useCallback(() => setNotice((current) => ({ message: '', seq: current.seq })), []);
  // An action refused after this message was announced makes it stale: it goes (not the refusals
  // that came before this page was shown).
  const { count: refusals } = useRefusals();
  const seen = useRef(refusals);
  useEffect(() => {
    if (refusals === seen.current) return;
    seen.current = refusals;
    clear();
  }, [refusals, clear]);
  return { notice, announce, clear };
}

/**
 * The message a page was opened with (`navigate(path, { state: { notice } })`: "offer saved"). It
 * is taken out of the browser's history at once, so that reloading the page, or coming back to it,
 * does not show again news that has since gone stale.
 */
export function useArrivedNotice(): string {
  const location = useLocation();
  const navigate = useNavigate();
  const fromState = (location.state as { notice?: string } | null)?.notice ?? '';
  const [kept, setKept] = useState({ key: location.key, notice: fromState });
  if (fromState && kept.key !== location.key) setKept({ key: location.key, notice: fromState });
  useEffect(() => {
    if (fromState) void navigate({ pathname: location.pathname, search: location.search, hash: location.hash }, { replace: true, state: null });
  }, [fromState, location.pathname, location.search, location.hash, navigate]);
  return fromState || kept.notice;
}

/**
 * A success message announced politely; present (empty) from the start so that it is announced.
 * With a `seq` from useNotice, it takes the focus each time a new message is announced.
 */
export function StatusNotice({ message, seq = 0, arrived = false }: Partial<Notice> & { message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (seq > 0) ref.current?.focus();
  }, [seq]);
  // Opened with news of what was just done ("offer saved"): the layout focuses it instead of the page's title (Layout.tsx).
  const fromBefore = arrived && seq === 0 && message !== '';
  return (
    <div
      ref={ref}
      role="status"
      tabIndex={seq > 0 || fromBefore ? -1 : undefined}
      className={message ? 'alert alert-success' : 'visually-hidden'}
      data-testid="status-notice"
      data-arrived={fromBefore ? '' : undefined}
    >
      {message}
    </div>
  );
}
