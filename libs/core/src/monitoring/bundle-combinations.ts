import { ServiceCategory } from '@vec/matching';

/** How far the bundles asked have got. Every bundle is in exactly one of complete, partial, not served, withdrawn. */
export interface BundleCounts {
  asked: number;
  /** Every part served: the complete set. */
  complete: number;
  /** Some parts served, not all. */
  partial: number;
  /** No part served yet, and not withdrawn. */
  notServed: number;
  /** Every part cancelled by the shop. */
  withdrawn: number;
}

export interface BundleCombination extends BundleCounts {
  /** The services asked together, in the platform's order. */
  categories: ServiceCategory[];
}

/** Bundles counted by the categories exactly as asked (a shop may have listed them in any order), with their parts. */
export interface AskedCategories extends BundleCounts {
  categories: readonly ServiceCategory[];
  parts: number;
}

export interface CombinationSummary extends BundleCounts {
  parts: number;
  /** Every combination, the most asked first, ties in the platform's order of services. */
  combinations: BundleCombination[];
}

const ORDER = Object.values(ServiceCategory);
const COUNTS = ['asked', 'complete', 'partial', 'notServed', 'withdrawn'] as const;

const zero = (): BundleCounts => ({ asked: 0, complete: 0, partial: 0, notServed: 0, withdrawn: 0 });
const add = (into: BundleCounts, from: BundleCounts): void => {
  for (const key of COUNTS) into[key] += from[key];
};

/** Compares two combinations service by service in the platform's order, a shorter one first when it is the start of the other. */
function inPlatformOrder(a: readonly ServiceCategory[], b: readonly ServiceCategory[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return ORDER.indexOf(a[i]) - ORDER.indexOf(b[i]);
  }
  return a.length - b.length;
}

/**
 * Merges the bundles asked with the same services in different orders into one combination (in
 * the platform's order of services), and sums the totals. Exact: every bundle counts once.
 */
export function summariseCombinations(rows: readonly AskedCategories[]): CombinationSummary {
  const total = zero();
  let parts = 0;
  const byKey = new Map<string, BundleCombination>();
  for (const row of rows) {
    add(total, row);
    parts += row.parts;
    const categories = [...row.categories].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
    const key = categories.join('+');
    const combination = byKey.get(key) ?? { categories, ...zero() };
    add(combination, row);
    byKey.set(key, combination);
  }
  const combinations = [...byKey.values()].sort((a, b) => b.asked - a.asked || inPlatformOrder(a.categories, b.categories));
  return { ...total, parts, combinations };
}
