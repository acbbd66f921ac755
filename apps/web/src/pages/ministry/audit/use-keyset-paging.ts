import { useEffect, useRef, useState } from 'react';

/**
 * Pages of a list read by keyset: the cursor of each page seen is kept, so Previous goes back
 * exactly and Next continues after the last item shown. After a turn the focus moves to the top
 * of the results.
 */
export function useKeysetPaging() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const resultsRef = useRef<HTMLDivElement>(null);
  const turned = useRef(false);
  const page = cursors.length - 1;
  useEffect(() => {
    if (turned.current) resultsRef.current?.focus();
    turned.current = false;
  }, [page]);
  return {
    page,
    after: cursors[cursors.length - 1],
    resultsRef,
    next(endCursor: string) {
      turned.current = true;
      setCursors((current) => [...current, endCursor]);
    },
    previous() {
      turned.current = true;
      setCursors((current) => (current.length > 1 ? current.slice(0, -1) : current));
    },
    reset() {
      setCursors([null]);
    },
  };
}
