import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { isIdentKind } from '../../ui/Ident.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TlpBadge } from '../../ui/TlpBadge.tsx';
import { OriginNode } from '../federation/OriginNode.tsx';
import { RecordWhoReceives } from '../federation/RecordWhoReceives.tsx';
import { KIND_KEYS } from './labels.ts';
import { LinksPanel } from './LinksPanel.tsx';
import { ProvenancePanel } from './ProvenancePanel.tsx';
import { RecordFields } from './RecordFields.tsx';

export function RecordPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const record = useLoad(() => api.record(id), [id]);
  const r = record.data?.id === id ? record.data : undefined;

  return (
    <section className="record-page">
      <p className="breadcrumb">
        <Link to="/records">{t('records.detail.back')}</Link>
      </p>
      {record.error != null && (
        <>
          <PageHeader title={t('records.detail.title')} />
          <ErrorBox error={record.error} />
        </>
      )}
      {record.loading && !r && <Loading />}
      {r && (
        <>
          <PageHeader title={r.displayName} isolate ident={isIdentKind(r.kind)}>
            <Badge>{t(KIND_KEYS[r.kind] ?? r.kind)}</Badge>
            <TlpBadge level={r.provenance.handling.tlp} />
            <OriginNode item={r.provenance} />
            {can(me, 'audit.read') && (
              <Link to={pathFor(['audit'], { subjectId: r.id })} className="button-link" data-testid="who-accessed">
                {t('records.detail.whoAccessed')}
              </Link>
            )}
          </PageHeader>
          <p className="muted small">
            {t('records.detail.id')} <bdi dir="ltr" className="code">{r.id}</bdi>
          </p>
          <div className="record-grid">
            <section className="panel" aria-labelledby="data-title">
              <h2 id="data-title">{t('records.detail.data')}</h2>
              <RecordFields record={r} />
            </section>
            <div className="stack">
              <ProvenancePanel p={r.provenance} />
              <RecordWhoReceives record={r} />
              <LinksPanel recordId={r.id} />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
