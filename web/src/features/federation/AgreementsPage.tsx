import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/use-load.ts';
import { navigate, pathFor, type Route } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Ident } from '../../ui/Ident.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type Column, Table } from '../../ui/Table.tsx';
import { TlpBadge } from '../../ui/TlpBadge.tsx';
import { useSubmit } from '../../ui/use-submit.ts';
import { AgreementForm } from './AgreementForm.tsx';
import { FederationError } from './errors.tsx';
import { PartnerFilter } from './PartnerFilter.tsx';
import { type Agreement, federationApi } from './federation-api.ts';
import { CATEGORY_KEYS, DIRECTION_KEYS } from './labels.ts';

/** In force today (UTC, as the server decides), suspended, not yet or no longer. */
function standing(a: Agreement, today: string): { key: string; tone: 'ok' | 'warn' | 'danger' } {
  if (a.suspended) return { key: 'federation.agreements.state.suspended', tone: 'danger' };
  if (today < a.validFrom) return { key: 'federation.agreements.state.notYet', tone: 'warn' };
  if (a.validTo !== null && a.validTo < today) return { key: 'federation.agreements.state.expired', tone: 'warn' };
  return { key: 'federation.agreements.state.inForce', tone: 'ok' };
}

/** The sharing agreements, per partner and direction: what each covers, up to which handling code, on what basis. */
export function AgreementsPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const manage = can(me, 'federation.manage');
  const partner = route.query.get('partner') || undefined;
  const partners = useLoad(() => federationApi.partners(), []);
  const agreements = useLoad(() => federationApi.agreements(partner), [partner]);
  const [editing, setEditing] = useState<Agreement | null>(null);
  const [saved, setSaved] = useState<Agreement | null>(null);
  // a fresh create form after each save
  const [round, setRound] = useState(0);
  const action = useSubmit();
  const today = new Date().toISOString().slice(0, 10);

  const setSuspended = (a: Agreement, suspended: boolean) =>
    void action.run(async () => {
      const { id: _id, suspended: _s, ...rest } = a;
      setSaved(await federationApi.updateAgreement(a.id, { ...rest, suspended }));
      agreements.reload();
    });

  const columns: Column<Agreement>[] = [
    {
      key: 'partner',
      header: t('federation.agreements.columns.partner'),
      narrow: true,
      render: (a) => <Ident className="code">{a.partner}</Ident>,
    },
    { key: 'direction', header: t('federation.agreements.columns.direction'), narrow: true, render: (a) => t(DIRECTION_KEYS[a.direction]) },
    {
      key: 'categories',
      header: t('federation.agreements.columns.categories'),
      render: (a) => (
        <span className="badges">
          {a.categories.map((c) => (
            <Badge key={c}>{t(CATEGORY_KEYS[c])}</Badge>
          ))}
        </span>
      ),
    },
    { key: 'maxTlp', header: t('federation.agreements.columns.maxTlp'), narrow: true, render: (a) => <TlpBadge level={a.maxTlp} /> },
    {
      key: 'forward',
      header: t('federation.agreements.columns.mayForward'),
      narrow: true,
      render: (a) => (a.mayForward ? t('federation.yes') : t('federation.no')),
    },
    {
      key: 'validity',
      header: t('federation.agreements.columns.validity'),
      narrow: true,
      render: (a) =>
        a.validTo
          ? t('federation.agreements.validBetween', { from: formatDate(locale, a.validFrom), to: formatDate(locale, a.validTo) })
          : t('federation.agreements.validSince', { from: formatDate(locale, a.validFrom) }),
    },
    {
      key: 'basis',
      header: t('federation.agreements.columns.basis'),
      render: (a) => (
        <span className="value-stack">
          <strong>
            <bdi dir="auto" data-testid="agreement-clause">
              {a.clause}
            </bdi>
          </strong>
          <span className="small muted">
            <bdi dir="auto">{a.legalBasis}</bdi>
          </span>
        </span>
      ),
    },
    {
      key: 'state',
      header: t('federation.agreements.columns.state'),
      narrow: true,
      render: (a) => {
        const s = standing(a, today);
        return (
          <Badge tone={s.tone} testId="agreement-state">
            {t(s.key)}
          </Badge>
        );
      },
    },
    ...(manage
      ? [
          {
            key: 'actions',
            header: t('federation.agreements.columns.actions'),
            narrow: true,
            render: (a: Agreement) => (
              <span className="federation-actions">
                <button type="button" className="button-small" onClick={() => setEditing(a)} data-testid="edit-agreement">
                  {t('federation.agreements.edit')}
                </button>
                <button type="button" className="button-small" disabled={action.busy} onClick={() => setSuspended(a, !a.suspended)} data-testid={a.suspended ? 'resume-agreement' : 'suspend-agreement'}>
                  {a.suspended ? t('federation.agreements.resume') : t('federation.agreements.suspend')}
                </button>
              </span>
            ),
          },
        ]
      : []),
  ];

  const onSaved = (a: Agreement) => {
    setSaved(a);
    setEditing(null);
    setRound((n) => n + 1);
    agreements.reload();
  };

  // the form to change an agreement is below the list: bring it into view
  useEffect(() => {
    if (editing) document.querySelector('[data-testid="agreement-form"]')?.scrollIntoView?.({ block: 'start' });
  }, [editing]);

  return (
    <section>
      <PageHeader title={t('federation.agreements.title')} />
      <p className="lead">{t('federation.agreements.intro')}</p>
      <form className="toolbar" role="search" onSubmit={(e) => e.preventDefault()}>
        <PartnerFilter name="partnerFilter" label={t('federation.agreements.filterPartner')} value={partner} partners={partners.data?.items} onChange={(id) => navigate(pathFor(['federation', 'agreements'], { partner: id }))} />
      </form>
      <div className="stack">
        {agreements.error != null && <FederationError error={agreements.error} />}
        {action.error != null && <FederationError error={action.error} />}
        {saved && (
          <p className="status-ok" role="status" data-testid="agreement-saved">
            {t('federation.agreements.saved')} <bdi dir="auto">{saved.clause}</bdi>
          </p>
        )}
        {agreements.loading && !agreements.data && <Loading />}
        {agreements.data && <Table caption={t('federation.agreements.title')} columns={columns} rows={agreements.data.items} rowKey={(a) => a.id} testId="agreements" />}
        {manage && partners.data && partners.data.items.length === 0 && <p className="notice">{t('federation.agreements.noPartners')}</p>}
        {manage && partners.data && partners.data.items.length > 0 && (
          <AgreementForm
            key={editing?.id ?? `new-${partner ?? ''}-${round}`}
            agreement={editing ?? undefined}
            partners={partners.data.items}
            defaultPartner={partner}
            onSaved={onSaved}
            onCancel={editing ? () => setEditing(null) : undefined}
          />
        )}
      </div>
    </section>
  );
}
