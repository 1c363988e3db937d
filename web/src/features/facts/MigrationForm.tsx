import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { useSubmit } from '../../ui/use-submit.ts';
import { isIsoDate, today } from '../cases/dates.ts';
import { RegionSelect } from '../cases/RegionSelect.tsx';
import { FactsError, hasCode, refusedFields } from './errors.tsx';
import { factsApi, MIGRATION_KINDS, type MigrationEvent, type MigrationKind } from './facts-api.ts';
import { MAX_PERSONS, parsePersons } from './filters.ts';
import { MIGRATION_KIND_KEYS } from './labels.ts';
import { CasePick } from './pickers.tsx';

const PERSONS_KEYS = {
  required: 'facts.form.required',
  not_whole: 'facts.migration.form.personsWhole',
  out_of_range: 'facts.migration.form.personsRange',
} as const;

/**
 * Records a migration event — departures prevented, migrants rescued, irregular entries
 * prevented — with the number of persons it concerns, typed in any digits.
 */
export function MigrationForm({ onDone }: { onDone: (m: MigrationEvent) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const formId = useId();
  const [kind, setKind] = useState<MigrationKind>('departure_prevented');
  const [occurredOn, setOccurredOn] = useState(today());
  const [region, setRegion] = useState('');
  const [persons, setPersons] = useState('');
  const [caseId, setCaseId] = useState('');
  const [shown, setShown] = useState(false);
  const { busy, error, setError, run } = useSubmit();

  const refused = refusedFields(error);
  const count = parsePersons(persons);
  const dateBad = !isIsoDate(occurredOn) || occurredOn > today();
  const range = { min: formatNumber(locale, 1), max: formatNumber(locale, MAX_PERSONS) };
  const personsError =
    shown && 'problem' in count ? t(PERSONS_KEYS[count.problem], range) : refused.has('persons') ? t('facts.migration.form.personsRange', range) : undefined;
  const dateError = shown && dateBad ? t('facts.form.badDate') : refused.has('occurredOn') ? t('facts.form.invalid') : undefined;
  const regionError = shown && !region.trim() ? t('facts.form.required') : refused.has('region') ? t('facts.form.invalid') : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    setError(null);
    if ('problem' in count || dateBad || !region.trim()) return;
    await run(async () => {
      const saved = await factsApi.recordMigrationEvent({ kind, occurredOn, region: region.trim(), persons: count.persons, caseId: caseId || undefined });
      setPersons('');
      setShown(false);
      onDone(saved);
    });
  };

  return (
    <form className="form-grid panel facts-form" onSubmit={submit} noValidate data-testid="migration-form" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} className="facts-form-title">
        {t('facts.migration.form.title')}
      </h2>
      <Field label={t('facts.migration.form.kind')}>
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as MigrationKind)}>
          {MIGRATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(MIGRATION_KIND_KEYS[k])}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('facts.migration.form.persons')} hint={t('facts.migration.form.personsHint', range)} error={personsError}>
        <input name="persons" inputMode="numeric" dir="ltr" autoComplete="off" value={persons} onChange={(e) => setPersons(e.target.value)} />
      </Field>
      <Field label={t('facts.migration.form.occurredOn')} error={dateError}>
        <input type="date" name="occurredOn" max={today()} value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} required />
      </Field>
      <Field label={t('facts.form.region')} error={regionError}>
        <RegionSelect name="region" value={region} onChange={setRegion} empty={t('cases.region.choose')} />
      </Field>
      <CasePick value={caseId} onChange={setCaseId} error={hasCode(error, 'case_not_found') || hasCode(error, 'case_not_owner') || refused.has('caseId') ? t('facts.form.invalid') : undefined} />
      {error != null && <FactsError error={error} testId="migration-error" />}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy} data-testid="save-migration">
          {t('facts.migration.form.submit')}
        </button>
      </div>
    </form>
  );
}
