import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/use-load.ts';
import { Link, navigate, pathFor, type Route } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Field } from '../../ui/Field.tsx';
import { Ident, identText } from '../../ui/Ident.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type Column, Table } from '../../ui/Table.tsx';
import { TlpBadge } from '../../ui/TlpBadge.tsx';
import { useSubmit } from '../../ui/use-submit.ts';
import { FederationError } from './errors.tsx';
import { PartnerFilter } from './PartnerFilter.tsx';
import { type Category, federationApi, QUEUE_STATUSES, type QueueItem, type QueueStatus, type QueueSummary, RETRYABLE } from './federation-api.ts';
import { CATEGORY_KEYS, ENVELOPE_TYPE_KEYS, STATUS_KEYS, STATUS_TONES } from './labels.ts';
import { formatLag } from './lag.ts';
import { QueueItemDetail } from './QueueItemDetail.tsx';
import { Reason } from './Reason.tsx';

const LIMIT = 200;
const isStatus = (s: string | null): s is QueueStatus => s !== null && (QUEUE_STATUSES as readonly string[]).includes(s);
const categoryLabel = (t: (k: string) => string, c: string) => (c in CATEGORY_KEYS ? t(CATEGORY_KEYS[c as Category]) : c);

/** The counts of the summary, each a link to the items it counts. */
const COUNTS: Array<{ key: string; status: QueueStatus; value: (s: QueueSummary) => number | undefined }> = [
  { key: 'federation.status.queued', status: 'queued', value: (s) => s.queued },
  { key: 'federation.status.in_flight', status: 'in_flight', value: (s) => s.inFlight },
  { key: 'federation.status.sent', status: 'sent', value: (s) => s.awaitingReceipt },
  { key: 'federation.status.delivered', status: 'delivered', value: (s) => s.delivered },
  { key: 'federation.status.rejected', status: 'rejected', value: (s) => s.rejected },
  { key: 'federation.status.dead', status: 'dead', value: (s) => s.dead },
  { key: 'federation.status.withheld', status: 'withheld', value: (s) => s.withheld },
];

/** What leaves for each partner: the counts per partner, then every item with its state and the receiver's reason. */
export function QueuePage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const manage = can(me, 'federation.manage');
  const partner = route.query.get('partner') || undefined;
  const statusParam = route.query.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const itemId = route.query.get('itemId') || undefined;
  const [itemDraft, setItemDraft] = useState(itemId ?? '');
  useEffect(() => setItemDraft(itemId ?? ''), [itemId]);
  const partners = useLoad(() => federationApi.partners(), []);
  const summary = useLoad(() => federationApi.queueSummary(), []);
  const items = useLoad(() => federationApi.queue({ partner, status, itemId, limit: LIMIT }), [partner, status, itemId]);
  const [selected, setSelected] = useState<string | null>(null);
  const [retried, setRetried] = useState<QueueItem | null>(null);
  const retry = useSubmit();
  const shown = items.data?.items.find((i) => i.id === selected);

  const go = (next: { partner?: string; status?: string; itemId?: string }) =>
    navigate(pathFor(['federation', 'queue'], { partner, status, itemId, ...next }));
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    go({ itemId: itemDraft.trim() || undefined });
  };
  const onRetry = (item: QueueItem) =>
    void retry.run(async () => {
      setRetried(await federationApi.retry(item.id));
      items.reload();
      summary.reload();
    });

  const summaryColumns: Column<QueueSummary>[] = [
    {
      key: 'partner',
      header: t('federation.queue.columns.partner'),
      render: (s) => (
        <span className="badges">
          <Ident className="code">{s.partner}</Ident>
          {s.suspended && <Badge tone="danger">{t('federation.partners.suspended')}</Badge>}
        </span>
      ),
    },
    ...COUNTS.map((c) => ({
      key: c.status,
      header: t(c.key),
      narrow: true,
      render: (s: QueueSummary) => {
        const n = c.value(s);
        if (n === undefined) return <span className="muted">{t('ui.none')}</span>;
        return (
          <Link to={pathFor(['federation', 'queue'], { partner: s.partner, status: c.status })} data-testid={`summary-${c.status}`}>
            {formatNumber(locale, n)}
          </Link>
        );
      },
    })),
    { key: 'lag', header: t('federation.queue.columns.lag'), narrow: true, render: (s) => (s.lagSeconds > 0 ? formatLag(locale, s.lagSeconds) : t('ui.none')) },
  ];

  const columns: Column<QueueItem>[] = [
    { key: 'created', header: t('federation.queue.columns.created'), narrow: true, render: (i) => <time dateTime={i.createdAt}>{formatDateTime(locale, i.createdAt)}</time> },
    { key: 'partner', header: t('federation.queue.columns.partner'), narrow: true, render: (i) => <Ident className="code">{i.partnerId}</Ident> },
    {
      key: 'item',
      header: t('federation.queue.columns.item'),
      className: 'federation-item',
      render: (i) => (
        <span className="value-stack">
          <span>
            {categoryLabel(t, i.category)} <span className="muted small">{ENVELOPE_TYPE_KEYS[i.type] ? t(ENVELOPE_TYPE_KEYS[i.type]) : i.type}</span>
          </span>
          <Ident className="code small">{i.itemId}</Ident>
        </span>
      ),
    },
    { key: 'tlp', header: t('federation.queue.columns.tlp'), narrow: true, render: (i) => <TlpBadge level={i.tlp} /> },
    {
      key: 'status',
      header: t('federation.queue.columns.status'),
      narrow: true,
      render: (i) => (
        <Badge tone={STATUS_TONES[i.status]} testId="queue-status">
          {t(STATUS_KEYS[i.status])}
        </Badge>
      ),
    },
    {
      key: 'reason',
      header: t('federation.queue.columns.reason'),
      render: (i) =>
        i.reason ? (
          <Reason code={i.reason} />
        ) : i.clause ? (
          <span className="small">
            {t('federation.queue.under')} <bdi dir="auto">{i.clause}</bdi>
          </span>
        ) : (
          <span className="muted">{t('ui.none')}</span>
        ),
    },
    { key: 'attempts', header: t('federation.queue.columns.attempts'), narrow: true, render: (i) => formatNumber(locale, i.attempts) },
    {
      key: 'actions',
      header: t('federation.queue.columns.actions'),
      render: (i) => (
        <span className="federation-actions">
          <button type="button" className="button-small" aria-pressed={selected === i.id} onClick={() => setSelected(selected === i.id ? null : i.id)} data-testid="queue-detail">
            {t('federation.queue.detail')}
          </button>
          {manage && RETRYABLE.has(i.status) && (
            <button type="button" className="button-small" disabled={retry.busy} onClick={() => onRetry(i)} data-testid="queue-retry">
              {t('federation.queue.retry')}
            </button>
          )}
        </span>
      ),
    },
  ];

  return (
    <section>
      <PageHeader title={t('federation.queue.title')} />
      <p className="lead">{t('federation.queue.intro')}</p>
      <div className="stack">
        <section className="panel" aria-labelledby="queue-summary-title">
          <h2 id="queue-summary-title">{t('federation.queue.summary')}</h2>
          {summary.error != null && <FederationError error={summary.error} />}
          {summary.loading && !summary.data && <Loading />}
          {summary.data && <Table caption={t('federation.queue.summary')} columns={summaryColumns} rows={summary.data.items} rowKey={(s) => s.partner} testId="queue-summary" />}
        </section>
        <form className="toolbar" role="search" onSubmit={onSearch}>
          <PartnerFilter name="partner" label={t('federation.queue.filterPartner')} value={partner} partners={partners.data?.items} onChange={(id) => go({ partner: id })} />
          <Field label={t('federation.queue.filterStatus')}>
            <select name="status" value={status ?? ''} onChange={(e) => go({ status: e.target.value || undefined })}>
              <option value="">{t('federation.queue.allStatuses')}</option>
              {QUEUE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(STATUS_KEYS[s])}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('federation.queue.filterItem')}>
            <input type="search" name="itemId" dir="ltr" value={itemDraft} onChange={(e) => setItemDraft(e.target.value)} />
          </Field>
          <button type="submit" className="button-primary">
            {t('federation.queue.submit')}
          </button>
        </form>
        {retry.error != null && <FederationError error={retry.error} testId="retry-error" />}
        {retried && (
          <p className="status-ok" role="status" data-testid="queue-retried">
            {t('federation.queue.retried', { partner: identText(retried.partnerId) })}
          </p>
        )}
        {items.error != null && <FederationError error={items.error} />}
        {items.loading && !items.data && <Loading />}
        {items.data && (
          <>
            <Table caption={t('federation.queue.items')} columns={columns} rows={items.data.items} rowKey={(i) => i.id} testId="queue-items" />
            {items.data.items.length === LIMIT && <p className="hint">{t('federation.queue.limited', { n: formatNumber(locale, LIMIT) })}</p>}
          </>
        )}
        {shown && <QueueItemDetail item={shown} onClose={() => setSelected(null)} />}
      </div>
    </section>
  );
}
