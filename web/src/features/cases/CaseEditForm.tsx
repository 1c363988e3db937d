import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseCategory, CaseView } from '../../api/cases-types.ts';
import { type TlpLevel } from '../../api/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Field } from '../../ui/Field.tsx';
import { TlpOptions } from '../../ui/TlpOptions.tsx';
import { type CaseChanges, caseApi } from './case-api.ts';
import { isIsoDate, today } from './dates.ts';
import { catalogueLabel } from './labels.ts';
import { RegionSelect } from './RegionSelect.tsx';

/** The server's limits (UpdateCaseSchema). */
const MAX = { title: 300, summary: 8000, region: 100, city: 100 } as const;

type Problems = Partial<Record<'category' | 'title' | 'summary' | 'region' | 'city' | 'openedOn', string>>;

/**
 * Edits a case in place (PATCH /cases/:id with the version read): title, summary, category,
 * region, city, opening date and handling code. Only the fields changed are sent; the status
 * has its own form.
 */
export function CaseEditForm({ c, categories, onDone, onCancel }: { c: CaseView; categories: CaseCategory[]; onDone: (c: CaseView) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const formId = useId();
  const [draft, setDraft] = useState({
    category: c.category,
    title: c.title,
    summary: c.summary ?? '',
    region: c.region,
    city: c.city ?? '',
    openedOn: c.openedOn,
    tlp: c.tlp as TlpLevel,
  });
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof typeof draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });

  const problems: Problems = {};
  const tooLong = (k: keyof typeof MAX) => draft[k].trim().length > MAX[k] && (problems[k] = t('cases.edit.tooLong', { n: formatNumber(locale, MAX[k]) }));
  if (!draft.category) problems.category = t('cases.form.required');
  if (!draft.title.trim()) problems.title = t('cases.form.required');
  if (!draft.region.trim()) problems.region = t('cases.form.required');
  (['title', 'summary', 'region', 'city'] as const).forEach(tooLong);
  if (!isIsoDate(draft.openedOn)) problems.openedOn = t('cases.form.required');
  else if (draft.openedOn > today()) problems.openedOn = t('cases.edit.openedInFuture');
  else if (c.closedOn && draft.openedOn > c.closedOn) problems.openedOn = t('cases.edit.openedAfterClosed');
  const show = (k: keyof Problems) => (shown ? problems[k] : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    setError(null);
    if (Object.keys(problems).length > 0) return;
    const changes: CaseChanges = { version: c.version };
    if (draft.category !== c.category) changes.category = draft.category;
    if (draft.title.trim() !== c.title) changes.title = draft.title.trim();
    if (draft.summary.trim() !== (c.summary ?? '')) changes.summary = draft.summary.trim() || null;
    if (draft.region.trim() !== c.region) changes.region = draft.region.trim();
    if (draft.city.trim() !== (c.city ?? '')) changes.city = draft.city.trim() || null;
    if (draft.openedOn !== c.openedOn) changes.openedOn = draft.openedOn;
    // the handling is replaced whole: keep the agencies it was restricted to
    if (draft.tlp !== c.tlp) changes.handling = { tlp: draft.tlp, restrictedTo: c.restrictedTo };
    if (Object.keys(changes).length === 1) return onCancel();
    setBusy(true);
    try {
      onDone(await caseApi.update(c.id, changes));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <form className="panel form-grid" onSubmit={submit} noValidate data-testid="case-edit-form" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} className="form-title">
        {t('cases.edit.title')}
      </h2>
      <Field label={t('cases.field.category')} error={show('category')}>
        <select name="category" value={draft.category} onChange={set('category')}>
          {!categories.some((x) => x.code === draft.category) && <option value={draft.category}>{draft.category}</option>}
          {categories.map((x) => (
            <option key={x.code} value={x.code}>
              {catalogueLabel(locale, x, x.code)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('cases.field.title')} error={show('title')}>
        <input name="title" dir="auto" value={draft.title} onChange={set('title')} />
      </Field>
      <Field label={t('cases.field.region')} error={show('region')}>
        <RegionSelect name="region" value={draft.region} onChange={(region) => setDraft({ ...draft, region })} empty={t('cases.region.choose')} />
      </Field>
      <Field label={t('cases.field.city')} error={show('city')}>
        <input name="city" dir="auto" value={draft.city} onChange={set('city')} />
      </Field>
      <Field label={t('cases.field.openedOn')} error={show('openedOn')}>
        <input type="date" name="openedOn" value={draft.openedOn} max={today()} onChange={set('openedOn')} />
      </Field>
      <Field label={t('cases.field.tlp')}>
        <select name="tlp" value={draft.tlp} onChange={set('tlp')}>
          <TlpOptions />
        </select>
      </Field>
      <div className="form-wide">
        <Field label={t('cases.field.summary')} error={show('summary')}>
          <textarea name="summary" dir="auto" rows={3} value={draft.summary} onChange={set('summary')} />
        </Field>
      </div>
      {error != null && <ErrorBox error={error} />}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy} data-testid="save-case-edit">
          {t('cases.edit.submit')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('cases.edit.cancel')}
        </button>
      </div>
    </form>
  );
}
