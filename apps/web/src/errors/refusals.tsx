import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

interface Refusals {
  /** Grows with every failed attempt anywhere in the app. */
  count: number;
  refused(): void;
}

const RefusalsContext = createContext<Refusals>({ count: 0, refused: () => undefined });

/**
 * Counts the attempts that failed (useFormErrors reports each), so that a page's success message
 * goes once a later action is refused: "Invito ritirato" must not stand beside the error of what
 * the reader did next.
 */
export function RefusalsProvider({ children }: { children: ReactNode }) {
  const [count, setCount] = useState(0);
  const refused = useCallback(() => setCount((n) => n + 1), []);
  const value = useMemo(() => ({ count, refused }), [count, refused]);
  return <RefusalsContext.Provider value={value}>{children}</RefusalsContext.Provider>;
}

export function useRefusals(): Refusals {
  return useContext(RefusalsContext);
}
