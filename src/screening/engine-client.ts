import { Worker } from 'node:worker_threads';
import type { DocumentCandidate, EngineStats, IndexedRecord, PersonCandidate, VehicleCandidate, Viewer } from './engine.ts';
import type { PersonQuery } from './screening.ts';

/** The main thread's handle on the screening worker: every call is a message and a promise. */
export class EngineClient {
  #worker: Worker | undefined;
  #next = 1;
  #pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();

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

  #call<T>(op: string, ...args: unknown[]): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#spawn().postMessage({ id, op, args });
    });
  }

  upsertMany = (records: IndexedRecord[]) => this.#call<EngineStats>('upsertMany', records);
  remove = (id: string) => this.#call<void>('remove', id);
  linkMany = (links: Array<{ id: string; fromId: string; toId: string }>) => this.#call<void>('linkMany', links);
  unlink = (linkId: string) => this.#call<void>('unlink', linkId);
  persons = (q: PersonQuery, v: Viewer, limit: number) => this.#call<PersonCandidate[]>('persons', q, v, limit);
  personsMany = (qs: PersonQuery[], v: Viewer, limit: number) => this.#call<PersonCandidate[][]>('personsMany', qs, v, limit);
  documents = (q: { number: string; issuingCountry?: string }, v: Viewer, limit: number) => this.#call<DocumentCandidate[]>('documents', q, v, limit);
  vehicles = (q: { plate?: string; country?: string; vin?: string }, v: Viewer, limit: number) => this.#call<VehicleCandidate[]>('vehicles', q, v, limit);
  stats = () => this.#call<EngineStats>('stats');
  compact = () => this.#call<EngineStats>('compact');

  async close(): Promise<void> {
    await this.#worker?.terminate();
    this.#worker = undefined;
  }
}
