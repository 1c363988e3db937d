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

/**
 * One colour per community, by its rank in the list (largest first); the rest share grey. The
 * colours are told apart by people with the common colour-vision deficiencies (Okabe–Ito first),
 * and each community is also named in the side panel, never by colour alone.
 */
export const COMMUNITY_COLOURS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#7f3c8d', '#11a579', '#3969ac', '#f2b701', '#e73f74'] as const;
export const OTHER_COMMUNITY_COLOUR = '#9aa0a6';
export const communityColour = (rank: number): string => COMMUNITY_COLOURS[rank] ?? OTHER_COMMUNITY_COLOUR;

/** Node key → colour, from what is known of each community's members (`ranks`: community id → rank). */
export function communityColours(members: ReadonlyMap<string, number>, ranks: ReadonlyMap<number, number>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, id] of members) {
    const rank = ranks.get(id);
    if (rank !== undefined) out.set(key, communityColour(rank));
  }
  return out;
}

/** Connected components of the shown graph without `removed`: node key → component number. */
function components(state: GraphState, removed: ReadonlySet<string>): Map<string, number> {
  const neighbours = new Map<string, string[]>();
  for (const key of state.nodes.keys()) if (!removed.has(key)) neighbours.set(key, []);
  for (const e of state.edges.values()) {
    const a = neighbours.get(e.source);
    const b = neighbours.get(e.target);
    if (a && b) {
      a.push(e.target);
      b.push(e.source);
    }
  }
  const component = new Map<string, number>();
  let next = 0;
  for (const start of neighbours.keys()) {
    if (component.has(start)) continue;
    const stack = [start];
    component.set(start, next);
    while (stack.length) {
      for (const n of neighbours.get(stack.pop()!)!) {
        if (!component.has(n)) {
          component.set(n, next);
          stack.push(n);
        }
      }
    }
    next++;
  }
  return component;
}

/**
 * What falls apart in the shown graph when `removed` are taken out: of each part that held a
 * removed node, the largest remaining piece holds together; the nodes of its other pieces are cut off.
 * The server's before/after counts are the whole network's; this is what the view can draw.
 */
export function fallsApart(state: GraphState, removed: ReadonlySet<string>): Set<string> {
  const cutOff = new Set<string>();
  if (removed.size === 0) return cutOff;
  const before = components(state, new Set());
  const after = components(state, removed);
  const touched = new Set([...removed].filter((k) => before.has(k)).map((k) => before.get(k)!));
  // pieces after the removal, grouped by the part they were in before
  const pieces = new Map<number, Map<number, string[]>>();
  for (const [key, piece] of after) {
    const part = before.get(key)!;
    if (!touched.has(part)) continue;
    const byPiece = pieces.get(part) ?? new Map<number, string[]>();
    pieces.set(part, byPiece);
    const members = byPiece.get(piece);
    if (members) members.push(key);
    else byPiece.set(piece, [key]);
  }
  for (const byPiece of pieces.values()) {
    const sorted = [...byPiece.values()].sort((a, b) => b.length - a.length);
    for (const piece of sorted.slice(1)) for (const key of piece) cutOff.add(key);
  }
  return cutOff;
}
