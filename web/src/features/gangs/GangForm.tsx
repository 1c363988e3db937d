import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases-client.ts';
import type { GangView } from '../../api/cases-types.ts';
import { useLoad } from '../../api/use-load.ts';
import { navigate, pathFor } from '../../app/router.tsx';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Field } from '../../ui/Field.tsx';
import { GANG_ROLE_KEYS } from '../cases/labels.ts';
import { PartyPicker } from '../cases/PartyPicker.tsx';
import { type GangDraft, GangFields, gangProblems } from './GangFields.tsx';
import { gangsApi } from './gangs-api.ts';

/** The open cases of the user's agency a new gang may be linked to (the server checks ownership). */
const CASES_LIMIT = 100;

type Picked = { recordId: string; label: string };
type PickedMember = Picked & { role: string };

/**
 * A new gang or network, with the case it came out of, the group record it is filed under
 * and its first members with their roles, in one POST /gangs; then the gang's page.
 */
export function GangForm({ caseId = '', onCancel, onSaved = (g) => navigate(pathFor(['gangs', g.id])) }: { caseId?: string; onCancel: () => void; onSaved?: (g: GangView) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const formId = useId();
  const cases = useLoad(() => casesApi.cases({ mine: true, status: 'open', limit: CASES_LIMIT }), []);
  const [draft, setDraft] = useState<GangDraft>({ name: '', kind: '', region: '', tlp: 'AMBER' });
  const [linkedCase, setLinkedCase] = useState(caseId);
  const [group, setGroup] = useState<Picked | null>(null);
  const [members, setMembers] = useState<PickedMember[]>([]);
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  /** Counts refused submits: each moves the focus to the first field in error once it is marked. */
  const [refused, setRefused] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (refused) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refused]);

  const problems = gangProblems(draft, t, locale);
  const ownCases = cases.data?.items ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    setError(null);
    if (Object.keys(problems).length > 0 || !draft.kind) {
      setRefused((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const saved = await gangsApi.create({
        name: draft.name.trim(),
        kind: draft.kind,
        region: draft.region.trim(),
        caseId: linkedCase || undefined,
        groupRecordId: group?.recordId,
        members: members.map((m) => ({ personRecordId: m.recordId, role: m.role })),
        handling: { tlp: draft.tlp },
      });
      onSaved(saved);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="panel stack gang-form" onSubmit={submit} noValidate data-testid="gang-form" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{t('gangs.form.title')}</h2>
      <div className="form-grid">
        <GangFields draft={draft} onChange={setDraft} problems={shown ? problems : {}} />
        <div className="form-wide">
          <Field label={t('gangs.form.case')} hint={t('gangs.form.caseHint')}>
            <select name="gangCase" value={linkedCase} onChange={(e) => setLinkedCase(e.target.value)}>
              <option value="">{t('gangs.form.noCase')}</option>
              {linkedCase && !ownCases.some((c) => c.id === linkedCase) && <option value={linkedCase}>{t('gangs.form.thisCase')}</option>}
              {ownCases.map((c) => (
                <option key={c.id} value={c.id}>
                  {`${c.reference} · ${c.title}`}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </div>
      {cases.error != null && <ErrorBox error={cases.error} />}
      <section aria-labelledby={`${formId}-group`}>
        <h3 id={`${formId}-group`} className="form-title">
          {t('gangs.form.group')}
        </h3>
        <p className="hint">{t('gangs.form.groupHint')}</p>
        {group ? (
          <ul className="party-list" data-testid="picked-group">
            <li>
              <bdi dir="auto">{group.label}</bdi>
              <button type="button" onClick={() => setGroup(null)}>
                {t('gangs.form.remove')}
              </button>
            </li>
          </ul>
        ) : (
          <PartyPicker kinds={['group']} roles={null} testId="gang-group-picker" onPick={(p) => p.recordId && setGroup({ recordId: p.recordId, label: p.label })} />
        )}
      </section>
      <section aria-labelledby={`${formId}-members`}>
        <h3 id={`${formId}-members`} className="form-title">
          {t('gangs.form.members')}
        </h3>
        <PartyPicker
          kinds={['person']}
          roles={GANG_ROLE_KEYS}
          defaultRole="member"
          testId="gang-member-picker"
          onPick={(p) => {
            const id = p.recordId;
            // the same person picked again takes the new role, as on the server
            if (id) setMembers((list) => [...list.filter((m) => m.recordId !== id), { recordId: id, label: p.label, role: p.role }]);
          }}
        />
        <ul className="party-list" data-testid="picked-members">
          {members.length === 0 && <li className="muted">{t('gangs.form.noMembers')}</li>}
          {members.map((m) => (
            <li key={m.recordId} data-testid="picked-member" data-role={m.role}>
              <bdi dir="auto">{m.label}</bdi>
              <span className="muted">{GANG_ROLE_KEYS[m.role] ? t(GANG_ROLE_KEYS[m.role]) : m.role}</span>
              <button type="button" onClick={() => setMembers((list) => list.filter((x) => x.recordId !== m.recordId))}>
                {t('gangs.form.remove')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      {error != null && <ErrorBox error={error} />}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy} data-testid="save-gang">
          {t('gangs.form.submit')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('gangs.form.cancel')}
        </button>
      </div>
    </form>
  );
}
