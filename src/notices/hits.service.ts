import type { AuditService } from '../audit/audit.service.ts';
import { type Action, can } from '../auth/policy.ts';
import type { Actor } from '../auth/roles.ts';
import type { Clock } from '../core/clock.ts';
import { conflict, forbidden, invalid, notFound } from '../core/errors.ts';
import type { IdGenerator } from '../core/ids.ts';
import { decodeCursor, type Page, pageLimit, toPage } from '../core/paging.ts';
import type { Db } from '../db/connect.ts';
import type { EventBus } from '../events/bus.ts';
import {
  assertOutcome,
  DEDUPE_WINDOW_MS,
  followUpDue,
  type HitOutcome,
  type HitStatus,
  hitUrgency,
  noticeMoveFor,
  SCREENING_SIDE_OUTCOMES,
  type ScreeningKind,
  TASKS,
} from './hit.ts';
import type { HitsRepo, StoredHit, StoredTask } from './hits.repo.ts';
import { LIVE_STATES } from './lifecycle.ts';
import type { NoticeState, NoticeType, Urgency } from './notice.ts';
import type { NewNotification, NotificationsService } from './notifications.service.ts';

/** A live notice on a screened record, as the notices module reports it. */
export interface LiveNotice {
  noticeId: string;
  reference: string;
  type: NoticeType;
  urgency: Urgency;
  ownerAgencyId: string;
  state: NoticeState;
}

export type HitNoticeAction = 'report_hit' | 'clear_hits' | 'locate';

/** What hits need from the notices module (NoticesService implements it). */
export interface NoticeLink {
  liveNoticesBySubject(recordIds: string[]): Promise<Map<string, LiveNotice>>;
  /** Applies a lifecycle move made by the system and writes the notice's timeline event, in `trx`. */
  systemTransition(trx: Db, noticeId: string, action: HitNoticeAction, details: Record<string, unknown>): Promise<NoticeState>;
}

export interface ScreeningMatch {
  recordId: string;
  score: number;
  alert: boolean;
}

/** What the screening response tells the officer at once. */
export interface HitAlert {
  hitId: string;
  noticeId: string;
  noticeReference: string;
  noticeType: NoticeType;
  recordId: string;
  urgency: Urgency;
  /** false: the officer screened this subject minutes ago and the hit already open is returned. */
  isNew: boolean;
}

export type HitView = StoredHit & { tasks: StoredTask[] };

const MAX_QUERY_BYTES = 16_384;
const ESCALATION_BATCH = 200;

/**
 * Hits on live notices, their follow-up tasks on both sides, outcomes that move the notice,
 * and escalation of missed deadlines. A hit is seen by the notice's owner agency, the
 * screening agency and the data-protection officer; to anyone else it does not exist.
 */
export class HitsService {
  constructor(
    private readonly db: Db,
    private readonly repo: HitsRepo,
    private readonly notices: NoticeLink,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /**
   * Opens a hit for every alerting match whose record is the subject of a live notice:
   * tasks for both sides, notifications to the owner agency and the officer, the notice moved
   * to `hit_reported`, all in one transaction per hit. `query` is what the officer screened
   * (for a batch: the row that matched), stored with the hit and never logged.
   * @example const alerts = await hits.recordFromScreening(actor, 'person', { name, birthDate }, candidates);
   */
  async recordFromScreening(actor: Actor, kind: ScreeningKind, query: Record<string, unknown>, matches: ScreeningMatch[]): Promise<HitAlert[]> {
    this.authorize(actor, 'screening.run');
    const best = new Map<string, ScreeningMatch>();
    for (const m of matches) {
      if (!m.alert) continue;
      const prev = best.get(m.recordId);
      if (!prev || m.score > prev.score) best.set(m.recordId, m);
    }
    if (best.size === 0) return [];
    if (Buffer.byteLength(JSON.stringify(query)) > MAX_QUERY_BYTES) throw invalid('hit_query_too_large', `The screened query is limited to ${MAX_QUERY_BYTES} bytes`);
    const live = await this.notices.liveNoticesBySubject([...best.keys()]);
    const alerts: HitAlert[] = [];
    for (const [recordId, m] of best) {
      const notice = live.get(recordId);
      if (!notice) continue;
      const alert = await this.openHit(actor, kind, query, recordId, m.score, notice);
      if (alert) alerts.push(alert);
    }
    return alerts;
  }

  private async openHit(actor: Actor, kind: ScreeningKind, query: Record<string, unknown>, recordId: string, score: number, n: LiveNotice): Promise<HitAlert | undefined> {
    const now = this.clock.now();
    const urgency = hitUrgency(n.type, n.urgency);
    const result = await this.db.transaction().execute(async (trx) => {
      const locked = await this.repo.lockNotice(trx, n.noticeId);
      // cancelled or expired since the lookup: the subject is no longer wanted
      if (!locked || !LIVE_STATES.has(locked.state)) return undefined;
      const existing = await this.repo.recentBy(trx, n.noticeId, recordId, actor.userId, new Date(now.getTime() - DEDUPE_WINDOW_MS));
      if (existing) return { id: existing, isNew: false };
      const id = this.ids();
      await this.repo.insertHit(trx, {
        id,
        noticeId: n.noticeId,
        subjectRecordId: recordId,
        screeningKind: kind,
        score,
        query,
        screenedByUserId: actor.userId,
        screenedByAgencyId: actor.agencyId,
        urgency,
        status: 'open',
        outcomeNote: null,
        outcomeAt: null,
        outcomeBy: null,
        createdAt: now,
        version: 1,
      });
      const dueAt = followUpDue(urgency, now);
      const tasks = [
        { side: 'owner' as const, agencyId: locked.ownerAgencyId },
        { side: 'screening' as const, agencyId: actor.agencyId },
      ].map((t) => ({ ...t, id: this.ids(), hitId: id, task: TASKS[t.side], dueAt, status: 'open' as const, doneAt: null, doneBy: null, escalatedAt: null }));
      await this.repo.insertTasks(trx, tasks);
      const details = { noticeId: n.noticeId, noticeReference: n.reference, noticeType: n.type, urgency, dueAt: dueAt.toISOString() };
      await this.notifications.add(trx, [
        { agencyId: locked.ownerAgencyId, userId: null, kind: 'hit_created', refType: 'hit', refId: id, details },
        { agencyId: actor.agencyId, userId: actor.userId, kind: 'hit_created', refType: 'hit', refId: id, details },
      ]);
      await this.notices.systemTransition(trx, n.noticeId, 'report_hit', { hitId: id, screeningKind: kind });
      await this.audit.append(trx, actor, {
        action: 'hit.create',
        targetType: 'hit',
        targetId: id,
        subjectIds: [recordId],
        details: { noticeId: n.noticeId, screeningKind: kind, score, urgency },
      });
      return { id, isNew: true };
    });
    if (!result) return undefined;
    if (result.isNew) await this.bus.publish('hits.created', { id: result.id, noticeId: n.noticeId });
    return { hitId: result.id, noticeId: n.noticeId, noticeReference: n.reference, noticeType: n.type, recordId, urgency, isNew: result.isNew };
  }

  /** Visible hits, newest first; the subjects shown are audited as seen. */
  async list(actor: Actor, q: { status?: HitStatus; noticeId?: string; limit?: number; cursor?: string }, purpose = ''): Promise<Page<HitView>> {
    this.authorize(actor, 'hit.read');
    const limit = pageLimit(q.limit);
    const rows = await this.repo.list(this.db, this.viewer(actor), { status: q.status, noticeId: q.noticeId, beforeId: decodeCursor<string>(q.cursor, 'string') }, limit + 1);
    const page = toPage(rows, limit, (r) => r.id);
    const items = await this.withTasks(page.items);
    await this.audit.record(actor, {
      action: 'hit.search',
      targetType: 'hit',
      subjectIds: [...new Set(items.map((h) => h.subjectRecordId))],
      purpose,
      details: { returned: items.length, status: q.status ?? null, noticeId: q.noticeId ?? null },
    });
    return { items, nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string, purpose = ''): Promise<HitView> {
    this.authorize(actor, 'hit.read');
    const hit = await this.visibleHit(actor, id);
    await this.audit.record(actor, { action: 'hit.read', targetType: 'hit', targetId: id, subjectIds: [hit.subjectRecordId], purpose, details: { noticeId: hit.noticeId } });
    return (await this.withTasks([hit]))[0];
  }

  /**
   * Records what the follow-up found. The owner agency records any outcome; the screening
   * agency what its officers saw (confirmed, located, arrested). The notice follows: located
   * or arrested locates it; "not the same person" returns it to published when no other hit
   * is still being followed up.
   */
  async recordOutcome(actor: Actor, id: string, input: { status: HitOutcome; note: string; version: number }, purpose = ''): Promise<HitView> {
    this.authorize(actor, 'hit.update');
    const hit = await this.visibleHit(actor, id);
    const isOwner = hit.ownerAgencyId === actor.agencyId;
    const isScreener = hit.screenedByAgencyId === actor.agencyId;
    if (!isOwner && !(isScreener && SCREENING_SIDE_OUTCOMES.has(input.status))) {
      throw forbidden('hit_outcome_not_allowed', isScreener ? 'Only the owner bureau decides that the person is not the one wanted' : 'Only the owner bureau or the screening agency records an outcome');
    }
    assertOutcome(hit.status, input.status);
    const now = this.clock.now();
    const moves = await this.db.transaction().execute(async (trx) => {
      const notice = await this.repo.lockNotice(trx, hit.noticeId);
      const ok = await this.repo.setOutcome(trx, id, input.version, { status: input.status, outcomeNote: input.note.trim(), outcomeAt: now, outcomeBy: actor.userId });
      if (!ok) throw conflict('version_conflict', 'The hit changed since you read it: reload and try again', { version: hit.version });
      const planned = notice ? noticeMoveFor(input.status, notice.state, await this.repo.countUnresolved(trx, hit.noticeId, id)) : [];
      for (const move of planned) await this.notices.systemTransition(trx, hit.noticeId, move, { hitId: id, outcome: input.status });
      const other = isOwner ? hit.screenedByAgencyId : hit.ownerAgencyId;
      if (other !== actor.agencyId) {
        await this.notifications.add(trx, [
          { agencyId: other, userId: null, kind: 'hit_outcome', refType: 'hit', refId: id, details: { noticeId: hit.noticeId, noticeReference: hit.noticeReference, status: input.status } },
        ]);
      }
      await this.audit.append(trx, actor, {
        action: 'hit.outcome',
        targetType: 'hit',
        targetId: id,
        subjectIds: [hit.subjectRecordId],
        purpose,
        details: { noticeId: hit.noticeId, from: hit.status, to: input.status, noticeMoves: planned },
      });
      return planned;
    });
    await this.bus.publish('hits.updated', { id, noticeId: hit.noticeId, status: input.status, noticeMoves: moves });
    return (await this.withTasks([(await this.repo.byId(this.db, id))!]))[0];
  }

  /** Closes a follow-up task; only the agency it was given to may. */
  async completeTask(actor: Actor, hitId: string, taskId: string, purpose = ''): Promise<HitView> {
    this.authorize(actor, 'hit.update');
    const hit = await this.visibleHit(actor, hitId);
    const task = await this.repo.task(this.db, hitId, taskId);
    if (!task) throw notFound('task_not_found', 'No such task on this hit');
    if (task.agencyId !== actor.agencyId) throw forbidden('task_not_yours', 'Only the agency the task was given to may close it');
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.markTaskDone(trx, taskId, this.clock.now(), actor.userId))) throw conflict('task_already_done', 'This task is already done');
      await this.audit.append(trx, actor, {
        action: 'hit.task_done',
        targetType: 'hit_task',
        targetId: taskId,
        subjectIds: [hit.subjectRecordId],
        purpose,
        details: { hitId, side: task.side, wasEscalated: task.status === 'escalated' },
      });
    });
    await this.bus.publish('hits.task_done', { id: hitId, taskId });
    return (await this.withTasks([hit]))[0];
  }

  /**
   * Escalates every open task past its deadline: the task's agency and the notice owner
   * (its commanders read the agency's notifications) are told once. Running it again changes nothing.
   */
  async escalateOverdue(now: Date = this.clock.now()): Promise<{ escalated: number }> {
    let escalated = 0;
    for (;;) {
      const due = await this.repo.overdue(this.db, now, ESCALATION_BATCH);
      if (due.length === 0) break;
      const changed = await this.db.transaction().execute(async (trx) => {
        const ids = new Set(await this.repo.markEscalated(trx, due.map((t) => t.id), now));
        const tasks = due.filter((t) => ids.has(t.id));
        const notes: NewNotification[] = tasks.flatMap((t) =>
          [...new Set([t.agencyId, t.ownerAgencyId])].map((agencyId) => ({
            agencyId,
            userId: null,
            kind: 'task_overdue',
            refType: 'hit',
            refId: t.hitId,
            details: { taskId: t.id, side: t.side, noticeId: t.noticeId, noticeReference: t.noticeReference, dueAt: new Date(t.dueAt).toISOString() },
          })),
        );
        await this.notifications.add(trx, notes);
        if (tasks.length) {
          await this.audit.append(trx, null, { action: 'hit.task_escalate', targetType: 'hit_task', details: { taskIds: tasks.map((t) => t.id), count: tasks.length } });
        }
        return tasks;
      });
      escalated += changed.length;
      for (const t of changed) await this.bus.publish('hits.escalated', { id: t.hitId, taskId: t.id });
      if (due.length < ESCALATION_BATCH) break;
    }
    return { escalated };
  }

  /**
   * Runs `escalateOverdue` every `intervalMs` (a run never overlaps the previous one).
   * Returns a stop function that waits for a run in progress.
   */
  startEscalation(intervalMs = 60_000, onError: (err: unknown) => void = () => {}): () => Promise<void> {
    let running: Promise<void> | undefined;
    const timer = setInterval(() => {
      if (running) return;
      running = this.escalateOverdue()
        .then(() => undefined, onError)
        .finally(() => {
          running = undefined;
        });
    }, intervalMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await running;
    };
  }

  /** Counts for the dashboard, within what the caller sees. */
  async stats(actor: Actor) {
    this.authorize(actor, 'hit.read');
    const s = await this.repo.stats(this.db, this.viewer(actor));
    return { ...s, total: Object.values(s.byStatus).reduce((a, b) => a + b, 0) };
  }

  // ---- helpers

  private viewer(actor: Actor) {
    return { agencyId: actor.agencyId, seesAll: actor.roles.includes('dpo') };
  }

  private async visibleHit(actor: Actor, id: string): Promise<StoredHit> {
    const hit = await this.repo.byId(this.db, id);
    const v = this.viewer(actor);
    if (!hit || !(v.seesAll || hit.ownerAgencyId === v.agencyId || hit.screenedByAgencyId === v.agencyId)) throw notFound('hit_not_found', 'No such hit');
    return hit;
  }

  private async withTasks(hits: StoredHit[]): Promise<HitView[]> {
    const tasks = await this.repo.tasksOf(this.db, hits.map((h) => h.id));
    return hits.map((h) => ({ ...h, tasks: tasks.filter((t) => t.hitId === h.id) }));
  }

  private authorize(actor: Actor, action: Action) {
    const d = can(actor, action);
    if (!d.allowed) throw forbidden(d.code, `Your roles do not allow ${action}`);
  }
}
