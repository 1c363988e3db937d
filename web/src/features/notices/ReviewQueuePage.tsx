import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { QueueItem } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pager, usePager } from '../../ui/Pager.tsx';
import { type Column, Table } from '../../ui/Table.tsx';
import { StateBadge, TypeBadge, UrgencyBadge } from './NoticeBadges.tsx';

/** The hub aims to decide on a request within 24 hours of its submission. */
export const REVIEW_GOAL_HOURS = 24;
const PAGE_SIZE = 50;

/** Requests waiting for a reviewer, urgent first then oldest (the server's order). */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const pager = usePager('queue');
  const page = useLoad(() => api.reviewQueue({ limit: PAGE_SIZE, cursor: pager.cursor }), [pager.cursor]);

  const columns: Column<QueueItem>[] = [
    {
      key: 'reference',
      header: t('notices.list.columns.reference'),
      narrow: true,
      render: (n) => (
        <Link to={pathFor(['notices', n.id])} className="notice-link" data-testid="queue-open">
          <bdi dir="ltr" className="code">
            {n.reference}
          </bdi>
        </Link>
      ),
    },
    { key: 'type', header: t('notices.list.columns.type'), narrow: true, render: (n) => <TypeBadge type={n.type} /> },
    { key: 'subject', header: t('notices.list.columns.subject'), render: (n) => <bdi dir="auto">{n.subjectName}</bdi> },
    {
      key: 'urgency',
      header: t('notices.queue.columns.urgency'),
      narrow: true,
      render: (n) => <UrgencyBadge urgency={n.urgency} />,
    },
    {
      key: 'age',
      header: t('notices.queue.columns.age'),
      narrow: true,
      render: (n) => {
        const late = n.ageHours > REVIEW_GOAL_HOURS;
        return (
          <span className={late ? 'age-late' : undefined} data-testid="queue-age" data-late={late}>
            {t('notices.queue.hours', { count: Math.floor(n.ageHours), n: formatNumber(locale, Math.floor(n.ageHours)) })}
            {late && <span className="visually-hidden"> {t('notices.queue.overGoal')}</span>}
          </span>
        );
      },
    },
    {
      key: 'checks',
      header: t('notices.queue.columns.checks'),
      narrow: true,
      render: (n) => (
        <span className="badges" data-testid="queue-checks">
          <Badge tone={n.errors > 0 ? 'danger' : 'neutral'}>{t('notices.checks.errors', { count: n.errors, n: formatNumber(locale, n.errors) })}</Badge>
          <Badge tone={n.warnings > 0 ? 'warn' : 'neutral'}>{t('notices.checks.warnings', { count: n.warnings, n: formatNumber(locale, n.warnings) })}</Badge>
        </span>
      ),
    },
    {
      key: 'owner',
      header: t('notices.list.columns.owner'),
      narrow: true,
      render: (n) => (
        <Badge>
          <bdi dir="ltr">{n.ownerAgencyCode}</bdi>
        </Badge>
      ),
    },
    { key: 'state', header: t('notices.list.columns.state'), narrow: true, render: (n) => <StateBadge state={n.state} /> },
    {
      key: 'submitted',
      header: t('notices.queue.columns.submitted'),
      narrow: true,
      render: (n) => (n.submittedAt ? <time dateTime={n.submittedAt}>{formatDateTime(locale, n.submittedAt)}</time> : t('ui.none')),
    },
  ];

  const late = page.data?.items.filter((n) => n.ageHours > REVIEW_GOAL_HOURS).length ?? 0;
  return (
    <section>
      <PageHeader title={t('notices.queue.title')} />
      <p className="lead">{t('notices.queue.goal', { hours: formatNumber(locale, REVIEW_GOAL_HOURS) })}</p>
      {page.error != null && <ErrorBox error={page.error} />}
      {page.loading && !page.data && <Loading />}
      {page.data && (
        <>
          <p className="muted" role="status" data-testid="queue-count">
            {t('notices.queue.count', { count: page.data.items.length, n: formatNumber(locale, page.data.items.length) })}
            {late > 0 && <> · {t('notices.queue.late', { count: late, n: formatNumber(locale, late) })}</>}
          </p>
          <Table caption={t('notices.queue.title')} columns={columns} rows={page.data.items} rowKey={(n) => n.id} />
          <Pager page={pager.page} hasPrevious={pager.hasPrevious} nextCursor={page.data.nextCursor} onPrevious={pager.previous} onNext={pager.next} />
        </>
      )}
    </section>
  );
}
