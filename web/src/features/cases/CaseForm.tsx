import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases-client.ts';
import { type TlpLevel } from '../../api/types.ts';
import { navigate, pathFor } from '../../app/router.tsx';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Field } from '../../ui/Field.tsx';
import { TlpOptions } from '../../ui/TlpOptions.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useCatalogue } from './catalogue.ts';
import { isIsoDate, today } from './dates.ts';
import { catalogueLabel, PARTY_KIND_KEYS, roleKey } from './labels.ts';
import { type PickedParty, PartyPicker } from './PartyPicker.tsx';
import { RegionSelect } from './RegionSelect.tsx';

type Problems = Partial<Record<'category' | 'title' | 'region' | 'openedOn', string>>;

/** A new case with the persons, groups, vehicles, documents, phones and addresses it involves. */
export function CaseForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const catalogue = useCatalogue();
  const [draft, setDraft] = useState({ category: '', title: '', summary: '', region: '', city: '', openedOn: today(), tlp: 'AMBER' as TlpLevel });
  const [parties, setParties] = useState<PickedParty[]>([]);
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  /** Set once the case is saved but a party was refused: the form then only adds the remaining parties. */
  const [savedId, setSavedId] = useState<string | null>(null);
  const set = (k: keyof typeof draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });

  const problems: Problems = {};
  if (!draft.category) problems.category = t('cases.form.required');
  if (!draft.title.trim()) problems.title = t('cases.form.required');
  if (!draft.region.trim()) problems.region = t('cases.form.required');
  if (!isIsoDate(draft.openedOn)) problems.openedOn = t('cases.form.required');
  const show = (k: keyof Problems) => (shown ? problems[k] : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    setError(null);
    if (Object.keys(problems).length > 0) {
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    try {
      let caseId = savedId;
      if (!caseId) {
        const created = await casesApi.createCase({
          category: draft.category,
          title: draft.title.trim(),
          summary: draft.summary.trim() || undefined,
          region: draft.region.trim(),
          city: draft.city.trim() || undefined,
          openedOn: draft.openedOn,
          handling: { tlp: draft.tlp },
        });
        caseId = created.id;
        setSavedId(caseId);
      }
      // parties are added one by one once the case exists; a refused party stays in the list with the error
      for (const { label: _label, ...party } of parties) {
        await casesApi.addParty(caseId, party);
        setParties((list) => list.slice(1));
      }
      navigate(pathFor(['cases', caseId]));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <section>
      <PageHeader title={t('cases.form.title')} />
      {catalogue.error != null && <ErrorBox error={catalogue.error} />}
      {catalogue.loading && !catalogue.data && <Loading />}
      <form className="stack" onSubmit={submit} noValidate data-testid="case-form">
        <div className="panel form-grid">
          <Field label={t('cases.field.category')} error={show('category')}>
            <select name="category" value={draft.category} onChange={set('category')}>
              <option value="">{t('cases.form.chooseCategory')}</option>
              {catalogue.data?.categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {catalogueLabel(locale, c, c.code)}
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
          <Field label={t('cases.field.city')}>
            <input name="city" dir="auto" value={draft.city} onChange={set('city')} />
          </Field>
          <Field label={t('cases.field.openedOn')} error={show('openedOn')}>
            <input type="date" name="openedOn" value={draft.openedOn} onChange={set('openedOn')} />
          </Field>
          <Field label={t('cases.field.tlp')}>
            <select name="tlp" value={draft.tlp} onChange={set('tlp')}>
              <TlpOptions />
            </select>
          </Field>
          <div className="form-wide">
            <Field label={t('cases.field.summary')}>
              <textarea name="summary" dir="auto" rows={3} value={draft.summary} onChange={set('summary')} />
            </Field>
          </div>
        </div>
        <section className="panel" aria-labelledby="parties-title">
          <h2 id="parties-title">{t('cases.party.title')}</h2>
          <PartyPicker onPick={(p) => setParties((list) => [...list, p])} />
          <ul className="party-list" data-testid="picked-parties">
            {parties.length === 0 && <li className="muted">{t('cases.party.none')}</li>}
            {parties.map((p, i) => (
              <li key={`${p.kind}-${p.recordId ?? p.value}-${i}`} data-testid="picked-party">
                <span className="party-kind">{t(PARTY_KIND_KEYS[p.kind])}</span>
                <bdi dir="auto">{p.label}</bdi>
                <span className="muted">{roleKey(p.role) ? t(roleKey(p.role)!) : p.role}</span>
                <button type="button" onClick={() => setParties((list) => list.filter((_, n) => n !== i))}>
                  {t('cases.party.remove')}
                </button>
              </li>
            ))}
          </ul>
        </section>
        {error != null && <ErrorBox error={error} />}
        {savedId && (
          <p className="notice" role="status" data-testid="case-saved">
            {t('cases.form.savedPartiesLeft')}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy} data-testid="save-case">
            {t('cases.form.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
