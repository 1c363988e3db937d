import { Worker } from 'node:worker_threads';
import type { CommunitiesResult, DismantleResult, KeyPlayers, PathResult, SharedPerson } from './analysis.ts';
import type { Progress, Task } from './tasks.ts';

interface Pending {
  resolve: (v: any) => void;
  reject: (e: Error) => void;
  onProgress?: (p: Progress) => void;
}

export interface ResultOf {
  communities: CommunitiesResult;
  keyPlayers: { nodes: number; edges: number } & KeyPlayers;
  path: PathResult;
  dismantle: DismantleResult;
  shared: SharedPerson[];
}

/** The main thread's handle on the network worker: one task per message, progress on the way, one answer. */
export class NetworkClient {
  #worker: Worker | undefined;
  #next = 1;
  #pending = new Map<number, Pending>();

  /** Started on first use: commands that never analyse never spawn it. */
  #spawn(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./network.worker.mjs', import.meta.url));
    this.#worker = worker;
    worker.on('message', (m: { id: number; progress?: Progress; ok?: boolean; result?: unknown; error?: string }) => {
      const p = this.#pending.get(m.id);
      if (!p) return;
      if (m.progress) return p.onProgress?.(m.progress);
      this.#pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(`network worker: ${m.error}`));
    });
    worker.on('error', (e) => {
      for (const p of this.#pending.values()) p.reject(e);
      this.#pending.clear();
      this.#worker = undefined;
    });
    return worker;
  }

  /** Runs a task in the worker; the graph's typed arrays are transferred, not copied (do not reuse them). */
  run<T extends Task>(task: T, onProgress?: (p: Progress) => void): Promise<ResultOf[T['op']]> {
    const id = this.#next++;
    const { source, target, type } = task.graph;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      try {
        this.#spawn().postMessage({ id, task }, [source.buffer, target.buffer, type.buffer] as ArrayBuffer[]);
      } catch (e) {
        this.#pending.delete(id);
        reject(e as Error);
      }
    });
  }

  async close(): Promise<void> {
    await this.#worker?.terminate();
    this.#worker = undefined;
  }
}
