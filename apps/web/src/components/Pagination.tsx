import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

/** The largest offset the API takes in a list. */
const MAX_OFFSET = 1_000_000;

export interface Paging {
  page: number;
  offset: number;
  pageSize: number;
  /** Turns the page and, once it shows, moves the focus to the top of the results. */
  turnTo(page: number): void;
  /** Back to the first page (a new filter), without moving the focus. */
  reset(): void;
  resultsRef: RefObject<HTMLDivElement | null>;
}

/**
 * After Previous/Next the reader continues from the top of the new page, not from the buttons.
 * With `urlParam`, the page is kept in the address (1-based, absent on the first page): a reload
 * keeps it, Back returns to the page before, and a link can name it.
 */
export function usePaging(pageSize: number, urlParam?: string): Paging {
  const [local, setLocal] = useState(0);
  const [params, setParams] = useSearchParams();
  // A page typed in the address is kept within what the API pages through (offsets below a million).
  const lastPage = Math.floor((MAX_OFFSET - 1) / pageSize);
  const fromUrl = urlParam ? Math.min(lastPage, Math.max(0, (Number.parseInt(params.get(urlParam) ?? '1', 10) || 1) - 1)) : 0;
  const page = urlParam ? fromUrl : local;
  const setPage = (next: number): void => {
    if (!urlParam) {
      setLocal(next);
      return;
    }
    const updated = new URLSearchParams(params);
    if (next > 0) updated.set(urlParam, String(next + 1));
    else updated.delete(urlParam);
    setParams(updated);
  };
  const resultsRef = useRef<HTMLDivElement>(null);
  const turned = useRef(false);
  useEffect(() => {
    if (turned.current) resultsRef.current?.focus();
    turned.current = false;
  }, [page]);
  return {
    page,
    offset: page * pageSize,
    pageSize,
    turnTo: (next) => {
      turned.current = true;
      setPage(next);
    },
    reset: () => setPage(0),
    resultsRef,
  };
}

interface Props {
  paging: Paging;
  totalCount: number;
  hasNextPage: boolean;
  label?: string;
}

export function Pagination({ paging, totalCount, hasNextPage, label }: Props) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(totalCount / paging.pageSize));
  if (pages <= 1 && paging.page === 0) return null;
  return (
    <nav className="pager d-flex flex-wrap align-items-center gap-3 mt-3" aria-label={label ?? t('pagination.label')}>
      <button type="button" className="btn btn-outline-primary btn-sm" disabled={paging.page === 0} onClick={() => paging.turnTo(paging.page - 1)}>
        {t('pagination.previous')}
      </button>
      <span>{t('pagination.page', { page: paging.page + 1, pages })}</span>
      <button type="button" className="btn btn-outline-primary btn-sm" disabled={!hasNextPage} onClick={() => paging.turnTo(paging.page + 1)}>
        {t('pagination.next')}
      </button>
    </nav>
  );
}
