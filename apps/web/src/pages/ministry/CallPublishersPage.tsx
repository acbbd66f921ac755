import { useMutation, useQuery } from '@apollo/client/react';
import { useDeferredValue, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { PageTitle } from '../../components/PageTitle';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
import { useFormErrors } from '../../errors/use-form-errors';
import {
  ApprovedOrganisationsDocument,
  CallPublisherGrantsDocument,
  GrantCallPublisherDocument,
  RevokeCallPublisherDocument,
  type CallPublisherGrantsQuery,
} from '../../gql/generated';
import { useFormat } from '../../i18n/format';

const PAGE_SIZE = 20;
/** Organisations offered in the grant form's list at once: staff narrow them by name. */
const CHOICES = 20;
type Grant = CallPublisherGrantsQuery['callPublishers']['items'][number];

function GrantForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [facilitatorId, setFacilitatorId] = useState('');
  const [search, setSearch] = useState('');
  const searched = useDeferredValue(search.trim());
  const organisations = useQuery(ApprovedOrganisationsDocument, { variables: { search: searched || null, first: CHOICES } });
  // While a new search loads, the list keeps the last answer rather than emptying.
  const found = (organisations.data ?? organisations.previousData)?.facilitators;
  const [grant, { loading }] = useMutation(GrantCallPublisherDocument, { refetchQueries: [CallPublisherGrantsDocument], awaitRefetchQueries: true });
  const labels = { facilitatorId: t('calls.publishers.organisation') };
  const { errors, attempt, send, dismiss } = useFormErrors(labels);
  const options = (found?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const done = await send('CallPublisher', async () => (await grant({ variables: { input: { facilitatorId } } })).data?.grantCallPublisher);
    if (done) onDone(t('calls.publishers.granted', { name: options.find((o) => o.value === facilitatorId)?.label ?? '' }));
  };
  return (
    <section aria-labelledby="grant-title" className="mb-5">
      <h2 id="grant-title" className="h3">
        {t('calls.publishers.grantTitle')}
      </h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary errors={errors} attempt={attempt} idPrefix="grant" />
        <TextField
          id="grant-search"
          label={t('calls.publishers.search')}
          hint={found && found.totalCount > found.items.length ? t('calls.publishers.searchMore', { shown: found.items.length, count: found.totalCount }) : t('calls.publishers.searchHint')}
          value={search}
          onChange={(value) => {
            setSearch(value);
            setFacilitatorId('');
          }}
          autoComplete="off"
        />
        <SelectField
          id="grant-facilitatorId"
          label={labels.facilitatorId}
          placeholder={t('calls.publishers.choose')}
          value={facilitatorId}
          onChange={(value) => {
            setFacilitatorId(value);
            dismiss('facilitatorId');
          }}
          options={options}
          error={errors.fields.facilitatorId}
        />
        <button type="submit" className="btn btn-primary" disabled={loading}>
          {t('calls.publishers.grant')}
        </button>
      </form>
    </section>
  );
}

function RevokeForm({ grant, onDone }: { grant: Grant; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [revoke, { loading }] = useMutation(RevokeCallPublisherDocument, { refetchQueries: [CallPublisherGrantsDocument], awaitRefetchQueries: true });
  const labels = { reason: t('calls.publishers.revokeReason', { name: grant.organisation.name }) };
  const { errors, attempt, send } = useFormErrors(labels);
  const prefix = `revoke-${grant.id}`;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const done = await send('CallPublisher', async () => (await revoke({ variables: { input: { facilitatorId: grant.organisation.id, reason } } })).data?.revokeCallPublisher);
    if (done) onDone(t('calls.publishers.revoked', { name: grant.organisation.name }));
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="mt-2">
      <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} />
      <TextField id={`${prefix}-reason`} label={labels.reason} value={reason} onChange={setReason} error={errors.fields.reason} />
      <button type="submit" className="btn btn-outline-danger btn-sm" disabled={loading}>
        {t('calls.publishers.revoke')}
      </button>
    </form>
  );
}

/** Staff: the organisations authorised to run calls (and those whose authorisation was revoked, with why), to grant and revoke. */
export function CallPublishersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const paging = usePaging(PAGE_SIZE);
  const { notice, announce } = useNotice('');
  const { data, error } = useQuery(CallPublisherGrantsDocument, { variables: { first: PAGE_SIZE, offset: paging.offset }, fetchPolicy: 'cache-and-network' });
  return (
    <>
      <PageTitle title={t('calls.publishers.title')}>{t('calls.publishers.title')}</PageTitle>
      <p className="lead">{t('calls.publishers.lead')}</p>
      <StatusNotice {...notice} />
      <GrantForm onDone={announce} />
      <section aria-labelledby="grants-title">
        <h2 id="grants-title" className="h3">
          {t('calls.publishers.listTitle')}
        </h2>
        <PagedResults paging={paging} page={data?.callPublishers} error={error} empty={t('calls.publishers.empty')}>
          {(page) => (
            <ul className="list-unstyled">
              {page.items.map((grant) => (
                <li key={grant.id} className="queue-card" data-testid="grant-card">
                  <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
                    <h3 className="h5 mb-1">{grant.organisation.name}</h3>
                    <span className={`badge ${grant.inForce ? 'bg-success' : 'bg-secondary'}`}>{grant.inForce ? t('calls.publishers.inForce') : t('calls.publishers.revokedState')}</span>
                  </div>
                  <p className="mb-1 small">{t('calls.publishers.grantedOn', { date: format.dateTime(grant.grantedAt) })}</p>
                  {grant.revokedAt ? <p className="mb-1">{t('calls.publishers.revokedOn', { date: format.dateTime(grant.revokedAt), reason: grant.revokeReason ?? '' })}</p> : null}
                  {grant.inForce ? <RevokeForm grant={grant} onDone={announce} /> : null}
                </li>
              ))}
            </ul>
          )}
        </PagedResults>
      </section>
    </>
  );
}
