/**
 * A partner's offline bundle as the watchlist of `ribat screen-batch`: the persons, documents
 * and vehicles it carries (record items, and the subject of a notice), screened with their
 * provenance (owner node and agency, handling code, version). The bundle is read twice: first
 * its manifest is checked against the sender's pinned key, then the indexes are built while the
 * lines are hashed again; a bundle changed in between is refused before any query is screened.
 */
import { once } from 'node:events';
import { bundleError, scanBundle, verifyBundle, type Manifest } from '../../federation/bundle.ts';
import type { KeyLookup } from '../../federation/envelope.ts';
import type { DocumentData, PersonData, VehicleData } from '../../records/record.ts';
import { DocumentIndex } from '../documents.ts';
import { PersonIndex } from '../names/person-index.ts';
import type { PersonQuery } from '../screening.ts';
import { VehicleIndex } from '../vehicles.ts';
import { type BatchProblem, csvRecords, formatOf, jsonRecords, LineError, toQuery } from './screen-batch.ts';
import type { NotUnderstood } from './secondary-fields.ts';

export interface Provenance {
  id: string;
  ownerNode: string;
  /** The owner agency's code, as the owner sent it. */
  ownerAgency: string | null;
  category: string;
  tlp: string;
  version: number;
  legalBasisCode: string | null;
  reviewDate: string | null;
}

type Kind = 'person' | 'document' | 'vehicle';
const KINDS: readonly string[] = ['person', 'document', 'vehicle'];

export interface BundleWatchlist {
  manifest: Manifest;
  persons: PersonIndex;
  documents: DocumentIndex;
  vehicles: VehicleIndex;
  /** By index key (`ownerNode/itemId`). */
  provenance: Map<string, Provenance>;
  counts: { persons: number; documents: number; vehicles: number; withdrawn: number; expired: number; other: number };
}

const obj = (v: unknown): Record<string, any> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, any>) : undefined);

/** The record an item carries: a record body `{ kind, data }`, or a notice's subject. */
function recordOf(category: string, data: Record<string, any>): { kind: Kind; data: Record<string, any> } | undefined {
  for (const r of [data, obj(data.subject)]) if (r && KINDS.includes(r.kind) && obj(r.data)) return { kind: r.kind, data: r.data };
  // a notice sent with its subject's names only
  if ((category.startsWith('notice.') || category === 'diffusion') && Array.isArray(data.names)) {
    const names = data.names.map((n: unknown) => (typeof n === 'string' ? { value: n, type: 'alias' } : n)).filter((n: any) => typeof n?.value === 'string' && n.value.trim());
    if (names.length) return { kind: 'person', data: { names } };
  }
  return undefined;
}

/** The envelope header's type, read without its signature: the verified manifest vouches for every line. */
function envelopeType(jws: unknown): { type?: string; to?: string; from?: string } {
  try {
    return JSON.parse(Buffer.from(String(jws).split('.')[1], 'base64url').toString('utf8'));
  } catch {
    return {};
  }
}

export async function loadBundleWatchlist(file: string, keyOf: KeyLookup, opts: { now: Date; self?: string; onProblem(p: BatchProblem): void }): Promise<BundleWatchlist> {
  const manifest = await verifyBundle(await scanBundle(file), keyOf, { now: opts.now, self: opts.self, kind: 'envelopes' });
  const today = opts.now.toISOString().slice(0, 10);
  const w: BundleWatchlist = { manifest, persons: new PersonIndex(), documents: new DocumentIndex(), vehicles: new VehicleIndex(), provenance: new Map(), counts: { persons: 0, documents: 0, vehicles: 0, withdrawn: 0, expired: 0, other: 0 } };
  const held = new Map<string, { version: number; kind: Kind }>();
  const drop = (key: string) => {
    const before = held.get(key);
    if (!before) return;
    if (before.kind === 'person') w.persons.remove(key);
    else if (before.kind === 'document') w.documents.remove(key);
    else w.vehicles.remove(key);
    held.delete(key);
    w.provenance.delete(key);
  };
  let line = 0;
  const second = await scanBundle(file, (raw) => {
    line++;
    if (line > manifest.count) throw bundleError('bundle_altered', `${file} changed while it was read`);
    let env: Record<string, any> | undefined;
    try {
      env = obj(JSON.parse(raw.toString('utf8')));
    } catch {
      env = undefined;
    }
    const item = obj(obj(env?.body)?.item);
    const h = envelopeType(env?.jws);
    if (!item || typeof item.id !== 'string' || typeof item.ownerNode !== 'string' || h.from !== manifest.from) {
      opts.onProblem({ file, line, message: 'not an envelope of this bundle’s sender', skipped: true });
      return;
    }
    const key = `${item.ownerNode}/${item.id}`;
    const version = Number.isInteger(item.version) ? item.version : 0;
    const before = held.get(key);
    if (before && before.version > version) return;
    if (h.type === 'item.withdraw') {
      drop(key);
      w.counts.withdrawn++;
      return;
    }
    const data = obj(item.data) ?? {};
    const record = recordOf(String(item.category), data);
    if (!record) {
      w.counts.other++;
      return;
    }
    const reviewDate = typeof data.reviewDate === 'string' ? data.reviewDate : null;
    drop(key);
    // past the owner's review date a record is not screened on (INTERPOL RPD art. 49–50)
    if (reviewDate && reviewDate < today) {
      w.counts.expired++;
      return;
    }
    try {
      if (!index(w, key, record)) throw new LineError(`the ${record.kind} has no ${record.kind === 'person' ? 'name' : record.kind === 'document' ? 'number' : 'plate or VIN'}`);
    } catch (e) {
      if (!(e instanceof LineError)) throw e;
      opts.onProblem({ file, line, message: `${key}: ${e.message}`, skipped: true });
      return;
    }
    held.set(key, { version, kind: record.kind });
    const owner = data.ownerAgency;
    w.provenance.set(key, {
      id: item.id, ownerNode: item.ownerNode, ownerAgency: typeof owner === 'string' ? owner : typeof owner?.code === 'string' ? owner.code : null,
      category: String(item.category), tlp: String(item.tlp), version, legalBasisCode: typeof data.legalBasisCode === 'string' ? data.legalBasisCode : null, reviewDate,
    });
  });
  if (second.sha256 !== manifest.sha256 || second.count !== manifest.count) throw bundleError('bundle_altered', `${file} changed while it was read`);
  for (const { kind } of held.values()) w.counts[kind === 'person' ? 'persons' : kind === 'document' ? 'documents' : 'vehicles']++;
  w.persons.compact();
  return w;
}

function index(w: BundleWatchlist, key: string, r: { kind: Kind; data: Record<string, any> }): boolean {
  if (r.kind === 'person') {
    const p = r.data as PersonData;
    const names = (Array.isArray(p.names) ? p.names : []).filter((n) => typeof n?.value === 'string' && n.value.trim());
    if (!names.length) return false;
    w.persons.add({ id: key, names: names.map((n) => ({ value: n.value, type: n.type, script: n.script })), birthDates: p.birthDates, nationalities: p.nationalities, gender: p.gender });
    return true;
  }
  if (r.kind === 'document') {
    const d = r.data as DocumentData;
    return typeof d.number === 'string' && w.documents.add({ id: key, number: d.number, type: String(d.type ?? 'other'), issuingCountry: d.issuingCountry ?? null, status: String(d.status ?? 'unknown') });
  }
  const v = r.data as VehicleData;
  if (typeof v.plate !== 'string' && typeof v.vin !== 'string') return false;
  return w.vehicles.add({ id: key, plate: v.plate ?? '', plateCountry: v.plateCountry ?? '', vin: v.vin ?? null, status: String(v.status ?? 'unknown') });
}

// ---- queries: a passenger or vehicle manifest ---------------------------------------------------

export interface ManifestQuery {
  id: string;
  line: number;
  person?: PersonQuery;
  document?: { number: string; issuingCountry?: string };
  vehicle?: { plate?: string; country?: string; vin?: string };
  notUnderstood?: NotUnderstood[];
}

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() || undefined : undefined);
const QUERY_COLUMNS = ['id', 'name', 'birthDate', 'nationality', 'gender', 'documentNumber', 'documentCountry', 'plate', 'plateCountry', 'vin'];

/** Lines with a name, a document number, a plate or a VIN (any of them); the others are skipped. */
export async function* readManifestQueries(file: string, onProblem: (p: BatchProblem) => void): AsyncGenerator<ManifestQuery> {
  const format = formatOf(file, ['jsonl', 'csv']);
  const records = format === 'jsonl' ? jsonRecords(file, onProblem) : csvRecords(file, [], QUERY_COLUMNS, onProblem);
  for await (const { record, line } of records) {
    const notes: string[] = [];
    try {
      const q: ManifestQuery = { id: text(record.id) ?? `#${line}`, line };
      if (text(record.name)) {
        const p = toQuery(record, line, notes);
        q.id = p.id;
        q.person = p.query;
        if (p.notUnderstood) q.notUnderstood = p.notUnderstood;
      }
      const number = text(record.documentNumber);
      if (number) q.document = { number, ...(text(record.documentCountry) ? { issuingCountry: text(record.documentCountry) } : {}) };
      const plate = text(record.plate);
      const vin = text(record.vin);
      if (plate || vin) q.vehicle = { ...(plate ? { plate } : {}), ...(vin ? { vin } : {}), ...(text(record.plateCountry) ? { country: text(record.plateCountry) } : {}) };
      if (!q.person && !q.document && !q.vehicle) throw new LineError('the line has no name, documentNumber, plate or vin');
      for (const message of notes) onProblem({ file, line, message, skipped: false });
      yield q;
    } catch (e) {
      if (!(e instanceof LineError)) throw e;
      onProblem({ file, line, message: e.message, skipped: true });
    }
  }
}

/** Screens each query line against the bundle, writing one JSON line per query with each candidate's provenance. */
export async function screenAgainstBundle(w: BundleWatchlist, queries: string, opts: { top: number; out: NodeJS.WritableStream; onProblem(p: BatchProblem): void }): Promise<number> {
  const from = (key: string) => ({ ...w.provenance.get(key)!, via: w.manifest.from });
  let n = 0;
  for await (const q of readManifestQueries(queries, opts.onProblem)) {
    const line: Record<string, unknown> = { queryId: q.id, ...(q.notUnderstood ? { notUnderstood: q.notUnderstood } : {}) };
    if (q.person) {
      line.matches = w.persons.search(q.person, { limit: opts.top }).slice(0, opts.top).map(({ id, ...m }) => ({ ...m, ...from(id) }));
    }
    if (q.document) line.documentMatches = w.documents.search(q.document, { limit: opts.top }).map(({ id, ...m }) => ({ ...m, ...from(id) }));
    if (q.vehicle) line.vehicleMatches = w.vehicles.search(q.vehicle, { limit: opts.top }).map(({ id, ...m }) => ({ ...m, ...from(id) }));
    n++;
    if (!opts.out.write(`${JSON.stringify(line)}\n`)) await once(opts.out, 'drain');
  }
  return n;
}
