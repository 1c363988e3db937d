import { useTranslation } from 'react-i18next';
import { TlpBadge } from '../../ui/TlpBadge.tsx';
import { useRecipients } from '../messages/use-recipients.ts';
import { PUBLIC_FIELD_KEYS, URGENCY_KEYS } from './labels.ts';
import { TypeBadge } from './NoticeBadges.tsx';
import { NoticeContentView } from './NoticeContentView.tsx';
import type { StepProps } from './TypeStep.tsx';
import { extractConflictsWithHandling, wireContent } from './wizard-state.ts';

/** Step 6: everything as it will be sent; the checks are beside it. */
export function ReviewStep({ draft }: StepProps) {
  const { t } = useTranslation();
  const agencies = useRecipients();
  const code = (id: string) => agencies.data?.find((a) => a.id === id)?.code ?? id;
  const codes = (ids: string[]) => (ids.length ? ids.map(code).join(t('notices.wizard.listSeparator')) : t('ui.none'));
  return (
    <div className="stack" data-testid="wizard-review">
      <p className="badges">
        {draft.type && <TypeBadge type={draft.type} />}
        <span className="badge">{t(URGENCY_KEYS[draft.urgency])}</span>
        <TlpBadge level={draft.tlp} />
      </p>
      <NoticeContentView content={wireContent(draft)} />
      <h3>{t('notices.wizard.steps.handling')}</h3>
      <dl className="dl">
        {draft.type === 'diffusion' && (
          <div className="dl-row">
            <dt>{t('notices.field.recipients')}</dt>
            <dd>
              <bdi dir="ltr">{codes(draft.recipients)}</bdi>
            </dd>
          </div>
        )}
        <div className="dl-row">
          <dt>{t('notices.field.restrictedTo')}</dt>
          <dd>
            <bdi dir="ltr">{codes(draft.restrictedTo)}</bdi>
          </dd>
        </div>
        {(draft.type === 'red' || draft.type === 'yellow') && (
          <div className="dl-row">
            <dt>{t('notices.field.publicExtract')}</dt>
            <dd>
              {draft.publicExtract
                ? draft.publicFields.map((f) => t(PUBLIC_FIELD_KEYS[f])).join(t('notices.wizard.listSeparator'))
                : t('notices.view.noPublicExtract')}
              {extractConflictsWithHandling(draft) && (
                <p className="field-error" data-testid="review-extract-restricted">
                  {t('notices.checks.public_extract_restricted')}
                </p>
              )}
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}
