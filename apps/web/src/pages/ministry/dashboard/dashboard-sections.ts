import { createContext, useCallback, useContext, useEffect, useId, useMemo, useState } from 'react';
import { useInView } from 'react-intersection-observer';

/**
 * What the dashboard's deferred sections share: whether every section should load now (to
 * print), and which of them are still waiting for their figures.
 */
interface Sections {
  all: boolean;
  report(id: string, settled: boolean): void;
}

const SectionsContext = createContext<Sections>({ all: false, report: () => undefined });
export const SectionsProvider = SectionsContext.Provider;

/**
 * The dashboard's sections below its first screen ask the API only once they come within half a
 * screen of the window: opening the page costs the server its filters, figures and trend alone,
 * and each section's query runs as the reader scrolls to it (then stays, whatever the scrolling).
 * `ref` goes on the section; while `deferred` the section shows that it is loading and keeps the
 * height of a filled one (`dashboard-deferred`), so that the sections after it stay out of view.
 * Where the browser cannot tell (no IntersectionObserver), nothing waits; when the page is about
 * to be printed, nothing waits either.
 */
export function useOnScreen(): { ref: (node?: Element | null) => void; deferred: boolean } {
  const { all } = useContext(SectionsContext);
  const { ref, inView } = useInView({ triggerOnce: true, rootMargin: '0px 0px 50% 0px', fallbackInView: true });
  return { ref, deferred: !inView && !all };
}

/** A deferred section says whether its figures are in (or failed to come): printing waits for every one. */
export function useSectionSettled(settled: boolean): void {
  const id = useId();
  const { report } = useContext(SectionsContext);
  useEffect(() => report(id, settled), [id, settled, report]);
  useEffect(() => () => report(id, true), [id, report]);
}

/** The section's classes, with the reserved height while it waits. */
export const sectionClass = (base: string, deferred: boolean): string => (deferred ? `${base} dashboard-deferred` : base);

/** How long printing waits for the sections before giving up (a request that never answers). */
export const PRINT_WAIT_MS = 30_000;

type PrintPhase = 'idle' | 'preparing' | 'timedOut';

/**
 * Printing the whole dashboard: `toggle()` loads every section, in view or not, and opens the
 * browser's print dialog once all of them have their figures (or failed to get them); pressed
 * again while they load, it cancels, and after PRINT_WAIT_MS it gives up and says so. A print
 * started from the browser's own menu cannot wait: it loads them for the next one, and
 * `incomplete` says that some were missing (the page shows it on paper only).
 */
export function useDashboardPrint(): { sections: Sections; toggle(): void; phase: PrintPhase; incomplete: boolean } {
  const [all, setAll] = useState(false);
  const [waiting, setWaiting] = useState<ReadonlySet<string>>(() => new Set());
  const [phase, setPhase] = useState<PrintPhase>('idle');
  const report = useCallback((id: string, settled: boolean) => {
    setWaiting((current) => {
      if (current.has(id) !== settled) return current;
      const next = new Set(current);
      if (settled) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  useEffect(() => {
    const reveal = (): void => setAll(true);
    window.addEventListener('beforeprint', reveal);
    return () => window.removeEventListener('beforeprint', reveal);
  }, []);
  const preparing = phase === 'preparing';
  useEffect(() => {
    if (!preparing) return undefined;
    const giveUp = window.setTimeout(() => setPhase('timedOut'), PRINT_WAIT_MS);
    return () => window.clearTimeout(giveUp);
  }, [preparing]);
  useEffect(() => {
    if (!preparing || waiting.size > 0) return;
    setPhase('idle');
    window.print();
  }, [preparing, waiting]);
  const sections = useMemo(() => ({ all, report }), [all, report]);
  const toggle = useCallback(() => {
    setAll(true);
    setPhase((current) => (current === 'preparing' ? 'idle' : 'preparing'));
  }, []);
  return { sections, toggle, phase, incomplete: waiting.size > 0 };
}
