import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { AuditEntry } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, navigate, pathFor, type Route } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ShortId } from '../../ui/ShortId.tsx';
import { Pager, usePager } from '../../ui/Pager.tsx';
import { type Column, Table } from '../../ui/Table.tsx';
import { AuditTarget } from './AuditTarget.tsx';
import { VerifyChain } from './VerifyChain.tsx';

const PAGE_SIZE = 50;
const FILTERS = ['subjectId', 'actorUserId', 'action'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

const Code = ({ children }: { children: string }) => (
  <bdi dir="ltr" className="code">
    {children}
  </bdi>
);

/** The data-protection officer's question, "who saw or changed data about this person", in one query. */
export function AuditPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const me = useMe();
  const locale = useLocale();
  const applied: Filters = {
    subjectId: route.query.get('subjectId') ?? '',
    actorUserId: route.query.get('actorUserId') ?? '',
    action: route.query.get('action') ?? '',
  };
  const [draft, setDraft] = useState<Filters>(applied);
  const appliedKey = FILTERS.map((f) => applied[f]).join('|');
  useEffect(() => setDraft(applied), [appliedKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const pager = usePager(appliedKey);
  const page = useLoad(
    () =>
      api.audit({
        subjectId: applied.subjectId || undefined,
        actorUserId: applied.actorUserId || undefined,
        action: applied.action || undefined,
        limit: PAGE_SIZE,
        cursor: pager.cursor,
      }),
    [appliedKey, pager.cursor],
  );
  // Agency codes read better than ids; the list is small and public to every user.
  const agencies = useLoad(() => api.agencies({ limit: 200 }), []);
  const agencyCode = (id: string | null) => (id && agencies.data?.items.find((a) => a.id === id)?.code) || id;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    navigate(pathFor(['audit'], { subjectId: draft.subjectId.trim(), actorUserId: draft.actorUserId.trim(), action: draft.action.trim() }));
  };
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  const columns: Column<AuditEntry>[] = [
    { key: 'seq', header: t('audit.columns.seq'), narrow: true, render: (e) => formatNumber(locale, e.seq) },
    {
      key: 'at',
      header: t('audit.columns.at'),
      narrow: true,
      render: (e) => <time dateTime={e.at}>{formatDateTime(locale, e.at)}</time>,
    },
    {
      key: 'actor',
      header: t('audit.columns.actor'),
      narrow: true,
      render: (e) =>
        e.actorUserId ? (
          <Link to={pathFor(['audit'], { ...applied, actorUserId: e.actorUserId })} title={t('audit.filterByActor')}>
            {e.actorUsername ? <Code>{e.actorUsername}</Code> : <ShortId id={e.actorUserId} />}
          </Link>
        ) : (
          t('audit.system')
        ),
    },
    {
      key: 'agency',
      header: t('audit.columns.agency'),
      narrow: true,
      render: (e) => (e.actorAgencyId ? <Code>{e.actorAgencyCode ?? agencyCode(e.actorAgencyId) ?? ''}</Code> : t('ui.none')),
    },
    {
      key: 'action',
      header: t('audit.columns.action'),
      render: (e) => (
        <Badge>
          <Code>{e.action}</Code>
        </Badge>
      ),
    },
    { key: 'target', header: t('audit.columns.target'), render: (e) => <AuditTarget entry={e} /> },
    { key: 'purpose', header: t('audit.columns.purpose'), render: (e) => (e.purpose ? <bdi dir="auto">{e.purpose}</bdi> : t('ui.none')) },
  ];

  return (
    <section>
      <PageHeader title={t('audit.title')} />
      <p className="lead">{t('audit.intro')}</p>
      {can(me, 'audit.verify') && <VerifyChain />}
      <form className="toolbar" role="search" onSubmit={onSubmit}>
        <Field label={t('audit.filters.subjectId')}>
          <input name="subjectId" dir="ltr" value={draft.subjectId} onChange={set('subjectId')} spellCheck={false} />
        </Field>
        <Field label={t('audit.filters.actorUserId')}>
          <input name="actorUserId" dir="ltr" value={draft.actorUserId} onChange={set('actorUserId')} spellCheck={false} />
        </Field>
        <Field label={t('audit.filters.action')} hint={t('audit.filters.actionHint')}>
          <input name="action" dir="ltr" value={draft.action} onChange={set('action')} spellCheck={false} />
        </Field>
        <button type="submit" className="button-primary">
          {t('audit.filters.submit')}
        </button>
      </form>
      {page.error != null && <ErrorBox error={page.error} />}
      {page.loading && !page.data && <Loading />}
      {page.data && (
        <>
          <p className="muted" role="status">
            {t('audit.shown', { count: page.data.items.length, n: formatNumber(locale, page.data.items.length) })}
          </p>
          <Table caption={t('audit.title')} columns={columns} rows={page.data.items} rowKey={(e) => String(e.seq)} />
          <Pager page={pager.page} hasPrevious={pager.hasPrevious} nextCursor={page.data.nextCursor} onPrevious={pager.previous} onNext={pager.next} />
        </>
      )}
    </section>
  );
}
