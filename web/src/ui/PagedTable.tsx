import type { Loaded } from '../api/use-load.ts';
import { formatNumber } from '../i18n/format.ts';
import { useLocale } from '../i18n/index.ts';
import { ErrorBox } from './ErrorBox.tsx';
import { Loading } from './Loading.tsx';
import { Pager, type usePager } from './Pager.tsx';
import { type Column, Table } from './Table.tsx';

/**
 * A list page's result: its error, a first-load spinner, "N shown", the table and the pager.
 * `shown` turns the count into the page's own message (plural forms per language).
 * @example <PagedTable page={page} pager={pager} caption={t('cases.list.title')} columns={columns} rowKey={(c) => c.id}
 *   shown={(count, n) => t('cases.list.shown', { count, n })} />
 */
export function PagedTable<T>({
  page,
  pager,
  caption,
  columns,
  rowKey,
  shown,
}: {
  page: Loaded<{ items: T[]; nextCursor: string | null }>;
  pager: ReturnType<typeof usePager>;
  caption: string;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  shown: (count: number, n: string) => string;
}) {
  const locale = useLocale();
  return (
    <>
      {page.error != null && <ErrorBox error={page.error} />}
      {page.loading && !page.data && <Loading />}
      {page.data && (
        <>
          <p className="muted" role="status">
            {shown(page.data.items.length, formatNumber(locale, page.data.items.length))}
          </p>
          <Table caption={caption} columns={columns} rows={page.data.items} rowKey={rowKey} />
          <Pager page={pager.page} hasPrevious={pager.hasPrevious} nextCursor={page.data.nextCursor} onPrevious={pager.previous} onNext={pager.next} />
        </>
      )}
    </>
  );
}
