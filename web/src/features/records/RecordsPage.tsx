import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { RECORD_KINDS, type RecordKind, type RecordSummary } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, navigate, pathFor, type Route } from '../../app/router.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Field } from '../../ui/Field.tsx';
import { DisplayName } from '../../ui/Ident.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { usePager } from '../../ui/Pager.tsx';
import type { Column } from '../../ui/Table.tsx';
import { TlpBadge } from '../../ui/TlpBadge.tsx';
import { PagedTable } from '../../ui/PagedTable.tsx';
import { OriginNode } from '../federation/OriginNode.tsx';
import { KIND_KEYS } from './labels.ts';

const PAGE_SIZE = 25;
const isKind = (s: string | null): s is RecordKind => s !== null && (RECORD_KINDS as readonly string[]).includes(s);

export function RecordsPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const kindParam = route.query.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const q = route.query.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const pager = usePager(`${kind ?? ''}|${q}`);
  const page = useLoad(() => api.records({ kind, q: q || undefined, limit: PAGE_SIZE, cursor: pager.cursor }), [kind, q, pager.cursor]);

  const go = (next: { kind?: string; q?: string }) => navigate(pathFor(['records'], { kind, q: q || undefined, ...next }));
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    go({ q: draft.trim() || undefined });
  };

  const columns: Column<RecordSummary>[] = [
    {
      key: 'name',
      header: t('records.list.columns.name'),
      render: (r) => (
        <Link to={pathFor(['records', r.id])} className="record-link">
          <DisplayName kind={r.kind}>{r.displayName}</DisplayName>
        </Link>
      ),
    },
    { key: 'kind', header: t('records.list.columns.kind'), render: (r) => t(KIND_KEYS[r.kind] ?? r.kind) },
    {
      key: 'owner',
      header: t('records.list.columns.owner'),
      narrow: true,
      render: (r) => (
        <span className="badges">
          <Badge>
            <bdi dir="ltr">{r.ownerAgencyCode}</bdi>
          </Badge>
          <OriginNode item={r} />
        </span>
      ),
    },
    { key: 'handling', header: t('records.list.columns.handling'), narrow: true, render: (r) => <TlpBadge level={r.tlp} /> },
    {
      key: 'review',
      header: t('records.list.columns.review'),
      narrow: true,
      render: (r) => (
        <span className="review">
          <time dateTime={r.reviewDate}>{formatDate(locale, r.reviewDate)}</time>
          {r.expired && <Badge tone="danger">{t('handling.expired')}</Badge>}
        </span>
      ),
    },
  ];

  return (
    <section>
      <PageHeader title={t('records.list.title')} />
      <form className="toolbar" role="search" onSubmit={onSearch}>
        <Field label={t('records.list.filterKind')}>
          <select value={kind ?? ''} onChange={(e) => go({ kind: e.target.value || undefined })} name="kind">
            <option value="">{t('records.kind.all')}</option>
            {RECORD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(KIND_KEYS[k])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('records.list.search')} hint={t('records.list.searchHint')}>
          <input type="search" name="q" dir="auto" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </Field>
        <button type="submit" className="button-primary">
          {t('records.list.submit')}
        </button>
      </form>
      <PagedTable
        page={page}
        pager={pager}
        caption={t('records.list.title')}
        columns={columns}
        rowKey={(r) => r.id}
        shown={(count, n) => t('records.list.shown', { count, n })}
      />
    </section>
  );
}
