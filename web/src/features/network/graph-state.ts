/** The network view's graph: merging neighbourhoods as nodes are expanded, and what is shown. */
import type { GraphEdge, GraphNode, NetworkGraph, NetworkPath, NodeKind } from '../../api/cases-types.ts';

export interface GraphState {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
  /** Nodes whose neighbours were already fetched. */
  expanded: Set<string>;
}

/** Edges are undirected: one key whichever end comes first. */
export const edgeKey = (e: GraphEdge) => (e.source < e.target ? `${e.source}|${e.target}` : `${e.target}|${e.source}`);

export function emptyGraph(): GraphState {
  return { nodes: new Map(), edges: new Map(), expanded: new Set() };
}

/** Adds an answer of the graph route to what is shown (a node seen twice is kept once). */
export function mergeGraph(state: GraphState, g: NetworkGraph, expandedId?: string): GraphState {
  const nodes = new Map(state.nodes);
  const edges = new Map(state.edges);
  for (const n of g.nodes) nodes.set(n.key, { ...nodes.get(n.key), ...n });
  for (const e of g.edges) if (nodes.has(e.source) && nodes.has(e.target)) edges.set(edgeKey(e), e);
  const expanded = new Set(state.expanded);
  if (expandedId) expanded.add(expandedId);
  return { nodes, edges, expanded };
}

/** The node kinds present, in a stable order, for the filter. */
export function kindsIn(state: GraphState, order: readonly NodeKind[]): NodeKind[] {
  const present = new Set([...state.nodes.values()].map((n) => n.kind));
  return order.filter((k) => present.has(k));
}

/** Consecutive pairs of a path, as undirected keys, to highlight its edges. */
export function pathPairs(path: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < path.length; i++) {
    out.add(`${path[i - 1]}|${path[i]}`);
    out.add(`${path[i]}|${path[i - 1]}`);
  }
  return out;
}

/** A found chain as a small graph: its nodes and the links between consecutive ones. */
export function chainGraph(p: NetworkPath): NetworkGraph {
  return {
    focus: p.chain[0]?.key ?? '',
    truncated: false,
    nodes: p.chain.map((n) => ({ ...n, degree: 0 })),
    edges: p.chain.slice(1).map((n, i) => ({ source: p.chain[i].key, target: n.key, types: p.links[i] ?? [] })),
  };
}
