import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Hit, HitOutcome, HitStatus } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useMe } from '../../app/session.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Score } from '../screening/Results.tsx';
import { HIT_OUTCOME_KEYS, HIT_STATUS_KEYS, HIT_STATUS_TONES, SCREENING_KIND_KEYS, SIDE_KEYS, TASK_KEYS, TASK_STATUS_KEYS, URGENCY_KEYS } from './labels.ts';

/** Outcomes that may follow a status: identity first, then location, then arrest (src/notices/hit.ts). */
const NEXT_OUTCOMES: Record<HitStatus, HitOutcome[]> = {
  open: ['confirmed', 'not_same_person', 'located', 'arrested'],
  confirmed: ['located', 'arrested'],
  located: ['arrested'],
  arrested: [],
  not_same_person: [],
};

function OutcomeForm({ hit, onDone }: { hit: Hit; onDone: (h: Hit) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<HitOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const outcomes = NEXT_OUTCOMES[hit.status] ?? [];
  if (outcomes.length === 0) return null;
  const record = async (status: HitOutcome) => {
    setBusy(status);
    setError(null);
    try {
      onDone(await api.hitOutcome(hit.id, { status, note: note.trim(), version: hit.version }));
      setNote('');
    } catch (e) {
      setError(e);
    }
    setBusy(null);
  };
  return (
    <form className="outcome-form" onSubmit={(e: FormEvent) => e.preventDefault()} data-testid="outcome-form">
      <div className="field">
        <label htmlFor={`note-${hit.id}`}>{t('notices.hits.note')}</label>
        <textarea id={`note-${hit.id}`} name="note" dir="auto" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="form-actions">
        {outcomes.map((o) => (
          <button key={o} type="button" data-outcome={o} disabled={busy !== null} onClick={() => void record(o)}>
            {t(HIT_OUTCOME_KEYS[o])}
          </button>
        ))}
      </div>
      {error != null && <ErrorBox error={error} />}
    </form>
  );
}

function HitCard({ hit, onChange }: { hit: Hit; onChange: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const [error, setError] = useState<unknown>(null);
  const now = Date.now();
  const done = async (taskId: string) => {
    setError(null);
    try {
      await api.hitTaskDone(hit.id, taskId);
      onChange();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li className={`hit-card ${hit.status === 'open' ? 'hit-open' : ''}`} data-testid="hit" data-status={hit.status}>
      <div className="candidate-head">
        <Score score={hit.score} alert={hit.status === 'open'} />
        <Badge tone={HIT_STATUS_TONES[hit.status] ?? 'neutral'} testId="hit-status">
          {HIT_STATUS_KEYS[hit.status] ? t(HIT_STATUS_KEYS[hit.status]) : hit.status}
        </Badge>
        <Badge tone={hit.urgency === 'urgent' ? 'danger' : 'neutral'}>{t(URGENCY_KEYS[hit.urgency] ?? hit.urgency)}</Badge>
        <span>
          {t('notices.hits.by', {
            kind: SCREENING_KIND_KEYS[hit.screeningKind] ? t(SCREENING_KIND_KEYS[hit.screeningKind]) : hit.screeningKind,
          })}{' '}
          <bdi dir="ltr" className="code">
            {hit.screenedByAgencyCode}
          </bdi>
        </span>
        <time className="muted small" dateTime={hit.createdAt}>
          {formatDateTime(locale, hit.createdAt)}
        </time>
      </div>
      {hit.outcome && (
        <p className="small">
          <span className="muted">{t('notices.hits.outcomeNote')}</span> <bdi dir="auto">{hit.outcome.note || t('ui.none')}</bdi>
        </p>
      )}
      {hit.tasks.length > 0 && (
        <table className="table compact hit-tasks">
          <caption>{t('notices.hits.tasksCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('notices.hits.task')}</th>
              <th scope="col">{t('notices.hits.agency')}</th>
              <th scope="col">{t('notices.hits.due')}</th>
              <th scope="col">{t('notices.hits.taskStatusLabel')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('notices.hits.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {hit.tasks.map((task) => {
              const overdue = task.status === 'open' && new Date(task.dueAt).getTime() < now;
              const status = overdue ? 'overdue' : task.status;
              return (
                <tr key={task.id} data-testid="hit-task" data-overdue={overdue}>
                  <td>
                    {TASK_KEYS[task.task] ? t(TASK_KEYS[task.task]) : task.task}{' '}
                    <span className="muted small">{SIDE_KEYS[task.side] ? t(SIDE_KEYS[task.side]) : task.side}</span>
                  </td>
                  <td>
                    <bdi dir="ltr" className="code">
                      {task.agencyCode}
                    </bdi>
                  </td>
                  <td className={overdue ? 'age-late' : undefined}>
                    <time dateTime={task.dueAt}>{formatDateTime(locale, task.dueAt)}</time>
                  </td>
                  <td>
                    <Badge tone={status === 'done' ? 'ok' : status === 'open' ? 'info' : 'danger'}>{t(TASK_STATUS_KEYS[status] ?? status)}</Badge>
                  </td>
                  <td>
                    {task.status !== 'done' && task.agencyId === me.agency.id && (
                      <button type="button" className="button-small" onClick={() => void done(task.id)}>
                        {t('notices.hits.markDone')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {error != null && <ErrorBox error={error} />}
      <OutcomeForm hit={hit} onDone={onChange} />
    </li>
  );
}

/** Hits on this notice with their follow-up tasks and deadlines, and the outcome buttons. */
export function HitsPanel({ noticeId, onChange }: { noticeId: string; onChange?: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const hits = useLoad(() => api.hits({ noticeId, limit: 50 }), [noticeId]);
  const changed = () => {
    hits.reload();
    onChange?.();
  };
  return (
    <section className="panel" aria-labelledby="hits-title" data-testid="hits-panel">
      <h2 id="hits-title">{t('notices.hits.title')}</h2>
      {hits.error != null && <ErrorBox error={hits.error} />}
      {hits.loading && !hits.data && <Loading />}
      {hits.data &&
        (hits.data.items.length === 0 ? (
          <p className="muted">{t('notices.hits.none')}</p>
        ) : (
          <>
            <p className="muted">{t('notices.hits.count', { count: hits.data.items.length, n: formatNumber(locale, hits.data.items.length) })}</p>
            <ul className="hit-list">
              {hits.data.items.map((h) => (
                <HitCard key={h.id} hit={h} onChange={changed} />
              ))}
            </ul>
          </>
        ))}
    </section>
  );
}
