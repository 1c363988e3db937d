import { useTranslation } from 'react-i18next';
import type { Name, NoticeSubject } from '../../api/types.ts';
import { NAME_TYPE_KEYS } from '../records/labels.ts';
import { GENDER_KEYS } from './labels.ts';
import { NoticeField, NoticeFieldset } from './NoticeField.tsx';
import type { StepProps } from './TypeStep.tsx';

const NAME_TYPES: Name['type'][] = ['primary', 'alias', 'original'];

/** Step 2: who the notice is about. */
export function SubjectStep({ draft, update, checks }: StepProps) {
  const { t } = useTranslation();
  const s = draft.content.subject;
  const set = (patch: Partial<NoticeSubject>) => update((d) => ({ ...d, content: { ...d.content, subject: { ...d.content.subject, ...patch } } }));
  const setName = (i: number, patch: Partial<Name>) => set({ names: s.names.map((n, j) => (j === i ? { ...n, ...patch } : n)) });
  const ids = s.identifiers ?? [];
  const setId = (i: number, patch: Partial<(typeof ids)[number]>) => set({ identifiers: ids.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const common = { type: draft.type, checks };

  return (
    <div className="stack">
      <NoticeFieldset legend={t('notices.field.names')} field="subject.names" {...common}>
        <ol className="name-rows">
          {s.names.map((n, i) => (
            <li key={i} className="name-row">
              <input
                name={`name-${i}`}
                dir="auto"
                value={n.value}
                aria-label={t('notices.wizard.nameN', { n: i + 1 })}
                data-field={i === 0 ? 'subject.names' : undefined}
                aria-invalid={(i === 0 && checks.some((c) => c.field === 'subject.names' && c.severity === 'error')) || undefined}
                onChange={(e) => setName(i, { value: e.target.value })}
              />
              <select value={n.type} aria-label={t('notices.wizard.nameType')} onChange={(e) => setName(i, { type: e.target.value as Name['type'] })}>
                {NAME_TYPES.map((nt) => (
                  <option key={nt} value={nt}>
                    {t(NAME_TYPE_KEYS[nt])}
                  </option>
                ))}
              </select>
              {s.names.length > 1 && (
                <button type="button" className="button-small" onClick={() => set({ names: s.names.filter((_, j) => j !== i) })}>
                  {t('notices.wizard.remove')}
                </button>
              )}
            </li>
          ))}
        </ol>
        <button type="button" className="button-small" onClick={() => set({ names: [...s.names, { value: '', type: 'alias' }] })}>
          {t('notices.wizard.addName')}
        </button>
      </NoticeFieldset>
      <div className="form-grid">
        <NoticeField label={t('notices.field.birthDate')} field="subject.birthDate" hint={t('notices.wizard.birthDateHint')} {...common}>
          <input name="birthDate" dir="ltr" inputMode="numeric" value={s.birthDate ?? ''} onChange={(e) => set({ birthDate: e.target.value })} />
        </NoticeField>
        <NoticeField label={t('notices.field.gender')} field="subject.gender" {...common}>
          <select name="gender" value={s.gender ?? ''} onChange={(e) => set({ gender: (e.target.value || undefined) as NoticeSubject['gender'] })}>
            <option value="">{t('notices.wizard.choose')}</option>
            {(['male', 'female', 'unknown'] as const).map((g) => (
              <option key={g} value={g}>
                {t(GENDER_KEYS[g])}
              </option>
            ))}
          </select>
        </NoticeField>
        <NoticeField label={t('notices.field.nationalities')} field="subject.nationalities" hint={t('notices.wizard.nationalitiesHint')} {...common}>
          <input
            name="nationalities"
            dir="ltr"
            autoCapitalize="characters"
            value={draft.nationalitiesText}
            onChange={(e) => update((d) => ({ ...d, nationalitiesText: e.target.value }))}
          />
        </NoticeField>
        <NoticeField label={t('notices.field.placeOfBirth')} field="subject.placeOfBirth" {...common}>
          <input name="placeOfBirth" dir="auto" value={s.placeOfBirth ?? ''} onChange={(e) => set({ placeOfBirth: e.target.value })} />
        </NoticeField>
        <NoticeField label={t('notices.field.photoRef')} field="subject.photoRef" hint={t('notices.wizard.photoRefHint')} {...common}>
          <input name="photoRef" dir="ltr" value={s.photoRef ?? ''} onChange={(e) => set({ photoRef: e.target.value })} />
        </NoticeField>
      </div>
      <NoticeField label={t('notices.field.description')} field="subject.description" hint={t('notices.wizard.descriptionHint')} {...common}>
        <textarea name="description" dir="auto" rows={3} value={s.description ?? ''} onChange={(e) => set({ description: e.target.value })} />
      </NoticeField>
      <NoticeFieldset legend={t('notices.field.identifiers')} field="subject.identifiers" {...common}>
        {ids.length > 0 && (
          <ol className="name-rows">
            {ids.map((x, i) => (
              <li key={i} className="name-row">
                <input
                  dir="ltr"
                  aria-label={t('notices.wizard.identifierType')}
                  placeholder={t('notices.wizard.identifierTypePlaceholder')}
                  value={x.type}
                  onChange={(e) => setId(i, { type: e.target.value })}
                />
                <input dir="ltr" className="ident-input" aria-label={t('notices.wizard.identifierValue')} value={x.value} onChange={(e) => setId(i, { value: e.target.value })} />
                <button type="button" className="button-small" onClick={() => set({ identifiers: ids.filter((_, j) => j !== i) })}>
                  {t('notices.wizard.remove')}
                </button>
              </li>
            ))}
          </ol>
        )}
        <button type="button" className="button-small" onClick={() => set({ identifiers: [...ids, { type: 'passport', value: '' }] })}>
          {t('notices.wizard.addIdentifier')}
        </button>
      </NoticeFieldset>
    </div>
  );
}
