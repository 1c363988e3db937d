/**
 * What an analyst asks of a network, as pure functions over a graph. The algorithms are the
 * graphology packages' (Louvain, Brandes betweenness, PageRank, BFS paths, components); this file
 * only chooses their options and turns their output into answers.
 */
import {
  betweennessCentrality,
  bidirectional,
  createUnweightedIndexedBrandes,
  connectedComponents,
  louvain,
  pagerank,
  subgraph,
} from './graphology.ts';
import type { NetworkGraph, NodeKind } from './graph.ts';

export interface NodeRef {
  key: string;
  kind: NodeKind;
  label: string;
}

const ref = (g: NetworkGraph, key: string): NodeRef => {
  const a = g.getNodeAttributes(key);
  return { key, kind: a.kind, label: a.label };
};

/** A seeded generator (mulberry32), so that Louvain's random order gives the same answer every run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Community {
  id: number;
  size: number;
  kinds: Partial<Record<NodeKind, number>>;
  topMembers: Array<NodeRef & { degree: number }>;
}
export interface CommunitiesResult {
  count: number;
  modularity: number;
  communities: Community[];
  /** node key → community id (kept by the job for key players of one community; not sent) */
  membership: Record<string, number>;
}

/** Louvain communities (graphology-communities-louvain), largest first, each with its best-connected members. */
export function communities(g: NetworkGraph, opts: { seed?: number; top?: number; limit?: number; minSize?: number } = {}): CommunitiesResult {
  const { top = 5, limit = 100, minSize = 2 } = opts;
  if (g.order === 0) return { count: 0, modularity: 0, communities: [], membership: {} };
  const detail = louvain.detailed(g, { rng: seededRandom(opts.seed ?? 1), getEdgeWeight: null });
  const groups = new Map<number, string[]>();
  for (const [key, c] of Object.entries(detail.communities)) {
    const list = groups.get(c);
    if (list) list.push(key);
    else groups.set(c, [key]);
  }
  const sorted = [...groups.entries()].filter(([, m]) => m.length >= minSize).sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
  const out = sorted.slice(0, limit).map(([id, members]): Community => {
    const kinds: Partial<Record<NodeKind, number>> = {};
    for (const k of members) {
      const kind = g.getNodeAttribute(k, 'kind');
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    const best = members
      .map((k) => ({ k, d: g.degree(k) }))
      .sort((a, b) => b.d - a.d || (a.k < b.k ? -1 : 1))
      .slice(0, top)
      .map(({ k, d }) => ({ ...ref(g, k), degree: d }));
    return { id, size: members.length, kinds, topMembers: best };
  });
  return { count: detail.count, modularity: detail.modularity, communities: out, membership: detail.communities };
}

export type KeyPlayerReason = 'broker' | 'hub' | 'influential';
export interface KeyPlayer extends NodeRef {
  degree: number;
  /** normalised betweenness: the share of shortest paths between others that run through this node */
  betweenness: number;
  pagerank: number;
  reasons: KeyPlayerReason[];
}

const quantile = (values: number[], q: number) => {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/**
 * Work an exact betweenness may cost before it is estimated from a sample of sources instead, in
 * units of one node or one edge end per source: graphology's Brandes routine sets up a
 * predecessor list for every node and then walks every edge from both ends, once per source.
 * Exact betweenness of 3,564 nodes and 8,614 edges took 0.74 s, of 7,212 nodes and 17,264 edges
 * 1.66 s; 6 million units is a tenth to a quarter of a second (`npm run bench:network` prints both).
 */
export const EXACT_BETWEENNESS_WORK = 6_000_000;
/** Fewest sources a sampled betweenness uses, whatever the size. */
const MIN_SOURCES = 200;

export interface Betweenness {
  /** node key → normalised betweenness */
  scores: Record<string, number>;
  /** measured from every node, or estimated from `sources` of them */
  exact: boolean;
  sources: number;
}

/**
 * Normalised betweenness: exact (graphology-metrics) when the graph is small enough, else estimated
 * from a seeded uniform sample of sources (Brandes & Pich, 2007; networkx's `k`): each sampled
 * source's shortest paths come from graphology-shortest-path's indexed Brandes routine, their
 * dependencies are accumulated as graphology-metrics does for every source, and the sum is scaled
 * by nodes / sources. Brokers stand out after a few hundred sources; the ranking of the top few is
 * what the analyst reads (see analysis.test.ts for how close it stays to the exact one).
 */
export function betweenness(g: NetworkGraph, opts: { workBudget?: number; seed?: number } = {}): Betweenness {
  const n = g.order;
  const budget = opts.workBudget ?? EXACT_BETWEENNESS_WORK;
  const perSource = n + 2 * g.size;
  if (n * perSource <= budget || n <= MIN_SOURCES) return { scores: betweennessCentrality(g, { normalized: true, getEdgeWeight: null }), exact: true, sources: n };
  const k = Math.min(n, Math.max(MIN_SOURCES, Math.floor(budget / perSource)));
  // a seeded partial Fisher–Yates shuffle: k distinct sources, the same ones every run
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const rnd = seededRandom(opts.seed ?? 1);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rnd() * (n - i));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const brandes = createUnweightedIndexedBrandes(g);
  const delta = new Float64Array(n);
  const centrality = new Float64Array(n);
  for (let x = 0; x < k; x++) {
    const source = order[x];
    const [S, P, sigma] = brandes(source);
    for (let j = 0; j < S.size; j++) delta[S.items[j]] = 0;
    while (S.size !== 0) {
      const w = S.pop();
      const coefficient = (1 + delta[w]) / sigma[w];
      for (const v of P[w]) delta[v] += sigma[v] * coefficient;
      if (w !== source) centrality[w] += delta[w];
    }
  }
  const scale = n / k / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) centrality[i] *= scale;
  return { scores: brandes.index.collect(centrality), exact: false, sources: k };
}

export interface KeyPlayers {
  items: KeyPlayer[];
  betweennessExact: boolean;
  betweennessSources: number;
}

/**
 * Key players and why: `broker` (high betweenness — the others' shortest chains run through them),
 * `hub` (many direct ties), `influential` (high PageRank: tied to well-tied nodes). Scores are over
 * the whole graph; only persons and groups are ranked by default.
 */
export function keyPlayers(g: NetworkGraph, opts: { limit?: number; kinds?: NodeKind[]; workBudget?: number } = {}): KeyPlayers {
  const { limit = 10, kinds = ['person', 'group'] } = opts;
  if (g.order === 0) return { items: [], betweennessExact: true, betweennessSources: 0 };
  const b = betweenness(g, { workBudget: opts.workBudget });
  const btw = b.scores;
  const pr = pagerank(g, { getEdgeWeight: null });
  const candidates = g.filterNodes((_k, a) => kinds.includes(a.kind));
  const degrees = candidates.map((k) => g.degree(k));
  const hubAt = Math.max(3, quantile(degrees, 0.9));
  const influentialAt = quantile(candidates.map((k) => pr[k]), 0.9);
  const brokerAt = Math.max(1e-9, quantile(candidates.map((k) => btw[k]), 0.9));
  const items = candidates
    .map((key): KeyPlayer => {
      const degree = g.degree(key);
      const reasons: KeyPlayerReason[] = [];
      if (btw[key] >= brokerAt) reasons.push('broker');
      if (degree >= hubAt) reasons.push('hub');
      if (pr[key] >= influentialAt && degree > 1) reasons.push('influential');
      return { ...ref(g, key), degree, betweenness: round(btw[key]), pagerank: round(pr[key]), reasons };
    })
    .sort((a, b) => b.betweenness - a.betweenness || b.degree - a.degree || b.pagerank - a.pagerank || (a.key < b.key ? -1 : 1))
    .slice(0, limit);
  return { items, betweennessExact: b.exact, betweennessSources: b.sources };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export interface PathResult {
  found: boolean;
  /** number of edges on the chain; null when there is none */
  length: number | null;
  chain: NodeRef[];
  /** the edge types between consecutive nodes of the chain */
  links: string[][];
}

/** The shortest chain between two nodes (bidirectional BFS, graphology-shortest-path). */
export function shortestPath(g: NetworkGraph, from: string, to: string): PathResult {
  if (!g.hasNode(from) || !g.hasNode(to)) return { found: false, length: null, chain: [], links: [] };
  const path = bidirectional(g, from, to);
  if (!path) return { found: false, length: null, chain: [], links: [] };
  const links = path.slice(1).map((k, i) => [...g.getEdgeAttribute(g.edge(path[i], k)!, 'types')]);
  return { found: true, length: path.length - 1, chain: path.map((k) => ref(g, k)), links };
}

export interface ComponentsSummary {
  nodes: number;
  edges: number;
  components: number;
  largestComponent: number;
  /** sizes of the components, largest first (at most 20) */
  sizes: number[];
}
export interface DismantleResult {
  removed: NodeRef[];
  /** asked-for keys that are not in the network (or not visible to the user) */
  unknown: string[];
  before: ComponentsSummary;
  after: ComponentsSummary;
}

function summary(g: NetworkGraph): ComponentsSummary {
  const sizes = connectedComponents(g).map((c) => c.length).sort((a, b) => b - a);
  return { nodes: g.order, edges: g.size, components: sizes.length, largestComponent: sizes[0] ?? 0, sizes: sizes.slice(0, 20) };
}

/** What removing these nodes (arrests) does to the network: connected components before and after. */
export function dismantle(g: NetworkGraph, remove: string[]): DismantleResult {
  const present = [...new Set(remove)].filter((k) => g.hasNode(k));
  const unknown = [...new Set(remove)].filter((k) => !g.hasNode(k));
  const gone = new Set(present);
  const rest = subgraph(g, (k) => !gone.has(k));
  return { removed: present.map((k) => ref(g, k)), unknown, before: summary(g), after: summary(rest) };
}

export type SharedBy = 'gangs' | 'communities' | 'countries';
export interface SharedPerson extends NodeRef {
  by: SharedBy;
  /** the gangs, communities, countries (ISO alpha-3) or regions (`region:<name>`) the person spans */
  shared: Array<{ key: string; label: string }>;
}

/**
 * Persons who span several networks: members of two gangs or more (`gangs`); tied to two Louvain
 * communities or more (`communities`, needs the membership); of several nationalities or party
 * to cases in several regions (`countries`).
 */
export function sharedPersons(g: NetworkGraph, by: SharedBy, opts: { membership?: Record<string, number>; limit?: number } = {}): SharedPerson[] {
  const { limit = 100 } = opts;
  const out: SharedPerson[] = [];
  g.forEachNode((key, a) => {
    if (a.kind !== 'person') return;
    const shared = new Map<string, string>();
    if (by === 'gangs') {
      g.forEachNeighbor(key, (n, na) => {
        if (na.kind === 'gang') shared.set(n, na.label);
      });
    } else if (by === 'communities' && opts.membership) {
      const m = opts.membership;
      for (const k of [key, ...g.neighbors(key)]) if (m[k] !== undefined) shared.set(`community:${m[k]}`, `community ${m[k]}`);
    } else if (by === 'countries') {
      const regions = new Map<string, string>();
      for (const c of a.countries ?? []) shared.set(c, c);
      g.forEachNeighbor(key, (_n, na) => {
        if (na.kind === 'case' && na.region) regions.set(`region:${na.region}`, na.region);
      });
      if (shared.size < 2 && regions.size < 2) return;
      for (const [k, v] of regions) shared.set(k, v);
      out.push({ key, kind: a.kind, label: a.label, by, shared: [...shared].map(([k, label]) => ({ key: k, label })) });
      return;
    }
    if (shared.size >= 2) out.push({ key, kind: a.kind, label: a.label, by, shared: [...shared].map(([k, label]) => ({ key: k, label })) });
  });
  return out.sort((x, y) => y.shared.length - x.shared.length || (x.key < y.key ? -1 : 1)).slice(0, limit);
}

/** The members of one community, as a graph of their own. */
export const communityGraph = (g: NetworkGraph, membership: Record<string, number>, id: number): NetworkGraph =>
  subgraph(g, (k) => membership[k] === id);
