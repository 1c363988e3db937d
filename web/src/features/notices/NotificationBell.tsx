import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, useRoute } from '../../app/router.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';

/** How often the unread count is asked for again while the desk is open. */
const POLL_MS = 60_000;

/** The unread notifications of the user and the agency (hits, deadlines, renewals), as a link. */
export function NotificationBell() {
  const { t } = useTranslation();
  const locale = useLocale();
  const route = useRoute();
  const path = route.segments.join('/');
  const res = useLoad(() => api.notifications({ unread: true, limit: 1 }), [path]);
  const { reload } = res;
  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
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
