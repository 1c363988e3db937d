import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/use-load.ts';
import { navigate, pathFor, type Route } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Field } from '../../ui/Field.tsx';
import { PagedTable } from '../../ui/PagedTable.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { usePager } from '../../ui/Pager.tsx';
import type { Column } from '../../ui/Table.tsx';
import { useCatalogue } from '../cases/catalogue.ts';
import { catalogueLabel } from '../cases/labels.ts';
import { RegionSelect } from '../cases/RegionSelect.tsx';
import { ComplaintForm } from './ComplaintForm.tsx';
import { caseColumn, regionColumn } from './columns.tsx';
import { FactsError } from './errors.tsx';
import { COMPLAINT_CHANNELS, type Complaint, factsApi } from './facts-api.ts';
import { oneOf, yearOf } from './filters.ts';
import { CHANNEL_KEYS, COMPLAINT_STATUS_KEYS, COMPLAINT_STATUS_TONES } from './labels.ts';
import { YearField } from './YearField.tsx';
import './facts.css';

const PAGE_SIZE = 25;
const CATEGORY = /^[a-z][a-z0-9_]{1,39}$/;

/** Online complaints received (e-Blagh, the web form, the phone), by channel, category, region and year. */
export function ComplaintsPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const catalogue = useCatalogue();
  const channel = oneOf(COMPLAINT_CHANNELS, route.query.get('channel'));
  const categoryParam = route.query.get('category') ?? '';
  const category = CATEGORY.test(categoryParam) ? categoryParam : undefined;
  const region = route.query.get('region') ?? '';
  const year = yearOf(route);

  const key = `${channel ?? ''}|${category ?? ''}|${region}|${year ?? ''}`;
  const pager = usePager(key);
  const page = useLoad(
    () => factsApi.complaints({ channel, category, region: region || undefined, year, limit: PAGE_SIZE, cursor: pager.cursor }),
    [key, pager.cursor],
  );
  const [done, setDone] = useState(false);
  const categories = catalogue.data?.categories ?? [];
  const categoryOf = (code: string) => catalogueLabel(locale, categories.find((c) => c.code === code), code);

  const go = (next: Record<string, string | undefined>) =>
    navigate(pathFor(['complaints'], { channel, category, region: region || undefined, year: year ? String(year) : undefined, ...next }));

  const columns: Column<Complaint>[] = [
    {
      key: 'received',
      header: t('facts.complaints.columns.receivedOn'),
      narrow: true,
      render: (c) => <time dateTime={c.receivedOn}>{formatDate(locale, c.receivedOn)}</time>,
    },
    { key: 'channel', header: t('facts.complaints.columns.channel'), narrow: true, render: (c) => t(CHANNEL_KEYS[c.channel]) },
    { key: 'category', header: t('facts.complaints.columns.category'), render: (c) => categoryOf(c.category) },
    regionColumn(t),
    {
      key: 'status',
      header: t('facts.complaints.columns.status'),
      narrow: true,
      render: (c) => (
        <Badge tone={COMPLAINT_STATUS_TONES[c.status]} testId="complaint-status">
          {t(COMPLAINT_STATUS_KEYS[c.status])}
        </Badge>
      ),
    },
    caseColumn(t),
  ];

  return (
    <section>
      <PageHeader title={t('facts.complaints.title')} />
      <p className="muted">{t('facts.complaints.intro')}</p>
      {catalogue.error != null && <FactsError error={catalogue.error} />}
      {can(me, 'case.write') && (
        <ComplaintForm
          categories={categories}
          onDone={() => {
            setDone(true);
            page.reload();
          }}
        />
      )}
      {done && (
        <p className="facts-done" role="status" data-testid="fact-done">
          {t('facts.complaints.recorded')}
        </p>
      )}
      <form className="toolbar" role="search" onSubmit={(e) => e.preventDefault()} data-testid="complaint-filters">
        <Field label={t('facts.complaints.columns.channel')}>
          <select name="channel" value={channel ?? ''} onChange={(e) => go({ channel: e.target.value || undefined })}>
            <option value="">{t('facts.list.all')}</option>
            {COMPLAINT_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(CHANNEL_KEYS[c])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('facts.complaints.columns.category')}>
          <select name="category" value={category ?? ''} onChange={(e) => go({ category: e.target.value || undefined })}>
            <option value="">{t('facts.list.all')}</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {catalogueLabel(locale, c, c.code)}
              </option>
            ))}
          </select>
        </Field>
        <YearField label={t('facts.complaints.year')} value={year} onChange={(y) => go({ year: y })} />
        <Field label={t('facts.columns.region')}>
          <RegionSelect name="region" value={region} onChange={(r) => go({ region: r || undefined })} empty={t('facts.list.all')} />
        </Field>
      </form>
      <PagedTable
        page={page}
        pager={pager}
        caption={t('facts.complaints.title')}
        columns={columns}
        rowKey={(c) => c.id}
        shown={(count, n) => t('facts.complaints.shown', { count, n })}
      />
    </section>
  );
}
