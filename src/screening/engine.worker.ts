/**
 * The screening worker: owns the indexes, so that building them and matching never block
 * the HTTP thread. Requests come as lists of { id, op, args }; each is answered, in order.
 */
import { parentPort } from 'node:worker_threads';
import { type PersonCandidate, ScreeningEngine } from './engine.ts';
import { PersonCandidateSchema, projector } from './screening.schema.ts';

const engine = new ScreeningEngine();
const personCandidate = projector(PersonCandidateSchema);
const utf8 = new TextEncoder();

/**
 * Person candidates as the HTTP answer carries them (PersonCandidateSchema), written here as
 * UTF-8 JSON: the HTTP thread sends the bytes as they are instead of receiving a copy of every
 * explanation, labelling it and serialising it (most of its work per search). It keeps what
 * the audit and the hits need, per candidate.
 */
function personsJson(found: PersonCandidate[]) {
  const labelled = found.map((c) => personCandidate({ ...c.match, displayName: c.displayName, tlp: c.tlp, ownerAgencyCode: c.ownerAgencyCode }));
  return { matches: found.map(({ match: m }) => ({ id: m.id, score: m.score, alert: m.alert })), json: utf8.encode(JSON.stringify(labelled)) };
}
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
  personsJson: (q, v, limit) => personsJson(engine.searchPersons(q, v, limit)),
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
      const result = ops[c.op](...c.args);
      // the JSON bytes move to the HTTP thread instead of being copied
      const json = (result as { json?: unknown } | null)?.json;
      parentPort!.postMessage({ id: c.id, ok: true, result }, json instanceof Uint8Array && json.buffer instanceof ArrayBuffer ? [json.buffer] : []);
    } catch (e) {
      parentPort!.postMessage({ id: c.id, ok: false, error: (e as Error).message });
    }
  }
});
