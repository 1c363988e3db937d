import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import type { ComponentsSummary, DismantleResult } from './network-api.ts';

const ROWS: Array<{ field: keyof Omit<ComponentsSummary, 'sizes'>; key: string }> = [
  { field: 'nodes', key: 'network.dismantle.row.nodes' },
  { field: 'edges', key: 'network.dismantle.row.edges' },
  { field: 'components', key: 'network.dismantle.row.components' },
  { field: 'largestComponent', key: 'network.dismantle.row.largest' },
];

/** The server's answer: the network's connected parts before and after the members are taken out. */
export function DismantleResultView({ result }: { result: DismantleResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (x: number) => formatNumber(locale, x);
  const { before, after } = result;
  return (
    <div className="dismantle-result" data-testid="dismantle-result">
      <p role="status" data-testid="dismantle-summary">
        {t('network.dismantle.summary', { count: result.removed.length, n: n(result.removed.length), before: n(before.components), after: n(after.components) })}
      </p>
      <table className="table compact">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('network.dismantle.measure')}</span>
            </th>
            <th scope="col">{t('network.dismantle.before')}</th>
            <th scope="col">{t('network.dismantle.after')}</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((r) => (
            <tr key={r.field}>
              <th scope="row">{t(r.key)}</th>
              <td className="quantity" data-testid={`before-${r.field}`} data-value={before[r.field]}>
                {n(before[r.field])}
              </td>
              <td className="quantity" data-testid={`after-${r.field}`} data-value={after[r.field]}>
                {n(after[r.field])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {before.nodes > 0 && (
        <p className="small" data-testid="dismantle-largest-share">
          {t('network.dismantle.largestShare', { share: formatPercent(locale, after.largestComponent / before.nodes) })}
        </p>
      )}
      {after.sizes.length > 1 && (
        <p className="muted small" data-testid="dismantle-sizes">
          {t('network.dismantle.sizes', { sizes: after.sizes.map(n).join(t('network.listSeparator')) })}
        </p>
      )}
      {result.unknown.length > 0 && (
        <p className="notice small" data-testid="dismantle-unknown">
          {t('network.dismantle.unknown', { count: result.unknown.length, n: n(result.unknown.length) })}
        </p>
      )}
      <p className="muted small">{t('network.dismantle.legend')}</p>
    </div>
  );
}

export type DismantleWithin = 'community' | 'scope';

/**
 * The dismantling simulation: members picked from the key players or the selected node, sent to
 * the server with the network to simulate on (the focused community, or the scope: a case, a
 * gang, a region or everything you may see); the answer says which network it is about and is
 * drawn on the graph.
 */
export function DismantlePanel({
  picked,
  community,
  scope,
  within,
  onWithin,
  busy,
  result,
  onUnpick,
  onClear,
  onSimulate,
}: {
  picked: ReadonlyMap<string, string>;
  /** the focused community's name, when it can be simulated on (its job has finished) */
  community: string | null;
  /** the scope in words */
  scope: string;
  within: DismantleWithin;
  onWithin: (w: DismantleWithin) => void;
  busy: boolean;
  /** the last answer, and the network it was about in words */
  result: { result: DismantleResult; of: string } | null;
  onUnpick: (key: string) => void;
  onClear: () => void;
  onSimulate: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel network-panel" aria-labelledby="dismantle-title" data-testid="dismantle-panel">
      <h2 id="dismantle-title">{t('network.dismantle.title')}</h2>
      <p className="muted small">{t('network.dismantle.intro')}</p>
      {picked.size === 0 ? (
        <p className="muted" data-testid="dismantle-empty">
          {t('network.dismantle.nonePicked')}
        </p>
      ) : (
        <ul className="picked-list" data-testid="dismantle-picked">
          {[...picked].map(([key, label]) => (
            <li key={key}>
              <bdi dir="auto">{label}</bdi>
              <button type="button" className="button-small" onClick={() => onUnpick(key)} aria-label={t('network.dismantle.unpick', { name: label })}>
                {t('network.dismantle.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {community === null ? (
        <p className="small" data-testid="dismantle-on">
          {t('network.dismantle.runsOn', { of: scope })}
        </p>
      ) : (
        <fieldset className="dismantle-within" data-testid="dismantle-within">
          <legend>{t('network.dismantle.within')}</legend>
          <label className="check">
            <input type="radio" name="dismantleWithin" value="community" checked={within === 'community'} onChange={() => onWithin('community')} />
            {community}
          </label>
          <label className="check">
            <input type="radio" name="dismantleWithin" value="scope" checked={within === 'scope'} onChange={() => onWithin('scope')} />
            {scope}
          </label>
        </fieldset>
      )}
      <div className="badges">
        <button type="button" className="button-primary" onClick={onSimulate} disabled={busy || picked.size === 0} data-testid="simulate">
          {t('network.dismantle.simulate')}
        </button>
        {(picked.size > 0 || result) && (
          <button type="button" onClick={onClear}>
            {t('network.dismantle.clear')}
          </button>
        )}
      </div>
      {result && (
        <>
          <p className="small" data-testid="dismantle-of">
            <strong>{t('network.dismantle.ranOn', { of: result.of })}</strong>
          </p>
          <DismantleResultView result={result.result} />
        </>
      )}
    </section>
  );
}
