import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmBox, useConfirmation } from '../../components/ConfirmBox';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FilterButtons } from '../../components/FilterButtons';
import { PageTitle } from '../../components/PageTitle';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
import { useFormErrors } from '../../errors/use-form-errors';
import { type MailStatus, OutgoingMailDocument, type OutgoingMailFieldsFragment, ResendMailDocument } from '../../gql/generated';
import { useFormat } from '../../i18n/format';

const PAGE_SIZE = 20;
type Filter = 'ALL' | MailStatus;
const FILTERS: Filter[] = ['ALL', 'FAILED', 'UNCERTAIN', 'QUEUED', 'SENDING', 'SENT', 'DEV_MAILBOX'];

/** Sending again asks first; for an UNCERTAIN message the question says it may arrive twice. */
function ResendButton({ mail, describedBy, onDone }: { mail: OutgoingMailFieldsFragment; describedBy: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const confirmation = useConfirmation();
  const [resend, { loading }] = useMutation(ResendMailDocument, { refetchQueries: [OutgoingMailDocument] });
  const { errors, attempt, send } = useFormErrors({});
  const submit = async (): Promise<void> => {
    const sent = await send('OutgoingMail', async () => (await resend({ variables: { input: { id: mail.id } } })).data?.resendMail);
    confirmation.close();
    if (sent) onDone(t('outbox.resent', { recipient: mail.recipient }));
  };
  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix={`resend-${mail.id}`} />
      {confirmation.asking ? (
        <ConfirmBox
          id={`resend-${mail.id}`}
          question={mail.status === 'UNCERTAIN' ? t('outbox.resendUncertain', { recipient: mail.recipient }) : t('outbox.resendFailed', { recipient: mail.recipient })}
          confirmLabel={t('outbox.resendConfirm')}
          cancelLabel={t('common.cancel')}
          busy={loading}
          onConfirm={() => void submit()}
          onCancel={confirmation.cancel}
        />
      ) : (
        <button ref={confirmation.trigger} type="button" className="btn btn-outline-primary btn-sm" aria-describedby={describedBy} onClick={confirmation.ask}>
          {t('outbox.resend')}
        </button>
      )}
    </>
  );
}

function MailCard({ mail, onDone }: { mail: OutgoingMailFieldsFragment; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const nameId = `mail-${mail.id}-name`;
  return (
    <li className="queue-card" data-testid="mail-card">
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <h2 className="h5 mb-1" id={nameId}>
          {mail.kind ? t(`preferences.kinds.${mail.kind}`) : t('outbox.kindUnknown')} — {mail.recipient}
        </h2>
        <span className={`badge ${mail.status === 'FAILED' || mail.status === 'UNCERTAIN' ? 'bg-danger' : 'bg-secondary'}`}>{t(`outbox.statuses.${mail.status}`)}</span>
      </div>
      <p className="mb-2 small">
        {t('outbox.created', { date: format.dateTime(mail.createdAt) })}
        {mail.sentAt ? ` · ${t('outbox.sent', { date: format.dateTime(mail.sentAt) })}` : ''} · {t('outbox.attempts', { count: mail.attempts })}
      </p>
      {mail.failure ? <p className="mb-2">{t('outbox.failure', { failure: mail.failure })}</p> : null}
      {mail.resentAsId ? <p className="mb-2 small">{t('outbox.resentAlready')}</p> : null}
      {mail.resendable ? <ResendButton mail={mail} describedBy={nameId} onDone={onDone} /> : null}
    </li>
  );
}

/** Staff: the outgoing e-mails with how each went, filtered by status, without their bodies; failed or uncertain ones can be sent again. */
export function OutgoingMailPage() {
  const { t } = useTranslation();
  const { notice, announce } = useNotice();
  const [filter, setFilter] = useState<Filter>('ALL');
  const paging = usePaging(PAGE_SIZE);
  const { data, error } = useQuery(OutgoingMailDocument, {
    variables: { status: filter === 'ALL' ? null : filter, first: PAGE_SIZE, offset: paging.offset },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <>
      <PageTitle title={t('outbox.title')}>{t('outbox.title')}</PageTitle>
      <p className="lead">{t('outbox.lead')}</p>
      <StatusNotice {...notice} />
      <FilterButtons
        label={t('outbox.filter')}
        options={FILTERS.map((value) => ({ value, label: value === 'ALL' ? t('outbox.all') : t(`outbox.statuses.${value}`) }))}
        value={filter}
        onChange={(value) => {
          setFilter(value);
          paging.reset();
        }}
      />
      <PagedResults paging={paging} page={data?.outgoingMail} error={error} empty={t('outbox.empty')}>
        {(page) => (
          <ul className="list-unstyled">
            {page.items.map((mail) => (
              <MailCard key={mail.id} mail={mail} onDone={announce} />
            ))}
          </ul>
        )}
      </PagedResults>
    </>
  );
}
