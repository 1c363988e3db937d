import { useTranslation } from 'react-i18next';
import type { CheckResult, NoticeType } from '../../api/types.ts';
import { NOTICE_SPECS, NOTICE_TYPES } from '../../../../src/notices/notice.ts';
import { FIELD_KEYS, PURPOSE_KEYS, TYPE_KEYS } from './labels.ts';
import type { WizardDraft } from './wizard-state.ts';

export interface StepProps {
  draft: WizardDraft;
  update: (fn: (d: WizardDraft) => WizardDraft) => void;
  checks: CheckResult[];
}

/** Step 1: the type, each with its purpose and the fields it cannot go without. */
export function TypeStep({ draft, update }: StepProps) {
  const { t } = useTranslation();
  const choose = (type: NoticeType) =>
    update((d) => ({ ...d, type, tlp: d.type ? d.tlp : NOTICE_SPECS[type].defaultTlp, publicExtract: NOTICE_SPECS[type].publicExtract && d.publicExtract }));
  return (
    <fieldset className="type-choice" data-testid="type-choice">
      <legend>{t('notices.wizard.chooseType')}</legend>
      <ul className="type-cards">
        {NOTICE_TYPES.map((type) => {
          const spec = NOTICE_SPECS[type];
          const descId = `type-${type}-desc`;
          return (
            <li key={type} className={`type-card notice-type-${type} ${draft.type === type ? 'type-card-selected' : ''}`}>
              <label>
                <input
                  type="radio"
                  name="type"
                  value={type}
                  checked={draft.type === type}
                  onChange={() => choose(type)}
                  aria-describedby={descId}
                />
                <span className="type-card-name">
                  <span className="notice-type-swatch" aria-hidden="true" />
                  {t(TYPE_KEYS[type])}
                </span>
              </label>
              <div id={descId} className="type-card-body">
                <p>{t(PURPOSE_KEYS[type])}</p>
                <p className="small">
                  <span className="muted">{t('notices.wizard.mandatoryFields')}</span>{' '}
                  {spec.mandatory.map((f) => t(FIELD_KEYS[f])).join(t('notices.wizard.listSeparator'))}
                </p>
                {!spec.reviewed && <p className="small muted">{t('notices.wizard.notReviewed')}</p>}
                {spec.publicExtract && <p className="small muted">{t('notices.wizard.publicAllowed')}</p>}
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
