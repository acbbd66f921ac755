import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { LoadFailed, Loading } from '../../../components/Loading';
import { AuditEventsDocument, type AuditEventFilterInput } from '../../../gql/generated';
import { AuditEventsTable } from './AuditEventsTable';
import { useKeysetPaging } from './use-keyset-paging';

export const AUDIT_PAGE_SIZE = 25;

/** One page of the trail under a filter, with Newer/Older buttons that page by keyset. */
export function AuditTrailResults({ filter, paging, withEntity = true }: { filter: AuditEventFilterInput; paging: ReturnType<typeof useKeysetPaging>; withEntity?: boolean }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(AuditEventsDocument, {
    variables: { filter, first: AUDIT_PAGE_SIZE, after: paging.after },
    fetchPolicy: 'cache-and-network',
  });
  const page = data?.auditEvents;
  let body;
  if (page) {
    body = (
      <>
        <p className="small" data-testid="audit-count">
          {t('audit.count', { count: page.totalCount })}
        </p>
        {page.items.length === 0 ? <p className="empty-state">{t('audit.empty')}</p> : <AuditEventsTable events={page.items} withEntity={withEntity} />}
        {paging.page > 0 || page.hasNextPage ? (
          <nav className="pager d-flex flex-wrap align-items-center gap-3 mt-3" aria-label={t('audit.pager.label')}>
            <button type="button" className="btn btn-outline-primary btn-sm" disabled={paging.page === 0} onClick={paging.previous}>
              {t('audit.pager.previous')}
            </button>
            <span>{t('audit.pager.page', { page: paging.page + 1 })}</span>
            <button type="button" className="btn btn-outline-primary btn-sm" disabled={!page.hasNextPage || !page.endCursor} onClick={() => page.endCursor && paging.next(page.endCursor)}>
              {t('audit.pager.next')}
            </button>
          </nav>
        ) : null}
      </>
    );
  } else body = error ? <LoadFailed /> : <Loading />;
  return (
    <div ref={paging.resultsRef} tabIndex={-1} className="queue-results">
      {body}
    </div>
  );
}
