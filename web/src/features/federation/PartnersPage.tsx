import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/use-load.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Ident } from '../../ui/Ident.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type Column, Table } from '../../ui/Table.tsx';
import { useSubmit } from '../../ui/use-submit.ts';
import { EnrolForm } from './EnrolForm.tsx';
import { FederationError } from './errors.tsx';
import { federationApi, type Partner } from './federation-api.ts';
import { partnerName, TRANSPORT_KEYS } from './labels.ts';
import { NodeIdentity } from './NodeIdentity.tsx';
import { PinKeyForm } from './PinKeyForm.tsx';

/** The partner nodes, their pinned keys and status; this node's identity; enrolment. */
export function PartnersPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const manage = can(me, 'federation.manage');
  const partners = useLoad(() => federationApi.partners(), []);
  const [pinning, setPinning] = useState<string | null>(null);
  const [pinned, setPinned] = useState<{ partner: string; kid: string } | null>(null);
  const action = useSubmit();

  const suspend = (p: Partner) =>
    void action.run(async () => {
      await federationApi.setSuspended(p.id, !p.suspended);
      partners.reload();
    });

  const columns: Column<Partner>[] = [
    {
      key: 'id',
      header: t('federation.partners.columns.id'),
      narrow: true,
      render: (p) => (
        <Ident className="code" testId="partner-id">
          {p.id}
        </Ident>
      ),
    },
    { key: 'name', header: t('federation.partners.columns.name'), render: (p) => <bdi dir="auto">{partnerName(p, locale)}</bdi> },
    { key: 'transport', header: t('federation.partners.columns.transport'), narrow: true, render: (p) => t(TRANSPORT_KEYS[p.transport]) },
    {
      key: 'baseUrl',
      header: t('federation.partners.columns.baseUrl'),
      render: (p) => (
        <bdi dir="ltr" className="code federation-url">
          {p.baseUrl}
        </bdi>
      ),
    },
    {
      key: 'agencies',
      header: t('federation.partners.columns.agencies'),
      render: (p) =>
        p.agencies.length ? (
          <span className="badges">
            {p.agencies.map((a) => (
              <Badge key={a}>
                <bdi dir="ltr">{a}</bdi>
              </Badge>
            ))}
          </span>
        ) : (
          <span className="muted">{t('ui.none')}</span>
        ),
    },
    {
      key: 'status',
      header: t('federation.partners.columns.status'),
      narrow: true,
      render: (p) =>
        p.suspended ? (
          <Badge tone="danger" testId="partner-suspended">
            {t('federation.partners.suspended')}
          </Badge>
        ) : (
          <Badge tone="ok" testId="partner-active">
            {t('federation.partners.active')}
          </Badge>
        ),
    },
    {
      key: 'keys',
      header: t('federation.partners.columns.keys'),
      render: (p) => (
        <ul className="plain-list federation-keys" data-testid="partner-keys">
          {p.keys.map((k) => (
            <li key={k.kid}>
              <Ident className="code small">{k.kid}</Ident>{' '}
              {k.retiresAt === null ? (
                <Badge tone="ok">{t('federation.keys.current')}</Badge>
              ) : (
                <Badge tone="warn">{t('federation.keys.retires', { date: formatDateTime(locale, k.retiresAt) })}</Badge>
              )}
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'actions',
      header: t('federation.partners.columns.actions'),
      narrow: true,
      render: (p) => (
        <span className="federation-actions">
          <Link to={pathFor(['federation', 'agreements'], { partner: p.id })}>{t('federation.partners.agreements')}</Link>
          <Link to={pathFor(['federation', 'queue'], { partner: p.id })}>{t('federation.partners.queue')}</Link>
          {manage && (
            <>
              <button type="button" className="button-small" disabled={action.busy} onClick={() => suspend(p)} data-testid={p.suspended ? 'resume-partner' : 'suspend-partner'}>
                {p.suspended ? t('federation.partners.resume') : t('federation.partners.suspend')}
              </button>
              <button type="button" className="button-small" onClick={() => setPinning(p.id)} data-testid="pin-key">
                {t('federation.partners.pinKey')}
              </button>
            </>
          )}
        </span>
      ),
    },
  ];

  return (
    <section>
      <PageHeader title={t('federation.partners.title')} />
      <p className="lead">{t('federation.partners.intro')}</p>
      <div className="stack">
        {partners.error != null && <FederationError error={partners.error} />}
        {action.error != null && <FederationError error={action.error} testId="partner-action-error" />}
        {partners.loading && !partners.data && <Loading />}
        {partners.data && <Table caption={t('federation.partners.title')} columns={columns} rows={partners.data.items} rowKey={(p) => p.id} testId="partners" />}
        {pinned && (
          <p className="status-ok" role="status" data-testid="key-pinned">
            {t('federation.pin.done')} <Ident className="code">{pinned.kid}</Ident>
          </p>
        )}
        {manage && pinning && (
          <PinKeyForm
            key={pinning}
            partnerId={pinning}
            onCancel={() => setPinning(null)}
            onPinned={(kid) => {
              setPinned({ partner: pinning, kid });
              setPinning(null);
              partners.reload();
            }}
          />
        )}
        <div className="record-grid">
          {manage && <EnrolForm onEnrolled={partners.reload} />}
          <NodeIdentity canManage={manage} />
        </div>
      </div>
    </section>
  );
}
