/**
 * The value, or an internal error naming what should have been loaded with it: a broken
 * invariant of the code (a relation not joined, a row gone missing), never bad input.
 */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`${what} is missing`);
  return value;
}
