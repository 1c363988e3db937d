import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Notice, NoticeAction } from '../../api/types.ts';
import { NEEDS_REASON } from '../../../../src/notices/lifecycle.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { ACTION_KEYS } from './labels.ts';

const DECISIONS = ['publish', 'refuse', 'return'] as const;
type Decision = (typeof DECISIONS)[number];

const HINT_KEYS: Record<Decision, string> = {
  publish: 'notices.review.hint.publish',
  refuse: 'notices.review.hint.refuse',
  return: 'notices.review.hint.return',
};

/**
 * The reviewer's decision: publish, refuse or return for completion. Refusing and returning
 * must say why (RPD: decisions are motivated); the reason goes to the owner bureau and into
 * the audit log. A request still "submitted" is taken into review first.
 */
export function DecisionForm({ notice, onDone }: { notice: Notice; onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<'choose' | 'reason' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const startsReview = notice.allowedActions.includes('start_review');
  const offered = DECISIONS.filter((d) => notice.allowedActions.includes(d) || startsReview);
  if (offered.length === 0) return null;
  const needsReason = decision !== null && NEEDS_REASON.has(decision as NoticeAction);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!decision) return setProblem('choose');
    if (needsReason && !reason.trim()) {
      setProblem('reason');
      reasonRef.current?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    setError(null);
    try {
      let current = notice;
      if (current.state === 'submitted' && startsReview) current = await api.noticeAction(current.id, 'start_review', { version: current.version });
      const done = await api.noticeAction(current.id, decision, { version: current.version, reason: reason.trim() || undefined });
      setBusy(false);
      onDone(done);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const reasonError = problem === 'reason' ? `${id}-reason-error` : undefined;
  return (
    <form className="panel decision-form" onSubmit={submit} data-testid="decision-form" noValidate>
      <h2>{t('notices.review.decisionTitle')}</h2>
      <fieldset className="radio-row">
        <legend>{t('notices.review.decision')}</legend>
        {offered.map((d) => (
          <label key={d} className={`check decision-${d}`}>
            <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => (setDecision(d), setProblem(null))} />
            {t(ACTION_KEYS[d])}
          </label>
        ))}
        {problem === 'choose' && (
          <p className="field-error" role="alert">
            {t('notices.review.chooseDecision')}
          </p>
        )}
      </fieldset>
      {decision && <p className="hint">{t(HINT_KEYS[decision])}</p>}
      <div className="field">
        <label htmlFor={`${id}-reason`}>
          {t('notices.review.reason')}{' '}
          {needsReason ? <span className="requirement requirement-mandatory">{t('notices.wizard.mandatory')}</span> : <span className="requirement">{t('notices.review.optional')}</span>}
        </label>
        <textarea
          ref={reasonRef}
          id={`${id}-reason`}
          name="reason"
          dir="auto"
          rows={4}
          value={reason}
          aria-invalid={problem === 'reason' || undefined}
          aria-describedby={reasonError}
          required={needsReason}
          onChange={(e) => setReason(e.target.value)}
        />
        {reasonError && (
          <span id={reasonError} className="field-error">
            {t('notices.review.reasonRequired')}
          </span>
        )}
      </div>
      {error != null && <ErrorBox error={error} />}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy} data-testid="decide">
          {busy ? t('notices.review.deciding') : decision ? t(ACTION_KEYS[decision]) : t('notices.review.decide')}
        </button>
      </div>
    </form>
  );
}
