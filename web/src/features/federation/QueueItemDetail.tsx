import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Ident } from '../../ui/Ident.tsx';
import { TlpBadge } from '../../ui/TlpBadge.tsx';
import type { Category, QueueItem } from './federation-api.ts';
import { CATEGORY_KEYS, ENVELOPE_TYPE_KEYS, STATUS_KEYS, STATUS_TONES } from './labels.ts';
import { Reason } from './Reason.tsx';

/** One queue row in full: what, for whom, under which clause, its receipt's reason and the sender's detail. */
export function QueueItemDetail({ item: i, onClose }: { item: QueueItem; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const row = (label: string, value: ReactNode) => (
    <div className="dl-row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <section className="panel" aria-labelledby="queue-item-title" data-testid="queue-item">
      <h2 id="queue-item-title">{t('federation.queue.detailTitle')}</h2>
      <dl className="dl">
        {row(t('federation.queue.columns.partner'), <Ident className="code">{i.partnerId}</Ident>)}
        {row(t('federation.queue.columns.status'), <Badge tone={STATUS_TONES[i.status]}>{t(STATUS_KEYS[i.status])}</Badge>)}
        {row(t('federation.queue.category'), i.category in CATEGORY_KEYS ? t(CATEGORY_KEYS[i.category as Category]) : <bdi dir="ltr">{i.category}</bdi>)}
        {row(t('federation.queue.type'), ENVELOPE_TYPE_KEYS[i.type] ? t(ENVELOPE_TYPE_KEYS[i.type]) : <bdi dir="ltr">{i.type}</bdi>)}
        {row(t('federation.queue.itemId'), <Ident className="code">{i.itemId}</Ident>)}
        {row(t('federation.queue.columns.tlp'), <TlpBadge level={i.tlp} />)}
        {row(t('federation.queue.clause'), i.clause ? <bdi dir="auto">{i.clause}</bdi> : t('ui.none'))}
        {row(t('federation.queue.columns.reason'), i.reason ? <Reason code={i.reason} /> : t('ui.none'))}
        {/* the sender's or the receiver's own words, kept as written (a technical note, in English) */}
        {row(t('federation.queue.detailText'), i.detail ? <bdi dir="ltr" className="small" data-testid="queue-item-detail">{i.detail}</bdi> : t('ui.none'))}
        {row(t('federation.queue.columns.attempts'), formatNumber(locale, i.attempts))}
        {row(t('federation.queue.nextAttempt'), <time dateTime={i.nextAttemptAt}>{formatDateTime(locale, i.nextAttemptAt)}</time>)}
        {row(t('federation.queue.columns.created'), <time dateTime={i.createdAt}>{formatDateTime(locale, i.createdAt)}</time>)}
        {row(t('federation.queue.updated'), <time dateTime={i.updatedAt}>{formatDateTime(locale, i.updatedAt)}</time>)}
        {row(t('federation.queue.queueId'), <Ident className="code small">{i.id}</Ident>)}
      </dl>
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {t('federation.queue.closeDetail')}
        </button>
      </div>
    </section>
  );
}
