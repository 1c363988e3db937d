import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GangView } from '../../api/cases-types.ts';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { type GangDraft, GangFields, gangProblems } from './GangFields.tsx';
import { type GangChanges, gangsApi } from './gangs-api.ts';

/** Renames or reclassifies a gang (PATCH /gangs/:id with the version read); only the fields changed are sent. */
export function GangEditForm({ gang, onDone, onCancel }: { gang: GangView; onDone: (g: GangView) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const formId = useId();
  const [draft, setDraft] = useState<GangDraft>({ name: gang.name, kind: gang.kind, region: gang.region, tlp: gang.tlp });
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problems = gangProblems(draft, t, locale);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    setError(null);
    if (Object.keys(problems).length > 0 || !draft.kind) return;
    const changes: GangChanges = { version: gang.version };
    if (draft.name.trim() !== gang.name) changes.name = draft.name.trim();
    if (draft.kind !== gang.kind) changes.kind = draft.kind;
    if (draft.region.trim() !== gang.region) changes.region = draft.region.trim();
    // the handling is replaced whole: keep the agencies it was restricted to
    if (draft.tlp !== gang.tlp) changes.handling = { tlp: draft.tlp, restrictedTo: gang.restrictedTo };
    if (Object.keys(changes).length === 1) return onCancel();
    setBusy(true);
    try {
      onDone(await gangsApi.update(gang.id, changes));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <form className="panel form-grid" onSubmit={submit} noValidate data-testid="gang-edit-form" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} className="form-title">
        {t('gangs.edit.title')}
      </h2>
      <GangFields draft={draft} onChange={setDraft} problems={shown ? problems : {}} />
      {error != null && <ErrorBox error={error} />}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy} data-testid="save-gang-edit">
          {t('gangs.edit.submit')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('gangs.edit.cancel')}
        </button>
      </div>
    </form>
  );
}
