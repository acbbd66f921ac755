import { useInView } from 'react-intersection-observer';

/**
 * The dashboard's sections below its first screen ask the API only once they come within half a
 * screen of the window: opening the page costs the server its filters, figures and trend alone,
 * and each section's query runs as the reader scrolls to it (then stays, whatever the scrolling).
 * `ref` goes on the section; while `deferred` the section shows that it is loading and keeps the
 * height of a filled one (`dashboard-deferred`), so that the sections after it stay out of view.
 * Where the browser cannot tell (no IntersectionObserver), nothing waits.
 */
export function useOnScreen(): { ref: (node?: Element | null) => void; deferred: boolean } {
  const { ref, inView } = useInView({ triggerOnce: true, rootMargin: '0px 0px 50% 0px', fallbackInView: true });
  return { ref, deferred: !inView };
}

/** The section's classes, with the reserved height while it waits. */
export const sectionClass = (base: string, deferred: boolean): string => (deferred ? `${base} dashboard-deferred` : base);
