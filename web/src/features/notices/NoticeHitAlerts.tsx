import { useTranslation } from 'react-i18next';
import type { NoticeHitAlert } from '../../api/types.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { can, useMaybeMe } from '../../app/session.tsx';
import { formatNumber, isolate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { FOLLOW_UP_HOURS } from '../../../../src/notices/notice.ts';
import { TypeBadge } from './NoticeBadges.tsx';

/**
 * On the Check page: the person screened is the subject of a live notice. The officer must act
 * now (hold, verify, report); the owner bureau has been notified and a follow-up opened.
 */
export function NoticeHitAlerts({ hits }: { hits: NoticeHitAlert[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMaybeMe();
  return (
    <div className="error-box notice-hit-alerts" role="alert">
      {hits.map((h) => (
        <p key={h.hitId} data-testid="notice-hit-alert" data-notice-type={h.noticeType}>
          <TypeBadge type={h.noticeType} />{' '}
          <strong>
            {t('notices.hitAlert.title', { reference: isolate(h.noticeReference) })}
          </strong>{' '}
          {t(h.isNew ? 'notices.hitAlert.opened' : 'notices.hitAlert.alreadyOpen', { hours: formatNumber(locale, FOLLOW_UP_HOURS[h.urgency]) })}{' '}
          {me && can(me, 'notice.read') && <Link to={pathFor(['notices', h.noticeId])}>{t('notices.hitAlert.open')}</Link>}
        </p>
      ))}
    </div>
  );
}
