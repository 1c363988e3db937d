import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { AppNotification } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pager, usePager } from '../../ui/Pager.tsx';

const KIND_KEYS: Record<string, string> = {
  hit_created: 'notifications.kind.hit_created',
  hit_outcome: 'notifications.kind.hit_outcome',
  task_overdue: 'notifications.kind.task_overdue',
  notice_renewal_due: 'notifications.kind.notice_renewal_due',
  notice_expired: 'notifications.kind.notice_expired',
  notice_decided: 'notifications.kind.notice_decided',
  message_received: 'notifications.kind.message_received',
};

/** Where a notification leads: the notice (of a hit too) or the message thread. */
function targetOf(n: AppNotification): string | undefined {
  const noticeId = typeof n.details?.noticeId === 'string' ? n.details.noticeId : undefined;
  if (n.refType === 'notice') return pathFor(['notices', n.refId]);
  if (n.refType === 'hit' && noticeId) return pathFor(['notices', noticeId]);
  if (n.refType === 'thread') return pathFor(['messages', n.refId]);
  if (n.refType === 'message' && typeof n.details?.threadId === 'string') return pathFor(['messages', n.details.threadId]);
  return undefined;
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const pager = usePager('notifications');
  const page = useLoad(() => api.notifications({ limit: 50, cursor: pager.cursor }), [pager.cursor]);
  const [error, setError] = useState<unknown>(null);
  const markRead = async (id: string) => {
    setError(null);
    try {
      await api.readNotification(id);
      page.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section>
      <PageHeader title={t('notifications.title')} />
      {(page.error ?? error) != null && <ErrorBox error={page.error ?? error} />}
      {page.loading && !page.data && <Loading />}
      {page.data &&
        (page.data.items.length === 0 ? (
          <p className="muted">{t('notifications.none')}</p>
        ) : (
          <ul className="notification-list">
            {page.data.items.map((n) => {
              const to = targetOf(n);
              const ref = typeof n.details?.noticeReference === 'string' ? n.details.noticeReference : typeof n.details?.reference === 'string' ? n.details.reference : '';
              const text = KIND_KEYS[n.kind] ? t(KIND_KEYS[n.kind], { reference: ref }) : n.kind;
              return (
                <li key={n.id} className={`panel notification ${n.readAt ? '' : 'notification-unread'}`} data-testid="notification">
                  {to ? <Link to={to}>{text}</Link> : <span>{text}</span>}{' '}
                  <time className="muted small" dateTime={n.createdAt}>
                    {formatDateTime(locale, n.createdAt)}
                  </time>{' '}
                  {!n.readAt && (
                    <button type="button" className="button-small" onClick={() => void markRead(n.id)}>
                      {t('notifications.markRead')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        ))}
      {page.data && <Pager page={pager.page} hasPrevious={pager.hasPrevious} nextCursor={page.data.nextCursor} onPrevious={pager.previous} onNext={pager.next} />}
    </section>
  );
}
