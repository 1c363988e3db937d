import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { NoticeType } from '../notices/notice.ts';
import { RECORD_KINDS, type RecordKind } from '../records/record.ts';
import type { AuditEntry, AuditListEntry, TargetLabel } from './audit.ts';

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
  ): Promise<Array<Omit<AuditListEntry, 'targetLabel'>>> {
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

  /**
   * The labels of a page's targets, one query per kind of target (at most nine for a page),
   * keyed by `labelKey`. Only the tables named in LABELS are read, and only their label
   * columns; `withContent: false` (a reader who may not see every record, notice and case)
   * leaves out all but users, agencies and API tokens, whose names the audit already shows.
   */
  async targetLabels(db: Db, targets: ReadonlyArray<{ targetType: string; targetId: string | null }>, withContent: boolean): Promise<Map<string, TargetLabel>> {
    const out = new Map<string, TargetLabel>();
    await Promise.all(
      (Object.keys(LABELS) as LabelSource[]).map(async (source) => {
        const { types, content } = LABELS[source];
        if (content && !withContent) return;
        const ids = [...new Set(targets.filter((t) => t.targetId !== null && types.includes(t.targetType)).map((t) => t.targetId!))];
        if (ids.length === 0) return;
        for (const r of await labelRows(db, source, ids)) if (r.text) out.set(`${source}:${r.id}`, label(source, r));
      }),
    );
    return out;
  }
}

/** Where each kind of target finds its label; `content`: the label names personal data or a case. */
const LABELS = {
  record: { types: ['record', ...RECORD_KINDS], content: true },
  notice: { types: ['notice'], content: true },
  case: { types: ['case'], content: true },
  gang: { types: ['gang'], content: true },
  hit: { types: ['hit'], content: true },
  thread: { types: ['message_thread'], content: true },
  user: { types: ['user'], content: false },
  agency: { types: ['agency'], content: false },
  token: { types: ['api_token'], content: false },
} satisfies Record<string, { types: readonly string[]; content: boolean }>;
type LabelSource = keyof typeof LABELS;

/** The key of a target's label in targetLabels' answer. */
export function labelKey(targetType: string, targetId: string | null): string | null {
  if (targetId === null) return null;
  const source = (Object.keys(LABELS) as LabelSource[]).find((s) => (LABELS[s].types as readonly string[]).includes(targetType));
  return source ? `${source}:${targetId}` : null;
}

type LabelRow = { id: string; text: string | null; kind?: string | null };

function labelRows(db: Db, source: LabelSource, ids: string[]): Promise<LabelRow[]> {
  switch (source) {
    case 'record':
      return db.selectFrom('records').select(['id', 'displayName as text', 'kind']).where('id', 'in', ids).execute();
    case 'notice':
      return db.selectFrom('notices').select(['id', 'reference as text', 'type as kind']).where('id', 'in', ids).execute();
    case 'case':
      return db.selectFrom('cases').select(['id', 'reference as text']).where('id', 'in', ids).execute();
    case 'gang':
      return db.selectFrom('gangs').select(['id', 'name as text']).where('id', 'in', ids).execute();
    // a hit by the notice it is on; a thread by its notice or case reference (its subject is content)
    case 'hit':
      return db
        .selectFrom('hits')
        .innerJoin('notices', 'notices.id', 'hits.noticeId')
        .select(['hits.id', 'notices.reference as text', 'notices.type as kind'])
        .where('hits.id', 'in', ids)
        .execute();
    case 'thread':
      return db
        .selectFrom('messageThreads')
        .leftJoin('notices', 'notices.id', 'messageThreads.noticeId')
        .select((eb) => ['messageThreads.id', eb.fn.coalesce('notices.reference', 'messageThreads.caseRef').as('text'), 'notices.type as kind'])
        .where('messageThreads.id', 'in', ids)
        .execute();
    case 'user':
      return db.selectFrom('users').select(['id', 'username as text']).where('id', 'in', ids).execute();
    case 'agency':
      return db.selectFrom('agencies').select(['id', 'code as text']).where('id', 'in', ids).execute();
    case 'token':
      return db.selectFrom('apiTokens').select(['id', 'name as text']).where('id', 'in', ids).execute();
  }
}

function label(source: LabelSource, r: LabelRow): TargetLabel {
  const text = r.text ?? '';
  if (source === 'record') return { text, recordKind: r.kind as RecordKind };
  if ((source === 'notice' || source === 'hit' || source === 'thread') && r.kind) return { text, noticeType: r.kind as NoticeType };
  return { text };
}
