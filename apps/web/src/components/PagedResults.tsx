import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailed, Loading } from './Loading';
import { Pagination, type Paging } from './Pagination';

export interface ResultPage<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
}

interface Props<T> {
  paging: Paging;
  page: ResultPage<T> | undefined;
  error: unknown;
  /** Said when the page holds nothing: a sentence, or a block of its own (a sentence and a link). */
  empty: string | ReactNode;
  pagerLabel?: string;
  /** A fresher page is on its way (the one shown came from the cache): said to assistive technology. */
  busy?: boolean;
  children: (page: ResultPage<T>) => ReactNode;
}

/**
 * One page of a long list with its loading, failure and empty states and the pager below; the
 * focus moves to the top of the results after a page turn.
 */
export function PagedResults<T>({ paging, page, error, empty, pagerLabel, busy = false, children }: Props<T>) {
  const { t } = useTranslation();
  // What a filter or a page turn left, said to assistive technology when it changes (the focus
  // stays on the filter's button): the count, or that there is nothing.
  const outcome = !page ? '' : page.items.length === 0 ? t('common.noResults') : t('common.results', { count: page.totalCount });
  let body;
  if (page) {
    const nothing = typeof empty === 'string' ? <p className="empty-state">{empty}</p> : empty;
    // A page past the end (the list shrank meanwhile) still offers the way back.
    body = (
      <>
        {page.items.length === 0 ? nothing : children(page)}
        <Pagination paging={paging} totalCount={page.totalCount} hasNextPage={page.hasNextPage} label={pagerLabel} />
      </>
    );
  } else body = error ? <LoadFailed /> : <Loading />;
  return (
    <div ref={paging.resultsRef} tabIndex={-1} className="queue-results" aria-busy={busy || undefined}>
      <p role="status" className="visually-hidden" data-testid="results-status">
        {outcome}
      </p>
      {body}
    </div>
  );
}
