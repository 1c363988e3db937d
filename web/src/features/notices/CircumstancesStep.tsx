import { useTranslation } from 'react-i18next';
import { URGENCIES } from '../../../../src/notices/notice.ts';
import { URGENCY_KEYS } from './labels.ts';
import { NoticeField } from './NoticeField.tsx';
import type { StepProps } from './TypeStep.tsx';

/** Step 4: the facts and what the receiving agencies are asked to do. */
export function CircumstancesStep({ draft, update, checks }: StepProps) {
  const { t } = useTranslation();
  const common = { type: draft.type, checks };
  return (
    <div className="stack">
      <NoticeField label={t('notices.field.circumstances')} field="circumstances" hint={t('notices.wizard.circumstancesHint')} {...common}>
        <textarea
          name="circumstances"
          dir="auto"
          rows={6}
          value={draft.content.circumstances ?? ''}
          onChange={(e) => update((d) => ({ ...d, content: { ...d.content, circumstances: e.target.value } }))}
        />
      </NoticeField>
      <NoticeField label={t('notices.field.requestedAction')} field="requestedAction" hint={t('notices.wizard.requestedActionHint')} {...common}>
        <textarea
          name="requestedAction"
          dir="auto"
          rows={3}
          value={draft.content.requestedAction ?? ''}
          onChange={(e) => update((d) => ({ ...d, content: { ...d.content, requestedAction: e.target.value } }))}
        />
      </NoticeField>
      <fieldset className="radio-row">
        <legend>{t('notices.field.urgency')}</legend>
        {URGENCIES.map((u) => (
          <label key={u} className="check">
            <input type="radio" name="urgency" value={u} checked={draft.urgency === u} onChange={() => update((d) => ({ ...d, urgency: u }))} />
            {t(URGENCY_KEYS[u])}
          </label>
        ))}
        <p className="hint">{t('notices.wizard.urgencyHint')}</p>
      </fieldset>
    </div>
  );
}
