import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Agency } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { countryName } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pager, usePager } from '../../ui/Pager.tsx';
import { type Column, Table } from '../../ui/Table.tsx';
import { AGENCY_KIND_KEYS } from './labels.ts';

const PAGE_SIZE = 50;

export function AgenciesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const pager = usePager('agencies');
  const page = useLoad(() => api.agencies({ limit: PAGE_SIZE, cursor: pager.cursor }), [pager.cursor]);

  const columns: Column<Agency>[] = [
    {
      key: 'code',
      header: t('admin.agencies.columns.code'),
      narrow: true,
      render: (a) => (
        <bdi dir="ltr" className="code">
          {a.code}
        </bdi>
      ),
    },
    {
      key: 'country',
      header: t('admin.agencies.columns.country'),
      render: (a) => (
        <span>
          {countryName(locale, a.country)}{' '}
          <span className="muted small">
            (<bdi dir="ltr">{a.country}</bdi>)
          </span>
        </span>
      ),
    },
    { key: 'name', header: t('admin.agencies.columns.name'), render: (a) => <bdi dir="auto">{a.names[locale] || a.names.en || a.code}</bdi> },
    { key: 'kind', header: t('admin.agencies.columns.kind'), render: (a) => (AGENCY_KIND_KEYS[a.kind] ? t(AGENCY_KIND_KEYS[a.kind]) : a.kind) },
    {
      key: 'hub',
      header: t('admin.agencies.columns.hub'),
      narrow: true,
      render: (a) => (a.isHub ? <Badge tone="info">{t('admin.agencies.hub')}</Badge> : t('ui.none')),
    },
  ];

  return (
    <section>
      <PageHeader title={t('admin.agencies.title')} />
      {page.error != null && <ErrorBox error={page.error} />}
      {page.loading && !page.data && <Loading />}
      {page.data && (
        <>
          <Table caption={t('admin.agencies.title')} columns={columns} rows={page.data.items} rowKey={(a) => a.id} />
          <Pager page={pager.page} hasPrevious={pager.hasPrevious} nextCursor={page.data.nextCursor} onPrevious={pager.previous} onNext={pager.next} />
        </>
      )}
    </section>
  );
}
