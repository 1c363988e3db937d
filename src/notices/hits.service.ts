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
  HIT_OUTCOMES,
  type HitOutcome,
  type HitStatus,
  hitUrgency,
  noticeMoveFor,
  SCREENING_KINDS,
  SCREENING_SIDE_OUTCOMES,
  type ScreeningKind,
  TASKS,
} from './hit.ts';
import type { HitRow, HitsRepo, StoredHit, StoredTask } from './hits.repo.ts';
import { originNodeOf, type TravellingAgency } from '../records/foreign-records.ts';
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

/**
 * Where a hit on a notice held from another node goes (the federation outbox, to the notice's
 * owner node), in the hit's transaction: when it is opened and when this side records an outcome.
 */
export type HitShare = (trx: Db, hitId: string) => Promise<void>;

/** A hit as it travels to the notice's owner node (the envelope's `item.data`). */
export interface SharedHitBody {
  noticeId: string;
  screeningKind: ScreeningKind;
  score: number;
  query: Record<string, unknown>;
  status: HitStatus;
  outcomeNote: string | null;
  createdAt: string;
  screeningAgency: TravellingAgency;
}

export function sharedHitBody(h: HitRow, screeningAgency: TravellingAgency): SharedHitBody {
  return {
    noticeId: h.noticeId,
    screeningKind: h.screeningKind,
    score: h.score,
    query: h.query,
    status: h.status,
    outcomeNote: h.outcomeNote,
    createdAt: new Date(h.createdAt).toISOString(),
    screeningAgency,
  };
}

const MAX_QUERY_BYTES = 16_384;
const ESCALATION_BATCH = 200;

/**
 * Hits on live notices, their follow-up tasks on both sides, outcomes that move the notice,
 * and escalation of missed deadlines. A hit is seen by the notice's owner agency, the
 * screening agency and the data-protection officer; to anyone else it does not exist.
 */
export class HitsService {
  #share: HitShare | undefined;

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

  /** Where hits on notices of other nodes go (their owner node), in the hit's transaction. */
  shareThrough(hook: HitShare): void {
    this.#share = hook;
  }

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
      // a notice held from another node: its owner bureau's task and notice move happen at its node
      const foreign = originNodeOf(locked.source) !== null;
      const tasks = [
        ...(foreign ? [] : [{ side: 'owner' as const, agencyId: locked.ownerAgencyId }]),
        { side: 'screening' as const, agencyId: actor.agencyId },
      ].map((t) => ({ ...t, id: this.ids(), hitId: id, task: TASKS[t.side], dueAt, status: 'open' as const, doneAt: null, doneBy: null, escalatedAt: null }));
      await this.repo.insertTasks(trx, tasks);
      const details = { noticeId: n.noticeId, noticeReference: n.reference, noticeType: n.type, urgency, dueAt: dueAt.toISOString() };
      await this.notifications.add(trx, [
        ...(foreign ? [] : [{ agencyId: locked.ownerAgencyId, userId: null, kind: 'hit_created', refType: 'hit', refId: id, details }]),
        { agencyId: actor.agencyId, userId: actor.userId, kind: 'hit_created', refType: 'hit', refId: id, details },
      ]);
      if (foreign) await this.#share?.(trx, id);
      else await this.notices.systemTransition(trx, n.noticeId, 'report_hit', { hitId: id, screeningKind: kind });
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

  /**
   * A hit another node opened (or followed up) on one of this node's notices, applied in the
   * federation inbox's transaction: the hit as the screening node sent it, the owner bureau's
   * follow-up task with the usual deadline (8 hours urgent, 7 days otherwise) and its
   * notification, and the notice's move; an outcome the screening side recorded moves the notice
   * as it would here. `agencyOf` gives the local id of the screening node's agency.
   */
  async applyForeign(
    trx: Db,
    item: { ownerNode: string; itemId: string; body: Record<string, unknown> },
    agencyOf: (trx: Db, a: TravellingAgency) => Promise<string>,
  ): Promise<{ refused: string } | { applied: 'created' | 'updated' | 'unchanged'; events: Array<[string, Record<string, unknown>]> }> {
    const b = item.body as Partial<SharedHitBody>;
    const problem = invalidHitBody(b);
    if (problem) return { refused: problem };
    const body = b as SharedHitBody;
    const notice = await this.repo.lockNotice(trx, body.noticeId);
    if (!notice || originNodeOf(notice.source) !== null) return { refused: `no notice ${body.noticeId} of this node` };
    const now = this.clock.now();
    const events: Array<[string, Record<string, unknown>]> = [];
    const screenedBy = await agencyOf(trx, body.screeningAgency);
    const by = `node:${item.ownerNode}`;
    let hit = await this.repo.byId(trx, item.itemId);
    if (hit && hit.noticeId !== body.noticeId) return { refused: `hit ${item.itemId} is held here on another notice` };
    let applied: 'created' | 'updated' | 'unchanged' = 'unchanged';
    if (!hit) {
      const urgency = hitUrgency(notice.type, notice.urgency);
      const created = new Date(body.createdAt);
      const createdAt = created.getTime() > now.getTime() ? now : created;
      await this.repo.insertHit(trx, {
        id: item.itemId,
        noticeId: body.noticeId,
        subjectRecordId: notice.subjectRecordId ?? '',
        screeningKind: body.screeningKind,
        score: body.score,
        query: body.query,
        screenedByUserId: by,
        screenedByAgencyId: screenedBy,
        urgency,
        status: 'open',
        outcomeNote: null,
        outcomeAt: null,
        outcomeBy: null,
        createdAt,
        version: 1,
      });
      const dueAt = followUpDue(urgency, createdAt);
      await this.repo.insertTasks(trx, [
        { id: this.ids(), hitId: item.itemId, agencyId: notice.ownerAgencyId, side: 'owner', task: TASKS.owner, dueAt, status: 'open', doneAt: null, doneBy: null, escalatedAt: null },
      ]);
      await this.notifications.add(trx, [
        {
          agencyId: notice.ownerAgencyId,
          userId: null,
          kind: 'hit_created',
          refType: 'hit',
          refId: item.itemId,
          details: { noticeId: body.noticeId, noticeReference: notice.reference, noticeType: notice.type, urgency, dueAt: dueAt.toISOString(), fromNode: item.ownerNode },
        },
      ]);
      if (LIVE_STATES.has(notice.state)) {
        notice.state = await this.notices.systemTransition(trx, body.noticeId, 'report_hit', { hitId: item.itemId, screeningKind: body.screeningKind, fromNode: item.ownerNode });
      }
      events.push(['hits.created', { id: item.itemId, noticeId: body.noticeId }]);
      hit = (await this.repo.byId(trx, item.itemId))!;
      applied = 'created';
    }
    if (body.status !== hit.status && body.status !== 'open') {
      if (!SCREENING_SIDE_OUTCOMES.has(body.status as HitOutcome)) return { refused: `the screening side does not record ${body.status}` };
      try {
        assertOutcome(hit.status, body.status as HitOutcome);
      } catch {
        // the owner already took it further (or the other way): its own follow-up stands
        return { applied, events };
      }
      await this.repo.setOutcome(trx, hit.id, hit.version, { status: body.status, outcomeNote: (body.outcomeNote ?? '').slice(0, 2000), outcomeAt: now, outcomeBy: by });
      const planned = LIVE_STATES.has(notice.state) ? noticeMoveFor(body.status as HitOutcome, notice.state, await this.repo.countUnresolved(trx, hit.noticeId, hit.id)) : [];
      for (const move of planned) await this.notices.systemTransition(trx, hit.noticeId, move, { hitId: hit.id, outcome: body.status, fromNode: item.ownerNode });
      await this.notifications.add(trx, [
        { agencyId: notice.ownerAgencyId, userId: null, kind: 'hit_outcome', refType: 'hit', refId: hit.id, details: { noticeId: hit.noticeId, noticeReference: notice.reference, status: body.status, fromNode: item.ownerNode } },
      ]);
      events.push(['hits.updated', { id: hit.id, noticeId: hit.noticeId, status: body.status, noticeMoves: planned }]);
      if (applied === 'unchanged') applied = 'updated';
    }
    return { applied, events };
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
      const foreign = originNodeOf(notice?.source) !== null;
      // on a notice of another node the outcome travels to its owner, whose notice moves there
      const planned = notice && !foreign ? noticeMoveFor(input.status, notice.state, await this.repo.countUnresolved(trx, hit.noticeId, id)) : [];
      for (const move of planned) await this.notices.systemTransition(trx, hit.noticeId, move, { hitId: id, outcome: input.status });
      if (foreign) await this.#share?.(trx, id);
      const other = isOwner ? hit.screenedByAgencyId : hit.ownerAgencyId;
      if (other !== actor.agencyId && !(foreign && other === hit.ownerAgencyId)) {
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

function invalidHitBody(b: Partial<SharedHitBody>): string | null {
  if (typeof b.noticeId !== 'string' || !/^[0-9a-f-]{36}$/i.test(b.noticeId)) return 'data.noticeId is a notice id';
  if (!b.screeningKind || !(SCREENING_KINDS as readonly string[]).includes(b.screeningKind)) return `data.screeningKind is one of ${SCREENING_KINDS.join(', ')}`;
  if (typeof b.score !== 'number' || !Number.isFinite(b.score) || b.score < 0 || b.score > 1.5) return 'data.score is a number';
  if (!b.query || typeof b.query !== 'object' || Array.isArray(b.query) || Buffer.byteLength(JSON.stringify(b.query)) > MAX_QUERY_BYTES) return `data.query is an object of at most ${MAX_QUERY_BYTES} bytes`;
  if (b.status !== 'open' && !(HIT_OUTCOMES as readonly string[]).includes(b.status as string)) return 'data.status is a hit status';
  if (b.outcomeNote != null && typeof b.outcomeNote !== 'string') return 'data.outcomeNote is a string';
  if (typeof b.createdAt !== 'string' || Number.isNaN(Date.parse(b.createdAt))) return 'data.createdAt is a date-time';
  const a = b.screeningAgency;
  if (!a || typeof a.code !== 'string' || typeof a.country !== 'string' || typeof a.names !== 'object' || a.names === null) return 'data.screeningAgency has code, country and names';
  return null;
}
