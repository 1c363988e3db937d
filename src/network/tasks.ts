/**
 * The analyses the worker runs, as one tagged union: the same code answers in the worker and,
 * for tests, on the calling thread.
 */
import { communities, communityGraph, dismantle, keyPlayers, sharedPersons, type SharedBy, shortestPath } from './analysis.ts';
import { fromPayload, type GraphPayload, type NodeKind } from './graph.ts';

export type Task =
  | { op: 'communities'; graph: GraphPayload; seed?: number; top?: number; limit?: number }
  | { op: 'keyPlayers'; graph: GraphPayload; limit?: number; kinds?: NodeKind[]; community?: { membership: Record<string, number>; id: number } }
  | { op: 'path'; graph: GraphPayload; from: string; to: string }
  | { op: 'dismantle'; graph: GraphPayload; remove: string[]; community?: { membership: Record<string, number>; id: number } }
  | { op: 'shared'; graph: GraphPayload; by: SharedBy; limit?: number; seed?: number };

export interface Progress {
  phase: 'building' | 'analysing' | 'summarising';
  /** 0…1 within the whole task */
  fraction: number;
}

export function runTask(task: Task, onProgress: (p: Progress) => void = () => {}) {
  const g = fromPayload(task.graph, (done, total) => onProgress({ phase: 'building', fraction: (0.3 * done) / Math.max(1, total) }));
  onProgress({ phase: 'analysing', fraction: 0.3 });
  switch (task.op) {
    case 'communities':
      return communities(g, { seed: task.seed, top: task.top, limit: task.limit });
    case 'keyPlayers': {
      const h = task.community ? communityGraph(g, task.community.membership, task.community.id) : g;
      return { nodes: h.order, edges: h.size, ...keyPlayers(h, { limit: task.limit, kinds: task.kinds }) };
    }
    case 'path':
      return shortestPath(g, task.from, task.to);
    case 'dismantle':
      return dismantle(task.community ? communityGraph(g, task.community.membership, task.community.id) : g, task.remove);
    case 'shared': {
      const membership = task.by === 'communities' ? communities(g, { seed: task.seed, limit: 0 }).membership : undefined;
      onProgress({ phase: 'summarising', fraction: 0.8 });
      return sharedPersons(g, task.by, { membership, limit: task.limit });
    }
  }
}
