import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';

/** Message threads about this notice, and a link to open a new one. */
export function NoticeThreads({ noticeId }: { noticeId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const threads = useLoad(() => api.threads({ noticeId, limit: 20 }), [noticeId]);
  return (
    <section className="panel" aria-labelledby="threads-title" data-testid="notice-threads">
      <h2 id="threads-title">{t('notices.view.messages')}</h2>
      {threads.error != null && <ErrorBox error={threads.error} />}
      {threads.data &&
        (threads.data.items.length === 0 ? (
          <p className="muted">{t('notices.view.noMessages')}</p>
        ) : (
          <ul className="link-list">
            {threads.data.items.map((th) => (
              <li key={th.id}>
                <Link to={pathFor(['messages', th.id])}>
                  <bdi dir="auto">{th.subject}</bdi>
                </Link>{' '}
                <time className="muted small" dateTime={th.lastMessageAt}>
                  {formatDateTime(locale, th.lastMessageAt)}
                </time>
              </li>
            ))}
          </ul>
        ))}
      {can(me, 'message.send') && (
        <Link to={pathFor(['messages', 'new'], { noticeId })} className="button-link" data-testid="new-thread-about">
          {t('notices.view.newMessage')}
        </Link>
      )}
    </section>
  );
}
