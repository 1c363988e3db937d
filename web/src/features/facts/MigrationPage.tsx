import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/use-load.ts';
import { navigate, pathFor, type Route } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { PagedTable } from '../../ui/PagedTable.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { usePager } from '../../ui/Pager.tsx';
import type { Column } from '../../ui/Table.tsx';
import { RegionSelect } from '../cases/RegionSelect.tsx';
import { factsApi, MIGRATION_KINDS, type MigrationEvent } from './facts-api.ts';
import { oneOf, yearOf } from './filters.ts';
import { caseColumn, regionColumn } from './columns.tsx';
import { MIGRATION_KIND_KEYS } from './labels.ts';
import { MigrationForm } from './MigrationForm.tsx';
import { YearField } from './YearField.tsx';
import './facts.css';

const PAGE_SIZE = 25;

/** Migration events — departures prevented, migrants rescued, irregular entries prevented — with their counts of persons. */
export function MigrationPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const kind = oneOf(MIGRATION_KINDS, route.query.get('kind'));
  const region = route.query.get('region') ?? '';
  const year = yearOf(route);

  const key = `${kind ?? ''}|${region}|${year ?? ''}`;
  const pager = usePager(key);
  const page = useLoad(
    () => factsApi.migrationEvents({ kind, region: region || undefined, year, limit: PAGE_SIZE, cursor: pager.cursor }),
    [key, pager.cursor],
  );
  const [done, setDone] = useState<MigrationEvent | null>(null);
  const persons = page.data?.items.reduce((sum, m) => sum + m.persons, 0) ?? 0;

  const go = (next: Record<string, string | undefined>) =>
    navigate(pathFor(['migration'], { kind, region: region || undefined, year: year ? String(year) : undefined, ...next }));

  const columns: Column<MigrationEvent>[] = [
    {
      key: 'occurred',
      header: t('facts.migration.columns.occurredOn'),
      narrow: true,
      render: (m) => <time dateTime={m.occurredOn}>{formatDate(locale, m.occurredOn)}</time>,
    },
    { key: 'kind', header: t('facts.migration.columns.kind'), render: (m) => <span data-kind={m.kind}>{t(MIGRATION_KIND_KEYS[m.kind])}</span> },
    regionColumn(t),
    {
      key: 'persons',
      header: t('facts.migration.columns.persons'),
      narrow: true,
      render: (m) => (
        <span className="facts-count" data-testid="persons" data-persons={m.persons}>
          {formatNumber(locale, m.persons)}
        </span>
      ),
    },
    caseColumn(t),
  ];

  return (
    <section>
      <PageHeader title={t('facts.migration.title')} />
      <p className="muted">{t('facts.migration.intro')}</p>
      {can(me, 'case.write') && (
        <MigrationForm
          onDone={(m) => {
            setDone(m);
            page.reload();
          }}
        />
      )}
      {done && (
        <p className="facts-done" role="status" data-testid="fact-done">
          {t('facts.migration.recorded', { n: formatNumber(locale, done.persons) })}
        </p>
      )}
      <form className="toolbar" role="search" onSubmit={(e) => e.preventDefault()} data-testid="migration-filters">
        <Field label={t('facts.migration.columns.kind')}>
          <select name="kind" value={kind ?? ''} onChange={(e) => go({ kind: e.target.value || undefined })}>
            <option value="">{t('facts.list.all')}</option>
            {MIGRATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(MIGRATION_KIND_KEYS[k])}
              </option>
            ))}
          </select>
        </Field>
        <YearField label={t('facts.migration.year')} value={year} onChange={(y) => go({ year: y })} />
        <Field label={t('facts.columns.region')}>
          <RegionSelect name="region" value={region} onChange={(r) => go({ region: r || undefined })} empty={t('facts.list.all')} />
        </Field>
      </form>
      {page.data && page.data.items.length > 0 && (
        <p className="facts-total" data-testid="persons-total" data-persons={persons}>
          {t('facts.migration.personsOnPage', { n: formatNumber(locale, persons) })}
        </p>
      )}
      <PagedTable
        page={page}
        pager={pager}
        caption={t('facts.migration.title')}
        columns={columns}
        rowKey={(m) => m.id}
        shown={(count, n) => t('facts.migration.shown', { count, n })}
      />
    </section>
  );
}
