import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Locale } from '../../api/types.ts';
import { countryName, formatNumber, isolate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { communityName } from './CommunitiesPanel.tsx';
import { networkApi, SHARED_BY, type SharedBy, type SharedPerson } from './network-api.ts';
import { NetworkError } from './NetworkError.tsx';
import type { AnalysisScope } from './scope.ts';

const BY_KEYS: Record<SharedBy, string> = {
  gangs: 'network.shared.by.gangs',
  countries: 'network.shared.by.countries',
  communities: 'network.shared.by.communities',
};

/** What a person spans, named for the reader: a gang by its name, a country in the user's language, a region, a community. */
export function spanLabel(t: TFunction, locale: Locale, span: { key: string; label: string }): string {
  if (span.key.startsWith('region:')) return t('network.shared.region', { region: isolate(span.label) });
  const community = /^community:(\d+)$/.exec(span.key);
  if (community) return communityName(t, Number(community[1]));
  if (/^[A-Z]{3}$/.test(span.key)) return countryName(locale, span.key);
  return span.label;
}

/**
 * Persons who appear in several gangs, communities, countries or regions of the scope; each
 * opens its neighbourhood in the graph.
 */
export function SharedPanel({ scope, onOpen }: { scope: AnalysisScope; onOpen: (key: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [by, setBy] = useState<SharedBy>('gangs');
  const [items, setItems] = useState<SharedPerson[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const list = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setItems((await networkApi.shared(by, scope)).items);
    } catch (err) {
      setItems(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel network-panel" onSubmit={list} aria-labelledby="shared-title" data-testid="shared-panel">
      <h2 id="shared-title">{t('network.shared.title')}</h2>
      <p className="muted small">{t('network.shared.intro')}</p>
      <Field label={t('network.shared.byLabel')}>
        <select name="sharedBy" value={by} onChange={(e) => (setBy(e.target.value as SharedBy), setItems(null))}>
          {SHARED_BY.map((b) => (
            <option key={b} value={b}>
              {t(BY_KEYS[b])}
            </option>
          ))}
        </select>
      </Field>
      <div className="badges">
        <button type="submit" className="button-primary" disabled={busy} data-testid="list-shared">
          {t('network.shared.list')}
        </button>
      </div>
      {error != null && <NetworkError error={error} />}
      {items && (
        <>
          <p className="muted small" role="status" data-testid="shared-count" data-count={items.length}>
            {t('network.shared.count', { count: items.length, n: formatNumber(locale, items.length) })}
          </p>
          <ul className="shared-list" data-testid="shared-list">
            {items.map((p) => (
              <li key={p.key} data-testid="shared-person" data-key={p.key}>
                <button type="button" className="button-small" onClick={() => onOpen(p.key)} data-testid="open-neighbourhood">
                  <bdi dir="auto">{p.label}</bdi>
                  <span className="visually-hidden"> {t('network.shared.open')}</span>
                </button>
                <span className="visually-hidden">{t('network.shared.spans')}</span>
                <ul className="span-list">
                  {p.shared.map((s) => (
                    <li key={s.key} className="badge badge-neutral">
                      <bdi dir="auto">{spanLabel(t, locale, s)}</bdi>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </form>
  );
}
