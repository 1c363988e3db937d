import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { TimelineEvent } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { ACTION_KEYS, STATE_KEYS, TIMELINE_ACTION_KEYS, TIMELINE_KIND_KEYS } from './labels.ts';

function Event({ e }: { e: TimelineEvent }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const action =
    (ACTION_KEYS as Record<string, string>)[e.action] ?? TIMELINE_ACTION_KEYS[e.action] ?? (e.kind === 'message' ? 'notices.timeline.action.message' : undefined);
  const state = (s?: string | null) => (s ? ((STATE_KEYS as Record<string, string>)[s] ? t((STATE_KEYS as Record<string, string>)[s]) : s) : '');
  const subject = typeof e.details?.subject === 'string' ? e.details.subject : undefined;
  return (
    <li className={`timeline-event timeline-${e.kind}`} data-testid="timeline-event" data-kind={e.kind} data-action={e.action}>
      <time dateTime={e.at} className="muted small">
        {formatDateTime(locale, e.at)}
      </time>
      <span className="badge">{TIMELINE_KIND_KEYS[e.kind] ? t(TIMELINE_KIND_KEYS[e.kind]) : e.kind}</span>{' '}
      <strong>{action ? t(action) : e.action}</strong>
      {e.fromState && e.toState && e.fromState !== e.toState && (
        <span className="timeline-move"> {t('notices.timeline.move', { from: state(e.fromState), to: state(e.toState) })}</span>
      )}
      {e.agencyCode && (
        <>
          {' · '}
          <bdi dir="ltr" className="code">
            {e.agencyCode}
          </bdi>
        </>
      )}
      {subject && (
        <>
          {' · '}
          <bdi dir="auto">{subject}</bdi>
        </>
      )}
      {e.reason && (
        <p className="timeline-reason">
          <span className="muted">{t('notices.timeline.reason')}</span> <bdi dir="auto">{e.reason}</bdi>
        </p>
      )}
    </li>
  );
}

/** Every state change, hit and message about the notice, oldest first. */
export function Timeline({ noticeId, version }: { noticeId: string; version: number }) {
  const { t } = useTranslation();
  const res = useLoad(() => api.noticeTimeline(noticeId), [noticeId, version]);
  return (
    <section className="panel" aria-labelledby="timeline-title" data-testid="timeline">
      <h2 id="timeline-title">{t('notices.timeline.title')}</h2>
      {res.error != null && <ErrorBox error={res.error} />}
      {res.loading && !res.data && <Loading />}
      {res.data &&
        (res.data.events.length === 0 ? (
          <p className="muted">{t('notices.timeline.empty')}</p>
        ) : (
          <ol className="timeline">
            {res.data.events.map((e, i) => (
              <Event key={`${e.at}-${i}`} e={e} />
            ))}
          </ol>
        ))}
    </section>
  );
}
