/**
 * The link graph, pure: node keys, node and edge rows, handling filter and graph building.
 * Keys: a record's id as is; `case:<id>`, `gang:<id>`; `phone:<normalised>`, `address:<normalised>`
 * (so that two cases naming the same phone meet at one node).
 */
import { type Handling, type TlpLevel, visibleToAgency } from '../core/handling.ts';
import { type AbstractGraph, UndirectedGraph } from './graphology.ts';

export const NODE_KINDS = ['person', 'group', 'vehicle', 'document', 'phone', 'address', 'case', 'gang'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export interface NodeAttrs {
  kind: NodeKind;
  label: string;
  /** cases and gangs: their region */
  region?: string;
  /** persons: ISO 3166 alpha-3 nationalities */
  countries?: string[];
  /** gangs: active | dismantled; cases: open | solved | closed */
  status?: string;
}
export interface EdgeAttrs {
  /** link types (member_of …), `party:<role>` for case parties, `gang_member:<role>` */
  types: string[];
}
export type NetworkGraph = AbstractGraph<NodeAttrs, EdgeAttrs>;

export interface NodeInput extends NodeAttrs {
  key: string;
}
export interface EdgeInput {
  source: string;
  target: string;
  type: string;
}

/** A node as the repository reads it, with what decides who may see it (null: phones, addresses). */
export interface NodeRow extends NodeInput {
  guard: (Handling & { ownerAgencyId: string; reviewDate: string | null }) | null;
}

export interface LinkRow {
  fromId: string;
  toId: string;
  type: string;
}
export interface PartyRow {
  caseId: string;
  kind: string;
  recordId: string | null;
  value: string | null;
  role: string;
}
export interface MemberRow {
  gangId: string;
  personRecordId: string;
  role: string;
}

export const caseKey = (id: string) => `case:${id}`;
export const gangKey = (id: string) => `gang:${id}`;

/** E.164-like: digits only, `+` kept, a leading international prefix `00` read as `+`. */
export function normalisePhone(value: string): string {
  const t = value.trim();
  const digits = t.replace(/\D/g, '');
  if (t.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  return digits;
}

/** Case, accents of compatibility forms, punctuation and spacing do not make two addresses differ. */
export function normaliseAddress(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function partyKey(p: Pick<PartyRow, 'kind' | 'recordId' | 'value'>): string | null {
  if (p.recordId) return p.recordId;
  if (!p.value) return null;
  if (p.kind === 'phone') return `phone:${normalisePhone(p.value)}`;
  if (p.kind === 'address') return `address:${normaliseAddress(p.value)}`;
  return null;
}

/** The nodes a phone or address key stands for, built from its key alone. */
export function valueNode(key: string): NodeRow | null {
  const [kind, ...rest] = key.split(':');
  if ((kind !== 'phone' && kind !== 'address') || rest.length === 0) return null;
  return { key, kind, label: rest.join(':'), guard: null };
}

/** Edges from the three sources: links between records, case parties and gang members. */
export function edgesFromRows(links: LinkRow[], parties: PartyRow[], members: MemberRow[]): EdgeInput[] {
  const out: EdgeInput[] = [];
  for (const l of links) out.push({ source: l.fromId, target: l.toId, type: l.type });
  for (const p of parties) {
    const key = partyKey(p);
    if (key) out.push({ source: caseKey(p.caseId), target: key, type: `party:${p.role}` });
  }
  for (const m of members) out.push({ source: gangKey(m.gangId), target: m.personRecordId, type: `gang_member:${m.role}` });
  return out;
}

/**
 * Whether this agency may see the node: the record's, case's or gang's handling (TLP 2.0 with named
 * recipients, as for records) and, for records, a review date not yet passed. Phones and addresses
 * have no handling of their own: they appear only through a visible case (see buildGraph).
 */
export function nodeVisible(row: NodeRow, agencyId: string, today: string): boolean {
  const g = row.guard;
  if (!g) return true;
  if (g.reviewDate !== null && g.reviewDate < today) return false;
  return visibleToAgency({ tlp: g.tlp as TlpLevel, restrictedTo: g.restrictedTo }, g.ownerAgencyId, agencyId);
}

export const visibleNodes = (rows: NodeRow[], agencyId: string, today: string): NodeInput[] =>
  rows.filter((r) => nodeVisible(r, agencyId, today)).map(({ guard: _guard, ...node }) => node);

/**
 * The graph of these nodes. An edge whose end is not among them is dropped: a node the user may
 * not see never appears, not even as an anonymous dot, and so no path runs through it. Phones and
 * addresses left without an edge are dropped too (they came from cases the user may not see).
 */
export function buildGraph(nodes: Iterable<NodeInput>, edges: Iterable<EdgeInput>): NetworkGraph {
  const g: NetworkGraph = new UndirectedGraph<NodeAttrs, EdgeAttrs>();
  for (const { key, ...attrs } of nodes) if (!g.hasNode(key)) g.addNode(key, attrs);
  for (const e of edges) {
    if (e.source === e.target || !g.hasNode(e.source) || !g.hasNode(e.target)) continue;
    const existing = g.edge(e.source, e.target);
    if (existing === undefined) g.addEdge(e.source, e.target, { types: [e.type] });
    else {
      const types = g.getEdgeAttribute(existing, 'types');
      if (!types.includes(e.type)) types.push(e.type);
    }
  }
  dropBareValues(g);
  return g;
}

function dropBareValues(g: NetworkGraph): void {
  const bare = g.filterNodes((key, a) => (a.kind === 'phone' || a.kind === 'address') && g.degree(key) === 0);
  for (const key of bare) g.dropNode(key);
}

/**
 * The form a graph travels in to the worker: node list and edges as index arrays (transferable),
 * so that a million edges cross threads as two typed arrays instead of a million objects.
 */
export interface GraphPayload {
  nodes: NodeInput[];
  source: Int32Array;
  target: Int32Array;
  typeNames: string[];
  type: Uint16Array;
}

export function toPayload(nodes: NodeInput[], edges: EdgeInput[]): GraphPayload {
  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(n.key, i));
  const typeIndex = new Map<string, number>();
  const source = new Int32Array(edges.length);
  const target = new Int32Array(edges.length);
  const type = new Uint16Array(edges.length);
  let n = 0;
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined) continue;
    let ti = typeIndex.get(e.type);
    if (ti === undefined) typeIndex.set(e.type, (ti = typeIndex.size));
    source[n] = s;
    target[n] = t;
    type[n++] = ti;
  }
  return { nodes, source: source.subarray(0, n), target: target.subarray(0, n), typeNames: [...typeIndex.keys()], type: type.subarray(0, n) };
}

export function fromPayload(p: GraphPayload, onProgress?: (done: number, total: number) => void): NetworkGraph {
  const keys = p.nodes.map((n) => n.key);
  function* edges(): Generator<EdgeInput> {
    for (let i = 0; i < p.source.length; i++) {
      if (onProgress && i % 100_000 === 0) onProgress(i, p.source.length);
      yield { source: keys[p.source[i]], target: keys[p.target[i]], type: p.typeNames[p.type[i]] };
    }
  }
  return buildGraph(p.nodes, edges());
}
