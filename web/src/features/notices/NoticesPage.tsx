import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { NoticeState, NoticeSummary, NoticeType } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, navigate, pathFor, type Route } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Field } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { usePager } from '../../ui/Pager.tsx';
import type { Column } from '../../ui/Table.tsx';
import { TlpBadge } from '../../ui/TlpBadge.tsx';
import { PagedTable } from '../../ui/PagedTable.tsx';
import { OriginNode } from '../federation/OriginNode.tsx';
import { NOTICE_STATES, NOTICE_TYPES } from '../../../../src/notices/notice.ts';
import { STATE_KEYS, TYPE_KEYS } from './labels.ts';
import { StateBadge, TypeBadge, UrgencyBadge } from './NoticeBadges.tsx';

const PAGE_SIZE = 25;
const isType = (s: string | null): s is NoticeType => s !== null && (NOTICE_TYPES as readonly string[]).includes(s);
const isState = (s: string | null): s is NoticeState => s !== null && (NOTICE_STATES as readonly string[]).includes(s);

/** Notices and diffusions this user may see, newest first, filtered by type, state, owner and text. */
export function NoticesPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const type = isType(route.query.get('type')) ? (route.query.get('type') as NoticeType) : undefined;
  const state = isState(route.query.get('state')) ? (route.query.get('state') as NoticeState) : undefined;
  const mine = route.query.get('mine') === '1';
  const q = route.query.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const pager = usePager(`${type ?? ''}|${state ?? ''}|${mine}|${q}`);
  const page = useLoad(
    () => api.notices({ type, state, mine, q: q || undefined, limit: PAGE_SIZE, cursor: pager.cursor }),
    [type, state, mine, q, pager.cursor],
  );

  const go = (next: { type?: string; state?: string; mine?: string; q?: string }) =>
    navigate(pathFor(['notices'], { type, state, mine: mine ? '1' : undefined, q: q || undefined, ...next }));
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    go({ q: draft.trim() || undefined });
  };

  const columns: Column<NoticeSummary>[] = [
    {
      key: 'reference',
      header: t('notices.list.columns.reference'),
      narrow: true,
      render: (n) => (
        <Link to={pathFor(['notices', n.id])} className="notice-link">
          <bdi dir="ltr" className="code">
            {n.reference}
          </bdi>
        </Link>
      ),
    },
    { key: 'type', header: t('notices.list.columns.type'), narrow: true, render: (n) => <TypeBadge type={n.type} /> },
    { key: 'subject', header: t('notices.list.columns.subject'), render: (n) => (n.subjectName ? <bdi dir="auto">{n.subjectName}</bdi> : <span className="muted">{t('ui.none')}</span>) },
    {
      key: 'state',
      header: t('notices.list.columns.state'),
      narrow: true,
      render: (n) => (
        <span className="badges">
          <StateBadge state={n.state} />
          {n.urgency === 'urgent' && <UrgencyBadge urgency={n.urgency} />}
          {n.openHits > 0 && (
            <Badge tone="danger" testId="open-hits">
              {t('notices.list.openHits', { count: n.openHits, n: formatNumber(locale, n.openHits) })}
            </Badge>
          )}
        </span>
      ),
    },
    {
      key: 'owner',
      header: t('notices.list.columns.owner'),
      narrow: true,
      render: (n) => (
        <span className="badges">
          <Badge>
            <bdi dir="ltr">{n.ownerAgencyCode}</bdi>
          </Badge>
          <TlpBadge level={n.tlp} />
          <OriginNode item={n} />
        </span>
      ),
    },
    {
      key: 'updated',
      header: t('notices.list.columns.updated'),
      narrow: true,
      render: (n) => <time dateTime={n.updatedAt}>{formatDateTime(locale, n.updatedAt)}</time>,
    },
  ];

  return (
    <section>
      <PageHeader title={t('notices.list.title')}>
        {can(me, 'notice.write') && (
          <Link to="/notices/new" className="button-link button-primary" data-testid="new-notice">
            {t('notices.list.new')}
          </Link>
        )}
      </PageHeader>
      <form className="toolbar" role="search" onSubmit={onSearch}>
        <Field label={t('notices.list.filterType')}>
          <select name="type" value={type ?? ''} onChange={(e) => go({ type: e.target.value || undefined })}>
            <option value="">{t('notices.list.allTypes')}</option>
            {NOTICE_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(TYPE_KEYS[k])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('notices.list.filterState')}>
          <select name="state" value={state ?? ''} onChange={(e) => go({ state: e.target.value || undefined })}>
            <option value="">{t('notices.list.allStates')}</option>
            {NOTICE_STATES.map((k) => (
              <option key={k} value={k}>
                {t(STATE_KEYS[k])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('notices.list.filterOwner')}>
          <select name="mine" value={mine ? '1' : ''} onChange={(e) => go({ mine: e.target.value || undefined })}>
            <option value="">{t('notices.list.all')}</option>
            <option value="1">{t('notices.list.mine')}</option>
          </select>
        </Field>
        <Field label={t('notices.list.search')} hint={t('notices.list.searchHint')}>
          <input type="search" name="q" dir="auto" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </Field>
        <button type="submit" className="button-primary">
          {t('notices.list.submit')}
        </button>
      </form>
      <PagedTable
        page={page}
        pager={pager}
        caption={t('notices.list.title')}
        columns={columns}
        rowKey={(n) => n.id}
        shown={(count, n) => t('notices.list.shown', { count, n })}
      />
    </section>
  );
}
