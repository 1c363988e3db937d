import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PersonCard, Score } from '../screening/Results.tsx';
import { StateBadge, TypeBadge } from './NoticeBadges.tsx';

/**
 * The subject of a request screened against the records and the other notices (for the
 * reviewer). The candidates at or above the alert threshold are listed; the weaker ones, often
 * a score of namesakes, are folded under their count, each with its distinguishing facts.
 */
export function SubjectScreening({ noticeId }: { noticeId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const res = useLoad(() => api.noticeScreening(noticeId), [noticeId]);
  const notices = res.data?.notices.filter((n) => n.noticeId !== noticeId) ?? [];
  const strong = res.data?.candidates.filter((c) => c.alert) ?? [];
  const weak = res.data?.candidates.filter((c) => !c.alert) ?? [];
  return (
    <section className="panel" aria-labelledby="screening-title" data-testid="subject-screening">
      <h2 id="screening-title">{t('notices.review.screeningTitle')}</h2>
      {res.error != null && <ErrorBox error={res.error} />}
      {res.loading && !res.data && <Loading />}
      {res.data && (
        <>
          <h3>{t('notices.review.otherNotices')}</h3>
          {notices.length === 0 ? (
            <p className="muted" data-testid="no-other-notices">
              {t('notices.review.noOtherNotices')}
            </p>
          ) : (
            <ul className="link-list" data-testid="other-notices">
              {notices.map((n) => (
                <li key={n.noticeId}>
                  <Link to={pathFor(['notices', n.noticeId])}>
                    <bdi dir="ltr" className="code">
                      {n.reference}
                    </bdi>
                  </Link>{' '}
                  <TypeBadge type={n.type} /> <StateBadge state={n.state} /> <Score score={n.score} alert={false} />
                </li>
              ))}
            </ul>
          )}
          <h3>{t('notices.review.records')}</h3>
          {res.data.candidates.length === 0 ? (
            <p className="no-hit" data-testid="no-hit">
              {t('screening.results.noHit')}
            </p>
          ) : (
            <>
              <p className="muted">{t('screening.results.count', { count: res.data.candidates.length, n: formatNumber(locale, res.data.candidates.length) })}</p>
              {strong.length === 0 ? (
                <p className="muted" data-testid="no-strong">
                  {t('notices.review.noStrong')}
                </p>
              ) : (
                <ol className="candidates" data-testid="strong-candidates">
                  {strong.map((c, i) => (
                    <PersonCard key={c.id} c={c} rank={i + 1} />
                  ))}
                </ol>
              )}
              {weak.length > 0 && (
                <details className="weak-candidates" data-testid="weak-candidates">
                  <summary>{t('notices.review.weaker', { count: weak.length, n: formatNumber(locale, weak.length) })}</summary>
                  <ol className="candidates" start={strong.length + 1}>
                    {weak.map((c, i) => (
                      <PersonCard key={c.id} c={c} rank={strong.length + i + 1} />
                    ))}
                  </ol>
                </details>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
