import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one <h1>, also used as the window title. `isolate` for data (a name in another script). */
export function PageHeader({ title, isolate, children }: { title: string; isolate?: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="page-header">
      <h1>{isolate ? <bdi dir="auto">{title}</bdi> : title}</h1>
      {children && <div className="page-header-tools">{children}</div>}
    </div>
  );
}
