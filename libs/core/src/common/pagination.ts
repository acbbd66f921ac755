export const MAX_PAGE_SIZE = 100;

/** Which slice of a list to return: `first` items after skipping `offset`. */
export interface PageRequest {
  first: number;
  offset: number;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
}

export function toPage<T>(items: T[], totalCount: number, args: PageRequest): Page<T> {
  return { items, totalCount, hasNextPage: args.offset + items.length < totalCount };
}

export function mapPage<T, U>(page: Page<T>, map: (item: T) => U): Page<U> {
  return { ...page, items: page.items.map(map) };
}
