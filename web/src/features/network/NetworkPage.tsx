import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases-client.ts';
import { type KeyPlayers, type NetworkPath, NODE_KINDS, type NodeKind } from '../../api/cases-types.ts';
import { Link, type Route } from '../../app/router.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { CommunitiesPanel, communityName } from './CommunitiesPanel.tsx';
import { focusLoaded, pagedTotals } from './community-members.ts';
import { communityInView } from './community-view.ts';
import { DismantlePanel, type DismantleWithin } from './DismantlePanel.tsx';
import { GraphCanvas } from './GraphCanvas.tsx';
import { chainGraph, communityColours, emptyGraph, fallsApart, type GraphState, kindsIn, mergeGraph } from './graph-state.ts';
import { type DismantleOn, type DismantleResult, networkApi } from './network-api.ts';
import { NetworkError } from './NetworkError.tsx';
import { FiltersPanel, KeyPlayersPanel, NodesPanel, PathPanel, SelectedPanel } from './NetworkPanels.tsx';
import './network.css';
import { type AnalysisScope, isBounded, scopeKey } from './scope.ts';
import { ScopePanel, useScopeLabel } from './ScopePanel.tsx';
import { SharedPanel } from './SharedPanel.tsx';
import { useCommunities } from './use-communities.ts';
import { useCommunityMembers } from './use-community-members.ts';

/** A simulation brings the neighbourhoods of at most this many removed members into view. */
const REMOVED_SHOWN = 10;

/** The node the view starts from (a case, a gang or a record), or a region, and the scope of the analyses. */
function focusOf(route: Route): { key: string | null; scope: AnalysisScope | null; region: string } {
  const q = route.query;
  const caseId = q.get('caseId');
  if (caseId) return { key: `case:${caseId}`, scope: { kind: 'case', caseId }, region: '' };
  const gangId = q.get('gangId');
  if (gangId) return { key: `gang:${gangId}`, scope: { kind: 'gang', gangId }, region: '' };
  const recordId = q.get('recordId');
  if (recordId) return { key: recordId, scope: null, region: '' };
  const region = q.get('region')?.trim() ?? '';
  return { key: null, scope: region ? { kind: 'region', region } : null, region };
}

/**
 * The analyst's network view: a case's, gang's or record's graph, neighbours fetched as nodes are
 * expanded; communities of the scope (run in the server's worker, coloured, one focused at a time),
 * key players and why, a shortest chain, a dismantling simulation and the persons shared between
 * networks. The side panel comes after the graph in the reading direction (on the left in Arabic)
 * and holds every action, so the page is keyboard-usable.
 */
export function NetworkPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const scopeLabel = useScopeLabel();
  const focus = focusOf(route);
  const focusKey = JSON.stringify(focus);
  const [graph, setGraph] = useState<GraphState>(emptyGraph);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [hidden, setHidden] = useState<ReadonlySet<NodeKind>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const [path, setPath] = useState<string[]>([]);
  // the scope belongs to the focus it was chosen under: a new focus starts again from its own
  const [chosen, setChosen] = useState<{ under: string; scope: AnalysisScope } | null>(null);
  const scope: AnalysisScope = chosen?.under === focusKey ? chosen.scope : (focus.scope ?? { kind: 'all' });
  const setScope = (s: AnalysisScope) => setChosen({ under: focusKey, scope: s });
  const [players, setPlayers] = useState<KeyPlayers | null>(null);
  const [showPlayers, setShowPlayers] = useState(true);
  const communities = useCommunities();
  const [focused, setFocused] = useState<number | null>(null);
  const [colourOn, setColourOn] = useState(true);
  const [picked, setPicked] = useState<ReadonlyMap<string, string>>(new Map());
  /** the simulation runs within the focused community (when there is one) or on the scope */
  const [within, setWithin] = useState<DismantleWithin>('community');
  const [dismantled, setDismantled] = useState<{ result: DismantleResult; of: string } | null>(null);
  const [simulating, setSimulating] = useState(false);
  const graphRef = useRef(graph);
  graphRef.current = graph;

  // a new focus: its graph, and the analyses start again on its scope
  useEffect(() => {
    setGraph(emptyGraph());
    setSelected(null);
    setPath([]);
    setError(null);
    if (!focus.key) return;
    let current = true;
    setLoading(true);
    const key = focus.key;
    casesApi.graph(key, { depth: 2 }).then(
      (g) => {
        if (!current) return;
        setGraph(mergeGraph(emptyGraph(), g, key));
        setSelected(key);
        setLoading(false);
      },
      (e: unknown) => current && (setError(e), setLoading(false)),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- focusKey names the focus
  }, [focusKey]);

  // a new scope: earlier results were about other data
  const scopeId = scopeKey(scope);
  const { reset: resetCommunities } = communities;
  useEffect(() => {
    resetCommunities();
    setFocused(null);
    setPicked(new Map());
    setDismantled(null);
  }, [scopeId, resetCommunities]);

  // every member of the communities, a page at a time: the colours and the focused community
  const jobId = communities.run.status === 'done' ? communities.run.jobId : null;
  const view = communities.run.status === 'done' ? communities.run.view : null;
  const known = useCommunityMembers(jobId, view, focused, graph.nodes);
  const { members } = known;

  // key players: of the focused community when there is one, else of the scope (none for everything)
  useEffect(() => {
    setPlayers(null);
    const on: { jobId: string; community: number } | { scope: AnalysisScope } | null =
      focused !== null && jobId ? { jobId, community: focused } : isBounded(scope) ? { scope } : null;
    if (!on) return;
    let current = true;
    networkApi.keyPlayers(on).then(
      (r) => current && setPlayers(r),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- scopeId names the scope
  }, [scopeId, focused, jobId]);

  const focusedCommunity = focused === null ? undefined : view?.communities.find((c) => c.id === focused);
  // a focused community comes into view once its members are known (without a job, a small scope
  // answered at once, only its best-connected members are)
  const focusReady = focusedCommunity !== undefined && (jobId === null || known.error != null || focusLoaded(known.coverage, focusedCommunity));
  useEffect(() => {
    if (!focusReady || !focusedCommunity) return;
    let current = true;
    setError(null);
    communityInView(focusedCommunity, members, known.refs, graphRef.current).then(
      (add) => current && setGraph(add),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per focus, when its members have arrived
  }, [focused, focusReady]);

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

  /** Focusing a community brings it into view (above) and makes it the network a simulation runs on. */
  const onFocus = (id: number | null) => {
    setFocused(id);
    if (id !== null) setWithin('community');
  };

  /** A chain may run through nodes outside the view: they and its links are added, then highlighted. */
  const showPath = (p: NetworkPath | null) => {
    if (!p?.found) return setPath([]);
    setGraph((s) => mergeGraph(s, chainGraph(p)));
    setPath(p.chain.map((n) => n.key));
  };

  const onPick = (key: string, label: string, on: boolean) => {
    setDismantled(null);
    setPicked((m) => {
      const next = new Map(m);
      if (on) next.set(key, label);
      else next.delete(key);
      return next;
    });
  };

  const nameOf = (id: number) => communityName(t, id);
  const focusNode = focus.key ? graph.nodes.get(focus.key) : undefined;
  const scopeName = scopeLabel(scope, focusNode?.label);
  const inCommunity = focused !== null && jobId !== null && within === 'community';

  /** The server simulates on the whole network (the focused community, or the scope); the removed members' neighbourhoods are drawn to show what falls apart. */
  const simulate = async () => {
    setSimulating(true);
    setError(null);
    const on: DismantleOn = inCommunity ? { jobId, community: focused } : { scope };
    const of = inCommunity ? nameOf(focused) : scopeName;
    try {
      const r = await networkApi.dismantle([...picked.keys()], on);
      setDismantled({ result: r, of });
      const missing = r.removed.map((n) => n.key).filter((k) => !graph.expanded.has(k)).slice(0, REMOVED_SHOWN);
      const around = await Promise.all(missing.map((k) => casesApi.graph(k, { depth: 1 })));
      setGraph((s) => around.reduce((acc, g, i) => mergeGraph(acc, g, missing[i]), s));
    } catch (e) {
      setError(e);
    } finally {
      setSimulating(false);
    }
  };

  const kinds = kindsIn(graph, NODE_KINDS);
  const keySet = useMemo(() => new Set(showPlayers ? (players?.items ?? []).map((p) => p.key) : []), [players, showPlayers]);
  const ranks = useMemo(() => new Map((view?.communities ?? []).map((c, rank) => [c.id, rank])), [view]);
  const colours = useMemo(() => (colourOn ? communityColours(members, ranks) : new Map<string, string>()), [colourOn, members, ranks]);
  const focusSet = useMemo(() => (focused === null ? null : new Set([...members].filter(([, c]) => c === focused).map(([k]) => k))), [focused, members]);
  const removed = useMemo(() => new Set((dismantled?.result.removed ?? []).map((n) => n.key)), [dismantled]);
  const cutOff = useMemo(() => fallsApart(graph, removed), [graph, removed]);
  const playersOf = focused !== null && jobId ? nameOf(focused) : isBounded(scope) ? scopeName : null;
  const paged = useMemo(() => (view ? pagedTotals(view.communities, known.coverage) : { seen: 0, total: 0 }), [view, known.coverage]);
  const focusShown = focusSet && focusedCommunity ? { shown: [...focusSet].filter((k) => graph.nodes.has(k)).length, total: focusedCommunity.size } : null;
  const toggleKind = (k: NodeKind) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });

  return (
    <section className="network-page">
      <PageHeader title={t('network.title')}>
        <span className="muted" role="status" data-testid="graph-counts">
          {t('network.counts', {
            nodes: t('network.nodeCount', { count: graph.nodes.size, n: formatNumber(locale, graph.nodes.size) }),
            edges: t('network.linkCount', { count: graph.edges.size, n: formatNumber(locale, graph.edges.size) }),
          })}
        </span>
      </PageHeader>
      {!focus.key && (
        <p className="lead" data-testid="no-focus">
          {t('network.noFocus')} <Link to="/cases">{t('cases.nav.cases')}</Link> · <Link to="/gangs">{t('gangs.nav.gangs')}</Link>
        </p>
      )}
      {error != null && <NetworkError error={error} />}
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
            colours={colours}
            focus={focusSet}
            removed={removed}
            cutOff={cutOff}
          />
          <p className="hint">{t('network.canvasHint')}</p>
        </div>
        <aside className="network-side" aria-label={t('network.panels')}>
          <ScopePanel key={focusKey} focusScope={focus.scope?.kind === 'region' ? null : focus.scope} focusLabel={focusNode?.label} region={focusNode?.region ?? focus.region} scope={scope} onScope={setScope} />
          <SelectedPanel graph={graph} selected={selected} onExpand={(id) => void expand(id)} picked={picked} onPick={onPick} />
          <CommunitiesPanel
            run={communities.run}
            onRun={() => {
              setFocused(null);
              void communities.start(scope);
            }}
            focused={focused}
            onFocus={onFocus}
            colour={colourOn}
            onColour={setColourOn}
            colouring={{ ...paged, members: known.members.size, loading: known.loading, error: known.error }}
            focusShown={focusShown}
          />
          <KeyPlayersPanel
            players={players?.items ?? null}
            of={playersOf}
            estimatedFrom={players && !players.betweennessExact ? players.betweennessSources : null}
            show={showPlayers}
            onShow={setShowPlayers}
            onSelect={onSelect}
            picked={picked}
            onPick={onPick}
          />
          <DismantlePanel
            picked={picked}
            community={focused !== null && jobId !== null ? nameOf(focused) : null}
            scope={scopeName}
            within={within}
            onWithin={(w) => (setWithin(w), setDismantled(null))}
            busy={simulating}
            result={dismantled}
            onUnpick={(key) => onPick(key, '', false)}
            onClear={() => (setPicked(new Map()), setDismantled(null))}
            onSimulate={() => void simulate()}
          />
          <SharedPanel key={scopeId} scope={scope} onOpen={onSelect} />
          <PathPanel graph={graph} selected={selected} path={path} onPath={showPath} onError={setError} />
          <FiltersPanel kinds={kinds} hidden={hidden} onToggle={toggleKind} graph={graph} />
          <NodesPanel graph={graph} hidden={hidden} selected={selected} onSelect={onSelect} />
        </aside>
      </div>
    </section>
  );
}
