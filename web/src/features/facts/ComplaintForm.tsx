import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseCategory } from '../../api/cases-types.ts';
import { useLocale } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { useSubmit } from '../../ui/use-submit.ts';
import { isIsoDate, today } from '../cases/dates.ts';
import { catalogueLabel } from '../cases/labels.ts';
import { RegionSelect } from '../cases/RegionSelect.tsx';
import { FactsError, hasCode, refusedFields } from './errors.tsx';
import { COMPLAINT_CHANNELS, COMPLAINT_STATUSES, type Complaint, type ComplaintChannel, type ComplaintStatus, factsApi } from './facts-api.ts';
import { CHANNEL_KEYS, COMPLAINT_STATUS_KEYS } from './labels.ts';
import { CasePick } from './pickers.tsx';

/** Records an online complaint received (e-Blagh, the web form or by phone): its category, day, region and status. */
export function ComplaintForm({ categories, onDone }: { categories: CaseCategory[]; onDone: (c: Complaint) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const formId = useId();
  const [channel, setChannel] = useState<ComplaintChannel>('e_blagh');
  const [category, setCategory] = useState('');
  const [receivedOn, setReceivedOn] = useState(today());
  const [region, setRegion] = useState('');
  const [status, setStatus] = useState<ComplaintStatus>('received');
  const [caseId, setCaseId] = useState('');
  const [shown, setShown] = useState(false);
  const { busy, error, setError, run } = useSubmit();

  const refused = refusedFields(error);
  const dateBad = !isIsoDate(receivedOn) || receivedOn > today();
  const categoryError =
    shown && !category ? t('facts.form.required') : hasCode(error, 'unknown_category') || refused.has('category') ? t('errors.unknown_category') : undefined;
  const dateError = shown && dateBad ? t('facts.form.badDate') : refused.has('receivedOn') ? t('facts.form.invalid') : undefined;
  const regionError = shown && !region.trim() ? t('facts.form.required') : refused.has('region') ? t('facts.form.invalid') : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    setError(null);
    if (!category || dateBad || !region.trim()) return;
    await run(async () => {
      const saved = await factsApi.recordComplaint({ channel, category, receivedOn, region: region.trim(), status, caseId: caseId || undefined });
      setShown(false);
      onDone(saved);
    });
  };

  return (
    <form className="form-grid panel facts-form" onSubmit={submit} noValidate data-testid="complaint-form" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} className="facts-form-title">
        {t('facts.complaints.form.title')}
      </h2>
      <Field label={t('facts.complaints.form.channel')}>
        <select name="channel" value={channel} onChange={(e) => setChannel(e.target.value as ComplaintChannel)}>
          {COMPLAINT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(CHANNEL_KEYS[c])}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('facts.complaints.form.category')} error={categoryError}>
        <select name="category" value={category} onChange={(e) => setCategory(e.target.value)} required>
          <option value="">{t('facts.complaints.form.chooseCategory')}</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {catalogueLabel(locale, c, c.code)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('facts.complaints.form.receivedOn')} error={dateError}>
        <input type="date" name="receivedOn" max={today()} value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} required />
      </Field>
      <Field label={t('facts.form.region')} error={regionError}>
        <RegionSelect name="region" value={region} onChange={setRegion} empty={t('cases.region.choose')} />
      </Field>
      <Field label={t('facts.complaints.form.status')}>
        <select name="status" value={status} onChange={(e) => setStatus(e.target.value as ComplaintStatus)}>
          {COMPLAINT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(COMPLAINT_STATUS_KEYS[s])}
            </option>
          ))}
        </select>
      </Field>
      <CasePick value={caseId} onChange={setCaseId} error={hasCode(error, 'case_not_found') || hasCode(error, 'case_not_owner') || refused.has('caseId') ? t('facts.form.invalid') : undefined} />
      {error != null && <FactsError error={error} testId="complaint-error" />}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy} data-testid="save-complaint">
          {t('facts.complaints.form.submit')}
        </button>
      </div>
    </form>
  );
}
