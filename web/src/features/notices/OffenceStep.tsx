import { useTranslation } from 'react-i18next';
import type { NoticeOffence, NoticeWarrant, OffenceCategory } from '../../api/types.ts';
import { OFFENCE_CATEGORIES } from '../../../../src/notices/notice.ts';
import { CATEGORY_KEYS } from './labels.ts';
import { NoticeField } from './NoticeField.tsx';
import type { StepProps } from './TypeStep.tsx';

const months = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

/** Step 3: the offence, its legal basis and the judicial decision behind the request. */
export function OffenceStep({ draft, update, checks }: StepProps) {
  const { t } = useTranslation();
  const o = draft.content.offence;
  const w = draft.content.warrant;
  const setO = (patch: Partial<NoticeOffence>) => update((d) => ({ ...d, content: { ...d.content, offence: { ...d.content.offence, ...patch } } }));
  const setW = (patch: Partial<NoticeWarrant>) => update((d) => ({ ...d, content: { ...d.content, warrant: { ...d.content.warrant, ...patch } } }));
  const common = { type: draft.type, checks };
  return (
    <div className="stack">
      <h2 className="step-subtitle">{t('notices.wizard.offenceTitle')}</h2>
      <div className="form-grid">
        <NoticeField label={t('notices.field.category')} field="offence.category" {...common}>
          <select name="category" value={o.category ?? ''} onChange={(e) => setO({ category: (e.target.value || undefined) as OffenceCategory | undefined })}>
            <option value="">{t('notices.wizard.choose')}</option>
            {OFFENCE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(CATEGORY_KEYS[c])}
              </option>
            ))}
          </select>
        </NoticeField>
        <NoticeField label={t('notices.field.lawArticle')} field="offence.lawArticle" hint={t('notices.wizard.lawArticleHint')} {...common}>
          <input name="lawArticle" dir="auto" value={o.lawArticle ?? ''} onChange={(e) => setO({ lawArticle: e.target.value })} />
        </NoticeField>
        <NoticeField label={t('notices.field.maximumPenaltyMonths')} field="offence.maximumPenaltyMonths" hint={t('notices.wizard.monthsHint')} {...common}>
          <input
            name="maximumPenaltyMonths"
            type="number"
            min={0}
            max={1200}
            step={1}
            dir="ltr"
            value={o.maximumPenaltyMonths ?? ''}
            onChange={(e) => setO({ maximumPenaltyMonths: months(e.target.value) })}
          />
        </NoticeField>
        <NoticeField label={t('notices.field.sentenceRemainingMonths')} field="offence.sentenceRemainingMonths" hint={t('notices.wizard.remainingHint')} {...common}>
          <input
            name="sentenceRemainingMonths"
            type="number"
            min={0}
            max={1200}
            step={1}
            dir="ltr"
            value={o.sentenceRemainingMonths ?? ''}
            onChange={(e) => setO({ sentenceRemainingMonths: months(e.target.value) })}
          />
        </NoticeField>
      </div>
      <NoticeField label={t('notices.field.offenceDescription')} field="offence.description" {...common}>
        <textarea name="offenceDescription" dir="auto" rows={4} value={o.description ?? ''} onChange={(e) => setO({ description: e.target.value })} />
      </NoticeField>
      <h2 className="step-subtitle">{t('notices.wizard.warrantTitle')}</h2>
      <div className="form-grid">
        <NoticeField label={t('notices.field.warrantReference')} field="warrant.reference" {...common}>
          <input name="warrantReference" dir="auto" value={w.reference ?? ''} onChange={(e) => setW({ reference: e.target.value })} />
        </NoticeField>
        <NoticeField label={t('notices.field.warrantDate')} field="warrant.date" hint={t('notices.wizard.fullDateHint')} {...common}>
          <input name="warrantDate" dir="ltr" inputMode="numeric" value={w.date ?? ''} onChange={(e) => setW({ date: e.target.value })} />
        </NoticeField>
        <NoticeField label={t('notices.field.warrantAuthority')} field="warrant.authority" {...common}>
          <input name="warrantAuthority" dir="auto" value={w.authority ?? ''} onChange={(e) => setW({ authority: e.target.value })} />
        </NoticeField>
      </div>
    </div>
  );
}
