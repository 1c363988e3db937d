import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases-client.ts';
import { CASE_STATUSES, type CaseStatus, type CaseSummary } from '../../api/cases-types.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, navigate, pathFor, type Route } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { formatDate, formatYear } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Field } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { usePager } from '../../ui/Pager.tsx';
import type { Column } from '../../ui/Table.tsx';
import { TlpBadge } from '../../ui/TlpBadge.tsx';
import { PagedTable } from '../../ui/PagedTable.tsx';
import { useCatalogue } from './catalogue.ts';
import { CASE_STATUS_KEYS, CASE_STATUS_TONES, catalogueLabel } from './labels.ts';
import { RegionPlace, RegionSelect } from './RegionSelect.tsx';

const PAGE_SIZE = 25;
const isStatus = (s: string | null): s is CaseStatus => s !== null && (CASE_STATUSES as readonly string[]).includes(s);
/** The years offered by the filter: this one and the nine before (the calibrated demo years among them). */
const recentYears = (now = new Date().getFullYear()) => Array.from({ length: 10 }, (_, i) => now - i);

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={CASE_STATUS_TONES[status] ?? 'neutral'} testId="case-status">
      {CASE_STATUS_KEYS[status] ? t(CASE_STATUS_KEYS[status]) : status}
    </Badge>
  );
}

/** Cases the user may see, filtered by category, status, region and year (of opening). */
export function CasesPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const catalogue = useCatalogue();
  const category = route.query.get('category') ?? undefined;
  const statusParam = route.query.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const region = route.query.get('region') ?? '';
  const yearParam = Number(route.query.get('year'));
  const year = Number.isInteger(yearParam) && yearParam > 1900 ? yearParam : undefined;

  const key = `${category ?? ''}|${status ?? ''}|${region}|${year ?? ''}`;
  const pager = usePager(key);
  const page = useLoad(
    () => casesApi.cases({ category, status, region: region || undefined, year, limit: PAGE_SIZE, cursor: pager.cursor }),
    [key, pager.cursor],
  );
  const categoryOf = (code: string) => catalogueLabel(locale, catalogue.data?.categories.find((c) => c.code === code), code);

  const go = (next: Record<string, string | undefined>) =>
    navigate(pathFor(['cases'], { category, status, region: region || undefined, year: year ? String(year) : undefined, ...next }));

  const columns: Column<CaseSummary>[] = [
    {
      key: 'reference',
      header: t('cases.list.columns.reference'),
      narrow: true,
      render: (c) => (
        <Link to={pathFor(['cases', c.id])} data-testid="case-link">
          <bdi dir="ltr">{c.reference}</bdi>
        </Link>
      ),
    },
    { key: 'title', header: t('cases.list.columns.title'), render: (c) => <bdi dir="auto">{c.title}</bdi> },
    { key: 'category', header: t('cases.list.columns.category'), render: (c) => categoryOf(c.category) },
    { key: 'region', header: t('cases.list.columns.region'), render: (c) => <RegionPlace region={c.region} more={[c.city]} /> },
    { key: 'opened', header: t('cases.list.columns.openedOn'), narrow: true, render: (c) => <time dateTime={c.openedOn}>{formatDate(locale, c.openedOn)}</time> },
    { key: 'status', header: t('cases.list.columns.status'), narrow: true, render: (c) => <CaseStatusBadge status={c.status} /> },
    {
      key: 'owner',
      header: t('cases.list.columns.owner'),
      narrow: true,
      render: (c) => (
        <span className="badges">
          <Badge>
            <bdi dir="ltr">{c.ownerAgencyCode}</bdi>
          </Badge>
          <TlpBadge level={c.tlp} />
        </span>
      ),
    },
  ];

  return (
    <section>
      <PageHeader title={t('cases.list.title')}>
        {can(me, 'case.write') && (
          <Link to="/cases/new" className="button-link button-primary" data-testid="new-case">
            {t('cases.list.new')}
          </Link>
        )}
      </PageHeader>
      <form className="toolbar" role="search" onSubmit={(e) => e.preventDefault()} data-testid="case-filters">
        <Field label={t('cases.field.category')}>
          <select name="category" value={category ?? ''} onChange={(e) => go({ category: e.target.value || undefined })}>
            <option value="">{t('cases.list.all')}</option>
            {catalogue.data?.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {catalogueLabel(locale, c, c.code)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('cases.field.status')}>
          <select name="status" value={status ?? ''} onChange={(e) => go({ status: e.target.value || undefined })}>
            <option value="">{t('cases.list.all')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(CASE_STATUS_KEYS[s])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('cases.list.year')}>
          <select name="year" value={year ?? ''} onChange={(e) => go({ year: e.target.value || undefined })}>
            <option value="">{t('cases.list.all')}</option>
            {recentYears().map((y) => (
              <option key={y} value={y}>
                {formatYear(locale, y)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('cases.field.region')}>
          <RegionSelect name="region" value={region} onChange={(r) => go({ region: r || undefined })} empty={t('cases.list.all')} />
        </Field>
      </form>
      <PagedTable
        page={page}
        pager={pager}
        caption={t('cases.list.title')}
        columns={columns}
        rowKey={(c) => c.id}
        shown={(count, n) => t('cases.list.shown', { count, n })}
      />
    </section>
  );
}
