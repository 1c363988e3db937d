import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Notice } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TlpBadge } from '../../ui/TlpBadge.tsx';
import { OriginNode } from '../federation/OriginNode.tsx';
import { ChecksSummary } from './checks.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { HitsPanel } from './HitsPanel.tsx';
import { NoticeContentView } from './NoticeContentView.tsx';
import { NoticeHandlingPanel } from './NoticeHandlingPanel.tsx';
import { StateBadge, TypeBadge, UrgencyBadge } from './NoticeBadges.tsx';
import { NoticeThreads } from './NoticeThreads.tsx';
import { OwnerActions } from './OwnerActions.tsx';
import { SubjectScreening } from './SubjectScreening.tsx';
import { Timeline } from './Timeline.tsx';

const REVIEW_ACTIONS = ['start_review', 'publish', 'refuse', 'return'] as const;

export function NoticePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const loaded = useLoad(() => api.notice(id), [id]);
  const [fresh, setFresh] = useState<Notice | null>(null);
  useEffect(() => setFresh(null), [loaded.data]);
  const n = fresh?.id === id ? fresh : loaded.data?.id === id ? loaded.data : undefined;
  const reviewing = n && REVIEW_ACTIONS.some((a) => n.allowedActions.includes(a));
  const content = n && (
    <section className="panel" aria-labelledby="content-title" data-testid="content-panel">
      <h2 id="content-title">{t('notices.view.content')}</h2>
      <NoticeContentView content={n.content} />
    </section>
  );

  return (
    <section className="notice-page">
      <p className="breadcrumb">
        <Link to="/notices">{t('notices.list.back')}</Link>
        {can(me, 'notice.review') && (
          <>
            {' · '}
            <Link to="/review">{t('notices.queue.back')}</Link>
          </>
        )}
      </p>
      {loaded.error != null && (
        <>
          <PageHeader title={t('notices.view.title')} />
          <ErrorBox error={loaded.error} />
        </>
      )}
      {loaded.loading && !n && <Loading />}
      {n && (
        <>
          <PageHeader title={t('notices.view.heading', { reference: n.reference, name: n.subjectName || t('ui.none') })} isolate>
            <TypeBadge type={n.type} />
            <StateBadge state={n.state} />
            <UrgencyBadge urgency={n.urgency} />
            <TlpBadge level={n.tlp} />
            <Badge>
              <bdi dir="ltr">{n.ownerAgencyCode}</bdi>
            </Badge>
            <OriginNode item={n} />
          </PageHeader>
          {n.stateReason && (
            <p className="notice" data-testid="state-reason">
              <strong>{t('notices.view.stateReason')}</strong> <bdi dir="auto">{n.stateReason}</bdi>
            </p>
          )}
          {n.renewalRequestedAt && <p className="notice">{t('notices.view.renewalDue', { date: formatDateTime(locale, n.renewalRequestedAt) })}</p>}
          <OwnerActions notice={n} onDone={setFresh} />
          {reviewing && (
            // the reviewer reads the request first, then what its subject matches (strong
            // candidates open, the weak ones folded), with the checks and the decision beside it
            <div className="review-grid">
              <div className="stack">
                {content}
                <SubjectScreening noticeId={n.id} />
              </div>
              <div className="stack">
                <ChecksSummary checks={n.checks} title={t('notices.review.checksTitle')} />
                <DecisionForm notice={n} onDone={setFresh} />
              </div>
            </div>
          )}
          <div className="record-grid">
            {reviewing ? <NoticeHandlingPanel notice={n} /> : content}
            <div className="stack">
              {!reviewing && <NoticeHandlingPanel notice={n} />}
              {!reviewing && n.checks.length > 0 && <ChecksSummary checks={n.checks} title={t('notices.view.recordedChecks')} />}
              {can(me, 'message.read') && <NoticeThreads noticeId={n.id} />}
            </div>
          </div>
          {can(me, 'hit.read') && n.state !== 'draft' && <HitsPanel noticeId={n.id} onChange={loaded.reload} />}
          <Timeline noticeId={n.id} version={n.version} />
        </>
      )}
    </section>
  );
}
