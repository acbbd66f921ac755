import { useCallback, useEffect, useRef } from 'react';

type Target = () => HTMLElement | null | undefined;

/**
 * Moves the focus once the page shows what an action asked for. When a button's area gives way to
 * something else (a form in its place, the button put back, a picker emptied), the focused element
 * leaves the page and the browser drops the focus to the top: call `focusAfter(target)` with the
 * state change, and after the next render the focus goes to `target()`, found then (so an element
 * mounted by that render is found too). A target not yet on the page is tried again at the next
 * render.
 */
export function useFocusAfter(): (target: Target) => void {
  const pending = useRef<Target | null>(null);
  // After every render of the component: its own re-render follows the state change that asked.
  useEffect(() => {
    const element = pending.current?.();
    if (!element) return;
    pending.current = null;
    element.focus();
  });
  return useCallback((target: Target) => {
    pending.current = target;
  }, []);
}

/** The element of an id, for `focusAfter`: parts of the page rendered by other components. */
export const byId =
  (id: string): Target =>
  () =>
    document.getElementById(id);
