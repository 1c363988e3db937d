import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, useRoute } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';

/** How often the unread count is asked for again while the desk is open. */
const POLL_MS = 60_000;

/**
 * Who may read notifications: the server lets through whoever takes part in cooperation, with any
 * one of these permissions (src/notices/notifications.service.ts READERS). An administrator has
 * none of them and would be refused (403) on every page.
 */
const NOTIFICATION_READERS = ['hit.read', 'notice.read', 'message.read'] as const;

export const mayReadNotifications = (me: Me): boolean => NOTIFICATION_READERS.some((p) => can(me, p));

/** The unread notifications of the user and the agency (hits, deadlines, renewals), as a link; nothing for users who may not read them. */
export function NotificationBell() {
  const me = useMe();
  return mayReadNotifications(me) ? <Bell /> : null;
}

function Bell() {
  const { t } = useTranslation();
  const locale = useLocale();
  const route = useRoute();
  const path = route.segments.join('/');
  const res = useLoad(() => api.notifications({ unread: true, limit: 1 }), [path]);
  const { reload } = res;
  // refused (the roles changed under an open desk): stop asking, and say nothing; the bell shows no count
  const refused = res.error instanceof ApiError && res.error.status === 403;
  useEffect(() => {
    if (refused) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload, refused]);
  if (refused) return null;
  const count = res.data?.unreadCount ?? 0;
  const label = t('notifications.bell', { count, n: formatNumber(locale, count) });
  return (
    <Link to="/notifications" className={`bell ${count > 0 ? 'bell-unread' : ''}`} aria-label={label} title={label} data-testid="notification-bell">
      <span aria-hidden="true">{t('notifications.short')}</span>
      {count > 0 && (
        <span className="bell-count" aria-hidden="true" data-testid="notification-count">
          {formatNumber(locale, count)}
        </span>
      )}
    </Link>
  );
}
