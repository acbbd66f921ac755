import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { hasErrors } from '../../errors/form-errors';
import { useFormErrors } from '../../errors/use-form-errors';
import { InviteShopDocument, MyInvitationsDocument, WithdrawDelegationDocument, type DelegationFieldsFragment } from '../../gql/generated';
import { useFormat } from '../../i18n/format';

const PAGE_SIZE = 20;

/** Whether the invitation's link lapsed unanswered (or nothing says until when it works). */
const lapsed = (invitation: DelegationFieldsFragment): boolean => !invitation.linkExpiresAt || new Date(invitation.linkExpiresAt).getTime() <= Date.now();

/**
 * Invitations not answered, a page at a time with their total: each says until when its link
 * works, or that it lapsed, with the way to invite the address again. Withdrawing or inviting
 * again is said, and so is a refusal (one answered meanwhile).
 */
export function Invitations({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const paging = usePaging(PAGE_SIZE);
  const { data, previousData, error, loading: reading } = useQuery(MyInvitationsDocument, { variables: { first: PAGE_SIZE, offset: paging.offset }, fetchPolicy: 'cache-and-network' });
  // Only the page shown is read again: the reader stays on it, with the later invitations moving up.
  const refetch = { refetchQueries: [MyInvitationsDocument], awaitRefetchQueries: true };
  const [withdraw, { loading: withdrawing }] = useMutation(WithdrawDelegationDocument, refetch);
  const [invite, { loading: inviting }] = useMutation(InviteShopDocument, refetch);
  const { errors, attempt, send } = useFormErrors({});
  const busy = withdrawing || inviting;
  // While another page loads, the one read so far stays (marked busy) rather than the section vanishing.
  const page = (data ?? previousData)?.myInvitations;
  // A refusal stays on the page though the list emptied meanwhile (the invitation was answered).
  if ((!page || (page.totalCount === 0 && paging.page === 0)) && !hasErrors(errors)) return null;

  // The button pressed leaves with its invitation: the focus goes to the announcement, or to the refusal.
  const takeBack = async (invitation: DelegationFieldsFragment): Promise<void> => {
    const withdrawn = await send('Delegation', async () => (await withdraw({ variables: { input: { delegationId: invitation.id } } })).data?.withdrawDelegation);
    if (withdrawn) onDone(t('desk.invitations.withdrawn', { email: invitation.invitedEmail ?? '' }));
  };
  const inviteAgain = async (invitation: DelegationFieldsFragment): Promise<void> => {
    const sent = await send('Delegation', async () => (await invite({ variables: { input: { email: invitation.invitedEmail ?? '' } } })).data?.inviteShop);
    if (sent) onDone(t('desk.invite.sent', { email: sent.invitedEmail ?? invitation.invitedEmail ?? '' }));
  };

  return (
    <section aria-labelledby="desk-invitations-title" className="mb-4">
      <h2 id="desk-invitations-title" className="h4">
        {t('desk.invitations.title')}
      </h2>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="desk-invitations" refusedTitle={t('desk.invitations.refused')} />
      <PagedResults paging={paging} page={page} error={error} busy={reading} empty={t('desk.invitations.empty')} pagerLabel={t('desk.invitations.pager')}>
        {(shown) => (
          <>
            <p data-testid="invitations-count">{t('desk.invitations.count', { count: shown.totalCount })}</p>
            <ul className="list-unstyled">
              {shown.items.map((invitation) => {
                const email = invitation.invitedEmail ?? '';
                const gone = lapsed(invitation);
                const until = invitation.linkExpiresAt ? date(invitation.linkExpiresAt) : '';
                return (
                  <li key={invitation.id} className="d-flex flex-wrap align-items-center gap-3 mb-2" data-testid="invitation">
                    <span>
                      {t('desk.invitations.item', { email, date: date(invitation.createdAt) })}
                      {gone ? <strong className="ms-1">{t('desk.invitations.lapsed', { date: until })}</strong> : <span className="ms-1">{t('desk.invitations.validUntil', { date: until })}</span>}
                    </span>
                    {gone && (
                      <button type="button" className="btn btn-sm btn-outline-primary" disabled={busy} onClick={() => void inviteAgain(invitation)}>
                        {t('desk.invitations.inviteAgain')}
                        <span className="visually-hidden"> {email}</span>
                      </button>
                    )}
                    <button type="button" className="btn btn-sm btn-outline-danger" disabled={busy} onClick={() => void takeBack(invitation)}>
                      {t('desk.invitations.withdraw')}
                      <span className="visually-hidden"> {email}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </PagedResults>
    </section>
  );
}
