import { Worker } from 'node:worker_threads';
import type { DocumentCandidate, EngineStats, IndexedRecord, PersonCandidate, VehicleCandidate, Viewer } from './engine.ts';
import type { PersonQuery } from './screening.ts';

export interface PersonsJson {
  matches: Array<{ id: string; score: number; alert: boolean }>;
  json: Uint8Array;
}

interface Pending {
  resolve: (v: any) => void;
  reject: (e: Error) => void;
}

/** One worker: its own copy of the indexes, fed every change, answering in order. */
class EngineWorker {
  #worker: Worker | undefined;
  #next = 1;
  #pending = new Map<number, Pending>();
  /** Calls made in this turn of the event loop: they travel as one message (see `call`). */
  #outbox: Array<{ id: number; op: string; args: unknown[] }> = [];
  #flushScheduled = false;

  /** The worker starts on first use, so that commands that never screen never spawn it. */
  #spawn(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./engine.worker.mjs', import.meta.url));
    this.#worker = worker;
    worker.on('message', (m: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const p = this.#pending.get(m.id);
      if (!p) return;
      this.#pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(`screening worker: ${m.error}`));
    });
    worker.on('error', (e) => {
      for (const p of this.#pending.values()) p.reject(e);
      this.#pending.clear();
    });
    return worker;
  }

  get pending(): number {
    return this.#pending.size;
  }

  /**
   * Every call is queued and the queue is posted once per turn of the event loop: under load
   * the searches of all the requests that arrived together cost one message instead of one
   * per request. The worker answers them one by one, in order, so an update still precedes
   * every search made after it.
   */
  call<T>(op: string, args: unknown[]): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#outbox.push({ id, op, args });
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush() {
    this.#flushScheduled = false;
    const batch = this.#outbox;
    this.#outbox = [];
    if (batch.length === 0) return;
    try {
      this.#spawn().postMessage(batch);
    } catch (e) {
      for (const c of batch) {
        this.#pending.get(c.id)?.reject(e as Error);
        this.#pending.delete(c.id);
      }
    }
  }

  async close(): Promise<void> {
    await this.#worker?.terminate();
    this.#worker = undefined;
  }
}

/**
 * The main thread's handle on the screening workers: every call is a message and a promise.
 * With more than one worker (SCREENING_WORKERS), each holds the whole index: changes go to
 * all of them, searches to the least busy.
 */
export class EngineClient {
  readonly #workers: EngineWorker[];

  constructor(workers = 1) {
    this.#workers = Array.from({ length: Math.max(1, workers) }, () => new EngineWorker());
  }

  /** A change: every worker applies it (each answers for itself; one answer is returned). */
  async #all<T>(op: string, ...args: unknown[]): Promise<T> {
    const results = await Promise.all(this.#workers.map((w) => w.call<T>(op, args)));
    return results[0];
  }

  /** A search: the worker with the fewest calls in flight. */
  #any<T>(op: string, ...args: unknown[]): Promise<T> {
    let best = this.#workers[0];
    for (const w of this.#workers) if (w.pending < best.pending) best = w;
    return best.call<T>(op, args);
  }

  upsertMany = (records: IndexedRecord[]) => this.#all<EngineStats>('upsertMany', records);
  remove = (id: string) => this.#all<void>('remove', id);
  linkMany = (links: Array<{ id: string; fromId: string; toId: string }>) => this.#all<void>('linkMany', links);
  unlink = (linkId: string) => this.#all<void>('unlink', linkId);
  persons = (q: PersonQuery, v: Viewer, limit: number) => this.#any<PersonCandidate[]>('persons', q, v, limit);
  /** The candidates as UTF-8 JSON in the HTTP answer's shape, and what the audit and hits need of each (see engine.worker.ts). */
  personsJson = (q: PersonQuery, v: Viewer, limit: number) => this.#any<PersonsJson>('personsJson', q, v, limit);
  personsMany = (qs: PersonQuery[], v: Viewer, limit: number) => this.#any<PersonCandidate[][]>('personsMany', qs, v, limit);
  documents = (q: { number: string; issuingCountry?: string }, v: Viewer, limit: number) => this.#any<DocumentCandidate[]>('documents', q, v, limit);
  vehicles = (q: { plate?: string; country?: string; vin?: string }, v: Viewer, limit: number) => this.#any<VehicleCandidate[]>('vehicles', q, v, limit);
  stats = () => this.#workers[0].call<EngineStats>('stats', []);
  compact = () => this.#all<EngineStats>('compact');

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.close()));
  }
}
