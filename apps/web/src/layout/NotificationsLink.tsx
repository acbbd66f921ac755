import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Icon } from '../components/Icon';
import { UnreadNotificationCountDocument } from '../gql/generated';
import { PATHS } from '../routes';

/** Read again now and then, so that what the other side does shows without a reload. */
const POLL_MS = 30_000;

/** The bell in the slim header: its name says how many notifications are unread. */
export function NotificationsLink() {
  const { t } = useTranslation();
  const { data } = useQuery(UnreadNotificationCountDocument, { pollInterval: POLL_MS, fetchPolicy: 'cache-and-network' });
  const unread = data?.unreadNotificationCount ?? 0;
  return (
    <Link className="notifications-link" to={PATHS.notifications} aria-label={unread ? t('notifications.linkUnread', { count: unread }) : t('notifications.link')}>
      <Icon name="it-inbox" className="icon-white icon-sm" />
      <span className="d-none d-lg-inline">{t('notifications.title')}</span>
      {unread ? (
        <span className="notification-count" data-testid="unread-count" aria-hidden="true">
          {unread}
        </span>
      ) : null}
    </Link>
  );
}
