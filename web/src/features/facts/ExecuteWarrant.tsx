import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field.tsx';
import { useSubmit } from '../../ui/use-submit.ts';
import { isIsoDate, today } from '../cases/dates.ts';
import { FactsError, hasCode } from './errors.tsx';
import { factsApi, type Warrant } from './facts-api.ts';

/**
 * Marks a pending warrant executed on a day (today by default, not before it was issued).
 * Only the agency that recorded the warrant is offered this; the server checks it again.
 */
export function ExecuteWarrant({ warrant, onDone }: { warrant: Warrant; onDone: (w: Warrant) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(today());
  const [shown, setShown] = useState(false);
  const { busy, error, setError, run } = useSubmit();
  const bad = !isIsoDate(date) || date > today();
  const early = !bad && date < warrant.issuedOn;
  const dateError =
    shown && bad ? t('facts.form.badDate') : (shown && early) || hasCode(error, 'executed_before_issued') ? t('facts.errors.executed_before_issued') : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    setError(null);
    if (bad || early) return;
    await run(async () => {
      onDone(await factsApi.executeWarrant(warrant.id, date));
    });
  };

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} data-testid="execute-open">
        {t('facts.warrants.execute.open')}
      </button>
    );
  }
  return (
    <form className="facts-execute" onSubmit={submit} noValidate data-testid="execute-form">
      <Field label={t('facts.warrants.execute.date')} error={dateError}>
        <input type="date" name="executedOn" min={warrant.issuedOn} max={today()} value={date} onChange={(e) => setDate(e.target.value)} />
      </Field>
      <button type="submit" className="button-primary" disabled={busy} data-testid="execute-submit">
        {t('facts.warrants.execute.submit')}
      </button>
      <button type="button" onClick={() => (setOpen(false), setShown(false), setError(null))}>
        {t('facts.warrants.execute.cancel')}
      </button>
      {error != null && <FactsError error={error} testId="execute-error" />}
    </form>
  );
}
