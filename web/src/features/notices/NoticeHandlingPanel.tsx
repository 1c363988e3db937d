import { useTranslation } from 'react-i18next';
import type { Notice } from '../../api/types.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { TlpBadge } from '../../ui/TlpBadge.tsx';
import { PUBLIC_FIELD_KEYS } from './labels.ts';

/** Who may see the notice, what the public sees of it, and its dates. */
export function NoticeHandlingPanel({ notice: n }: { notice: Notice }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const joinCodes = (list: { code: string }[]) => (list.length ? list.map((a) => a.code).join(t('notices.wizard.listSeparator')) : t('ui.none'));
  return (
    <section className="panel" aria-labelledby="handling-title">
      <h2 id="handling-title">{t('notices.view.handling')}</h2>
      <dl className="dl">
        <div className="dl-row">
          <dt>{t('notices.field.tlp')}</dt>
          <dd>
            <TlpBadge level={n.tlp} />
          </dd>
        </div>
        <div className="dl-row">
          {/* a diffusion's recipients are the agencies it is restricted to */}
          <dt>{n.type === 'diffusion' ? t('notices.field.recipients') : t('notices.field.restrictedTo')}</dt>
          <dd>
            <bdi dir="ltr">{joinCodes(n.restrictedTo)}</bdi>
          </dd>
        </div>
        {(n.type === 'red' || n.type === 'yellow') && (
          <div className="dl-row">
            <dt>{t('notices.field.publicExtract')}</dt>
            <dd data-testid="public-extract-fields">
              {n.publicExtract?.fields.length ? n.publicExtract.fields.map((f) => t(PUBLIC_FIELD_KEYS[f])).join(t('notices.wizard.listSeparator')) : t('notices.view.noPublicExtract')}
              {n.publicExtract?.fields.length && (n.state === 'published' || n.state === 'hit_reported') ? (
                <>
                  {' '}
                  <Link to={pathFor(['public', 'notices', n.id])}>{t('notices.view.openPublic')}</Link>
                </>
              ) : null}
            </dd>
          </div>
        )}
        {n.submittedAt && (
          <div className="dl-row">
            <dt>{t('notices.view.submittedAt')}</dt>
            <dd>{formatDateTime(locale, n.submittedAt)}</dd>
          </div>
        )}
        {n.publishedAt && (
          <div className="dl-row">
            <dt>{t('notices.view.publishedAt')}</dt>
            <dd>{formatDateTime(locale, n.publishedAt)}</dd>
          </div>
        )}
        {n.reviewDate && (
          <div className="dl-row">
            <dt>{t('notices.view.reviewDate')}</dt>
            <dd>{formatDate(locale, n.reviewDate.slice(0, 10))}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
