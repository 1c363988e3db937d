import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Stats } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { formatNumber, isolate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

interface Tile {
  key: string;
  labelKey: string;
  value: (s: Stats) => number;
  /** The records list filtered to this kind, when it is one. */
  to?: string;
}

const TILES: Tile[] = [
  { key: 'person', labelKey: 'home.stats.persons', value: (s) => s.records.person, to: '/records?kind=person' },
  { key: 'document', labelKey: 'home.stats.documents', value: (s) => s.records.document, to: '/records?kind=document' },
  { key: 'vehicle', labelKey: 'home.stats.vehicles', value: (s) => s.records.vehicle, to: '/records?kind=vehicle' },
  { key: 'group', labelKey: 'home.stats.groups', value: (s) => s.records.group, to: '/records?kind=group' },
  { key: 'links', labelKey: 'home.stats.links', value: (s) => s.links },
  { key: 'agencies', labelKey: 'home.stats.agencies', value: (s) => s.agencies },
];

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <section>
      <PageHeader title={t('home.title')} />
      <p className="lead">{t('home.welcome', { name: isolate(me.displayName) })}</p>
      {/* the counts are of records the user may read: without that right there is nothing to count */}
      {can(me, 'record.read') ? <StatTiles /> : <p className="notice">{t('home.noRecords')}</p>}
    </section>
  );
}

function StatTiles() {
  const { t } = useTranslation();
  const locale = useLocale();
  const stats = useLoad(() => api.stats(), []);
  if (stats.error != null) return <ErrorBox error={stats.error} />;
  if (!stats.data) return <Loading />;
  const data = stats.data;
  return (
    <ul className="tiles" aria-label={t('home.statsLabel')}>
      {TILES.map((tile) => {
        const body = (
          <>
            <span className="tile-value" data-testid={`stat-${tile.key}`}>
              {formatNumber(locale, tile.value(data))}
            </span>
            <span className="tile-label">{t(tile.labelKey)}</span>
          </>
        );
        return (
          <li key={tile.key} className="tile">
            {tile.to ? (
              <Link to={tile.to} className="tile-link">
                {body}
              </Link>
            ) : (
              <div className="tile-link">{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
