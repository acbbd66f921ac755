import { useMutation, useQuery } from '@apollo/client/react';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmedButton } from '../../components/ConfirmBox';
import { PageTitle } from '../../components/PageTitle';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
import { useFormErrors } from '../../errors/use-form-errors';
import { ConfirmBox, useConfirmation } from '../../components/ConfirmBox';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import {
  FacilitatorsNearDocument,
  GrantDelegationDocument,
  MyDelegationsDocument,
  MyShopDocument,
  RevokeDelegationDocument,
  type DelegationFieldsFragment,
} from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { OnBehalfHistory } from './OnBehalfHistory';

/** Facilitators listed at once: beyond these, the owner narrows them by name. */
const CHOICES = 20;

function DelegationCard({ delegation, onRevoked }: { delegation: DelegationFieldsFragment; onRevoked: (message: string) => void }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const [revoke, { loading }] = useMutation(RevokeDelegationDocument, { refetchQueries: [MyDelegationsDocument], awaitRefetchQueries: true });
  const { errors, attempt, send } = useFormErrors({});
  const live = delegation.status === 'ACTIVE';
  const confirmation = useConfirmation();
  const name = delegation.facilitatorName ?? '';
  return (
    <li className="queue-card">
      <article aria-labelledby={`delegation-${delegation.id}-name`}>
        <h2 className="h5" id={`delegation-${delegation.id}-name`}>
          {name}
        </h2>
        <p className="mb-1">
          {delegation.facilitatorKind ? `${t(`facilitator.kinds.${delegation.facilitatorKind}`)} · ` : ''}
          {t(`delegations.status.${delegation.status}`)}
          {live && delegation.activatedAt ? ` ${t('delegations.since', { date: date(delegation.activatedAt) })}` : ''}
        </p>
        {delegation.paperDeclaredOn ? <p className="small mb-1">{t('delegations.paper', { date: date(delegation.paperDeclaredOn) })}</p> : null}
        {live ? (
          <>
            <p className="small">{t('delegations.scope')}</p>
            <ErrorSummary errors={errors} attempt={attempt} idPrefix={`delegation-${delegation.id}`} />
            {confirmation.asking ? (
              <ConfirmBox
                id={`delegation-${delegation.id}-revoke`}
                question={t('delegations.revokeQuestion', { name })}
                confirmLabel={t('delegations.confirmRevoke')}
                cancelLabel={t('delegations.keep')}
                busy={loading}
                onConfirm={() =>
                  void send('Delegation', async () => (await revoke({ variables: { input: { delegationId: delegation.id } } })).data?.revokeDelegation).then((done) => {
                    confirmation.close();
                    if (done) onRevoked(t('delegations.revoked', { name }));
                  })
                }
                onCancel={confirmation.cancel}
              />
            ) : (
              <button
                ref={confirmation.trigger}
                type="button"
                className="btn btn-outline-danger btn-sm"
                aria-describedby={`delegation-${delegation.id}-name`}
                onClick={confirmation.ask}
              >
                {t('delegations.revoke')}
              </button>
            )}
          </>
        ) : null}
      </article>
    </li>
  );
}

function ChooseFacilitator({ onChosen }: { onChosen: (message: string) => void }) {
  const { t } = useTranslation();
  const shop = useQuery(MyShopDocument).data?.myShop;
  const [search, setSearch] = useState('');
  const searched = useDeferredValue(search.trim());
  const near = useQuery(FacilitatorsNearDocument, { variables: { comuneCode: shop?.comune.code, search: searched || null, first: CHOICES }, skip: !shop });
  const found = (near.data ?? near.previousData)?.facilitators;
  const [grant, { loading }] = useMutation(GrantDelegationDocument, { refetchQueries: [MyDelegationsDocument], awaitRefetchQueries: true });
  const { errors, attempt, send } = useFormErrors({});
  const items = found?.items ?? [];
  // An organisation already acting for the shop is not offered again.
  const acting = new Set((useQuery(MyDelegationsDocument).data?.myDelegations.items ?? []).filter((d) => d.status === 'ACTIVE').map((d) => d.facilitatorId));
  return (
    <section aria-labelledby="choose-facilitator-title" className="mt-5">
      <h2 id="choose-facilitator-title" className="h4">
        {t('delegations.chooseTitle')}
      </h2>
      <p>{t('delegations.chooseLead')}</p>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="choose-facilitator" />
      {found && (searched || found.totalCount > 0) ? (
        <TextField
          id="choose-facilitator-search"
          label={t('delegations.search')}
          hint={found && found.totalCount > found.items.length ? t('delegations.searchMore', { shown: found.items.length, count: found.totalCount }) : t('delegations.searchHint')}
          value={search}
          onChange={setSearch}
          autoComplete="off"
        />
      ) : null}
      {items.length === 0 ? (
        <p className="empty-state">{searched ? t('delegations.noneFound') : t('delegations.noneNear')}</p>
      ) : (
        <ul className="list-unstyled">
          {items.map((f) => (
            <li key={f.id} className="d-flex flex-wrap align-items-center gap-3 mb-2">
              <span>
                <strong>{f.name}</strong> · {t(`facilitator.kinds.${f.kind}`)} · {f.contactEmail}
              </span>
              {acting.has(f.id) ? (
                <span className="fw-semibold">{t('delegations.alreadyActing')}</span>
              ) : (
                // Giving an organisation power to act for the shop is asked first, with what it may do, as revoking is.
                <ConfirmedButton
                  id={`choose-${f.id}`}
                  className="btn btn-sm btn-outline-primary"
                  label={t('delegations.chooseNamed', { name: f.name })}
                  question={t('delegations.chooseQuestion', { name: f.name })}
                  confirmLabel={t('delegations.chooseConfirm')}
                  cancelLabel={t('delegations.chooseCancel')}
                  busy={loading}
                  onConfirm={() =>
                    send('Delegation', async () => (await grant({ variables: { input: { facilitatorId: f.id } } })).data?.grantDelegation).then(
                      (done) => done && onChosen(t('delegations.granted', { name: f.name })),
                    )
                  }
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The shop's facilitators: who may act for it, what they did, and the way to revoke or choose one. */
export function DelegationsPage() {
  const { t } = useTranslation();
  const { notice, announce } = useNotice();
  const { data } = useQuery(MyDelegationsDocument);
  const items = data?.myDelegations.items ?? [];
  return (
    <>
      <PageTitle title={t('delegations.title')}>{t('delegations.title')}</PageTitle>
      <p className="lead">{t('delegations.lead')}</p>
      <StatusNotice {...notice} />
      {items.length === 0 ? (
        <p className="empty-state">{t('delegations.none')}</p>
      ) : (
        <ul className="list-unstyled">
          {items.map((delegation) => (
            <DelegationCard key={delegation.id} delegation={delegation} onRevoked={announce} />
          ))}
        </ul>
      )}
      <ChooseFacilitator onChosen={announce} />
      <OnBehalfHistory />
    </>
  );
}
