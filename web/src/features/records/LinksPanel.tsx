import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { DisplayName } from '../../ui/Ident.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { KIND_KEYS, LINK_KEYS } from './labels.ts';

export function LinksPanel({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const links = useLoad(() => api.recordLinks(recordId), [recordId]);
  const items = links.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="links-title" data-testid="links">
      <h2 id="links-title">{t('records.links.title')}</h2>
      {links.error != null && <ErrorBox error={links.error} />}
      {links.loading && !links.data && <Loading />}
      {links.data && (
        <>
          <p className="muted">{t('records.links.count', { count: items.length, n: formatNumber(locale, items.length) })}</p>
          {items.length > 0 && (
            <ul className="link-list">
              {items.map((l) => (
                <li key={l.id}>
                  <span className="link-type">{LINK_KEYS[l.type] ? t(LINK_KEYS[l.type][l.direction]) : l.type}</span>{' '}
                  <Link to={pathFor(['records', l.otherId])}>
                    <DisplayName kind={l.otherKind}>{l.otherDisplayName}</DisplayName>
                  </Link>{' '}
                  <span className="muted small">({t(KIND_KEYS[l.otherKind] ?? l.otherKind)})</span>
                  {l.note && (
                    <span className="muted small link-note">
                      {' '}
                      — <bdi dir="auto">{l.note}</bdi>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
