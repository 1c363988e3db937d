import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { AuditEntry, AuditListEntry } from './audit.ts';

// One lock key for the chain: appends are serialised so that each sees the previous hash.
const CHAIN_LOCK = 72_616_274;

const toEntry = (r: any): AuditEntry => ({ ...r, seq: Number(r.seq) });

const COLUMNS = sql.raw('seq, at, actor_user_id, actor_agency_id, action, target_type, target_id, subject_ids, purpose, details, prev_hash, hash');
const RECORD = sql.raw(
  'seq bigint, at timestamptz, actor_user_id text, actor_agency_id text, action text, target_type text, target_id text, subject_ids jsonb, purpose text, details jsonb, prev_hash text, hash text',
);

/**
 * The rows as one JSON array, one parameter however many entries (a group commit carries
 * hundreds): PostgreSQL and PGlite parse it far faster than a VALUES list of twelve
 * parameters a row, and the statement text stays the same.
 */
function rowsJson(entries: AuditEntry[]): string {
  return JSON.stringify(
    entries.map((e) => ({
      seq: e.seq,
      at: e.at,
      actor_user_id: e.actorUserId,
      actor_agency_id: e.actorAgencyId,
      action: e.action,
      target_type: e.targetType,
      target_id: e.targetId,
      subject_ids: e.subjectIds,
      purpose: e.purpose,
      details: e.details,
      prev_hash: e.prevHash,
      hash: e.hash,
    })),
  );
}

export class AuditRepo {
  /** Must run inside the caller's transaction: the entry commits or rolls back with the write. */
  async lockChainAndGetLast(trx: Db): Promise<{ seq: number; hash: string } | undefined> {
    await this.lockChain(trx);
    return this.last(trx);
  }

  /** Takes the chain's transaction lock: held until the caller's transaction ends. */
  async lockChain(trx: Db): Promise<void> {
    await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  }

  /** The chain's end. Read after taking the lock (its own statement, so with a fresh snapshot). */
  async last(trx: Db): Promise<{ seq: number; hash: string } | undefined> {
    const row = await trx.selectFrom('auditLog').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
  }

  async insert(trx: Db, e: AuditEntry): Promise<void> {
    await this.insertMany(trx, [e]);
  }

  /** One statement with one parameter, however many entries (see rowsJson). */
  async insertMany(trx: Db, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await sql`
      insert into audit_log (${COLUMNS})
      select ${COLUMNS} from jsonb_to_recordset(${rowsJson(entries)}::jsonb) as r(${RECORD})`.execute(trx);
  }

  /**
   * A group commit that follows a chain end the caller already knows, in one statement and so
   * in one round trip (its own transaction): it takes the chain lock, then inserts. The lock
   * is taken before any row goes in (every inserted row is joined with the lock's one row), and
   * is held until the statement commits. If the known end is stale (another writer appended),
   * the first `seq` is taken and the statement fails with a unique violation, inserting nothing.
   */
  async appendAfter(db: Db, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await sql`
      with chain_lock as materialized (select pg_advisory_xact_lock(${CHAIN_LOCK}))
      insert into audit_log (${COLUMNS})
      select ${COLUMNS} from chain_lock, jsonb_to_recordset(${rowsJson(entries)}::jsonb) as r(${RECORD})`.execute(db);
  }

  /** Entries in chain order, a batch at a time, from `afterSeq`. */
  async batch(db: Db, afterSeq: number, size: number): Promise<AuditEntry[]> {
    const rows = await db.selectFrom('auditLog').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(size).execute();
    return rows.map(toEntry);
  }

  async list(
    db: Db,
    f: { subjectId?: string; actorUserId?: string; targetId?: string; action?: string; beforeSeq?: number },
    limit: number,
  ): Promise<AuditListEntry[]> {
    let q = db
      .selectFrom('auditLog')
      .leftJoin('users', 'users.id', 'auditLog.actorUserId')
      .leftJoin('agencies', 'agencies.id', 'auditLog.actorAgencyId')
      .selectAll('auditLog')
      .select(['users.username as actorUsername', 'agencies.code as actorAgencyCode']);
    if (f.subjectId) q = q.where(sql<boolean>`subject_ids @> ${JSON.stringify([f.subjectId])}::jsonb`);
    if (f.actorUserId) q = q.where('auditLog.actorUserId', '=', f.actorUserId);
    if (f.targetId) q = q.where('auditLog.targetId', '=', f.targetId);
    if (f.action) q = q.where('auditLog.action', '=', f.action);
    if (f.beforeSeq !== undefined) q = q.where('auditLog.seq', '<', f.beforeSeq);
    const rows = await q.orderBy('auditLog.seq', 'desc').limit(limit).execute();
    return rows.map((r) => ({ ...toEntry(r), actorUsername: r.actorUsername, actorAgencyCode: r.actorAgencyCode }));
  }
}
