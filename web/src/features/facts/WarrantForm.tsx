import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordSummary } from '../../api/types.ts';
import { Field } from '../../ui/Field.tsx';
import { useSubmit } from '../../ui/use-submit.ts';
import { isIsoDate, today } from '../cases/dates.ts';
import { FactsError, hasCode, refusedFields } from './errors.tsx';
import { factsApi, WARRANT_SCOPES, type Warrant, type WarrantScope } from './facts-api.ts';
import { SCOPE_KEYS } from './labels.ts';
import { CasePick, PersonPick } from './pickers.tsx';

const CASE_CODES = ['case_not_found', 'case_not_owner'];

/**
 * Records a national or international warrant: its issuing authority and date, and optionally
 * the day it was executed, the case it belongs to and the person it is for.
 */
export function WarrantForm({ onDone }: { onDone: (w: Warrant) => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const [scope, setScope] = useState<WarrantScope>('international');
  const [issuedOn, setIssuedOn] = useState(today());
  const [executedOn, setExecutedOn] = useState('');
  const [authority, setAuthority] = useState('');
  const [caseId, setCaseId] = useState('');
  const [person, setPerson] = useState<RecordSummary | null>(null);
  const [shown, setShown] = useState(false);
  const { busy, error, setError, run } = useSubmit();

  const now = today();
  const refused = refusedFields(error);
  const issuedBad = !isIsoDate(issuedOn) || issuedOn > now;
  const executedBad = executedOn !== '' && (!isIsoDate(executedOn) || executedOn > now);
  const executedEarly = executedOn !== '' && !executedBad && !issuedBad && executedOn < issuedOn;
  const authorityMissing = !authority.trim();

  const issuedError = shown && issuedBad ? t('facts.form.badDate') : refused.has('issuedOn') ? t('facts.form.invalid') : undefined;
  const executedError =
    shown && executedBad
      ? t('facts.form.badDate')
      : (shown && executedEarly) || hasCode(error, 'executed_before_issued')
        ? t('facts.errors.executed_before_issued')
        : refused.has('executedOn')
          ? t('facts.form.invalid')
          : undefined;
  const authorityError = shown && authorityMissing ? t('facts.form.required') : refused.has('issuingAuthority') ? t('facts.form.invalid') : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    setError(null);
    if (issuedBad || executedBad || executedEarly || authorityMissing) return;
    await run(async () => {
      const saved = await factsApi.recordWarrant({
        scope,
        issuedOn,
        executedOn: executedOn || undefined,
        issuingAuthority: authority.trim(),
        caseId: caseId || undefined,
        personRecordId: person?.id,
      });
      setAuthority('');
      setExecutedOn('');
      setPerson(null);
      setShown(false);
      onDone(saved);
    });
  };

  return (
    <form className="form-grid panel facts-form" onSubmit={submit} noValidate data-testid="warrant-form" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} className="facts-form-title">
        {t('facts.warrants.form.title')}
      </h2>
      <Field label={t('facts.warrants.form.scope')}>
        <select name="scope" value={scope} onChange={(e) => setScope(e.target.value as WarrantScope)}>
          {WARRANT_SCOPES.map((s) => (
            <option key={s} value={s}>
              {t(SCOPE_KEYS[s])}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('facts.warrants.form.authority')} hint={t('facts.warrants.form.authorityHint')} error={authorityError}>
        <input name="issuingAuthority" dir="auto" maxLength={300} value={authority} onChange={(e) => setAuthority(e.target.value)} />
      </Field>
      <Field label={t('facts.warrants.form.issuedOn')} error={issuedError}>
        <input type="date" name="issuedOn" max={now} value={issuedOn} onChange={(e) => setIssuedOn(e.target.value)} required />
      </Field>
      <Field label={t('facts.warrants.form.executedOn')} hint={t('facts.warrants.form.executedOnHint')} error={executedError}>
        <input type="date" name="executedOn" min={isIsoDate(issuedOn) ? issuedOn : undefined} max={now} value={executedOn} onChange={(e) => setExecutedOn(e.target.value)} />
      </Field>
      <CasePick value={caseId} onChange={setCaseId} error={CASE_CODES.some((c) => hasCode(error, c)) || refused.has('caseId') ? t('facts.form.invalid') : undefined} />
      <PersonPick value={person} onChange={setPerson} />
      {error != null && <FactsError error={error} testId="warrant-error" />}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy} data-testid="save-warrant">
          {t('facts.warrants.form.submit')}
        </button>
      </div>
    </form>
  );
}
