import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Ident } from './Ident.tsx';

/**
 * The page's one <h1>, also used as the window title. `isolate` for data (a name in another script),
 * `ident` for an identifier (a plate, a document number) shown left to right as written.
 */
export function PageHeader({ title, isolate, ident, children }: { title: string; isolate?: boolean; ident?: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="page-header">
      <h1>{ident ? <Ident>{title}</Ident> : isolate ? <bdi dir="auto">{title}</bdi> : title}</h1>
      {children && <div className="page-header-tools">{children}</div>}
    </div>
  );
}
