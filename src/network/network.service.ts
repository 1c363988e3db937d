import { normalizeRegion } from '../core/regions.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { can } from '../auth/policy.ts';
import type { Actor } from '../auth/roles.ts';
import type { Clock } from '../core/clock.ts';
import { forbidden, invalid, notFound } from '../core/errors.ts';
import type { IdGenerator } from '../core/ids.ts';
import { toIsoDate } from '../core/partial-date.ts';
import type { Db } from '../db/connect.ts';
import type { Community, DismantleResult, KeyPlayers, NodeRef, PathResult, SharedBy, SharedPerson } from './analysis.ts';
import { buildGraph, caseKey, type EdgeInput, edgesFromRows, gangKey, type GraphPayload, type NodeInput, type NodeKind, toPayload, visibleNodes } from './graph.ts';
import type { NetworkClient } from './network-client.ts';
import type { EdgeRows, NetworkRepo, Scope } from './network.repo.ts';
import { type JobView, NetworkJobs } from './network.jobs.ts';
import type { CommunitiesView, ScopeInput } from './network.types.ts';

export type { CommunitiesView, ScopeInput } from './network.types.ts';

export interface EgoQuery {
  focus: string;
  depth?: number;
  kinds?: NodeKind[];
  limit?: number;
}
export interface EgoView {
  focus: string;
  nodes: Array<NodeInput & { degree: number }>;
  edges: Array<{ source: string; target: string; types: string[] }>;
  /** true when the limit cut the network short */
  truncated: boolean;
}
export type KeyPlayersQuery = { gangId?: string; caseId?: string; region?: string; jobId?: string; community?: number; limit?: number };

export interface NetworkOptions {
  /** Above this many edges, a communities request becomes a job answered 202 (default 20,000). */
  asyncAboveEdges?: number;
  /** At most this many rows from each edge source per analysis (default 2,000,000). */
  maxRows?: number;
}

const DEFAULT_LIMIT = 500;
const SUBJECTS_AUDITED = 500;

/**
 * Criminal-network analysis over the link graph of records, cases and gangs. Every use case checks
 * `network.read`, builds the graph from the nodes the user may see only (handling codes and review
 * dates), runs the analysis in the worker and audits it with its purpose and the persons it reveals.
 */
export class NetworkService {
  readonly #jobs: NetworkJobs;
  readonly #asyncAbove: number;
  readonly #maxRows: number;

  constructor(
    private readonly db: Db,
    private readonly repo: NetworkRepo,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    ids: IdGenerator,
    private readonly worker: NetworkClient,
    opts: NetworkOptions = {},
  ) {
    this.#jobs = new NetworkJobs(clock, ids);
    this.#asyncAbove = opts.asyncAboveEdges ?? 20_000;
    this.#maxRows = opts.maxRows ?? 2_000_000;
  }

  /** The ego network of a node for the graph view: BFS out to `depth` steps, at most `limit` nodes. */
  async graph(actor: Actor, q: EgoQuery, purpose = ''): Promise<EgoView> {
    this.authorize(actor);
    const depth = q.depth ?? 1;
    const limit = q.limit ?? DEFAULT_LIMIT;
    if (depth < 1 || depth > 3) throw invalid('invalid_depth', 'depth is 1, 2 or 3');
    const today = toIsoDate(this.clock.now());
    const [focus] = visibleNodes(await this.repo.nodes(this.db, [q.focus]), actor.agencyId, today);
    if (!focus) throw notFound('node_not_found', 'No such node, or not one you may see');
    const seen = new Map<string, NodeInput>([[focus.key, focus]]);
    const edges: EdgeInput[] = [];
    let frontier = [focus.key];
    let truncated = false;
    for (let d = 1; d <= depth && frontier.length > 0; d++) {
      const found = edgesFromRows(...rowsOf(await this.repo.incident(this.db, frontier, limit * 20)));
      const fresh = new Set<string>();
      for (const e of found) for (const k of [e.source, e.target]) if (!seen.has(k)) fresh.add(k);
      const next: string[] = [];
      for (const n of visibleNodes(await this.repo.nodes(this.db, fresh), actor.agencyId, today)) {
        if (seen.size >= limit) {
          truncated = true;
          break;
        }
        seen.set(n.key, n);
        next.push(n.key);
      }
      edges.push(...found);
      frontier = next;
    }
    const kinds = q.kinds?.length ? new Set(q.kinds) : null;
    const nodes = [...seen.values()].filter((n) => !kinds || n.key === focus.key || kinds.has(n.kind));
    const g = buildGraph(nodes, edges);
    if (!g.hasNode(focus.key)) throw notFound('node_not_found', 'No such node, or not one you may see');
    const view: EgoView = {
      focus: focus.key,
      nodes: g.mapNodes((key, a) => ({ key, ...a, degree: g.degree(key) })),
      edges: g.mapEdges((_e, a, source, target) => ({ source, target, types: a.types })),
      truncated,
    };
    await this.record(actor, 'network.graph', focus.key, purpose, view.nodes, { depth, nodes: view.nodes.length, edges: view.edges.length });
    return view;
  }

  /** Louvain communities of a scope; large scopes become a job (202, then GET /network/jobs/:id). */
  async communities(actor: Actor, input: ScopeInput & { async?: boolean }, purpose = ''): Promise<{ job: JobView } | { result: CommunitiesView }> {
    this.authorize(actor);
    const scope = scopeOf(input, true);
    const { payload, edges } = await this.load(actor, scope);
    const nodes = payload.nodes.length;
    const scopeView = { ...(input.region ? { region: input.region } : {}), ...(input.caseIds ? { caseIds: input.caseIds } : {}), ...(input.gangIds ? { gangIds: input.gangIds } : {}) };
    const run = async (onProgress?: (fraction: number, phase: string) => void) => {
      const r = await this.worker.run({ op: 'communities', graph: payload }, (p) => onProgress?.(p.fraction, p.phase));
      const view: CommunitiesView = { scope: scopeView, nodes, edges, count: r.count, modularity: r.modularity, communities: r.communities };
      await this.record(actor, 'network.communities', describe(scope), purpose, r.communities.flatMap((c) => c.topMembers), { nodes, edges, communities: r.count });
      return { view, membership: r.membership };
    };
    if (!input.async && edges <= this.#asyncAbove) return { result: (await run()).view };
    return { job: this.#jobs.start(actor, scope, run) };
  }

  job(actor: Actor, id: string): JobView {
    this.authorize(actor);
    return this.#jobs.view(actor, id);
  }

  /** Key players of a gang's, a case's or a region's network, or of one community of a finished job, and why. */
  async keyPlayers(actor: Actor, q: KeyPlayersQuery, purpose = ''): Promise<{ nodes: number; edges: number } & KeyPlayers> {
    this.authorize(actor);
    const given = q.region !== undefined || q.caseId !== undefined || q.gangId !== undefined;
    const input = given ? { region: q.region, caseIds: q.caseId ? [q.caseId] : undefined, gangIds: q.gangId ? [q.gangId] : undefined } : undefined;
    // betweenness over everything would be slow and says little: key players need a network
    const { scope, community } = this.#scopeOrCommunity(actor, input, q.jobId, q.community, false);
    const { payload } = await this.load(actor, scope);
    const r = await this.worker.run({ op: 'keyPlayers', graph: payload, limit: q.limit, community });
    await this.record(actor, 'network.key_players', describe(scope), purpose, r.items, { nodes: r.nodes, edges: r.edges, community: q.community ?? null });
    return r;
  }

  /** The shortest chain between two nodes through nodes the user may see (paths through others are not found). */
  async path(actor: Actor, from: string, to: string, purpose = ''): Promise<PathResult> {
    this.authorize(actor);
    const { payload } = await this.load(actor, { kind: 'all' });
    const result = await this.worker.run({ op: 'path', graph: payload, from, to });
    await this.record(actor, 'network.path', `${from}→${to}`, purpose, result.chain, { found: result.found, length: result.length });
    return result;
  }

  /**
   * What removing these nodes does to a network: its connected components before and after. The
   * network is a scope (none: everything the user may see) or one community of a finished job.
   */
  async dismantle(actor: Actor, input: { nodes: string[]; scope?: ScopeInput; jobId?: string; community?: number }, purpose = ''): Promise<DismantleResult> {
    this.authorize(actor);
    const { scope, community } = this.#scopeOrCommunity(actor, input.scope, input.jobId, input.community, true);
    const { payload, edges } = await this.load(actor, scope);
    const result = await this.worker.run({ op: 'dismantle', graph: payload, remove: input.nodes, community });
    await this.record(actor, 'network.dismantle', describe(scope), purpose, result.removed, { nodes: payload.nodes.length, edges, removed: result.removed.length, community: input.community ?? null });
    return result;
  }

  /** The members of one community of a finished job, a page at a time, re-checked against what the user may see now. */
  async communityMembers(actor: Actor, jobId: string, community: number, page: { offset?: number; limit?: number }, purpose = ''): Promise<{ community: number; total: number; offset: number; items: NodeRef[] }> {
    this.authorize(actor);
    const job = this.#jobs.finished(actor, jobId);
    const keys = Object.keys(job.membership)
      .filter((k) => job.membership[k] === community)
      .sort();
    if (keys.length === 0) throw notFound('community_not_found', 'No such community in this job');
    const offset = page.offset ?? 0;
    const slice = keys.slice(offset, offset + (page.limit ?? DEFAULT_LIMIT));
    const visible = new Map(visibleNodes(await this.repo.nodes(this.db, slice), actor.agencyId, toIsoDate(this.clock.now())).map((n) => [n.key, n]));
    const items = slice.flatMap((k) => {
      const n = visible.get(k);
      return n ? [{ key: n.key, kind: n.kind, label: n.label }] : [];
    });
    await this.record(actor, 'network.community_members', `job:${jobId}#${community}`, purpose, items, { community, total: keys.length, offset, returned: items.length });
    return { community, total: keys.length, offset, items };
  }

  /**
   * A scope (everything when none is given and `allowAll`), or the scope and membership of one
   * community of a finished job.
   */
  #scopeOrCommunity(actor: Actor, input: ScopeInput | undefined, jobId: string | undefined, id: number | undefined, allowAll: boolean): { scope: Scope; community?: { membership: Record<string, number>; id: number } } {
    if (jobId === undefined && id === undefined) return { scope: scopeOf(input ?? {}, allowAll) };
    if (jobId === undefined || id === undefined) throw invalid('community_needs_job', 'community and jobId go together');
    if (input !== undefined) throw invalid('scope_ambiguous', 'Give a scope or a job community, not both');
    const job = this.#jobs.finished(actor, jobId);
    if (!Object.values(job.membership).includes(id)) throw notFound('community_not_found', 'No such community in this job');
    return { scope: job.scope, community: { membership: job.membership, id } };
  }

  /** Persons spanning several gangs, communities, or countries and regions, within a scope (default: all you may see). */
  async shared(actor: Actor, q: ScopeInput & { by: SharedBy; limit?: number }, purpose = ''): Promise<{ items: SharedPerson[] }> {
    this.authorize(actor);
    const scope = scopeOf(q, true);
    const { payload, edges } = await this.load(actor, scope);
    const items = await this.worker.run({ op: 'shared', graph: payload, by: q.by, limit: q.limit });
    await this.record(actor, 'network.shared', describe(scope), purpose, items, { by: q.by, nodes: payload.nodes.length, edges, returned: items.length });
    return { items };
  }

  /** The scope's edges and the nodes at their ends the user may see, ready for the worker. */
  private async load(actor: Actor, scope: Scope): Promise<{ payload: GraphPayload; edges: number }> {
    const edges = edgesFromRows(...rowsOf(await this.repo.edges(this.db, scope, this.#maxRows)));
    const keys = new Set<string>();
    for (const e of edges) keys.add(e.source).add(e.target);
    const nodes = visibleNodes(await this.repo.nodes(this.db, keys), actor.agencyId, toIsoDate(this.clock.now()));
    const payload = toPayload(nodes, edges);
    return { payload, edges: payload.source.length };
  }

  private authorize(actor: Actor) {
    const d = can(actor, 'network.read');
    if (!d.allowed) throw forbidden(d.code);
  }

  /** Analyses reveal personal data: each is audited with its purpose and the records it names. */
  private record(actor: Actor, action: string, target: string, purpose: string, revealed: Array<{ key: string; kind: NodeKind }>, details: Record<string, unknown>) {
    const subjectIds = [...new Set(revealed.filter((n) => n.kind !== 'phone' && n.kind !== 'address' && !n.key.includes(':')).map((n) => n.key))].slice(0, SUBJECTS_AUDITED);
    return this.audit.record(actor, { action, targetType: 'network', targetId: target.slice(0, 200), purpose, subjectIds, details });
  }

  async close(): Promise<void> {
    await this.worker.close();
  }
}

const rowsOf = (r: EdgeRows) => [r.links, r.parties, r.members] as const;

function scopeOf(input: ScopeInput, allowAll: boolean): Scope {
  const given = [input.region !== undefined, input.caseIds !== undefined, input.gangIds !== undefined].filter(Boolean).length;
  if (given > 1) throw invalid('scope_ambiguous', 'Give one of region, caseIds, gangIds');
  // cases store region codes; a name typed in the scope finds them too
  if (input.region !== undefined) return { kind: 'region', region: normalizeRegion(input.region).value };
  if (input.caseIds !== undefined) return { kind: 'cases', ids: input.caseIds };
  if (input.gangIds !== undefined) return { kind: 'gangs', ids: input.gangIds };
  if (!allowAll) throw invalid('scope_required', 'Give one of region, caseId(s), gangId(s)');
  return { kind: 'all' };
}

function describe(scope: Scope): string {
  switch (scope.kind) {
    case 'all':
      return 'all';
    case 'region':
      return `region:${scope.region}`;
    case 'cases':
      return scope.ids.map(caseKey).join(',');
    case 'gangs':
      return scope.ids.map(gangKey).join(',');
  }
}
