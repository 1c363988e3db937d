import type { Actor } from '../auth/roles.ts';
import { can } from '../auth/policy.ts';
import type { Clock } from '../core/clock.ts';
import { forbidden } from '../core/errors.ts';
import { decodeCursor, type Page, pageLimit, toPage } from '../core/paging.ts';
import type { Db } from '../db/connect.ts';
import { type AuditEntry, type AuditEvent, type AuditListEntry, entryHash, GENESIS_HASH, type VerifyResult } from './audit.ts';
import type { AuditRepo } from './audit.repo.ts';

export interface AuditFilter {
  subjectId?: string;
  actorUserId?: string;
  targetId?: string;
  action?: string;
}

export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly repo: AuditRepo,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one event in the caller's transaction. Use cases call this last, inside the
   * same `trx` as their write, so that no write exists without its audit entry.
   */
  async append(trx: Db, actor: Pick<Actor, 'userId' | 'agencyId'> | null, ev: AuditEvent): Promise<AuditEntry> {
    return (await this.appendMany(trx, [{ actor, ev }]))[0];
  }

  /** Several events in one transaction: one lock, one read of the chain's end, one insert. */
  async appendMany(trx: Db, events: Array<{ actor: Pick<Actor, 'userId' | 'agencyId'> | null; ev: AuditEvent }>): Promise<AuditEntry[]> {
    const last = await this.repo.lockChainAndGetLast(trx);
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const at = this.clock.now();
    const entries = events.map(({ actor, ev }) => {
      const base = {
        seq: ++seq,
        at,
        actorUserId: actor?.userId ?? null,
        actorAgencyId: actor?.agencyId ?? null,
        action: ev.action,
        targetType: ev.targetType,
        targetId: ev.targetId ?? null,
        subjectIds: ev.subjectIds ?? [],
        purpose: ev.purpose ?? '',
        details: ev.details ?? {},
        prevHash,
      };
      const entry: AuditEntry = { ...base, hash: entryHash(base) };
      prevHash = entry.hash;
      return entry;
    });
    await this.repo.insertMany(trx, entries);
    return entries;
  }

  /**
   * For reads that write nothing else (searches): the event joins the next group commit and
   * the promise resolves once it is durable, so an answer is never sent before its audit entry
   * is stored. Under load one transaction carries hundreds of entries.
   */
  record(actor: Pick<Actor, 'userId' | 'agencyId'>, ev: AuditEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ actor, ev, resolve, reject });
      if (!this.#flushing) void this.#flush();
    });
  }

  #queue: Array<{ actor: Pick<Actor, 'userId' | 'agencyId'>; ev: AuditEvent; resolve: () => void; reject: (e: unknown) => void }> = [];
  #flushing = false;

  async #flush() {
    this.#flushing = true;
    while (this.#queue.length) {
      const batch = this.#queue.splice(0, 1000);
      try {
        await this.db.transaction().execute((trx) => this.appendMany(trx, batch));
        for (const b of batch) b.resolve();
      } catch (e) {
        for (const b of batch) b.reject(e);
      }
    }
    this.#flushing = false;
  }

  /** Recomputes the whole chain; reports the first entry that does not fit. */
  async verify(actor: Actor): Promise<VerifyResult> {
    this.authorize(actor, 'audit.verify');
    return this.verifyChain();
  }

  async verifyChain(): Promise<VerifyResult> {
    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    let count = 0;
    for (;;) {
      const batch = await this.repo.batch(this.db, expectedSeq - 1, 2000);
      if (batch.length === 0) break;
      for (const e of batch) {
        if (e.seq !== expectedSeq) return { ok: false, entries: count, brokenSeq: expectedSeq, reason: 'sequence_gap' };
        if (e.prevHash !== prev) return { ok: false, entries: count, brokenSeq: e.seq, reason: 'chain_broken' };
        const { hash, ...rest } = e;
        if (entryHash(rest) !== hash) return { ok: false, entries: count, brokenSeq: e.seq, reason: 'hash_mismatch' };
        prev = hash;
        expectedSeq++;
        count++;
      }
    }
    return { ok: true, entries: count, lastHash: prev };
  }

  /** Who saw or changed what: newest first, paged. Reading the audit log is itself audited. */
  async list(actor: Actor, filter: AuditFilter, page: { limit?: number; cursor?: string }, purpose: string): Promise<Page<AuditListEntry>> {
    this.authorize(actor, 'audit.read');
    const limit = pageLimit(page.limit);
    const beforeSeq = decodeCursor<number>(page.cursor, 'number');
    const rows = await this.repo.list(this.db, { ...filter, beforeSeq }, limit + 1);
    await this.record(actor, {
      action: 'audit.list',
      targetType: 'audit',
      targetId: filter.subjectId ?? null,
      subjectIds: filter.subjectId ? [filter.subjectId] : [],
      purpose,
      details: { filter: Object.keys(filter).filter((k) => (filter as any)[k] !== undefined) },
    });
    return toPage(rows, limit, (e) => e.seq);
  }

  private authorize(actor: Actor, action: 'audit.read' | 'audit.verify') {
    const d = can(actor, action);
    if (!d.allowed) throw forbidden(d.code, `Your roles do not allow ${action}`);
  }
}
