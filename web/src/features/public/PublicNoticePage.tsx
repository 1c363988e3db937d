import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link } from '../../app/router.tsx';
import { countryName, formatPartialDate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { GENDER_KEYS } from '../notices/labels.ts';
import { TypeBadge } from '../notices/NoticeBadges.tsx';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="dl-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One public extract: only the fields the owner bureau authorised. */
export function PublicNoticePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const res = useLoad(() => api.publicNotice(id), [id]);
  const n = res.data?.id === id ? res.data : undefined;
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/public/notices">{t('public.detail.back')}</Link>
      </p>
      {res.error != null && (
        <>
          <PageHeader title={t('public.detail.title')} />
          <ErrorBox error={res.error} />
        </>
      )}
      {res.loading && !n && <Loading />}
      {n && (
        <>
          <PageHeader title={n.names?.[0] ?? t('public.unnamed')} isolate>
            <TypeBadge type={n.type} />
          </PageHeader>
          <section className={`panel public-detail notice-type-${n.type}`} data-testid="public-detail">
            <dl className="dl">
              {n.names && n.names.length > 1 && (
                <Row label={t('notices.field.names')}>
                  <ul className="value-stack">
                    {n.names.map((x, i) => (
                      <li key={i}>
                        <bdi dir="auto">{x}</bdi>
                      </li>
                    ))}
                  </ul>
                </Row>
              )}
              {n.birthDate && <Row label={t('notices.field.birthDate')}>{formatPartialDate(locale, n.birthDate)}</Row>}
              {n.gender && <Row label={t('notices.field.gender')}>{GENDER_KEYS[n.gender] ? t(GENDER_KEYS[n.gender]) : n.gender}</Row>}
              {n.nationalities?.length ? (
                <Row label={t('notices.field.nationalities')}>{n.nationalities.map((c) => countryName(locale, c)).join(t('notices.wizard.listSeparator'))}</Row>
              ) : null}
              {n.placeOfBirth && (
                <Row label={t('notices.field.placeOfBirth')}>
                  <bdi dir="auto">{n.placeOfBirth}</bdi>
                </Row>
              )}
              {n.description && (
                <Row label={t('notices.field.description')}>
                  <bdi dir="auto" className="prewrap">
                    {n.description}
                  </bdi>
                </Row>
              )}
              {n.charges && (
                <Row label={t('notices.field.charges')}>
                  <bdi dir="auto" className="prewrap" data-testid="public-charges">
                    {n.charges}
                  </bdi>
                </Row>
              )}
            </dl>
            <p className="muted small">{t(n.type === 'red' ? 'public.detail.redAdvice' : 'public.detail.yellowAdvice')}</p>
          </section>
        </>
      )}
    </section>
  );
}
