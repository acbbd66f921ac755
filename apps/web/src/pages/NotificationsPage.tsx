import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../auth/session-context';
import { FilterButtons } from '../components/FilterButtons';
import { PageTitle } from '../components/PageTitle';
import { PagedResults } from '../components/PagedResults';
import { usePaging } from '../components/Pagination';
import { useFocusAfter } from '../components/use-focus-after';
import { StatusNotice, useNotice } from '../components/StatusNotice';
import { MarkNotificationsReadDocument, MyNotificationsDocument, UnreadNotificationCountDocument } from '../gql/generated';
import { useFormat } from '../i18n/format';
import { matchPathFor, PATHS } from '../routes';

const PAGE_SIZE = 10;

/**
 * Where a notice about no match leads: what facilitators did for the shop, a delegation's change,
 * or a call's outcome without a place, to the page that shows it to this reader.
 */
function pageOfKind(kind: string, role: string): string | null {
  if (kind === 'ACTED_ON_BEHALF' || kind === 'DELEGATION_WITHDRAWN' || kind === 'FACILITATOR_STANDING') return role === 'SHOP' ? PATHS.shopDelegations : null;
  if (kind === 'CALL_OUTCOME') return role === 'SHOP' ? PATHS.shopCalls : null;
  if (kind === 'DELEGATION_CHANGED' || kind === 'DELEGATION_HANDOVER') return role === 'FACILITATOR' ? PATHS.facilitatorDesk : role === 'SHOP' ? PATHS.shopDelegations : null;
  return null;
}

export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { user } = useSession();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { notice, announce } = useNotice();
  const paging = usePaging(PAGE_SIZE);
  const { data, error } = useQuery(MyNotificationsDocument, {
    variables: { first: PAGE_SIZE, offset: paging.offset, unreadOnly },
    fetchPolicy: 'cache-and-network',
  });
  const [markRead, marking] = useMutation(MarkNotificationsReadDocument, { refetchQueries: [MyNotificationsDocument, UnreadNotificationCountDocument], awaitRefetchQueries: true });
  const notifications = data?.myNotifications;
  const english = i18n.language === 'en';

  const [failed, setFailed] = useState(false);
  // "Segna come letta" goes once pressed: the focus goes to the notice's link, or to its text (or,
  // when the unread filter takes the notice away, to the page's title), never to the top of the page.
  // It is placed once the list has been read again, where the notice now sits (a render is asked
  // for, in case the list was already shown anew).
  const focusAfter = useFocusAfter();
  const [, rendered] = useState(0);
  const markOne = async (id: string): Promise<void> => {
    await mark([id]);
    focusAfter(() => document.getElementById(`notice-${id}-open`) ?? document.getElementById(`notice-${id}-text`) ?? document.querySelector<HTMLElement>('h1'));
    rendered((n) => n + 1);
  };

  /** Marks these notifications read, or all of them when no ids are given. */
  const mark = async (ids?: string[]): Promise<void> => {
    setFailed(false);
    try {
      const { data: marked } = await markRead({ variables: { input: ids ? { ids } : {} } });
      if (!ids) announce(t('notifications.allMarked', { count: marked?.markNotificationsRead ?? 0 }));
    } catch {
      setFailed(true);
    }
  };

  return (
    <>
      <PageTitle title={t('notifications.title')}>{t('notifications.title')}</PageTitle>
      <p className="lead">{user ? t(`notifications.leadByRole.${user.role}`, { defaultValue: t('notifications.lead') }) : t('notifications.lead')}</p>
      <StatusNotice {...notice} />
      {failed ? (
        <p className="alert alert-danger" role="alert">
          {t('errors.actionFailed')}
        </p>
      ) : null}
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <FilterButtons
          label={t('notifications.filter')}
          options={[
            { value: 'all', label: t('notifications.filterAll') },
            { value: 'unread', label: t('notifications.filterUnread') },
          ]}
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(value) => {
            setUnreadOnly(value === 'unread');
            paging.reset();
          }}
        />
        <button type="button" className="btn btn-primary btn-sm" disabled={marking.loading} onClick={() => void mark()}>
          {t('notifications.markAll')}
        </button>
      </div>
      <PagedResults paging={paging} page={notifications} error={error} empty={unreadOnly ? t('notifications.noneUnread') : t('notifications.none')}>
        {(page) => (
          <ul className="list-unstyled">
            {page.items.map((n) => {
              // A facilitator hears of the services of shops nobody has claimed yet: their desk leads to them.
              const to = n.matchId && user ? (user.role === 'FACILITATOR' ? PATHS.facilitatorDesk : matchPathFor(user.role, n.matchId)) : (user && pageOfKind(n.kind, user.role)) || null;
              return (
                <li key={n.id} className={`queue-card notice-item${n.readAt ? '' : ' notice-unread'}`} data-testid="notification">
                  <p className="mb-1" id={`notice-${n.id}-text`} tabIndex={-1}>
                    {n.readAt ? null : <span className="visually-hidden">{t('notifications.unread')}: </span>}
                    {english ? n.message : n.messageIt}
                  </p>
                  <p className="small mb-2">
                    <time dateTime={n.createdAt}>{format.dateTime(n.createdAt)}</time>
                  </p>
                  <div className="d-flex flex-wrap gap-2">
                    {to ? (
                      <Link
                        id={`notice-${n.id}-open`}
                        className="btn btn-outline-primary btn-sm"
                        to={to}
                        aria-describedby={`notice-${n.id}-text`}
                        onClick={() => (n.readAt ? undefined : void mark([n.id]))}
                      >
                        {t('notifications.open')}
                      </Link>
                    ) : null}
                    {n.readAt ? null : (
                      <button type="button" className="btn btn-outline-primary btn-sm" disabled={marking.loading} aria-describedby={`notice-${n.id}-text`} onClick={() => void markOne(n.id)}>
                        {t('notifications.markRead')}
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </PagedResults>
    </>
  );
}
