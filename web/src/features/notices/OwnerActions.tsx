import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Notice, NoticeAction } from '../../api/types.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { NEEDS_REASON } from '../../../../src/notices/lifecycle.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { ACTION_KEYS } from './labels.ts';

/** The owner bureau's moves, in the order a bureau meets them; review moves are on the review panel. */
const OWNER_ACTIONS: readonly NoticeAction[] = ['submit', 'locate', 'renew', 'cancel', 'withdraw'];
const DANGER: ReadonlySet<NoticeAction> = new Set(['cancel', 'withdraw']);

/**
 * The actions this user may take on the notice now (the server's `allowedActions`): those that
 * must be motivated open a reason field first.
 */
export function OwnerActions({ notice, onDone }: { notice: Notice; onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [asking, setAsking] = useState<NoticeAction | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const actions = OWNER_ACTIONS.filter((a) => notice.allowedActions.includes(a));
  const editable = notice.allowedActions.includes('submit');
  if (actions.length === 0 && !editable) return null;

  const act = async (action: NoticeAction, why?: string) => {
    setBusy(true);
    setError(null);
    try {
      const n = await api.noticeAction(notice.id, action, { version: notice.version, reason: why });
      setAsking(null);
      setReason('');
      onDone(n);
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };

  const onReason = (e: FormEvent) => {
    e.preventDefault();
    if (!asking) return;
    if (!reason.trim()) return setMissing(true);
    void act(asking, reason.trim());
  };

  return (
    <div className="panel owner-actions" data-testid="owner-actions">
      <h2>{t('notices.view.actions')}</h2>
      <div className="form-actions">
        {editable && (
          <Link to={pathFor(['notices', notice.id, 'edit'])} className="button-link" data-testid="edit-notice">
            {t('notices.view.edit')}
          </Link>
        )}
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            data-action={a}
            className={DANGER.has(a) ? 'button-danger' : a === 'submit' || a === 'locate' ? 'button-primary' : undefined}
            disabled={busy}
            aria-expanded={NEEDS_REASON.has(a) ? asking === a : undefined}
            onClick={() => (NEEDS_REASON.has(a) ? (setAsking(a), setMissing(false)) : void act(a))}
          >
            {t(ACTION_KEYS[a])}
          </button>
        ))}
      </div>
      {asking && (
        <form className="stack reason-form" onSubmit={onReason} data-testid="reason-form" noValidate>
          <div className="field">
            <label htmlFor={`${id}-reason`}>
              {t('notices.view.reasonFor', { action: t(ACTION_KEYS[asking]) })}{' '}
              <span className="requirement requirement-mandatory">{t('notices.wizard.mandatory')}</span>
            </label>
            <textarea
              id={`${id}-reason`}
              name="reason"
              dir="auto"
              rows={3}
              autoFocus
              value={reason}
              aria-invalid={missing || undefined}
              aria-describedby={missing ? `${id}-missing` : undefined}
              onChange={(e) => setReason(e.target.value)}
            />
            {missing && (
              <span id={`${id}-missing`} className="field-error">
                {t('notices.review.reasonRequired')}
              </span>
            )}
          </div>
          <div className="form-actions">
            <button type="submit" className={DANGER.has(asking) ? 'button-danger' : 'button-primary'} disabled={busy} data-testid="confirm-action">
              {t('notices.view.confirm', { action: t(ACTION_KEYS[asking]) })}
            </button>
            <button type="button" onClick={() => setAsking(null)}>
              {t('notices.view.cancelForm')}
            </button>
          </div>
        </form>
      )}
      {error != null && <ErrorBox error={error} />}
    </div>
  );
}
