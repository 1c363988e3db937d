import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  /** Numbers and codes: keep them compact. */
  narrow?: boolean;
  /** added to the column's header and cells (a width of the page's own) */
  className?: string;
}

const cellClass = (c: { narrow?: boolean; className?: string }) => [c.narrow ? 'narrow' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined;

export function Table<T>({
  caption,
  columns,
  rows,
  rowKey,
  className,
  testId,
}: {
  caption: ReactNode;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** added to the scrolling frame around the table, for a page's own layout of it */
  className?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={className ? `table-wrap ${className}` : 'table-wrap'} data-testid={testId}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={cellClass(c)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="empty">
                {t('ui.table.empty')}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.key} className={cellClass(c)}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
