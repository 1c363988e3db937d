import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Notice } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TlpBadge } from '../../ui/TlpBadge.tsx';
import { ChecksSummary } from './checks.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { HitsPanel } from './HitsPanel.tsx';
import { PUBLIC_FIELD_KEYS } from './labels.ts';
import { NoticeContentView } from './NoticeContentView.tsx';
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
  const joinCodes = (list: { code: string }[]) => (list.length ? list.map((a) => a.code).join(t('notices.wizard.listSeparator')) : t('ui.none'));

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
          </PageHeader>
          {n.stateReason && (
            <p className="notice" data-testid="state-reason">
              <strong>{t('notices.view.stateReason')}</strong> <bdi dir="auto">{n.stateReason}</bdi>
            </p>
          )}
          {n.renewalRequestedAt && <p className="notice">{t('notices.view.renewalDue', { date: formatDateTime(locale, n.renewalRequestedAt) })}</p>}
          <OwnerActions notice={n} onDone={setFresh} />
          {reviewing && (
            <div className="review-grid">
              <SubjectScreening noticeId={n.id} />
              <div className="stack">
                <ChecksSummary checks={n.checks} title={t('notices.review.checksTitle')} />
                <DecisionForm notice={n} onDone={setFresh} />
              </div>
            </div>
          )}
          <div className="record-grid">
            <section className="panel" aria-labelledby="content-title">
              <h2 id="content-title">{t('notices.view.content')}</h2>
              <NoticeContentView content={n.content} />
            </section>
            <div className="stack">
              <section className="panel" aria-labelledby="handling-title">
                <h2 id="handling-title">{t('notices.view.handling')}</h2>
                <dl className="dl">
                  <div className="dl-row">
                    <dt>{t('notices.field.tlp')}</dt>
                    <dd>
                      <TlpBadge level={n.tlp} />
                    </dd>
                  </div>
                  <div className="dl-row">
                    <dt>{t('notices.field.restrictedTo')}</dt>
                    <dd>
                      <bdi dir="ltr">{joinCodes(n.restrictedTo)}</bdi>
                    </dd>
                  </div>
                  {n.recipients && (
                    <div className="dl-row">
                      <dt>{t('notices.field.recipients')}</dt>
                      <dd>
                        <bdi dir="ltr">{joinCodes(n.recipients)}</bdi>
                      </dd>
                    </div>
                  )}
                  {(n.type === 'red' || n.type === 'yellow') && (
                    <div className="dl-row">
                      <dt>{t('notices.field.publicExtract')}</dt>
                      <dd data-testid="public-extract-fields">
                        {n.publicExtract?.fields.length ? n.publicExtract.fields.map((f) => t(PUBLIC_FIELD_KEYS[f])).join(t('notices.wizard.listSeparator')) : t('notices.view.noPublicExtract')}
                        {n.publicExtract?.fields.length && (n.state === 'published' || n.state === 'hit_reported') ? (
                          <>
                            {' '}
                            <Link to={pathFor(['public', 'notices', n.id])}>{t('notices.view.openPublic')}</Link>
                          </>
                        ) : null}
                      </dd>
                    </div>
                  )}
                  {n.submittedAt && (
                    <div className="dl-row">
                      <dt>{t('notices.view.submittedAt')}</dt>
                      <dd>{formatDateTime(locale, n.submittedAt)}</dd>
                    </div>
                  )}
                  {n.publishedAt && (
                    <div className="dl-row">
                      <dt>{t('notices.view.publishedAt')}</dt>
                      <dd>{formatDateTime(locale, n.publishedAt)}</dd>
                    </div>
                  )}
                  {n.reviewDate && (
                    <div className="dl-row">
                      <dt>{t('notices.view.reviewDate')}</dt>
                      <dd>{formatDate(locale, n.reviewDate.slice(0, 10))}</dd>
                    </div>
                  )}
                </dl>
              </section>
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
