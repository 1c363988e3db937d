import { useTranslation } from 'react-i18next';
import type { Provenance } from '../../api/types.ts';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { TlpBadge } from '../../ui/TlpBadge.tsx';

const Code = ({ children }: { children: string }) => (
  <bdi dir="ltr" className="code">
    {children}
  </bdi>
);

/** Who owns the record, how it may be handled, on what basis and until when (PRODUCT.md: provenance). */
export function ProvenancePanel({ p }: { p: Provenance }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="panel provenance" aria-labelledby="provenance-title" data-testid="provenance">
      <h2 id="provenance-title">{t('records.provenance.title')}</h2>
      <div className="badges" data-testid="provenance-badges">
        <Badge tone="info" title={t('records.provenance.owner')}>
          <Code>{p.ownerAgencyCode}</Code>
        </Badge>
        <TlpBadge level={p.handling.tlp} />
        <Badge title={t('records.provenance.pap')}>
          <Code>{p.handling.codes.pap}</Code>
        </Badge>
        <Badge title={t('records.provenance.europol')}>
          <Code>{p.handling.codes.europol}</Code>
        </Badge>
        {p.expired && <Badge tone="danger">{t('handling.expired')}</Badge>}
      </div>
      <dl className="dl">
        <div className="dl-row">
          <dt>{t('records.provenance.owner')}</dt>
          <dd>
            <Code>{p.ownerAgencyCode}</Code>
          </dd>
        </div>
        <div className="dl-row">
          <dt>{t('records.provenance.handling')}</dt>
          <dd>
            <ul className="inline-list">
              <li>
                <Code>{p.handling.codes.tlp}</Code>
              </li>
              <li>
                <Code>{p.handling.codes.pap}</Code>
              </li>
              <li>
                <Code>{p.handling.codes.europol}</Code>
              </li>
            </ul>
          </dd>
        </div>
        <div className="dl-row">
          <dt>{t('records.provenance.restrictedTo')}</dt>
          <dd>
            {p.handling.restrictedTo.length
              ? t('records.provenance.restrictedCount', {
                  count: p.handling.restrictedTo.length,
                  n: formatNumber(locale, p.handling.restrictedTo.length),
                })
              : t('records.provenance.unrestricted')}
          </dd>
        </div>
        <div className="dl-row">
          <dt>{t('records.provenance.legalBasis')}</dt>
          <dd>
            <div>
              <Badge>
                <Code>{p.legalBasisCode}</Code>
              </Badge>
            </div>
            {/* inline, so that text in another script keeps the page's alignment */}
            <div className="legal-basis">
              <bdi dir="auto">{p.legalBasis}</bdi>
            </div>
          </dd>
        </div>
        <div className="dl-row">
          <dt>{t('records.provenance.reviewDate')}</dt>
          <dd>
            <time dateTime={p.reviewDate}>{formatDate(locale, p.reviewDate)}</time>{' '}
            {p.expired && <Badge tone="danger">{t('handling.expired')}</Badge>}
          </dd>
        </div>
        {p.source && (
          <div className="dl-row">
            <dt>{t('records.provenance.source')}</dt>
            <dd>
              <bdi dir="auto">{p.source}</bdi>
              {p.externalId && (
                <>
                  {' '}
                  (<Code>{p.externalId}</Code>)
                </>
              )}
            </dd>
          </div>
        )}
        <div className="dl-row">
          <dt>{t('records.provenance.created')}</dt>
          <dd className="value-stack">
            <time dateTime={p.createdAt}>{formatDateTime(locale, p.createdAt)}</time>
            <span>
              {t('records.provenance.by')} <Code>{p.createdByName ?? p.createdBy}</Code>
            </span>
          </dd>
        </div>
        <div className="dl-row">
          <dt>{t('records.provenance.updated')}</dt>
          <dd className="value-stack">
            <time dateTime={p.updatedAt}>{formatDateTime(locale, p.updatedAt)}</time>
            <span>
              {t('records.provenance.by')} <Code>{p.updatedByName ?? p.updatedBy}</Code>
            </span>
          </dd>
        </div>
        <div className="dl-row">
          <dt>{t('records.provenance.version')}</dt>
          <dd>{formatNumber(locale, p.version)}</dd>
        </div>
      </dl>
    </section>
  );
}
