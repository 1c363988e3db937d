import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases-client.ts';
import type { GraphNode, KeyPlayer, NetworkPath, NodeKind } from '../../api/cases-types.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { formatNumber, formatPercent } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Field } from '../../ui/Field.tsx';
import { DisplayName, identText, isIdentKind } from '../../ui/Ident.tsx';
import { NODE_KIND_KEYS } from '../cases/labels.ts';
import type { GraphState } from './graph-state.ts';

const REASON_KEYS: Record<string, string> = {
  broker: 'network.reason.broker',
  hub: 'network.reason.hub',
  influential: 'network.reason.influential',
};

/** Why a reason is given, as the server computes it (src/network/analysis.ts keyPlayers). */
const REASON_HINTS: Record<string, string> = {
  broker: 'network.reasonHint.broker',
  hub: 'network.reasonHint.hub',
  influential: 'network.reasonHint.influential',
};

const kindLabel = (t: (k: string) => string, k: NodeKind) => (NODE_KIND_KEYS[k] ? t(NODE_KIND_KEYS[k]) : k);

/** The page a node opens: a record, a case or a gang; phones and addresses have none. */
function pageOf(n: GraphNode): string | null {
  const ref = n.key.slice(n.key.indexOf(':') + 1);
  if (n.kind === 'case') return pathFor(['cases', ref]);
  if (n.kind === 'gang') return pathFor(['gangs', ref]);
  if (n.kind === 'phone' || n.kind === 'address') return null;
  return pathFor(['records', ref]);
}

export function FiltersPanel({ kinds, hidden, onToggle, graph }: { kinds: NodeKind[]; hidden: ReadonlySet<NodeKind>; onToggle: (k: NodeKind) => void; graph: GraphState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const count = (k: NodeKind) => [...graph.nodes.values()].filter((n) => n.kind === k).length;
  return (
    <fieldset className="panel network-panel" data-testid="kind-filters">
      <legend>{t('network.filters')}</legend>
      {kinds.length === 0 && <p className="muted">{t('network.empty')}</p>}
      {kinds.map((k) => (
        <label key={k} className="check">
          <input type="checkbox" name="kind" value={k} checked={!hidden.has(k)} onChange={() => onToggle(k)} />
          <span className={`kind-dot kind-${k}`} aria-hidden="true" />
          {kindLabel(t, k)} <span className="muted">({formatNumber(locale, count(k))})</span>
        </label>
      ))}
    </fieldset>
  );
}

export function SelectedPanel({
  graph,
  selected,
  onExpand,
  picked,
  onPick,
}: {
  graph: GraphState;
  selected: string | null;
  onExpand: (id: string) => void;
  picked: ReadonlyMap<string, string>;
  onPick: (key: string, label: string, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = selected ? graph.nodes.get(selected) : undefined;
  if (!n) return null;
  const page = pageOf(n);
  const degree = [...graph.edges.values()].filter((e) => e.source === n.key || e.target === n.key).length;
  return (
    <section className="panel network-panel" aria-labelledby="selected-title" data-testid="selected-node">
      <h2 id="selected-title">{t('network.selected')}</h2>
      <p>
        <strong>
          <DisplayName kind={n.kind}>{n.label}</DisplayName>
        </strong>{' '}
        <span className="muted">{kindLabel(t, n.kind)}</span>
      </p>
      <p className="muted small">{t('network.links', { count: degree, n: formatNumber(locale, degree) })}</p>
      <div className="badges">
        <button type="button" onClick={() => onExpand(n.key)} disabled={graph.expanded.has(n.key)} data-testid="expand-node">
          {graph.expanded.has(n.key) ? t('network.expanded') : t('network.expand')}
        </button>
        {page && (
          <Link to={page} className="button-link">
            {t('network.open')}
          </Link>
        )}
        <button type="button" onClick={() => onPick(n.key, n.label, !picked.has(n.key))} aria-pressed={picked.has(n.key)} data-testid="pick-selected">
          {picked.has(n.key) ? t('network.dismantle.unpickSelected') : t('network.dismantle.pickSelected')}
        </button>
      </div>
    </section>
  );
}

export function KeyPlayersPanel({
  players,
  of,
  estimatedFrom = null,
  show,
  onShow,
  onSelect,
  picked,
  onPick,
}: {
  /** null while loading or when there is no network to rank */
  players: KeyPlayer[] | null;
  /** whose key players: the scope in words, or a community's name; null when the scope is everything */
  of: string | null;
  /** the betweenness was estimated from this many sampled nodes (large networks); null when exact */
  estimatedFrom?: number | null;
  show: boolean;
  onShow: (b: boolean) => void;
  onSelect: (id: string) => void;
  picked: ReadonlyMap<string, string>;
  onPick: (key: string, label: string, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="panel network-panel" aria-labelledby="key-title" data-testid="key-players">
      <h2 id="key-title">{t('network.keyPlayers')}</h2>
      {of === null ? (
        <p className="muted" data-testid="key-players-need-scope">
          {t('network.keyPlayersNeedScope')}
        </p>
      ) : (
        <p className="muted small" data-testid="key-players-of">
          {t('network.keyPlayersOf', { of: of })}
        </p>
      )}
      <label className="check">
        <input type="checkbox" name="showKeyPlayers" checked={show} onChange={(e) => onShow(e.target.checked)} />
        {t('network.highlightKeyPlayers')}
      </label>
      {players && players.length === 0 && <p className="muted">{t('network.noKeyPlayers')}</p>}
      <ol className="key-list">
        {(players ?? []).map((p) => (
          <li key={p.key} data-testid="key-player" data-key={p.key} data-reasons={p.reasons.join(' ')}>
            <button type="button" className="button-small" onClick={() => onSelect(p.key)}>
              <DisplayName kind={p.kind}>{p.label}</DisplayName>
            </button>
            {p.reasons.map((r) => (
              <Badge key={r} tone="info" title={REASON_HINTS[r] ? t(REASON_HINTS[r]) : undefined}>
                {REASON_KEYS[r] ? t(REASON_KEYS[r]) : r}
              </Badge>
            ))}
            <span className="muted small">
              {t('network.why', {
                degree: t('network.linkCount', { count: p.degree, n: formatNumber(locale, p.degree) }),
                brokerage: formatPercent(locale, p.betweenness),
              })}
            </span>
            <label className="check small">
              <input type="checkbox" name="simulate" checked={picked.has(p.key)} onChange={(e) => onPick(p.key, p.label, e.target.checked)} data-testid="pick-key-player" />
              {t('network.dismantle.pick')}
              <span className="visually-hidden">
                {' '}
                <DisplayName kind={p.kind}>{p.label}</DisplayName>
              </span>
            </label>
          </li>
        ))}
      </ol>
      {players && players.length > 0 && estimatedFrom !== null && (
        <p className="muted small" data-testid="brokerage-estimated">
          {t('network.brokerageEstimated', { count: estimatedFrom, n: formatNumber(locale, estimatedFrom) })}
        </p>
      )}
      {players && players.length > 0 && (
        <dl className="reason-legend small">
          {Object.entries(REASON_KEYS).map(([r, key]) => (
            <div key={r}>
              <dt>{t(key)}</dt>
              <dd className="muted">{t(REASON_HINTS[r])}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

export function PathPanel({
  graph,
  selected,
  path,
  onPath,
  onError,
}: {
  graph: GraphState;
  selected: string | null;
  path: string[];
  onPath: (p: NetworkPath | null) => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [none, setNone] = useState(false);
  const nodes = [...graph.nodes.values()].sort((a, b) => a.label.localeCompare(b.label));
  const find = async (e: FormEvent) => {
    e.preventDefault();
    if (!from || !to || from === to) return;
    setNone(false);
    try {
      const p = await casesApi.path(from, to);
      onPath(p);
      setNone(!p.found);
    } catch (err) {
      onError(err);
    }
  };
  const option = (n: GraphNode) => (
    <option key={n.key} value={n.key}>
      {isIdentKind(n.kind) ? identText(n.label) : n.label}
    </option>
  );
  return (
    <form className="panel network-panel" onSubmit={find} aria-labelledby="path-title" data-testid="path-form">
      <h2 id="path-title">{t('network.path')}</h2>
      <Field label={t('network.pathFrom')}>
        <select name="from" value={from} onChange={(e) => setFrom(e.target.value)}>
          <option value="">{t('network.choose')}</option>
          {nodes.map(option)}
        </select>
      </Field>
      <Field label={t('network.pathTo')}>
        <select name="to" value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">{t('network.choose')}</option>
          {nodes.map(option)}
        </select>
      </Field>
      <div className="badges">
        {selected && (
          <button type="button" className="button-small" onClick={() => (from ? setTo(selected) : setFrom(selected))}>
            {t('network.useSelected')}
          </button>
        )}
        <button type="submit" className="button-primary" disabled={!from || !to || from === to} data-testid="find-path">
          {t('network.findPath')}
        </button>
        {path.length > 0 && (
          <button type="button" onClick={() => onPath(null)}>
            {t('network.clearPath')}
          </button>
        )}
      </div>
      {none && <p className="muted">{t('network.noPath')}</p>}
      {path.length > 0 && (
        <ol className="path-list" data-testid="path-result">
          {path.map((id) => (
            <li key={id}>
              <DisplayName kind={graph.nodes.get(id)?.kind ?? ''}>{graph.nodes.get(id)?.label ?? id}</DisplayName>
            </li>
          ))}
        </ol>
      )}
    </form>
  );
}

export function NodesPanel({ graph, hidden, selected, onSelect }: { graph: GraphState; hidden: ReadonlySet<NodeKind>; selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const visible = [...graph.nodes.values()].filter((n) => !hidden.has(n.kind));
  return (
    <section className="panel network-panel" aria-labelledby="nodes-title">
      <h2 id="nodes-title">{t('network.nodes')}</h2>
      <ul className="node-list" data-testid="node-list">
        {visible.map((n) => (
          <li key={n.key}>
            <button type="button" className="button-small" aria-pressed={n.key === selected} onClick={() => onSelect(n.key)} data-kind={n.kind}>
              <span className={`kind-dot kind-${n.kind}`} aria-hidden="true" />
              <DisplayName kind={n.kind}>{n.label}</DisplayName>
              <span className="visually-hidden">{kindLabel(t, n.kind)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
