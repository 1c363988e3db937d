/**
 * The screening worker: owns the indexes, so that building them and matching never block
 * the HTTP thread. Requests come as { id, op, args } and are answered in order.
 */
import { parentPort } from 'node:worker_threads';
import { ScreeningEngine } from './engine.ts';

const engine = new ScreeningEngine();
type Args = any[];
const ops: Record<string, (...a: Args) => unknown> = {
  upsertMany: (records: Parameters<ScreeningEngine['upsert']>[0][]) => {
    for (const r of records) engine.upsert(r);
    return engine.stats();
  },
  remove: (id: string) => engine.remove(id),
  link: (linkId: string, from: string, to: string) => engine.link(linkId, from, to),
  linkMany: (links: Array<{ id: string; fromId: string; toId: string }>) => {
    for (const l of links) engine.link(l.id, l.fromId, l.toId);
  },
  unlink: (linkId: string) => engine.unlink(linkId),
  persons: (q, v, limit) => engine.searchPersons(q, v, limit),
  personsMany: (qs: Args, v, limit) => qs.map((q) => engine.searchPersons(q, v, limit)),
  documents: (q, v, limit) => engine.searchDocuments(q, v, limit),
  vehicles: (q, v, limit) => engine.searchVehicles(q, v, limit),
  compact: () => {
    engine.compact();
    return engine.stats();
  },
  stats: () => engine.stats(),
};

parentPort!.on('message', (msg: { id: number; op: string; args: Args }) => {
  try {
    const result = ops[msg.op](...msg.args);
    parentPort!.postMessage({ id: msg.id, ok: true, result });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, ok: false, error: (e as Error).message });
  }
});
