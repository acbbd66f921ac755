import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageTitle } from '../../../components/PageTitle';
import { PATHS } from '../../../routes';
import { useEntityTypeLabel } from './AuditEventsTable';
import { AuditTrailResults } from './AuditTrailResults';
import { useKeysetPaging } from './use-keyset-paging';

/** Every event about one object, newest first: reached from the trail and from the staff screens. */
export function EntityHistoryPage() {
  const { t } = useTranslation();
  const { type = '', id = '' } = useParams();
  const typeLabel = useEntityTypeLabel();
  const paging = useKeysetPaging();
  const filter = useMemo(() => ({ entityType: type, entityId: id }), [type, id]);
  const title = t('audit.historyOf', { type: typeLabel(type), id });
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{t('audit.historyLead')}</p>
      <p>
        <Link to={PATHS.audit}>{t('audit.backToList')}</Link>
      </p>
      <AuditTrailResults key={`${type}/${id}`} filter={filter} paging={paging} withEntity={false} />
    </>
  );
}
