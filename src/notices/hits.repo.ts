import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { HitStatus, ScreeningKind, TaskSide, TaskStatus } from './hit.ts';
import type { NoticeState, NoticeType, Urgency } from './notice.ts';

export interface HitRow {
  id: string;
  noticeId: string;
  subjectRecordId: string;
  screeningKind: ScreeningKind;
  score: number;
  query: Record<string, unknown>;
  screenedByUserId: string;
  screenedByAgencyId: string;
  urgency: Urgency;
  status: HitStatus;
  outcomeNote: string | null;
  outcomeAt: Date | null;
  outcomeBy: string | null;
  createdAt: Date;
  version: number;
}

export interface StoredHit extends HitRow {
  noticeReference: string;
  noticeType: NoticeType;
  noticeState: NoticeState;
  ownerAgencyId: string;
  ownerAgencyCode: string;
  screenedByAgencyCode: string;
}

export interface TaskRow {
  id: string;
  hitId: string;
  agencyId: string;
  side: TaskSide;
  task: string;
  dueAt: Date;
  status: TaskStatus;
  doneAt: Date | null;
  doneBy: string | null;
  escalatedAt: Date | null;
}

export interface StoredTask extends TaskRow {
  agencyCode: string;
}

export interface OverdueTask {
  id: string;
  hitId: string;
  agencyId: string;
  side: TaskSide;
  dueAt: Date;
  noticeId: string;
  noticeReference: string;
  ownerAgencyId: string;
}

/** A notice as a hit needs it, locked in the hit's transaction. */
export interface LockedNotice {
  state: NoticeState;
  ownerAgencyId: string;
  /** `node:<id>` for a notice held from another node. */
  source: string | null;
  type: NoticeType;
  urgency: Urgency;
  reference: string;
  subjectRecordId: string | null;
}

/** Who is looking: the owner agency of the notice, the screening agency, or the DPO (everything). */
export interface HitViewer {
  agencyId: string;
  seesAll: boolean;
}

export interface HitFilter {
  status?: HitStatus;
  noticeId?: string;
  beforeId?: string;
}

const HIT_COLUMNS = [
  'hits.id',
  'hits.noticeId',
  'hits.subjectRecordId',
  'hits.screeningKind',
  'hits.score',
  'hits.query',
  'hits.screenedByUserId',
  'hits.screenedByAgencyId',
  'hits.urgency',
  'hits.status',
  'hits.outcomeNote',
  'hits.outcomeAt',
  'hits.outcomeBy',
  'hits.createdAt',
  'hits.version',
  'notices.reference as noticeReference',
  'notices.type as noticeType',
  'notices.state as noticeState',
  'notices.ownerAgencyId',
  'owner.code as ownerAgencyCode',
  'screener.code as screenedByAgencyCode',
] as const;

function visibleTo(eb: ExpressionBuilder<Database & { owner: Database['agencies'] }, 'hits' | 'notices'>, v: HitViewer) {
  if (v.seesAll) return eb.lit(true);
  return eb.or([eb('notices.ownerAgencyId', '=', v.agencyId), eb('hits.screenedByAgencyId', '=', v.agencyId)]);
}

const joined = (db: Db) =>
  db
    .selectFrom('hits')
    .innerJoin('notices', 'notices.id', 'hits.noticeId')
    .innerJoin('agencies as owner', 'owner.id', 'notices.ownerAgencyId')
    .innerJoin('agencies as screener', 'screener.id', 'hits.screenedByAgencyId');

export class HitsRepo {
  /** Locks the notice row for the rest of the transaction: hits on one notice are recorded one at a time. */
  async lockNotice(trx: Db, noticeId: string): Promise<LockedNotice | undefined> {
    return (await trx
      .selectFrom('notices')
      .select(['state', 'ownerAgencyId', 'source', 'type', 'urgency', 'reference', 'subjectRecordId'])
      .where('id', '=', noticeId)
      .forUpdate()
      .executeTakeFirst()) as LockedNotice | undefined;
  }

  /** The hit this user already opened on this notice's subject since `since`, if any. */
  async recentBy(trx: Db, noticeId: string, subjectRecordId: string, userId: string, since: Date): Promise<string | undefined> {
    const r = await trx
      .selectFrom('hits')
      .select('id')
      .where('noticeId', '=', noticeId)
      .where('subjectRecordId', '=', subjectRecordId)
      .where('screenedByUserId', '=', userId)
      .where('createdAt', '>=', since)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r?.id;
  }

  async insertHit(trx: Db, hit: HitRow): Promise<void> {
    await trx
      .insertInto('hits')
      .values({ ...hit, query: JSON.stringify(hit.query) })
      .execute();
  }

  async insertTasks(trx: Db, tasks: TaskRow[]): Promise<void> {
    if (tasks.length) await trx.insertInto('hitTasks').values(tasks).execute();
  }

  async byId(db: Db, id: string): Promise<StoredHit | undefined> {
    return (await joined(db).select(HIT_COLUMNS).where('hits.id', '=', id).executeTakeFirst()) as StoredHit | undefined;
  }

  async list(db: Db, viewer: HitViewer, f: HitFilter, limit: number): Promise<StoredHit[]> {
    let q = joined(db)
      .select(HIT_COLUMNS)
      .where((eb) => visibleTo(eb, viewer));
    if (f.status) q = q.where('hits.status', '=', f.status);
    if (f.noticeId) q = q.where('hits.noticeId', '=', f.noticeId);
    if (f.beforeId) q = q.where('hits.id', '<', f.beforeId);
    return (await q.orderBy('hits.id', 'desc').limit(limit).execute()) as StoredHit[];
  }

  async tasksOf(db: Db, hitIds: string[]): Promise<StoredTask[]> {
    if (hitIds.length === 0) return [];
    return (await db
      .selectFrom('hitTasks')
      .innerJoin('agencies', 'agencies.id', 'hitTasks.agencyId')
      .selectAll('hitTasks')
      .select('agencies.code as agencyCode')
      .where('hitTasks.hitId', 'in', hitIds)
      .orderBy('hitTasks.id')
      .execute()) as StoredTask[];
  }

  async setOutcome(trx: Db, id: string, version: number, o: { status: HitStatus; outcomeNote: string; outcomeAt: Date; outcomeBy: string }): Promise<boolean> {
    const r = await trx
      .updateTable('hits')
      .set({ ...o, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Hits on the notice still being followed up (open or confirmed), other than `exceptId`. */
  async countUnresolved(trx: Db, noticeId: string, exceptId: string): Promise<number> {
    const r = await trx
      .selectFrom('hits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('noticeId', '=', noticeId)
      .where('id', '!=', exceptId)
      .where('status', 'in', ['open', 'confirmed'])
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async task(db: Db, hitId: string, taskId: string): Promise<TaskRow | undefined> {
    return (await db.selectFrom('hitTasks').selectAll().where('id', '=', taskId).where('hitId', '=', hitId).executeTakeFirst()) as TaskRow | undefined;
  }

  /** Closes a task still open or escalated; false when it was already done. */
  async markTaskDone(trx: Db, taskId: string, at: Date, by: string): Promise<boolean> {
    const r = await trx
      .updateTable('hitTasks')
      .set({ status: 'done', doneAt: at, doneBy: by })
      .where('id', '=', taskId)
      .where('status', 'in', ['open', 'escalated'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async overdue(db: Db, now: Date, limit: number): Promise<OverdueTask[]> {
    return (await db
      .selectFrom('hitTasks')
      .innerJoin('hits', 'hits.id', 'hitTasks.hitId')
      .innerJoin('notices', 'notices.id', 'hits.noticeId')
      .select([
        'hitTasks.id',
        'hitTasks.hitId',
        'hitTasks.agencyId',
        'hitTasks.side',
        'hitTasks.dueAt',
        'hits.noticeId',
        'notices.reference as noticeReference',
        'notices.ownerAgencyId',
      ])
      .where('hitTasks.status', '=', 'open')
      .where('hitTasks.dueAt', '<', now)
      .orderBy('hitTasks.dueAt')
      .orderBy('hitTasks.id')
      .limit(limit)
      .execute()) as OverdueTask[];
  }

  /** Escalates the tasks still open; returns the ids this call changed (a concurrent run gets the rest). */
  async markEscalated(trx: Db, ids: string[], at: Date): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await trx
      .updateTable('hitTasks')
      .set({ status: 'escalated', escalatedAt: at })
      .where('id', 'in', ids)
      .where('status', '=', 'open')
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async stats(db: Db, viewer: HitViewer) {
    const byStatus = await joined(db)
      .select(['hits.status as key', (eb) => eb.fn.countAll<number>().as('n')])
      .where((eb) => visibleTo(eb, viewer))
      .groupBy('hits.status')
      .execute();
    const byType = await joined(db)
      .select(['notices.type as key', (eb) => eb.fn.countAll<number>().as('n')])
      .where((eb) => visibleTo(eb, viewer))
      .groupBy('notices.type')
      .execute();
    const escalated = await joined(db)
      .innerJoin('hitTasks', 'hitTasks.hitId', 'hits.id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => visibleTo(eb, viewer))
      .where('hitTasks.status', '=', 'escalated')
      .executeTakeFirstOrThrow();
    const counts = (rows: Array<{ key: string; n: number }>) => Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));
    return { byStatus: counts(byStatus), byNoticeType: counts(byType), escalatedTasks: Number(escalated.n) };
  }
}
