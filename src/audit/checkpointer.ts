import type { Clock } from '../core/clock.ts';
import { AppError } from '../core/errors.ts';
import type { Db } from '../db/connect.ts';
import { GENESIS_HASH, linkProblem } from './audit.ts';
import type { AuditRepo } from './audit.repo.ts';
import { type Checkpoint, checkLine, checkpointLine, keyIdOf, signCheckpoint } from './checkpoint.ts';
import { type CheckpointPlace, checkpointPlace } from './checkpoint-store.ts';

type Head = { seq: number; hash: string };

const refused = (code: string, message: string, details?: Record<string, unknown>) => new AppError(code, 500, message, details);

/**
 * Writes a signed checkpoint of the committed chain every `every` entries and on close.
 *
 * Never on a user's path: the service only says how far the chain has grown, and the
 * checkpoint is written later, off the request, from what the database has committed (an
 * entry still in an open transaction is not visible to it). It first re-checks the entries
 * since the previous checkpoint, so that it never vouches for a chain cut short or changed
 * meanwhile. A failure is handed to `onError`, never thrown into a request.
 */
export class Checkpointer {
  #last: Head | undefined;
  #seen = 0;
  /** The chain length at the last failure: no new attempt before `every` more entries. */
  #failedAt = -Infinity;
  #running: Promise<unknown> | undefined;

  constructor(
    private readonly db: Db,
    private readonly repo: AuditRepo,
    private readonly clock: Clock,
    readonly place: CheckpointPlace,
    private readonly every: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** The chain has grown to `seq` (perhaps not yet committed). */
  grew(seq: number): void {
    if (seq > this.#seen) this.#seen = seq;
    if (this.#running || this.#seen - this.#failedAt < this.every) return;
    if (this.#last && this.#seen - this.#last.seq < this.every) return;
    this.#running = new Promise<void>((r) => setImmediate(r))
      .then(() => this.#write(false))
      .catch((e) => this.#fail(e))
      .finally(() => (this.#running = undefined));
  }

  /** Resolves once no checkpoint is being written. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** Writes a checkpoint of the committed chain now, if it grew since the last one. */
  async checkpoint(): Promise<Checkpoint | undefined> {
    await this.idle();
    try {
      return await this.#write(true);
    } catch (e) {
      this.#fail(e);
      throw e;
    }
  }

  /** On clean shutdown: the last checkpoint, reported and not thrown on failure. */
  async close(): Promise<void> {
    await this.checkpoint().catch(() => {});
  }

  #fail(e: unknown) {
    this.#failedAt = this.#seen;
    this.#last = undefined;
    this.onError(e);
  }

  async #write(force: boolean): Promise<Checkpoint | undefined> {
    const base = (this.#last ??= await this.#newest());
    const head = await this.repo.last(this.db);
    if (!head) {
      if (base.seq > 0) throw refused('audit_emptied', `the audit log is empty, but checkpoint ${base.seq} covers ${base.seq} entries: no checkpoint written`);
      return undefined;
    }
    if (head.seq < base.seq) throw refused('audit_truncated', `the audit log holds ${head.seq} entries, its last checkpoint says ${base.seq}: no checkpoint written`);
    if (head.seq === base.seq && head.hash !== base.hash) throw this.#mismatch(base.seq);
    if (head.seq === base.seq || (!force && head.seq - base.seq < this.every)) return undefined;
    const end = await this.#walk(base, head.seq);
    const cp = signCheckpoint(await this.place.keys.signer(), end, this.clock.now());
    await this.place.store.append(checkpointLine(cp));
    this.#last = end;
    return cp;
  }

  /** Checks the entries after `base` up to `toSeq`: they must continue the signed chain. */
  async #walk(base: Head, toSeq: number): Promise<Head> {
    let { seq, hash } = base;
    if (seq > 0) {
      const [at] = await this.repo.batch(this.db, seq - 1, 1);
      if (at?.seq !== seq || at.hash !== hash) throw this.#mismatch(seq);
    }
    while (seq < toSeq) {
      const batch = await this.repo.batch(this.db, seq, Math.min(2000, toSeq - seq));
      if (batch.length === 0) break;
      for (const e of batch) {
        const problem = linkProblem(e, seq + 1, hash);
        if (problem) throw refused('audit_chain_broken', `audit entry ${seq + 1} does not continue the chain (${problem}): no checkpoint written`, { brokenSeq: seq + 1, reason: problem });
        seq = e.seq;
        hash = e.hash;
      }
    }
    return { seq, hash };
  }

  #mismatch(seq: number) {
    return refused('audit_head_mismatch', `audit entry ${seq} differs from the checkpoint that signed it: no checkpoint written`, { checkpointSeq: seq });
  }

  /** The newest checkpoint of the store's tail that our key signed; the genesis if none. */
  async #newest(): Promise<Head> {
    const key = await this.place.keys.publicKey();
    let best: Head = { seq: 0, hash: GENESIS_HASH };
    if (!key) return best;
    const keyId = keyIdOf(key);
    for (const line of await this.place.store.tail()) {
      const r = checkLine(line, key, keyId);
      if (r.ok && r.checkpoint.seq > best.seq) best = { seq: r.checkpoint.seq, hash: r.checkpoint.hash };
    }
    return best;
  }
}

/**
 * The node's checkpointer: where config.ts says (see checkpointPlace for the defaults), its
 * failures reported on stderr.
 */
export function checkpointerFor(
  db: Db,
  repo: AuditRepo,
  clock: Clock,
  o: { file?: string; keyFile?: string; every: number; databaseUrl: string; onError?: (err: unknown) => void },
): Checkpointer {
  const report = o.onError ?? ((err: unknown) => process.stderr.write(`ribat: audit checkpoint: ${err instanceof Error ? err.message : String(err)}\n`));
  const place = checkpointPlace({ file: o.file, keyFile: o.keyFile, databaseUrl: o.databaseUrl, warn: (msg) => report(new Error(msg)) });
  return new Checkpointer(db, repo, clock, place, o.every, report);
}
