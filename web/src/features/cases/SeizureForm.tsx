import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases-client.ts';
import type { Seizure, SeizureUnit, Substance } from '../../api/cases-types.ts';
import { ApiError } from '../../api/client.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox, errorKey } from '../../ui/ErrorBox.tsx';
import { Field } from '../../ui/Field.tsx';
import { today } from './dates.ts';
import { catalogueLabel } from './labels.ts';
import { RegionSelect } from './RegionSelect.tsx';
import { currencyDigits, defaultUnit, type QuantityProblem, scaleOf, toBaseUnits, UNIT_NAME_KEYS, unitsFor } from './units.ts';

const PROBLEM_KEYS: Record<QuantityProblem, string> = {
  required: 'cases.seizure.problem.required',
  not_a_number: 'cases.seizure.problem.not_a_number',
  not_positive: 'cases.seizure.problem.not_positive',
  too_precise: 'cases.seizure.problem.too_precise',
};

/** Server codes about the quantity itself: shown on the quantity field. */
const QUANTITY_CODES = new Set(['invalid_quantity', 'quantity_not_exact', 'quantity_too_large']);

const BASE_KEYS = { mass: 'cases.seizure.baseGrams', count: 'cases.seizure.baseItems', money: 'cases.seizure.baseMinor' } as const;

/**
 * A seizure inside a case. The unit list follows the substance's measure (t/kg/g for a mass,
 * items for a count), the exact base quantity is shown before sending, and the server's
 * `unit_mismatch` (a unit that does not fit the substance) is shown on the unit field.
 */
export function SeizureForm({
  caseId,
  substances,
  region,
  onDone,
}: {
  caseId: string;
  substances: Substance[];
  region: string;
  onDone: (s: Seizure) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const formId = useId();
  const [substance, setSubstance] = useState('');
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState<SeizureUnit>('kg');
  const [currency, setCurrency] = useState('MAD');
  const [seizedOn, setSeizedOn] = useState(today());
  const [place, setPlace] = useState({ region, city: '', place: '' });
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const chosen = substances.find((s) => s.code === substance);
  const money = chosen?.measure === 'money';
  const code = currency.trim().toUpperCase();
  const currencyOk = /^[A-Z]{3}$/.test(code);
  const units = chosen ? unitsFor(chosen.measure) : [];
  const parsed = toBaseUnits(quantity, money ? (currencyOk ? currencyDigits(code) : 2) : scaleOf(unit));
  const unitMismatch = error instanceof ApiError && error.code === 'unit_mismatch';
  const quantityRefused = error instanceof ApiError && QUANTITY_CODES.has(error.code);

  const onSubstance = (code: string) => {
    setSubstance(code);
    setError(null);
    const next = substances.find((s) => s.code === code);
    if (next && next.measure !== 'money' && !unitsFor(next.measure).includes(unit)) setUnit(defaultUnit(next.measure));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    setError(null);
    if (!chosen || 'problem' in parsed || !place.region.trim() || (money && !currencyOk)) return;
    setBusy(true);
    try {
      const saved = await casesApi.addSeizure(caseId, {
        substance,
        quantity: { value: parsed.value, unit: money ? code : unit },
        seizedOn,
        region: place.region.trim(),
        city: place.city.trim() || undefined,
        place: place.place.trim() || undefined,
      });
      setQuantity('');
      setShown(false);
      onDone(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form-grid case-subform" onSubmit={submit} noValidate data-testid="seizure-form" aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`} className="form-title">
        {t('cases.seizure.add')}
      </h3>
      <Field label={t('cases.seizure.substance')} error={shown && !chosen ? t('cases.seizure.problem.substance') : undefined}>
        <select name="substance" value={substance} onChange={(e) => onSubstance(e.target.value)} required>
          <option value="">{t('cases.seizure.chooseSubstance')}</option>
          {substances.map((s) => (
            <option key={s.code} value={s.code} data-measure={s.measure}>
              {catalogueLabel(locale, s, s.code)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t('cases.seizure.quantity')}
        error={shown && 'problem' in parsed ? t(PROBLEM_KEYS[parsed.problem]) : quantityRefused ? t(errorKey(error)) : undefined}
        hint={chosen && 'base' in parsed ? t(BASE_KEYS[chosen.measure], { n: formatNumber(locale, Number(parsed.base)) }) : undefined}
      >
        <input name="quantity" inputMode="decimal" dir="ltr" autoComplete="off" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
      </Field>
      {money ? (
        <Field
          label={t('cases.seizure.currency')}
          hint={t('cases.seizure.currencyHint')}
          error={unitMismatch ? t('errors.unit_mismatch') : shown && !currencyOk ? t('cases.seizure.currencyHint') : undefined}
        >
          <input name="currency" dir="ltr" maxLength={3} value={currency} onChange={(e) => (setCurrency(e.target.value), setError(null))} />
        </Field>
      ) : (
        <Field label={t('cases.seizure.unit')} error={unitMismatch ? t('errors.unit_mismatch') : undefined}>
          <select name="unit" value={unit} onChange={(e) => (setUnit(e.target.value as SeizureUnit), setError(null))} disabled={!chosen}>
            {(units.length ? units : [unit]).map((u) => (
              <option key={u} value={u}>
                {t(UNIT_NAME_KEYS[u])}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={t('cases.seizure.seizedOn')}>
        <input type="date" name="seizedOn" value={seizedOn} onChange={(e) => setSeizedOn(e.target.value)} required />
      </Field>
      <Field label={t('cases.field.region')} error={shown && !place.region.trim() ? t('cases.form.required') : undefined}>
        <RegionSelect name="seizureRegion" value={place.region} onChange={(region) => setPlace({ ...place, region })} empty={t('cases.region.choose')} />
      </Field>
      <Field label={t('cases.field.city')}>
        <input name="seizureCity" dir="auto" value={place.city} onChange={(e) => setPlace({ ...place, city: e.target.value })} />
      </Field>
      <Field label={t('cases.field.place')}>
        <input name="seizurePlace" dir="auto" value={place.place} onChange={(e) => setPlace({ ...place, place: e.target.value })} />
      </Field>
      {error != null && !unitMismatch && <ErrorBox error={error} />}
      {unitMismatch && (
        <div className="error-box" role="alert" data-testid="unit-mismatch">
          <p>{t('errors.unit_mismatch')}</p>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy} data-testid="add-seizure">
          {t('cases.seizure.submit')}
        </button>
      </div>
    </form>
  );
}
