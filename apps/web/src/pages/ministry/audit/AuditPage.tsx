import { useQuery } from '@apollo/client/react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { SelectField, TextField } from '../../../components/fields';
import { PageTitle } from '../../../components/PageTitle';
import { StatusNotice, useNotice } from '../../../components/StatusNotice';
import { apiFormErrors, NO_ERRORS } from '../../../errors/form-errors';
import { AuditEventsDocument, type AuditEventFilterInput } from '../../../gql/generated';
import { currentLanguage } from '../../../i18n';
import { ExportFailedError } from '../dashboard/csv-download';
import { downloadAuditTrail } from './audit-download';
import { useEntityTypeLabel } from './AuditEventsTable';
import { AUDIT_PAGE_SIZE, AuditTrailResults } from './AuditTrailResults';
import { useKeysetPaging } from './use-keyset-paging';
import { instantOfItalianTime } from '../../../i18n/italian-time';

const ENTITY_TYPES = [
  'user',
  'shop',
  'provider',
  'facilitator',
  'offer',
  'help_request',
  'help_request_bundle',
  'match',
  'allocation_run',
  'selection_call',
  'call_application',
  'call_publisher',
  'delegation',
  'delegation_handover',
  'mail_message',
  'retention',
  'export',
  'platform',
];
const PREFIX = 'audit';

interface Draft {
  entityType: string;
  entityId: string;
  action: string;
  actorEmail: string;
  from: string;
  to: string;
}

const EMPTY: Draft = { entityType: '', entityId: '', action: '', actorEmail: '', from: '', to: '' };

/** The form's days as instants: from the start of the first day to the end of the last, in Italy. */
export function toAuditFilter(draft: Draft): AuditEventFilterInput {
  const day = (date: string, plusDays = 0): string => instantOfItalianTime(date, '00:00', plusDays) ?? date;
  const filter: AuditEventFilterInput = {};
  if (draft.entityType) filter.entityType = draft.entityType;
  if (draft.entityId.trim()) filter.entityId = draft.entityId.trim();
  if (draft.action.trim()) filter.action = draft.action.trim();
  if (draft.actorEmail.trim()) filter.actorEmail = draft.actorEmail.trim();
  if (draft.from) filter.from = day(draft.from);
  if (draft.to) filter.to = day(draft.to, 1);
  return filter;
}

/** The audit trail for ministry staff: filter by object, action, author and period; page; download as CSV. */
export function AuditPage() {
  const { t } = useTranslation();
  const typeLabel = useEntityTypeLabel();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [applied, setApplied] = useState<Draft>(EMPTY);
  const [attempt, setAttempt] = useState(0);
  const [downloading, setDownloading] = useState(false);
  const [failure, setFailure] = useState('');
  const { notice, announce } = useNotice();
  const paging = useKeysetPaging();
  const filter = useMemo(() => toAuditFilter(applied), [applied]);
  // The same query as the results': a refused filter is shown next to its field.
  const { error } = useQuery(AuditEventsDocument, { variables: { filter, first: AUDIT_PAGE_SIZE, after: paging.after }, fetchPolicy: 'cache-first' });
  const labels = {
    'filter.entityType': t('audit.filters.entityType'),
    'filter.entityId': t('audit.filters.entityId'),
    'filter.action': t('audit.filters.action'),
    'filter.actorEmail': t('audit.filters.actorEmail'),
    'filter.from': t('audit.filters.from'),
    'filter.to': t('audit.filters.to'),
  };
  const errors = error ? apiFormErrors(error, labels, currentLanguage(), t('errors.network')) : NO_ERRORS;
  const set = (key: keyof Draft) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setApplied(draft);
    paging.reset();
    setAttempt((n) => n + 1);
  };
  const clear = (): void => {
    setDraft(EMPTY);
    setApplied(EMPTY);
    paging.reset();
  };
  const download = async (): Promise<void> => {
    setDownloading(true);
    setFailure('');
    try {
      await downloadAuditTrail(filter, currentLanguage());
      announce(t('audit.csvDone'));
    } catch (failed) {
      setFailure(failed instanceof ExportFailedError ? (failed.reason(currentLanguage()) ?? t('errors.loadFailed')) : t('errors.network'));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <PageTitle title={t('audit.title')}>{t('audit.title')}</PageTitle>
      <p className="lead">{t('audit.lead')}</p>
      <StatusNotice {...notice} />
      <form noValidate onSubmit={submit} aria-labelledby="audit-filters-title" className="mb-4">
        <h2 id="audit-filters-title" className="h4">
          {t('audit.filters.title')}
        </h2>
        <ErrorSummary errors={errors} attempt={error ? attempt : 0} idPrefix={PREFIX} />
        <div className="row">
          <div className="col-md-4">
            <SelectField
              id={`${PREFIX}-filter.entityType`}
              label={labels['filter.entityType']}
              placeholder={t('audit.filters.anyType')}
              value={draft.entityType}
              onChange={set('entityType')}
              options={ENTITY_TYPES.map((type) => ({ value: type, label: typeLabel(type) }))}
              error={errors.fields['filter.entityType']}
            />
          </div>
          <div className="col-md-8">
            <TextField id={`${PREFIX}-filter.entityId`} label={labels['filter.entityId']} value={draft.entityId} onChange={set('entityId')} error={errors.fields['filter.entityId']} />
          </div>
          <div className="col-md-6">
            <TextField
              id={`${PREFIX}-filter.action`}
              label={labels['filter.action']}
              hint={t('audit.filters.actionHint')}
              value={draft.action}
              onChange={set('action')}
              error={errors.fields['filter.action']}
            />
          </div>
          <div className="col-md-6">
            <TextField
              id={`${PREFIX}-filter.actorEmail`}
              label={labels['filter.actorEmail']}
              type="email"
              autoComplete="off"
              value={draft.actorEmail}
              onChange={set('actorEmail')}
              error={errors.fields['filter.actorEmail']}
            />
          </div>
          <div className="col-md-6">
            <TextField id={`${PREFIX}-filter.from`} label={labels['filter.from']} type="date" value={draft.from} onChange={set('from')} error={errors.fields['filter.from']} />
          </div>
          <div className="col-md-6">
            <TextField id={`${PREFIX}-filter.to`} label={labels['filter.to']} type="date" value={draft.to} onChange={set('to')} error={errors.fields['filter.to']} />
          </div>
        </div>
        <div className="d-flex flex-wrap gap-3">
          <button type="submit" className="btn btn-primary">
            {t('audit.filters.apply')}
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={clear}>
            {t('audit.filters.reset')}
          </button>
          <button type="button" className="btn btn-outline-primary" aria-disabled={downloading} aria-busy={downloading} onClick={() => !downloading && void download()}>
            {t('audit.csv')}
            <span className="visually-hidden"> {t('audit.csvFormat')}</span>
          </button>
        </div>
        {failure ? (
          <p className="alert alert-danger mt-3" role="alert">
            {failure}
          </p>
        ) : null}
      </form>
      {error ? null : <AuditTrailResults filter={filter} paging={paging} />}
    </>
  );
}
