import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { AuditEntry, AuditListEntry } from './audit.ts';

// One lock key for the chain: appends are serialised so that each sees the previous hash.
const CHAIN_LOCK = 72_616_274;

const toEntry = (r: any): AuditEntry => ({ ...r, seq: Number(r.seq) });

export class AuditRepo {
  /** Must run inside the caller's transaction: the entry commits or rolls back with the write. */
  async lockChainAndGetLast(trx: Db): Promise<{ seq: number; hash: string } | undefined> {
    await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
    const row = await trx.selectFrom('auditLog').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
  }

  async insert(trx: Db, e: AuditEntry): Promise<void> {
    await this.insertMany(trx, [e]);
  }

  async insertMany(trx: Db, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await trx
      .insertInto('auditLog')
      .values(entries.map((e) => ({
        seq: e.seq,
        at: e.at,
        actorUserId: e.actorUserId,
        actorAgencyId: e.actorAgencyId,
        action: e.action,
        targetType: e.targetType,
        targetId: e.targetId,
        subjectIds: JSON.stringify(e.subjectIds),
        purpose: e.purpose,
        details: JSON.stringify(e.details),
        prevHash: e.prevHash,
        hash: e.hash,
      })) as any)
      .execute();
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
