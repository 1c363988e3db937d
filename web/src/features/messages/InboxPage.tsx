import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { MessageThread } from '../../api/types.ts';
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
import { Pager, usePager } from '../../ui/Pager.tsx';
import { type Column, Table } from '../../ui/Table.tsx';
import { TlpBadge } from '../../ui/TlpBadge.tsx';
import { OriginNode } from '../federation/OriginNode.tsx';
import { UrgencyBadge } from '../notices/NoticeBadges.tsx';

/** Unread first, then urgent, then the most recent. */
export function inboxOrder(a: MessageThread, b: MessageThread): number {
  return (
    Number(b.unread > 0) - Number(a.unread > 0) ||
    Number(b.urgency === 'urgent') - Number(a.urgency === 'urgent') ||
    b.lastMessageAt.localeCompare(a.lastMessageAt)
  );
}

export function InboxPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const me = useMe();
  const q = route.query.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    navigate(pathFor(['messages'], { q: draft.trim() || undefined }));
  };
  return (
    <section>
      <PageHeader title={t('messages.inbox.title')}>
        {can(me, 'message.send') && (
          <Link to="/messages/new" className="button-link button-primary" data-testid="new-thread">
            {t('messages.inbox.new')}
          </Link>
        )}
      </PageHeader>
      <form className="toolbar" role="search" onSubmit={onSearch}>
        <Field label={t('messages.inbox.search')} hint={t('messages.inbox.searchHint')}>
          <input type="search" name="q" dir="auto" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </Field>
        <button type="submit" className="button-primary">
          {t('messages.inbox.searchSubmit')}
        </button>
      </form>
      {q ? <SearchResults q={q} /> : <Threads />}
    </section>
  );
}

function Threads() {
  const { t } = useTranslation();
  const locale = useLocale();
  const pager = usePager('threads');
  const page = useLoad(() => api.threads({ limit: 50, cursor: pager.cursor }), [pager.cursor]);
  const columns: Column<MessageThread>[] = [
    {
      key: 'subject',
      header: t('messages.inbox.columns.subject'),
      render: (th) => (
        <>
          <Link to={pathFor(['messages', th.id])} className={th.unread > 0 ? 'thread-unread' : undefined} data-testid="thread-link">
            <bdi dir="auto">{th.subject}</bdi>
          </Link>{' '}
          <OriginNode item={th} />
        </>
      ),
    },
    {
      key: 'unread',
      header: t('messages.inbox.columns.unread'),
      narrow: true,
      render: (th) =>
        th.unread > 0 ? (
          <Badge tone="info" testId="unread">
            {t('messages.inbox.unread', { count: th.unread, n: formatNumber(locale, th.unread) })}
          </Badge>
        ) : (
          <span className="muted">{t('ui.none')}</span>
        ),
    },
    { key: 'urgency', header: t('messages.inbox.columns.urgency'), narrow: true, render: (th) => <UrgencyBadge urgency={th.urgency} /> },
    {
      key: 'participants',
      header: t('messages.inbox.columns.participants'),
      render: (th) => <bdi dir="ltr">{th.participants.join(t('notices.wizard.listSeparator'))}</bdi>,
    },
    {
      key: 'about',
      header: t('messages.inbox.columns.about'),
      narrow: true,
      render: (th) =>
        th.noticeId ? (
          <Link to={pathFor(['notices', th.noticeId])}>{t('messages.inbox.notice')}</Link>
        ) : th.caseRef ? (
          <bdi dir="ltr" className="code">
            {th.caseRef}
          </bdi>
        ) : (
          <span className="muted">{t('ui.none')}</span>
        ),
    },
    {
      key: 'last',
      header: t('messages.inbox.columns.last'),
      narrow: true,
      render: (th) => <time dateTime={th.lastMessageAt}>{formatDateTime(locale, th.lastMessageAt)}</time>,
    },
  ];
  if (page.error != null) return <ErrorBox error={page.error} />;
  if (!page.data) return <Loading />;
  const rows = [...page.data.items].sort(inboxOrder);
  return (
    <>
      <Table caption={t('messages.inbox.title')} columns={columns} rows={rows} rowKey={(th) => th.id} />
      <Pager page={pager.page} hasPrevious={pager.hasPrevious} nextCursor={page.data.nextCursor} onPrevious={pager.previous} onNext={pager.next} />
    </>
  );
}

function SearchResults({ q }: { q: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const res = useLoad(() => api.searchMessages(q), [q]);
  if (res.error != null) return <ErrorBox error={res.error} />;
  if (!res.data) return <Loading />;
  return (
    <>
      <p className="muted" role="status">
        {t('messages.inbox.found', { count: res.data.items.length, n: formatNumber(locale, res.data.items.length) })}
      </p>
      <ul className="search-hits" data-testid="message-hits">
        {res.data.items.map((m) => (
          <li key={m.id} className="panel">
            <Link to={pathFor(['messages', m.threadId])}>
              <bdi dir="auto">{m.subject}</bdi>
            </Link>{' '}
            <span className="badges">
              <bdi dir="ltr" className="code">
                {m.senderAgencyCode}
              </bdi>
              <TlpBadge level={m.tlp} />
              <UrgencyBadge urgency={m.urgency} />
            </span>{' '}
            <time className="muted small" dateTime={m.createdAt}>
              {formatDateTime(locale, m.createdAt)}
            </time>
            <p className="prewrap">
              <bdi dir="auto">{m.excerpt}</bdi>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
