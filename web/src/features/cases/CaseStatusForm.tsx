import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api/cases-types.ts';
import { formatDate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Field } from '../../ui/Field.tsx';
import { caseApi } from './case-api.ts';
import { isIsoDate, today } from './dates.ts';

const OUTCOMES = ['solved', 'closed'] as const;
type Outcome = (typeof OUTCOMES)[number];
const OUTCOME_KEYS: Record<Outcome, string> = { solved: 'cases.close.solved', closed: 'cases.close.closed' };

/**
 * An open case is closed here, solved (cleared) or closed without a solution, on a date between
 * its opening and today (POST /cases/:id/close); a solved or closed case can be reopened, which
 * removes its closing date (PATCH status open).
 */
export function CaseStatusForm({ c, onDone }: { c: CaseView; onDone: (c: CaseView) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const formId = useId();
  const [outcome, setOutcome] = useState<Outcome>('solved');
  const [closedOn, setClosedOn] = useState(today());
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const dateProblem = !isIsoDate(closedOn)
    ? t('cases.close.badDate')
    : closedOn > today()
      ? t('cases.close.badDate')
      : closedOn < c.openedOn
        ? t('cases.close.beforeOpened', { date: formatDate(locale, c.openedOn) })
        : undefined;

  const send = async (work: () => Promise<CaseView>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await work());
      setShown(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const close = (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    if (dateProblem) return;
    void send(() => caseApi.close(c.id, { version: c.version, status: outcome, closedOn }));
  };

  if (c.status !== 'open') {
    return (
      <section className="panel toolbar" aria-labelledby={`${formId}-title`} data-testid="case-reopen">
        <h2 id={`${formId}-title`} className="visually-hidden">
          {t('cases.close.reopen')}
        </h2>
        <p className="hint">{t('cases.close.reopenHint')}</p>
        <button type="button" disabled={busy} onClick={() => void send(() => caseApi.update(c.id, { version: c.version, status: 'open', closedOn: null }))} data-testid="reopen-case">
          {t('cases.close.reopen')}
        </button>
        {error != null && <ErrorBox error={error} />}
      </section>
    );
  }

  return (
    <form className="panel form-grid" onSubmit={close} noValidate data-testid="case-close-form" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} className="form-title">
        {t('cases.close.title')}
      </h2>
      <fieldset className="outcomes">
        <legend>{t('cases.close.outcome')}</legend>
        {OUTCOMES.map((o) => (
          <label key={o} className="check">
            <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
            {t(OUTCOME_KEYS[o])}
          </label>
        ))}
      </fieldset>
      <Field label={t('cases.field.closedOn')} hint={t('cases.close.hint')} error={shown ? dateProblem : undefined}>
        <input type="date" name="closedOn" value={closedOn} min={c.openedOn} max={today()} onChange={(e) => setClosedOn(e.target.value)} />
      </Field>
      {error != null && <ErrorBox error={error} />}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy} data-testid="close-case">
          {t('cases.close.submit')}
        </button>
      </div>
    </form>
  );
}
