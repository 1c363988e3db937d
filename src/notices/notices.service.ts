import type { AuditService } from '../audit/audit.service.ts';
import { type Action, can } from '../auth/policy.ts';
import type { Actor } from '../auth/roles.ts';
import type { Clock } from '../core/clock.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../core/errors.ts';
import type { TlpLevel } from '../core/handling.ts';
import type { IdGenerator } from '../core/ids.ts';
import { decodeCursor, encodeCursor, type Page, pageLimit, toPage } from '../core/paging.ts';
import { toIsoDate } from '../core/partial-date.ts';
import { fold } from '../core/text.ts';
import type { Db } from '../db/connect.ts';
import type { EventBus } from '../events/bus.ts';
import { blocking, type CheckResult, checkNotice } from './checks.ts';
import { ACTION_SIDE, LIVE_STATES, NEEDS_REASON, type NoticeAction, nextState } from './lifecycle.ts';
import { NOTICE_SPECS, type NoticeContent, type NoticeState, type NoticeType, type PublicField, type Urgency } from './notice.ts';
import { type AgencyInfo, type NoticeRow, type NoticesRepo, type NoticeViewer, type QueueKey, type StoredNotice } from './notices.repo.ts';
import { type ActionBody, type CheckRequest, checkContent, type CreateNoticeInput, type UpdateNoticeInput, USER_ACTIONS } from './notices.schema.ts';
import { publicView, publicSummary, birthYears } from './public-extract.ts';
import { enterScreening, extendScreening, leaveScreening, referenceOf, reviewDateFrom, searchTextOf, subjectNameOf } from './publication.ts';
import { callerActions, isOwnerWriter, noticeVisible } from './visibility.ts';
import { addYears } from '../core/clock.ts';

/** A candidate from person screening, as the notices module needs it. */
export interface ScreenedCandidate {
  recordId: string;
  displayName: string;
  matchedName: string;
  score: number;
  alert: boolean;
  ownerAgencyCode: string;
}

/** Person screening seen from notices (the ScreeningService behind it, see index.ts). */
export interface SubjectScreener {
  screenSubject(actor: Actor, q: { name: string; birthDate?: string; nationality?: string; gender?: 'male' | 'female' }, purpose: string): Promise<ScreenedCandidate[]>;
}

export interface NoticeView extends StoredNotice {
  allowedActions: NoticeAction[];
  restrictedToAgencies: Array<{ id: string; code: string }>;
}

export interface ListQuery {
  type?: NoticeType;
  state?: NoticeState;
  mine?: boolean;
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface LiveNoticeRef {
  noticeId: string;
  reference: string;
  type: NoticeType;
  urgency: Urgency;
  ownerAgencyId: string;
  state: NoticeState;
}

type Who = { userId: string | null; agencyId: string | null };
type After = Array<[string, Record<string, unknown>]>;

const QUEUE_MAX = 100;
const SCREEN_NAMES = 3;

/**
 * Notices and diffusions: every use case authorises, validates, writes in one transaction with
 * its timeline event and audit entry, and publishes its events after commit.
 */
export class NoticesService {
  #agencies = new Map<string, AgencyInfo>();

  constructor(
    private readonly db: Db,
    private readonly repo: NoticesRepo,
    private readonly audit: AuditService,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly screener: SubjectScreener | null,
  ) {}

  async create(actor: Actor, input: CreateNoticeInput, purpose = ''): Promise<NoticeView> {
    this.#authorize(actor, 'notice.write');
    const content = checkContent(input.content);
    const handling = await this.#handling(input.type, input.handling, input.recipients);
    this.#checkExtract(input.type, input.publicExtract);
    const now = this.clock.now();
    const id = this.ids();
    await this.db.transaction().execute(async (trx) => {
      const reference = referenceOf(input.type, now, await this.repo.nextReferenceNumber(trx));
      await this.repo.insertMany(trx, [
        {
          id,
          reference,
          type: input.type,
          state: 'draft',
          urgency: input.urgency,
          ownerAgencyId: actor.agencyId,
          ...handling,
          content,
          checks: checkNotice({ type: input.type, content, recipients: handling.restrictedTo, today: toIsoDate(now) }),
          subjectName: subjectNameOf(content),
          searchText: searchTextOf(reference, content),
          subjectRecordId: null,
          publicExtract: input.publicExtract ?? null,
          stateReason: null,
          submittedAt: null,
          publishedAt: null,
          reviewDate: null,
          renewalRequestedAt: null,
          source: null,
          externalId: null,
          createdAt: now,
          createdBy: actor.userId,
          updatedAt: now,
          updatedBy: actor.userId,
          version: 1,
        },
      ]);
      await this.repo.insertEvents(trx, [this.#event(id, actor, 'create', null, 'draft', null, {})]);
      await this.audit.append(trx, actor, { action: 'notice.create', targetType: 'notice', targetId: id, purpose, details: { type: input.type } });
    });
    return this.#view(actor, (await this.repo.byId(this.db, id))!);
  }

  /** Edits a draft or a returned request (owner only); the public extract also while live. */
  async update(actor: Actor, id: string, input: UpdateNoticeInput, purpose = ''): Promise<NoticeView> {
    this.#authorize(actor, 'notice.write');
    const n = await this.#visible(actor, id);
    if (n.ownerAgencyId !== actor.agencyId) throw forbidden('notice_not_owner', 'Only the owner agency may change this notice');
    const editable = n.state === 'draft' || n.state === 'returned';
    const changesContent = input.content !== undefined || input.urgency !== undefined || input.handling !== undefined || input.recipients !== undefined;
    if (changesContent && !editable) throw conflict('notice_not_editable', `A notice in state ${n.state} cannot be edited`, { state: n.state });
    if (input.publicExtract !== undefined && !editable && !LIVE_STATES.has(n.state)) {
      throw conflict('notice_not_editable', `A notice in state ${n.state} cannot be edited`, { state: n.state });
    }
    const content = input.content ? checkContent(input.content) : n.content;
    const handling =
      input.handling !== undefined || input.recipients !== undefined
        ? await this.#handling(n.type, input.handling ?? { tlp: n.tlp, restrictedTo: n.type === 'diffusion' ? [] : n.restrictedTo }, input.recipients ?? (n.type === 'diffusion' ? n.restrictedTo : undefined))
        : { tlp: n.tlp, restrictedTo: n.restrictedTo };
    if (input.publicExtract) this.#checkExtract(n.type, input.publicExtract);
    const now = this.clock.now();
    const fields = Object.keys(input).filter((k) => k !== 'version' && (input as Record<string, unknown>)[k] !== undefined);
    await this.db.transaction().execute(async (trx) => {
      const ok = await this.repo.update(trx, id, input.version, {
        ...(input.urgency ? { urgency: input.urgency } : {}),
        ...(input.content ? { content, subjectName: subjectNameOf(content), searchText: searchTextOf(n.reference, content) } : {}),
        ...handling,
        ...(changesContent ? { checks: checkNotice({ type: n.type, content, recipients: handling.restrictedTo, today: toIsoDate(now) }) } : {}),
        ...(input.publicExtract !== undefined ? { publicExtract: input.publicExtract } : {}),
        updatedAt: now,
        updatedBy: actor.userId,
      });
      if (!ok) throw versionConflict(n.version);
      await this.repo.insertEvents(trx, [this.#event(id, actor, 'update', null, null, null, { fields })]);
      await this.audit.append(trx, actor, { action: 'notice.update', targetType: 'notice', targetId: id, subjectIds: ids(n.subjectRecordId), purpose, details: { fields } });
    });
    return this.#view(actor, (await this.repo.byId(this.db, id))!);
  }

  /** The pre-submission checks, live as the officer types; nothing is written. */
  async check(actor: Actor, req: CheckRequest, purpose = 'notice pre-submission check'): Promise<CheckResult[]> {
    this.#authorize(actor, 'notice.write');
    const content = checkContent(req.content);
    return this.#checks(actor, req.type, content, req.recipients, null, purpose);
  }

  async get(actor: Actor, id: string, purpose = ''): Promise<NoticeView> {
    this.#authorize(actor, 'notice.read');
    const n = await this.#visible(actor, id);
    await this.audit.record(actor, { action: 'notice.read', targetType: 'notice', targetId: id, subjectIds: ids(n.subjectRecordId), purpose });
    return this.#view(actor, n);
  }

  async list(actor: Actor, query: ListQuery, purpose = ''): Promise<Page<StoredNotice>> {
    this.#authorize(actor, 'notice.read');
    const limit = pageLimit(query.limit);
    const tokens = query.q ? fold(query.q).split(' ').filter(Boolean).slice(0, 8) : undefined;
    const rows = await this.repo.list(
      this.db,
      await this.#viewer(actor),
      { type: query.type, state: query.state, ownerAgencyId: query.mine ? actor.agencyId : undefined, tokens, beforeId: decodeCursor<string>(query.cursor, 'string') },
      limit + 1,
    );
    const page = toPage(rows, limit, (r) => r.id);
    await this.audit.record(actor, {
      action: 'notice.search',
      targetType: 'notice',
      subjectIds: page.items.flatMap((n) => ids(n.subjectRecordId)),
      purpose,
      details: { returned: page.items.length, withQuery: Boolean(tokens?.length), type: query.type ?? null },
    });
    return page;
  }

  /** Pending requests for the hub's reviewers: urgent first, then oldest submission. */
  async reviewQueue(actor: Actor, page: { limit?: number; cursor?: string }) {
    if (!(await this.#isReviewer(actor))) throw forbidden('forbidden_role', 'Only the hub reviewers see the review queue');
    const limit = Math.min(pageLimit(page.limit), QUEUE_MAX);
    const raw = decodeCursor<string>(page.cursor, 'string');
    let after: QueueKey | undefined;
    if (raw) {
      const [urgency, submittedAt, id] = JSON.parse(raw) as [Urgency, string, string];
      after = { urgency, submittedAt, id };
    }
    const rows = await this.repo.queue(this.db, after, limit + 1);
    const more = rows.length > limit;
    const items = more ? rows.slice(0, limit) : rows;
    const last = items.at(-1);
    const now = this.clock.now().getTime();
    return {
      items: items.map((n) => ({
        ...n,
        ageHours: Math.round(((now - new Date(n.submittedAt!).getTime()) / 3_600_000) * 10) / 10,
        errors: n.checks.filter((c) => c.severity === 'error').length,
        warnings: n.checks.filter((c) => c.severity === 'warning').length,
      })),
      nextCursor: more && last ? encodeCursor(JSON.stringify([last.urgency, new Date(last.submittedAt!).toISOString(), last.id])) : null,
    };
  }

  /** A move requested by a person: submit, withdraw, start_review, publish, refuse, return, locate, cancel, renew. */
  async act(actor: Actor, id: string, action: NoticeAction, body: ActionBody, purpose = ''): Promise<NoticeView> {
    this.#authorize(actor, 'notice.read');
    if (!(USER_ACTIONS as readonly string[]).includes(action)) throw forbidden('system_action', `${action} is done by the system, not by a person`);
    const n = await this.#visible(actor, id);
    const side = ACTION_SIDE[action];
    if (side === 'owner') {
      this.#authorize(actor, 'notice.write');
      if (!isOwnerWriter(actor, n)) throw forbidden('notice_not_owner', 'Only the owner agency may do this');
    } else if (!(await this.#isReviewer(actor))) {
      throw forbidden('forbidden_role', 'Only the hub reviewers decide on requests');
    }
    const reason = body.reason?.trim() || null;
    if (NEEDS_REASON.has(action) && !reason) throw invalid('reason_required', `A reason is required to ${action}`, { action });
    if (body.publicExtract !== undefined) {
      if (side !== 'owner') throw forbidden('notice_not_owner', 'Only the owner agency authorises a public extract');
      if (body.publicExtract) this.#checkExtract(n.type, body.publicExtract);
    }
    const to = nextState(n.type, n.state, action);
    let checks: CheckResult[] | undefined;
    if (action === 'submit') {
      checks = await this.#checks(actor, n.type, n.content, n.restrictedTo, n, 'notice submission check');
      if (blocking(checks).length) throw new AppError('notice_incomplete', 400, 'The request has blocking problems: complete it before submitting', { checks });
    }
    const after: After = [];
    await this.db.transaction().execute(async (trx) => {
      const set = await this.#move(trx, { ...n, version: body.version }, action, to, actor, reason, after, {
        ...(checks ? { checks } : {}),
        ...(body.publicExtract !== undefined ? { publicExtract: body.publicExtract } : {}),
      });
      await this.audit.append(trx, actor, {
        action: `notice.${action}`,
        targetType: 'notice',
        targetId: id,
        subjectIds: ids(set.subjectRecordId ?? n.subjectRecordId),
        purpose,
        details: { from: n.state, to, ...(checks ? { errors: 0, warnings: checks.filter((c) => c.severity === 'warning').length } : {}) },
      });
    });
    await this.#publish(after);
    return this.#view(actor, (await this.repo.byId(this.db, id))!);
  }

  async timeline(actor: Actor, id: string) {
    this.#authorize(actor, 'notice.read');
    await this.#visible(actor, id);
    const events = await this.repo.events(this.db, id, 1000);
    return events.map((e) => ({
      at: e.at,
      kind: (e.action === 'report_hit' || e.action === 'clear_hits' || 'hitId' in e.details ? 'hit' : e.action.startsWith('message') ? 'message' : 'state') as 'state' | 'hit' | 'message',
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      reason: e.reason,
      agencyCode: e.agencyCode,
      details: e.details,
    }));
  }

  /** The request's subject screened against records and live notices (reviewer or owner). */
  async screening(actor: Actor, id: string, purpose = 'notice review screening') {
    this.#authorize(actor, 'notice.read');
    const n = await this.#visible(actor, id);
    if (!(await this.#isReviewer(actor)) && !isOwnerWriter(actor, n)) throw forbidden('forbidden_role', 'Only reviewers and the owner agency screen a request');
    const found = (await this.#screen(actor, n.content, purpose)).filter((c) => c.recordId !== n.subjectRecordId);
    const live = await this.liveNoticesBySubject(found.map((c) => c.recordId));
    const candidates = found.map((c) => ({ id: c.recordId, displayName: c.displayName, matchedName: c.matchedName, score: c.score, alert: c.alert, ownerAgencyCode: c.ownerAgencyCode }));
    const notices = found.flatMap((c) => {
      const l = live.get(c.recordId);
      return l && l.noticeId !== n.id ? [{ noticeId: l.noticeId, reference: l.reference, type: l.type, state: l.state, score: c.score, ownerAgencyId: l.ownerAgencyId }] : [];
    });
    return { candidates, notices };
  }

  // ---- used by other modules (messages, hits)

  async handlingOf(noticeId: string): Promise<{ ownerAgencyId: string; tlp: TlpLevel; restrictedTo: string[]; state: NoticeState; type: NoticeType } | null> {
    const n = await this.repo.byId(this.db, noticeId);
    return n ? { ownerAgencyId: n.ownerAgencyId, tlp: n.tlp, restrictedTo: n.restrictedTo, state: n.state, type: n.type } : null;
  }

  async liveNoticesBySubject(recordIds: string[]): Promise<Map<string, LiveNoticeRef>> {
    const rows = await this.repo.liveBySubjects(this.db, [...new Set(recordIds)]);
    return new Map(rows.map((n) => [n.subjectRecordId!, { noticeId: n.id, reference: n.reference, type: n.type, urgency: n.urgency, ownerAgencyId: n.ownerAgencyId, state: n.state }]));
  }

  /** A move caused by a hit, inside the caller's transaction; writes the timeline event and returns the new state. */
  async systemTransition(trx: Db, noticeId: string, action: 'report_hit' | 'clear_hits' | 'locate', details: Record<string, unknown>): Promise<NoticeState> {
    const n = await this.repo.lockById(trx, noticeId);
    if (!n) throw notFound('notice_not_found', 'No such notice');
    const to = nextState(n.type, n.state, action);
    await this.#move(trx, n, action, to, { userId: null, agencyId: null }, null, [], {}, details);
    return to;
  }

  // ---- the clock

  /**
   * Asks owners to renew six months before the review date (notification + timeline), and expires
   * live notices past it: their subject leaves screening (RPD art. 49–51).
   */
  async expireAndRemind(now: Date = this.clock.now()): Promise<{ renewalRequested: number; expired: number }> {
    const today = toIsoDate(now);
    const until = toIsoDate(addMonths(now, 6));
    let renewalRequested = 0;
    let expired = 0;
    for (;;) {
      const due = await this.repo.dueForRenewal(this.db, until, 200);
      if (due.length === 0) break;
      await this.db.transaction().execute(async (trx) => {
        for (const n of due) {
          if (!(await this.repo.update(trx, n.id, n.version, { renewalRequestedAt: now, updatedAt: now, updatedBy: 'system' }))) throw versionConflict(n.version);
          await this.repo.insertEvents(trx, [{ ...this.#event(n.id, null, 'renewal_requested', n.state, n.state, null, { reviewDate: n.reviewDate }), at: now }]);
        }
        await this.repo.insertNotifications(
          trx,
          due.map((n) => ({ id: this.ids(), agencyId: n.ownerAgencyId, kind: 'notice_renewal_due', refType: 'notice', refId: n.id, details: { reference: n.reference, reviewDate: n.reviewDate }, createdAt: now })),
        );
        await this.audit.append(trx, null, { action: 'notice.renewal_requested', targetType: 'notice', subjectIds: due.flatMap((n) => ids(n.subjectRecordId)), details: { count: due.length, noticeIds: due.map((n) => n.id) } });
      });
      renewalRequested += due.length;
    }
    for (;;) {
      const past = await this.repo.pastReview(this.db, today, 200);
      if (past.length === 0) break;
      const after: After = [];
      await this.db.transaction().execute(async (trx) => {
        for (const n of past) await this.#move(trx, n, 'expire', 'expired', { userId: null, agencyId: null }, null, after, {}, {}, now);
        await this.repo.insertNotifications(
          trx,
          past.map((n) => ({ id: this.ids(), agencyId: n.ownerAgencyId, kind: 'notice_expired', refType: 'notice', refId: n.id, details: { reference: n.reference }, createdAt: now })),
        );
        await this.audit.append(trx, null, { action: 'notice.expire', targetType: 'notice', subjectIds: past.flatMap((n) => ids(n.subjectRecordId)), details: { count: past.length, noticeIds: past.map((n) => n.id) } });
      });
      await this.#publish(after);
      expired += past.length;
    }
    return { renewalRequested, expired };
  }

  /** Runs the sweep now and every `intervalMs` (one at a time) until the returned stop function is called. */
  startSweep(intervalMs: number, onError: (err: unknown) => void): () => Promise<void> {
    let running: Promise<unknown> | null = null;
    const tick = () => {
      running ??= this.expireAndRemind()
        .catch(onError)
        .finally(() => (running = null));
    };
    const timer = setInterval(tick, intervalMs);
    timer.unref();
    tick();
    return async () => {
      clearInterval(timer);
      await running;
    };
  }

  // ---- public extracts (no login)

  async publicList(q: { type?: 'red' | 'yellow'; nationality?: string; sex?: 'male' | 'female'; ageMin?: number; ageMax?: number; name?: string; limit?: number; cursor?: string }) {
    const limit = pageLimit(q.limit);
    const today = toIsoDate(this.clock.now());
    const tokens = q.name ? fold(q.name).split(' ').filter(Boolean).slice(0, 6) : undefined;
    const rows = await this.repo.publicList(
      this.db,
      { type: q.type, nationality: q.nationality, sex: q.sex, ...birthYears(Number(today.slice(0, 4)), q.ageMin, q.ageMax), tokens, beforeId: decodeCursor<string>(q.cursor, 'string') },
      limit + 1,
    );
    const page = toPage(rows, limit, (r) => r.id);
    return { items: page.items.map((n) => publicSummary(n, today)), nextCursor: page.nextCursor };
  }

  async publicGet(id: string) {
    const n = await this.repo.byId(this.db, id);
    if (!n || (n.type !== 'red' && n.type !== 'yellow') || !LIVE_STATES.has(n.state) || !n.publicExtract?.fields.length) throw notFound('notice_not_found', 'No such notice');
    return publicView(n);
  }

  // ---- helpers

  /**
   * Applies a lifecycle move in `trx`: the row (optimistic version), the subject entering or
   * leaving screening, the timeline event; queues the events to publish after commit.
   */
  async #move(
    trx: Db,
    n: NoticeRow,
    action: NoticeAction,
    to: NoticeState,
    who: Who,
    reason: string | null,
    after: After,
    extra: Partial<NoticeRow>,
    details: Record<string, unknown> = {},
    at: Date = this.clock.now(),
  ): Promise<Partial<NoticeRow>> {
    const set: Partial<NoticeRow> = { ...extra, state: to, updatedAt: at, updatedBy: who.userId ?? 'system' };
    if (reason !== null || NEEDS_REASON.has(action)) set.stateReason = reason;
    if (action === 'submit') set.submittedAt = at;
    const entering = LIVE_STATES.has(to) && !LIVE_STATES.has(n.state);
    const leaving = (to === 'cancelled' || to === 'expired') && n.subjectRecordId !== null;
    if (entering) {
      set.publishedAt = at;
      set.reviewDate = reviewDateFrom(at);
      set.renewalRequestedAt = null;
      set.subjectRecordId = await enterScreening(trx, n, set.reviewDate, at, who.userId ?? 'system', this.ids());
    }
    if (leaving) {
      await leaveScreening(trx, n.subjectRecordId);
      set.subjectRecordId = null;
    }
    if (action === 'renew') {
      set.reviewDate = toIsoDate(addYears(new Date(`${n.reviewDate ?? toIsoDate(at)}T00:00:00Z`), 5));
      set.renewalRequestedAt = null;
      await extendScreening(trx, n.subjectRecordId, set.reviewDate, at, who.userId ?? 'system');
    }
    if (!(await this.repo.update(trx, n.id, n.version, set))) throw versionConflict(n.version);
    await this.repo.insertEvents(trx, [{ ...this.#event(n.id, who, action, n.state, to, reason, details), at }]);
    if (entering && set.subjectRecordId) after.push(['records.created', { id: set.subjectRecordId, kind: 'person' }]);
    if (leaving) after.push(['records.deleted', { id: n.subjectRecordId!, kind: 'person' }]);
    if (action === 'renew' && n.subjectRecordId) after.push(['records.updated', { id: n.subjectRecordId, kind: 'person' }]);
    const subject = entering ? 'notices.published' : to === 'cancelled' ? 'notices.cancelled' : to === 'expired' ? 'notices.expired' : to === 'submitted' ? 'notices.submitted' : null;
    if (subject && n.state !== to) after.push([subject, { id: n.id, type: n.type, ownerAgencyId: n.ownerAgencyId }]);
    return set;
  }

  async #publish(after: After) {
    for (const [subject, data] of after) await this.bus.publish(subject, data);
  }

  #event(noticeId: string, who: Who | Actor | null, action: string, fromState: string | null, toState: string | null, reason: string | null, details: Record<string, unknown>) {
    return { id: this.ids(), noticeId, at: this.clock.now(), actorUserId: who?.userId ?? null, actorAgencyId: who?.agencyId ?? null, action, fromState, toState, reason, details };
  }

  async #checks(actor: Actor, type: NoticeType, content: NoticeContent, recipients: string[] | undefined, self: StoredNotice | null, purpose: string): Promise<CheckResult[]> {
    const out = checkNotice({ type, content, recipients, today: toIsoDate(this.clock.now()) });
    if (!NOTICE_SPECS[type].screened) return out;
    const found = (await this.#screen(actor, content, purpose)).filter((c) => c.alert);
    const live = await this.liveNoticesBySubject(found.map((c) => c.recordId));
    const seen = new Set<string>();
    const viewer = await this.#isReviewer(actor);
    for (const c of found) {
      const l = live.get(c.recordId);
      if (!l || l.noticeId === self?.id || seen.has(l.noticeId)) continue;
      seen.add(l.noticeId);
      const other = await this.repo.byId(this.db, l.noticeId);
      if (!other || !noticeVisible(actor, other, viewer)) continue;
      out.push({ code: 'duplicate_notice', severity: 'warning', field: 'subject.names', params: { noticeId: l.noticeId, reference: l.reference, type: l.type, score: Math.round(c.score * 100) / 100 } });
    }
    return out;
  }

  async #screen(actor: Actor, content: NoticeContent, purpose: string): Promise<ScreenedCandidate[]> {
    if (!this.screener || !can(actor, 'screening.run').allowed) return [];
    const s = content.subject;
    const best = new Map<string, ScreenedCandidate>();
    for (const name of s.names.filter((x) => x.value.trim()).slice(0, SCREEN_NAMES)) {
      const found = await this.screener.screenSubject(
        actor,
        { name: name.value, birthDate: s.birthDate, nationality: s.nationalities?.[0], gender: s.gender === 'unknown' ? undefined : s.gender },
        purpose,
      );
      for (const c of found) if ((best.get(c.recordId)?.score ?? -1) < c.score) best.set(c.recordId, c);
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }

  async #view(actor: Actor, n: StoredNotice): Promise<NoticeView> {
    const reviewer = await this.#isReviewer(actor);
    const codes = await Promise.all(n.restrictedTo.map(async (id) => ({ id, code: (await this.#agency(id))?.code ?? '' })));
    return { ...n, allowedActions: callerActions(actor, n, reviewer), restrictedToAgencies: codes };
  }

  /** Loads a notice; one the actor may not see is reported as not found (never 403: its existence is not told). */
  async #visible(actor: Actor, id: string): Promise<StoredNotice> {
    const n = await this.repo.byId(this.db, id);
    if (!n || !noticeVisible(actor, n, await this.#isReviewer(actor))) throw notFound('notice_not_found', 'No such notice');
    return n;
  }

  async #viewer(actor: Actor): Promise<NoticeViewer> {
    return { agencyId: actor.agencyId, seesAll: actor.roles.includes('dpo'), reviewer: await this.#isReviewer(actor) };
  }

  async #isReviewer(actor: Actor): Promise<boolean> {
    return can(actor, 'notice.review').allowed && (await this.#agency(actor.agencyId))?.isHub === true;
  }

  async #agency(id: string): Promise<AgencyInfo | undefined> {
    if (!this.#agencies.has(id)) for (const a of await this.repo.agencies(this.db)) this.#agencies.set(a.id, a);
    return this.#agencies.get(id);
  }

  /** Agencies the notice's owner may choose (all of this node). */
  async agencyList(): Promise<AgencyInfo[]> {
    return this.repo.agencies(this.db);
  }

  async #handling(type: NoticeType, handling: { tlp: string; restrictedTo?: string[] } | undefined, recipients: string[] | undefined) {
    if (recipients?.length && type !== 'diffusion') throw invalid('recipients_diffusion_only', 'Only a diffusion has recipients; restrict a notice with handling.restrictedTo');
    const restrictedTo = [...new Set(type === 'diffusion' ? (recipients ?? []) : (handling?.restrictedTo ?? []))];
    for (const id of restrictedTo) if (!(await this.#agency(id))) throw invalid('unknown_agency', 'An agency named does not exist', { agencyId: id });
    return { tlp: (handling?.tlp ?? NOTICE_SPECS[type].defaultTlp) as TlpLevel, restrictedTo };
  }

  #checkExtract(type: NoticeType, extract: { fields: PublicField[] } | null | undefined) {
    if (extract?.fields.length && !NOTICE_SPECS[type].publicExtract) {
      throw invalid('public_extract_not_allowed', 'Only Red and Yellow notices may have a public extract', { type });
    }
  }

  #authorize(actor: Actor, action: Action) {
    const d = can(actor, action);
    if (!d.allowed) throw forbidden(d.code, `Your roles do not allow ${action}`);
  }
}

const ids = (id: string | null) => (id ? [id] : []);
const versionConflict = (version: number) => conflict('version_conflict', 'The notice changed since you read it: reload and try again', { version });

function addMonths(d: Date, months: number): Date {
  const r = new Date(d.getTime());
  r.setUTCMonth(r.getUTCMonth() + months);
  if (r.getUTCDate() !== d.getUTCDate()) r.setUTCDate(0);
  return r;
}
