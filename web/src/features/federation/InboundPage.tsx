import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/use-load.ts';
import { navigate, pathFor, type Route } from '../../app/router.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Ident } from '../../ui/Ident.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type Column, Table } from '../../ui/Table.tsx';
import { FederationError } from './errors.tsx';
import { PartnerFilter } from './PartnerFilter.tsx';
import { federationApi, type InboundEntry } from './federation-api.ts';
import { ENVELOPE_TYPE_KEYS, INBOUND_STATUS_KEYS } from './labels.ts';
import { Reason } from './Reason.tsx';

const LIMIT = 200;

/** What partners sent: every envelope, accepted or refused with its reason, newest first. */
export function InboundPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sender = route.query.get('sender') || undefined;
  const partners = useLoad(() => federationApi.partners(), []);
  const log = useLoad(() => federationApi.inbound({ sender, limit: LIMIT }), [sender]);

  const columns: Column<InboundEntry>[] = [
    { key: 'at', header: t('federation.inbound.columns.at'), narrow: true, render: (e) => <time dateTime={e.receivedAt}>{formatDateTime(locale, e.receivedAt)}</time> },
    { key: 'sender', header: t('federation.inbound.columns.sender'), narrow: true, render: (e) => <Ident className="code">{e.sender}</Ident> },
    { key: 'envelope', header: t('federation.inbound.columns.envelope'), render: (e) => <Ident className="code small">{e.id}</Ident> },
    {
      key: 'type',
      header: t('federation.inbound.columns.type'),
      narrow: true,
      render: (e) => (e.type ? (ENVELOPE_TYPE_KEYS[e.type] ? t(ENVELOPE_TYPE_KEYS[e.type]) : <bdi dir="ltr">{e.type}</bdi>) : t('ui.none')),
    },
    {
      key: 'status',
      header: t('federation.inbound.columns.status'),
      narrow: true,
      render: (e) => (
        <Badge tone={e.status === 'accepted' ? 'ok' : e.status === 'rejected' ? 'danger' : 'neutral'} testId="inbound-status">
          {INBOUND_STATUS_KEYS[e.status] ? t(INBOUND_STATUS_KEYS[e.status]) : e.status}
        </Badge>
      ),
    },
    {
      key: 'reason',
      header: t('federation.inbound.columns.reason'),
      render: (e) =>
        e.reason ? (
          <span className="value-stack">
            <Reason code={e.reason} />
            {e.detail && (
              <bdi dir="ltr" className="small muted">
                {e.detail}
              </bdi>
            )}
          </span>
        ) : (
          <span className="muted">{t('ui.none')}</span>
        ),
    },
  ];

  return (
    <section>
      <PageHeader title={t('federation.inbound.title')} />
      <p className="lead">{t('federation.inbound.intro')}</p>
      <form className="toolbar" role="search" onSubmit={(e) => e.preventDefault()}>
        <PartnerFilter name="sender" label={t('federation.inbound.filterSender')} value={sender} partners={partners.data?.items} onChange={(id) => navigate(pathFor(['federation', 'inbound'], { sender: id }))} />
      </form>
      {log.error != null && <FederationError error={log.error} />}
      {log.loading && !log.data && <Loading />}
      {log.data && (
        <>
          <Table caption={t('federation.inbound.title')} columns={columns} rows={log.data.items} rowKey={(e) => `${e.sender}|${e.id}`} testId="inbound" />
          {log.data.items.length === LIMIT && <p className="hint">{t('federation.queue.limited', { n: formatNumber(locale, LIMIT) })}</p>}
        </>
      )}
    </section>
  );
}
