import { type ExpressionBuilder, sql } from 'kysely';
import type { TlpLevel } from '../core/handling.ts';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { CheckResult } from './checks.ts';
import type { NoticeContent, NoticeState, NoticeType, PublicField, Urgency } from './notice.ts';

export interface NoticeRow {
  id: string;
  reference: string;
  type: NoticeType;
  state: NoticeState;
  urgency: Urgency;
  ownerAgencyId: string;
  tlp: TlpLevel;
  restrictedTo: string[];
  content: NoticeContent;
  checks: CheckResult[];
  subjectName: string;
  searchText: string;
  subjectRecordId: string | null;
  publicExtract: { fields: PublicField[] } | null;
  stateReason: string | null;
  submittedAt: Date | null;
  publishedAt: Date | null;
  reviewDate: string | null;
  renewalRequestedAt: Date | null;
  source: string | null;
  externalId: string | null;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
  version: number;
}

export interface StoredNotice extends NoticeRow {
  ownerAgencyCode: string;
  openHits: number;
  /** The node that owns it when it was received from another node, else null. */
  originNode: string | null;
}

export interface NoticeEventRow {
  id: string;
  noticeId: string;
  at: Date;
  actorUserId: string | null;
  actorAgencyId: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

export interface AgencyInfo {
  id: string;
  code: string;
  country: string;
  kind: string;
  isHub: boolean;
}

/** Who is looking, for lists: the SQL twin of `noticeVisible` (visibility.ts); a test keeps them equal. */
export interface NoticeViewer {
  agencyId: string;
  seesAll: boolean;
  /** A reviewer of the hub: sees every request once submitted (diffusions excepted). */
  reviewer: boolean;
}

export interface NoticeFilter {
  type?: NoticeType;
  state?: NoticeState;
  ownerAgencyId?: string;
  tokens?: string[];
  beforeId?: string;
}

export interface QueueKey {
  urgency: Urgency;
  submittedAt: string;
  id: string;
}

export interface PublicFilter {
  type?: 'red' | 'yellow';
  nationality?: string;
  sex?: 'male' | 'female';
  /** Inclusive birth-year bounds, from the age range. */
  bornFrom?: number;
  bornTo?: number;
  tokens?: string[];
  beforeId?: string;
}

const LIVE = ['published', 'hit_reported', 'located'];
const PENDING = ['submitted', 'under_review'] as const;

const COLUMNS = [
  'notices.id',
  'notices.reference',
  'notices.type',
  'notices.state',
  'notices.urgency',
  'notices.ownerAgencyId',
  'notices.tlp',
  'notices.restrictedTo',
  'notices.content',
  'notices.checks',
  'notices.subjectName',
  'notices.searchText',
  'notices.subjectRecordId',
  'notices.publicExtract',
  'notices.stateReason',
  'notices.submittedAt',
  'notices.publishedAt',
  'notices.reviewDate',
  'notices.renewalRequestedAt',
  'notices.source',
  'notices.externalId',
  'notices.createdAt',
  'notices.createdBy',
  'notices.updatedAt',
  'notices.updatedBy',
  'notices.version',
  'agencies.code as ownerAgencyCode',
] as const;

const openHits = sql<number>`(select count(*) from hits where hits.notice_id = notices.id and hits.status = 'open')`.as('openHits');
/** The node a notice came from (`source = node:<id>`), null for this node's own. */
const originNode = sql<string | null>`case when notices.source like 'node:%' then substr(notices.source, 6) else null end`.as('originNode');

function visibleTo(eb: ExpressionBuilder<Database, 'notices'>, v: NoticeViewer) {
  if (v.seesAll) return sql<boolean>`true`;
  const me = JSON.stringify([v.agencyId]);
  const live = eb('notices.state', 'in', LIVE);
  return eb.or([
    eb('notices.ownerAgencyId', '=', v.agencyId),
    ...(v.reviewer ? [eb.and([eb('notices.type', '<>', 'diffusion'), eb('notices.submittedAt', 'is not', null)])] : []),
    eb.and([live, eb('notices.type', '=', 'diffusion'), sql<boolean>`notices.restricted_to @> ${me}::jsonb`]),
    eb.and([
      live,
      eb('notices.type', '<>', 'diffusion'),
      eb.or([
        eb.and([
          eb('notices.tlp', 'in', ['CLEAR', 'GREEN', 'AMBER']),
          eb.or([sql<boolean>`notices.restricted_to = '[]'::jsonb`, sql<boolean>`notices.restricted_to @> ${me}::jsonb`]),
        ]),
        eb.and([eb('notices.tlp', 'in', ['AMBER+STRICT', 'RED']), sql<boolean>`notices.restricted_to @> ${me}::jsonb`]),
      ]),
    ]),
  ]);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const toDb = (r: Partial<NoticeRow>) => {
  const { content, checks, restrictedTo, publicExtract, ...rest } = r;
  return {
    ...rest,
    ...(content !== undefined ? { content: JSON.stringify(content) } : {}),
    ...(checks !== undefined ? { checks: JSON.stringify(checks) } : {}),
    ...(restrictedTo !== undefined ? { restrictedTo: JSON.stringify(restrictedTo) } : {}),
    ...(publicExtract !== undefined ? { publicExtract: publicExtract === null ? null : JSON.stringify(publicExtract) } : {}),
  };
};

/** Notices, their timeline and the notifications they raise: SQL only. */
export class NoticesRepo {
  async nextReferenceNumber(trx: Db): Promise<number> {
    const r = await sql<{ n: string }>`select nextval('notice_reference_seq') as n`.execute(trx);
    return Number(r.rows[0].n);
  }

  async nextReferenceNumbers(trx: Db, count: number): Promise<number[]> {
    if (count === 0) return [];
    const r = await sql<{ n: string }>`select nextval('notice_reference_seq') as n from generate_series(1, ${count})`.execute(trx);
    return r.rows.map((x) => Number(x.n));
  }

  async insertMany(trx: Db, rows: NoticeRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await trx.insertInto('notices').values(rows.slice(i, i + 500).map((r) => toDb(r) as any)).execute();
    }
  }

  /** Optimistic concurrency: false when the stored version is not `expectedVersion`. */
  async update(trx: Db, id: string, expectedVersion: number, set: Partial<NoticeRow>): Promise<boolean> {
    const r = await trx
      .updateTable('notices')
      .set({ ...(toDb(set) as any), version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async byId(db: Db, id: string): Promise<StoredNotice | undefined> {
    return (await db
      .selectFrom('notices')
      .innerJoin('agencies', 'agencies.id', 'notices.ownerAgencyId')
      .select([...COLUMNS, openHits, originNode])
      .where('notices.id', '=', id)
      .executeTakeFirst()) as unknown as StoredNotice | undefined;
  }

  /** The row, locked until the transaction ends (system moves from hits and the sweep). */
  async lockById(trx: Db, id: string): Promise<NoticeRow | undefined> {
    return (await trx.selectFrom('notices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) as unknown as NoticeRow | undefined;
  }

  async list(db: Db, v: NoticeViewer, f: NoticeFilter, limit: number): Promise<StoredNotice[]> {
    let q = db
      .selectFrom('notices')
      .innerJoin('agencies', 'agencies.id', 'notices.ownerAgencyId')
      .select([...COLUMNS, openHits, originNode])
      .where((eb) => visibleTo(eb, v));
    if (f.type) q = q.where('notices.type', '=', f.type);
    if (f.state) q = q.where('notices.state', '=', f.state);
    if (f.ownerAgencyId) q = q.where('notices.ownerAgencyId', '=', f.ownerAgencyId);
    for (const t of f.tokens ?? []) q = q.where('notices.searchText', 'like', `%${escapeLike(t)}%`);
    if (f.beforeId) q = q.where('notices.id', '<', f.beforeId);
    return (await q.orderBy('notices.id', 'desc').limit(limit).execute()) as unknown as StoredNotice[];
  }

  /**
   * One page of the review queue: urgent first, then oldest submission. Each (state, urgency)
   * pair is read in index order (notices_queue_idx) from the cursor and the runs are merged,
   * so a page costs a few index range scans whatever the queue length.
   */
  async queue(db: Db, after: QueueKey | undefined, limit: number): Promise<StoredNotice[]> {
    const out: StoredNotice[] = [];
    for (const urgency of ['urgent', 'normal'] as const) {
      if (after && after.urgency === 'normal' && urgency === 'urgent') continue;
      const from = after && after.urgency === urgency ? after : undefined;
      const runs = await Promise.all(
        PENDING.map((state) => {
          let q = db
            .selectFrom('notices')
            .innerJoin('agencies', 'agencies.id', 'notices.ownerAgencyId')
            .select([...COLUMNS, openHits, originNode])
            .where('notices.state', '=', state)
            .where('notices.urgency', '=', urgency);
          if (from) q = q.where(sql<boolean>`(notices.submitted_at, notices.id) > (${from.submittedAt}::timestamptz, ${from.id})`);
          return q.orderBy('notices.submittedAt').orderBy('notices.id').limit(limit - out.length).execute() as unknown as Promise<StoredNotice[]>;
        }),
      );
      const merged = runs.flat().sort((a, b) => +new Date(a.submittedAt!) - +new Date(b.submittedAt!) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      out.push(...merged.slice(0, limit - out.length));
      if (out.length >= limit) break;
    }
    return out;
  }

  async insertEvents(trx: Db, events: NoticeEventRow[]): Promise<void> {
    for (let i = 0; i < events.length; i += 500) {
      await trx.insertInto('noticeEvents').values(events.slice(i, i + 500).map((e) => ({ ...e, details: JSON.stringify(e.details) }))).execute();
    }
  }

  async events(db: Db, noticeId: string, limit: number): Promise<Array<NoticeEventRow & { agencyCode: string | null }>> {
    return (await db
      .selectFrom('noticeEvents')
      .leftJoin('agencies', 'agencies.id', 'noticeEvents.actorAgencyId')
      .selectAll('noticeEvents')
      .select('agencies.code as agencyCode')
      .where('noticeEvents.noticeId', '=', noticeId)
      .orderBy('noticeEvents.at')
      .orderBy('noticeEvents.id')
      .limit(limit)
      .execute()) as Array<NoticeEventRow & { agencyCode: string | null }>;
  }

  /** Live notices whose subject is one of these person records. */
  async liveBySubjects(db: Db, recordIds: string[]): Promise<NoticeRow[]> {
    if (recordIds.length === 0) return [];
    return (await db
      .selectFrom('notices')
      .selectAll()
      .where('subjectRecordId', 'in', recordIds)
      .where('state', 'in', LIVE)
      .execute()) as unknown as NoticeRow[];
  }

  async existingExternalIds(db: Db, source: string, externalIds: string[]): Promise<Set<string>> {
    if (externalIds.length === 0) return new Set();
    const rows = await db.selectFrom('notices').select('externalId').where('source', '=', source).where('externalId', 'in', externalIds).execute();
    return new Set(rows.map((r) => r.externalId!));
  }

  /** Live notices whose review date is at or before `until` and whose owner was not yet asked to renew. */
  async dueForRenewal(db: Db, until: string, limit: number): Promise<NoticeRow[]> {
    return (await db
      .selectFrom('notices')
      .selectAll()
      .where('state', 'in', LIVE)
      .where('renewalRequestedAt', 'is', null)
      .where('reviewDate', '<=', until)
      // a notice held from another node is renewed by its owner there, not asked for here
      .where((eb) => eb.or([eb('source', 'is', null), eb('source', 'not like', 'node:%')]))
      .orderBy('id')
      .limit(limit)
      .execute()) as unknown as NoticeRow[];
  }

  async pastReview(db: Db, today: string, limit: number): Promise<NoticeRow[]> {
    return (await db
      .selectFrom('notices')
      .selectAll()
      .where('state', 'in', LIVE)
      .where('reviewDate', '<', today)
      .orderBy('id')
      .limit(limit)
      .execute()) as unknown as NoticeRow[];
  }

  async insertNotifications(
    trx: Db,
    rows: Array<{ id: string; agencyId: string; kind: string; refType: string; refId: string; details: Record<string, unknown>; createdAt: Date }>,
  ): Promise<void> {
    if (rows.length === 0) return;
    await trx
      .insertInto('notifications')
      .values(rows.map((r) => ({ ...r, userId: null, readAt: null, details: JSON.stringify(r.details) })))
      .execute();
  }

  async agencies(db: Db): Promise<AgencyInfo[]> {
    return db.selectFrom('agencies').select(['id', 'code', 'country', 'kind', 'isHub']).orderBy('code').execute();
  }

  /** Red and Yellow notices that are live and whose owner authorised a public extract; filters only on authorised fields. */
  async publicList(db: Db, f: PublicFilter, limit: number): Promise<NoticeRow[]> {
    const allows = (field: PublicField) => sql<boolean>`notices.public_extract -> 'fields' @> ${JSON.stringify([field])}::jsonb`;
    let q = db
      .selectFrom('notices')
      .selectAll()
      .where('type', 'in', f.type ? [f.type] : ['red', 'yellow'])
      .where('state', 'in', LIVE)
      .where('publicExtract', 'is not', null)
      .where(sql<boolean>`jsonb_array_length(notices.public_extract -> 'fields') > 0`);
    if (f.nationality) q = q.where(allows('nationalities')).where(sql<boolean>`notices.content -> 'subject' -> 'nationalities' @> ${JSON.stringify([f.nationality])}::jsonb`);
    if (f.sex) q = q.where(allows('gender')).where(sql<boolean>`notices.content -> 'subject' ->> 'gender' = ${f.sex}`);
    if (f.bornFrom !== undefined || f.bornTo !== undefined) {
      q = q.where(allows('birthDate')).where(sql<boolean>`notices.content -> 'subject' ->> 'birthDate' is not null`);
      if (f.bornFrom !== undefined) q = q.where(sql<boolean>`substr(notices.content -> 'subject' ->> 'birthDate', 1, 4) >= ${String(f.bornFrom).padStart(4, '0')}`);
      if (f.bornTo !== undefined) q = q.where(sql<boolean>`substr(notices.content -> 'subject' ->> 'birthDate', 1, 4) <= ${String(f.bornTo).padStart(4, '0')}`);
    }
    if (f.tokens?.length) {
      q = q.where(allows('names'));
      for (const t of f.tokens) q = q.where('searchText', 'like', `%${escapeLike(t)}%`);
    }
    if (f.beforeId) q = q.where('id', '<', f.beforeId);
    return (await q.orderBy('id', 'desc').limit(limit).execute()) as unknown as NoticeRow[];
  }
}
