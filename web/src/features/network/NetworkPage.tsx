import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi, type KeyPlayerScope } from '../../api/cases-client.ts';
import { type KeyPlayer, type NetworkPath, NODE_KINDS, type NodeKind } from '../../api/cases-types.ts';
import { Link, type Route } from '../../app/router.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { GraphCanvas } from './GraphCanvas.tsx';
import { chainGraph, emptyGraph, type GraphState, kindsIn, mergeGraph } from './graph-state.ts';
import { FiltersPanel, KeyPlayersPanel, NodesPanel, PathPanel, SelectedPanel } from './NetworkPanels.tsx';

/** The node the view starts from (a case, a gang or a record) and the network whose key players are shown. */
function focusOf(route: Route): { key: string; scope: KeyPlayerScope | null } | null {
  const q = route.query;
  const caseId = q.get('caseId');
  if (caseId) return { key: `case:${caseId}`, scope: { caseId } };
  const gangId = q.get('gangId');
  if (gangId) return { key: `gang:${gangId}`, scope: { gangId } };
  const recordId = q.get('recordId');
  return recordId ? { key: recordId, scope: null } : null;
}

/**
 * A case's or gang's network: its ego graph, neighbours fetched as nodes are expanded,
 * key players and a shortest chain highlighted. The side panel comes after the graph in the
 * reading direction (on the left in Arabic) and holds every action, so the page is keyboard-usable.
 */
export function NetworkPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const focus = focusOf(route);
  const focusKey = JSON.stringify(focus);
  const [graph, setGraph] = useState<GraphState>(emptyGraph);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [hidden, setHidden] = useState<ReadonlySet<NodeKind>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const [players, setPlayers] = useState<KeyPlayer[] | null>(null);
  const [showPlayers, setShowPlayers] = useState(true);
  const [path, setPath] = useState<string[]>([]);

  useEffect(() => {
    if (!focus) return;
    let current = true;
    setGraph(emptyGraph());
    setSelected(null);
    setPath([]);
    setPlayers(null);
    setError(null);
    setLoading(true);
    const players = focus.scope
      ? casesApi.keyPlayers(focus.scope).then(
          (r) => r.items,
          (e: unknown) => (current && setError(e), []),
        )
      : Promise.resolve([]);
    Promise.all([casesApi.graph(focus.key, { depth: 2 }), players]).then(
      ([g, kp]) => {
        if (!current) return;
        setGraph(mergeGraph(emptyGraph(), g, focus.key));
        setSelected(focus.key);
        setPlayers(kp);
        setLoading(false);
      },
      (e: unknown) => current && (setError(e), setLoading(false)),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- focusKey names the focus
  }, [focusKey]);

  const expand = useCallback(
    async (id: string) => {
      if (graph.expanded.has(id)) return;
      setError(null);
      try {
        const g = await casesApi.graph(id, { depth: 1 });
        setGraph((s) => mergeGraph(s, g, id));
      } catch (e) {
        setError(e);
      }
    },
    [graph.expanded],
  );

  /** A click on a node selects it and brings in its neighbours. */
  const onSelect = useCallback(
    (id: string) => {
      setSelected(id);
      void expand(id);
    },
    [expand],
  );

  /** A chain may run through nodes outside the view: they and its links are added, then highlighted. */
  const showPath = (p: NetworkPath | null) => {
    if (!p?.found) return setPath([]);
    setGraph((s) => mergeGraph(s, chainGraph(p)));
    setPath(p.chain.map((n) => n.key));
  };

  const kinds = kindsIn(graph, NODE_KINDS);
  const keySet = useMemo(() => new Set(showPlayers ? (players ?? []).map((p) => p.key) : []), [players, showPlayers]);
  const toggleKind = (k: NodeKind) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });

  if (!focus) {
    return (
      <section>
        <PageHeader title={t('network.title')} />
        <p className="lead">{t('network.noFocus')}</p>
        <p>
          <Link to="/cases">{t('nav.cases')}</Link> · <Link to="/gangs">{t('nav.gangs')}</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="network-page">
      <PageHeader title={t('network.title')}>
        <span className="muted" role="status" data-testid="graph-counts">
          {t('network.counts', { nodes: formatNumber(locale, graph.nodes.size), edges: formatNumber(locale, graph.edges.size) })}
        </span>
      </PageHeader>
      {error != null && <ErrorBox error={error} />}
      {loading && <Loading />}
      <div className="network-layout">
        <div className="network-main">
          <GraphCanvas
            graph={graph}
            hiddenKinds={hidden}
            keyPlayers={keySet}
            path={path}
            selected={selected}
            onSelect={onSelect}
            label={t('network.canvasLabel')}
          />
          <p className="hint">{t('network.canvasHint')}</p>
        </div>
        <aside className="network-side" aria-label={t('network.panels')}>
          <FiltersPanel kinds={kinds} hidden={hidden} onToggle={toggleKind} graph={graph} />
          <SelectedPanel graph={graph} selected={selected} onExpand={(id) => void expand(id)} />
          <KeyPlayersPanel players={players} graph={graph} show={showPlayers} onShow={setShowPlayers} onSelect={onSelect} />
          <PathPanel graph={graph} selected={selected} path={path} onPath={showPath} onError={setError} />
          <NodesPanel graph={graph} hidden={hidden} selected={selected} onSelect={onSelect} />
        </aside>
      </div>
    </section>
  );
}
