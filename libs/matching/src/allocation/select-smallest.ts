/**
 * The k-th smallest of distinct values (1 ≤ k ≤ length), by in-place quickselect with a
 * deterministic median-of-three pivot: expected linear time, and no allocation. The array is
 * reordered.
 */
export function selectSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot, moved to hi.
    if (values[mid] < values[lo]) swap(values, mid, lo);
    if (values[hi] < values[lo]) swap(values, hi, lo);
    if (values[mid] < values[hi]) swap(values, mid, hi);
    const pivot = values[hi];
    let store = lo;
    for (let i = lo; i < hi; i++) {
      if (values[i] < pivot) swap(values, i, store++);
    }
    swap(values, store, hi);
    if (store === target) return values[store];
    if (store < target) lo = store + 1;
    else hi = store - 1;
  }
  return values[lo];
}

function swap(values: Float64Array, i: number, j: number): void {
  const t = values[i];
  values[i] = values[j];
  values[j] = t;
}
