import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { hasErrors } from '../../errors/form-errors';
import { useFormErrors } from '../../errors/use-form-errors';
import { AnswerDelegationHandoverDocument, DelegatedShopsDocument, IncomingHandoversDocument, type DelegationHandoverFieldsFragment } from '../../gql/generated';
import { useFormat } from '../../i18n/format';

/**
 * Shops other facilitators offer to take over, each with who offers it and the owner's paper
 * consent: accepting puts the shop on the desk, declining leaves it with the giver. A refusal (the
 * offer withdrawn meanwhile, the owner's claim) stays on the page though the list changed.
 */
export function HandoverOffers({ onAnswered }: { onAnswered: (message: string) => void }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const { data } = useQuery(IncomingHandoversDocument, { fetchPolicy: 'cache-and-network' });
  const [answer, { loading }] = useMutation(AnswerDelegationHandoverDocument, {
    refetchQueries: ({ data: answered }) => (answered?.answerDelegationHandover.__typename === 'DelegationHandover' ? [IncomingHandoversDocument, DelegatedShopsDocument] : []),
    awaitRefetchQueries: true,
  });
  const { errors, attempt, send } = useFormErrors({});
  const items = data?.delegationHandovers.items ?? [];
  if (items.length === 0 && !hasErrors(errors)) return null;

  const submit = async (handover: DelegationHandoverFieldsFragment, accept: boolean): Promise<void> => {
    const done = await send('DelegationHandover', async () => (await answer({ variables: { input: { handoverId: handover.id, accept } } })).data?.answerDelegationHandover);
    if (!done) return;
    onAnswered(accept ? t('desk.handovers.accepted', { shop: handover.shopName }) : t('desk.handovers.declined', { shop: handover.shopName, facilitator: handover.fromFacilitatorName }));
  };

  return (
    <section aria-labelledby="desk-handovers-title" className="mb-4">
      <h2 id="desk-handovers-title" className="h4">
        {t('desk.handovers.title')}
      </h2>
      <p>{t('desk.handovers.lead')}</p>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="desk-handovers" refusedTitle={t('desk.handovers.refused')} />
      <ul className="list-unstyled">
        {items.map((handover) => (
          <li key={handover.id} className="profile-card mb-3">
            <p className="mb-1 fw-semibold">{t('desk.handovers.item', { shop: handover.shopName, comune: handover.comuneName, facilitator: handover.fromFacilitatorName, date: date(handover.createdAt) })}</p>
            {handover.paperDeclaredOn ? <p className="mb-1 small">{t('desk.handovers.consent', { date: date(handover.paperDeclaredOn) })}</p> : null}
            {handover.shopClaimed ? <p className="mb-1 small">{t('desk.handovers.claimed')}</p> : null}
            <div className="d-flex flex-wrap gap-3 mt-2">
              {handover.shopClaimed ? null : (
                <button type="button" className="btn btn-sm btn-primary" disabled={loading} onClick={() => void submit(handover, true)}>
                  {t('desk.handovers.accept')}
                  <span className="visually-hidden"> {handover.shopName}</span>
                </button>
              )}
              <button type="button" className="btn btn-sm btn-outline-danger" disabled={loading} onClick={() => void submit(handover, false)}>
                {t('desk.handovers.decline')}
                <span className="visually-hidden"> {handover.shopName}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
