/**
 * The screening worker: owns the indexes, so that building them and matching never block
 * the HTTP thread. Requests come as lists of { id, op, args }; each is answered, in order.
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

/**
 * A message is a list of calls (those made in one turn of the main thread). Each is answered
 * as soon as it is done, not with the list: the main thread can audit and send the first
 * answers while this thread works on the rest, and requests do not fall into step.
 */
parentPort!.on('message', (calls: Array<{ id: number; op: string; args: Args }>) => {
  for (const c of calls) {
    try {
      parentPort!.postMessage({ id: c.id, ok: true, result: ops[c.op](...c.args) });
    } catch (e) {
      parentPort!.postMessage({ id: c.id, ok: false, error: (e as Error).message });
    }
  }
});
