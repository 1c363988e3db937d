import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases-client.ts';
import { GANG_KINDS, GANG_STATUSES, type GangSummary } from '../../api/cases-types.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, navigate, pathFor, type Route } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pager, usePager } from '../../ui/Pager.tsx';
import { type Column, Table } from '../../ui/Table.tsx';
import { TlpBadge } from '../../ui/TlpBadge.tsx';
import { GANG_KIND_KEYS, GANG_STATUS_KEYS } from '../cases/labels.ts';
import { RegionName } from '../cases/RegionSelect.tsx';
import { GangKindLabel, GangStatusBadge } from './GangBadges.tsx';
import { GangForm } from './GangForm.tsx';

const PAGE_SIZE = 25;
const oneOf = <T extends string>(list: readonly T[], s: string | null): T | undefined => (list as readonly string[]).includes(s ?? '') ? (s as T) : undefined;

/**
 * Gangs and networks the user may see, active or dismantled, by kind. An analyst records a new
 * one in a panel on this page (`?new=1`, with `caseId=` when it comes from a case page).
 */
export function GangsPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const mayWrite = can(me, 'case.write');
  const [creating, setCreating] = useState(route.query.get('new') === '1');
  const status = oneOf(GANG_STATUSES, route.query.get('status'));
  const kind = oneOf(GANG_KINDS, route.query.get('kind'));
  const pager = usePager(`${status ?? ''}|${kind ?? ''}`);
  const page = useLoad(() => casesApi.gangs({ status, kind, limit: PAGE_SIZE, cursor: pager.cursor }), [status, kind, pager.cursor]);
  const go = (next: Record<string, string | undefined>) => navigate(pathFor(['gangs'], { status, kind, ...next }));

  const columns: Column<GangSummary>[] = [
    {
      key: 'name',
      header: t('gangs.list.columns.name'),
      render: (g) => (
        <Link to={pathFor(['gangs', g.id])} data-testid="gang-link">
          <bdi dir="auto">{g.name}</bdi>
        </Link>
      ),
    },
    { key: 'kind', header: t('gangs.list.columns.kind'), render: (g) => <GangKindLabel kind={g.kind} /> },
    { key: 'region', header: t('gangs.list.columns.region'), render: (g) => <RegionName value={g.region} /> },
    {
      key: 'members',
      header: t('gangs.list.columns.members'),
      narrow: true,
      render: (g) => (g.memberCount == null ? t('ui.none') : formatNumber(locale, g.memberCount)),
    },
    {
      key: 'status',
      header: t('gangs.list.columns.status'),
      narrow: true,
      render: (g) => (
        <span className="badges">
          <GangStatusBadge status={g.status} />
          {g.dismantledOn && <time dateTime={g.dismantledOn}>{formatDate(locale, g.dismantledOn)}</time>}
        </span>
      ),
    },
    {
      key: 'owner',
      header: t('gangs.list.columns.owner'),
      narrow: true,
      render: (g) => (
        <span className="badges">
          <Badge>
            <bdi dir="ltr">{g.ownerAgencyCode}</bdi>
          </Badge>
          <TlpBadge level={g.tlp} />
        </span>
      ),
    },
  ];

  return (
    <section>
      <PageHeader title={t('gangs.list.title')}>
        {mayWrite && (
          <button type="button" className="button-primary" aria-expanded={creating} onClick={() => setCreating(!creating)} data-testid="new-gang">
            {t('gangs.form.new')}
          </button>
        )}
      </PageHeader>
      {mayWrite && creating && <GangForm caseId={route.query.get('caseId') ?? ''} onCancel={() => setCreating(false)} />}
      <div className="toolbar" data-testid="gang-filters">
        <Field label={t('gangs.list.columns.status')}>
          <select name="status" value={status ?? ''} onChange={(e) => go({ status: e.target.value || undefined })}>
            <option value="">{t('cases.list.all')}</option>
            {GANG_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(GANG_STATUS_KEYS[s])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('gangs.list.columns.kind')}>
          <select name="kind" value={kind ?? ''} onChange={(e) => go({ kind: e.target.value || undefined })}>
            <option value="">{t('cases.list.all')}</option>
            {GANG_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(GANG_KIND_KEYS[k])}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {page.error != null && <ErrorBox error={page.error} />}
      {page.loading && !page.data && <Loading />}
      {page.data && (
        <>
          <Table caption={t('gangs.list.title')} columns={columns} rows={page.data.items} rowKey={(g) => g.id} />
          <Pager page={pager.page} hasPrevious={pager.hasPrevious} nextCursor={page.data.nextCursor} onPrevious={pager.previous} onNext={pager.next} />
        </>
      )}
    </section>
  );
}
