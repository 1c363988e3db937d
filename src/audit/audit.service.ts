import type { Actor } from '../auth/roles.ts';
import { can } from '../auth/policy.ts';
import type { Clock } from '../core/clock.ts';
import { forbidden } from '../core/errors.ts';
import { decodeCursor, type Page, pageLimit, toPage } from '../core/paging.ts';
import type { Db } from '../db/connect.ts';
import { type AuditEntry, type AuditEvent, type AuditListEntry, entryHash, GENESIS_HASH, type VerifyResult } from './audit.ts';
import { type AuditRepo, labelKey } from './audit.repo.ts';
import type { Checkpointer } from './checkpointer.ts';
import { type VerifyAgainst, verifyChain } from './verify.ts';

/** Entries in one group commit at most. */
const MAX_GROUP = 2000;

const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === '23505';

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
    /** Signs the chain's head every N entries and on close (none: the head is not anchored). */
    private readonly checkpoints?: Checkpointer,
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
    await this.repo.lockChain(trx);
    // under the lock: a group commit waiting for it must read the chain's end again
    this.#head = undefined;
    const entries = this.#chain(await this.repo.last(trx), events);
    await this.repo.insertMany(trx, entries);
    // not committed yet: the checkpointer reads what is, later and off this request
    this.checkpoints?.grew(entries[entries.length - 1]?.seq ?? 0);
    return entries;
  }

  #chain(last: { seq: number; hash: string } | undefined, events: Array<{ actor: Pick<Actor, 'userId' | 'agencyId'> | null; ev: AuditEvent }>): AuditEntry[] {
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const at = this.clock.now();
    return events.map(({ actor, ev }) => {
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
  }

  /**
   * For reads that write nothing else (searches): the event joins the next group commit and
   * the promise resolves once it is durable, so an answer is never sent before its audit entry
   * is stored. Under load one transaction carries hundreds of entries.
   *
   * The commit starts on the next turn of the event loop (setImmediate), so that every request
   * that reaches its audit in the same turn shares it, and the next one starts as soon as the
   * previous has committed, with everything that queued meanwhile.
   */
  record(actor: Pick<Actor, 'userId' | 'agencyId'>, ev: AuditEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ actor, ev, resolve, reject });
      this.#flushing ??= new Promise<void>((r) => setImmediate(r)).then(() => this.#flush());
    });
  }

  #queue: Array<{ actor: Pick<Actor, 'userId' | 'agencyId'>; ev: AuditEvent; resolve: () => void; reject: (e: unknown) => void }> = [];
  #flushing: Promise<void> | undefined;
  /**
   * The chain's end as of our last group commit, so that the next one skips reading it. Only
   * trusted under the chain lock, and only as a guess: `seq` is the primary key, so if another
   * writer (another process) appended meanwhile, the insert fails and the batch is redone
   * from the chain's real end. Any failure forgets it.
   */
  #head: { seq: number; hash: string } | undefined;

  async #flush() {
    while (this.#queue.length) {
      const batch = this.#queue.splice(0, MAX_GROUP);
      try {
        for (let attempt = 1; ; attempt++) {
          try {
            await this.#commitGroup(batch);
            break;
          } catch (e) {
            // another writer took the seq we guessed: again, reading the chain's end
            if (!isUniqueViolation(e) || attempt === 3) throw e;
          }
        }
        for (const b of batch) b.resolve();
      } catch (e) {
        for (const b of batch) b.reject(e);
      }
    }
    this.#flushing = undefined;
  }

  /**
   * With the chain's end known from our last group commit, the group is one statement (lock
   * and insert, one round trip); otherwise a transaction that reads the end under the lock.
   */
  async #commitGroup(batch: Array<{ actor: Pick<Actor, 'userId' | 'agencyId'>; ev: AuditEvent }>) {
    try {
      let entries: AuditEntry[];
      const head = this.#head;
      if (head) {
        entries = this.#chain(head, batch);
        await this.repo.appendAfter(this.db, entries);
      } else {
        entries = await this.db.transaction().execute(async (trx) => {
          await this.repo.lockChain(trx);
          const entries = this.#chain(await this.repo.last(trx), batch);
          await this.repo.insertMany(trx, entries);
          return entries;
        });
      }
      const end = entries[entries.length - 1];
      this.#head = { seq: end.seq, hash: end.hash };
      this.checkpoints?.grew(end.seq);
    } catch (e) {
      this.#head = undefined;
      throw e;
    }
  }

  /**
   * Recomputes the whole chain and checks it against the signed checkpoints: reports the first
   * entry that does not fit, a log shorter than a checkpoint says, or a checkpoint that is not
   * genuine.
   */
  async verify(actor: Actor): Promise<VerifyResult> {
    this.authorize(actor, 'audit.verify');
    return this.verifyChain();
  }

  /** As `verify`, for the CLI (no actor); `against` names a copy of the checkpoints and its public key. */
  async verifyChain(against: VerifyAgainst = {}): Promise<VerifyResult> {
    return verifyChain(this.db, this.repo, this.checkpoints?.place, against);
  }

  /** Writes a checkpoint of the committed chain now (it also happens every N entries and on close). */
  async checkpoint() {
    return this.checkpoints?.checkpoint();
  }

  /** Lets queued search events commit, then writes the last checkpoint. */
  async close(): Promise<void> {
    while (this.#flushing) await this.#flushing;
    await this.checkpoints?.close();
  }

  /**
   * Who saw or changed what: newest first, paged, each target named by its label (a record's
   * name, a notice's reference …), the full id beside it. Labels that name personal data, a
   * notice or a case are given only to a reader who may see every record (the data-protection
   * officer); the records so named are the list's subjects. Reading the audit log is itself audited.
   */
  async list(actor: Actor, filter: AuditFilter, page: { limit?: number; cursor?: string }, purpose: string): Promise<Page<AuditListEntry>> {
    this.authorize(actor, 'audit.read');
    const limit = pageLimit(page.limit);
    const beforeSeq = decodeCursor<number>(page.cursor, 'number');
    const found = toPage(await this.repo.list(this.db, { ...filter, beforeSeq }, limit + 1), limit, (e) => e.seq);
    const labels = await this.repo.targetLabels(this.db, found.items, actor.roles.includes('dpo'));
    const items = found.items.map((e) => {
      const key = labelKey(e.targetType, e.targetId);
      return { ...e, targetLabel: (key && labels.get(key)) || null };
    });
    const named = items.flatMap((e) => (e.targetLabel?.recordKind && e.targetId ? [e.targetId] : []));
    await this.record(actor, {
      action: 'audit.list',
      targetType: 'audit',
      targetId: filter.subjectId ?? null,
      subjectIds: [...new Set([...(filter.subjectId ? [filter.subjectId] : []), ...named])],
      purpose,
      details: { filter: Object.keys(filter).filter((k) => (filter as any)[k] !== undefined) },
    });
    return { items, nextCursor: found.nextCursor };
  }

  private authorize(actor: Actor, action: 'audit.read' | 'audit.verify') {
    const d = can(actor, action);
    if (!d.allowed) throw forbidden(d.code, `Your roles do not allow ${action}`);
  }
}
