import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases-client.ts';
import type { Arrest, CaseParty } from '../../api/cases-types.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Field } from '../../ui/Field.tsx';
import { today } from './dates.ts';
import { RegionSelect } from './RegionSelect.tsx';

/** An arrest inside a case: one of the case's persons (or an unidentified person), when, where, on a warrant or not. */
export function ArrestForm({ caseId, persons, region, onDone }: { caseId: string; persons: CaseParty[]; region: string; onDone: (a: Arrest) => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const [person, setPerson] = useState('');
  const [arrestedOn, setArrestedOn] = useState(today());
  const [where, setWhere] = useState({ region, city: '', place: '' });
  const [nationality, setNationality] = useState('');
  const [internationalWarrant, setWarrant] = useState(false);
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const nat = nationality.trim().toUpperCase();
  const natError = shown && nat !== '' && !/^[A-Z]{3}$/.test(nat) ? t('cases.arrest.nationalityHint') : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    setError(null);
    if (!where.region.trim() || natError || (nat !== '' && !/^[A-Z]{3}$/.test(nat))) return;
    setBusy(true);
    try {
      const saved = await casesApi.addArrest(caseId, {
        personRecordId: person || undefined,
        arrestedOn,
        region: where.region.trim(),
        city: where.city.trim() || undefined,
        place: where.place.trim() || undefined,
        nationality: nat || undefined,
        internationalWarrant,
      });
      setShown(false);
      onDone(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form-grid case-subform" onSubmit={submit} noValidate data-testid="arrest-form" aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`} className="form-title">
        {t('cases.arrest.add')}
      </h3>
      <Field label={t('cases.arrest.person')}>
        <select name="arrestPerson" value={person} onChange={(e) => setPerson(e.target.value)}>
          <option value="">{t('cases.arrest.unidentified')}</option>
          {persons.map((p) => (
            <option key={p.id} value={p.recordId ?? ''}>
              {p.displayName ?? p.recordId}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('cases.arrest.arrestedOn')}>
        <input type="date" name="arrestedOn" value={arrestedOn} onChange={(e) => setArrestedOn(e.target.value)} required />
      </Field>
      <Field label={t('cases.field.region')} error={shown && !where.region.trim() ? t('cases.form.required') : undefined}>
        <RegionSelect name="arrestRegion" value={where.region} onChange={(region) => setWhere({ ...where, region })} empty={t('cases.region.choose')} />
      </Field>
      <Field label={t('cases.field.city')}>
        <input name="arrestCity" dir="auto" value={where.city} onChange={(e) => setWhere({ ...where, city: e.target.value })} />
      </Field>
      <Field label={t('cases.field.place')}>
        <input name="arrestPlace" dir="auto" value={where.place} onChange={(e) => setWhere({ ...where, place: e.target.value })} />
      </Field>
      <Field label={t('cases.arrest.nationality')} hint={t('cases.arrest.nationalityForeign')} error={natError}>
        <input name="nationality" dir="ltr" maxLength={3} value={nationality} onChange={(e) => setNationality(e.target.value)} />
      </Field>
      <label className="check">
        <input type="checkbox" name="internationalWarrant" checked={internationalWarrant} onChange={(e) => setWarrant(e.target.checked)} />
        {t('cases.arrest.internationalWarrant')}
      </label>
      {error != null && <ErrorBox error={error} />}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy} data-testid="add-arrest">
          {t('cases.arrest.submit')}
        </button>
      </div>
    </form>
  );
}
