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
import { type After, ids, NoticeMoves, type NoticeShare, versionConflict } from './notice-moves.ts';
import { originNodeOf } from '../records/foreign-records.ts';
import { NoticeRenewals } from './notice-renewals.ts';
import { NOTICE_SPECS, type NoticeState, type NoticeType, type PublicField, type Urgency } from './notice.ts';
import { type AgencyInfo, type NoticesRepo, type NoticeViewer, type QueueKey, type StoredNotice } from './notices.repo.ts';
import { type ActionBody, type CheckRequest, checkContent, type CreateNoticeInput, type UpdateNoticeInput, USER_ACTIONS } from './notices.schema.ts';
import { checkPublicExtract } from './public-extract.ts';
import { type PublicListQuery, PublicNotices } from './public-notices.ts';
import { referenceOf, searchTextOf, subjectNameOf } from './publication.ts';
import { type LiveNoticeRef, type SubjectScreener, SubjectScreening } from './subject-screening.ts';
import { callerActions, isOwnerWriter, noticeVisible } from './visibility.ts';

export type { LiveNoticeRef, ScreenedCandidate, SubjectScreener } from './subject-screening.ts';

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

const QUEUE_MAX = 100;

/** A notice held from another node is its owner's: nobody here edits or moves it (a message asks the owner). */
function readOnlyIfForeign(n: { source: string | null }) {
  const node = originNodeOf(n.source);
  if (node) throw conflict('foreign_notice_read_only', `This notice belongs to node ${node}: only its owner changes it; send its bureau a message`, { originNode: node });
}

/**
 * Notices and diffusions: every use case authorises, validates, writes in one transaction with
 * its timeline event and audit entry, and publishes its events after commit. The moves
 * themselves are written by NoticeMoves, the renewal and expiry sweep is NoticeRenewals, the
 * subject's screening SubjectScreening and the public extracts PublicNotices.
 */
export class NoticesService {
  #agencies = new Map<string, AgencyInfo>();
  readonly #moves: NoticeMoves;
  readonly #renewals: NoticeRenewals;
  readonly #subjects: SubjectScreening;
  readonly #public: PublicNotices;

  constructor(
    private readonly db: Db,
    private readonly repo: NoticesRepo,
    private readonly audit: AuditService,
    bus: EventBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    screener: SubjectScreener | null,
  ) {
    this.#moves = new NoticeMoves(repo, bus, clock, ids);
    this.#renewals = new NoticeRenewals(db, repo, audit, clock, ids, this.#moves);
    this.#subjects = new SubjectScreening(db, repo, clock, screener, (actor) => this.#isReviewer(actor));
    this.#public = new PublicNotices(db, repo, clock);
  }

  /** Where changes to this node's live notices go beyond it (the federation outbox), in their transaction. */
  shareThrough(hook: NoticeShare): void {
    this.#moves.shareThrough(hook);
  }

  async create(actor: Actor, input: CreateNoticeInput, purpose = ''): Promise<NoticeView> {
    this.#authorize(actor, 'notice.write');
    const content = checkContent(input.content);
    const handling = await this.#handling(input.type, input.handling, input.recipients);
    checkPublicExtract({ type: input.type, ...handling }, input.publicExtract);
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
      await this.repo.insertEvents(trx, [this.#moves.event(id, actor, 'create', null, 'draft', null, {})]);
      await this.audit.append(trx, actor, { action: 'notice.create', targetType: 'notice', targetId: id, purpose, details: { type: input.type } });
    });
    return this.#view(actor, (await this.repo.byId(this.db, id))!);
  }

  /** Edits a draft or a returned request (owner only); the public extract also while live. */
  async update(actor: Actor, id: string, input: UpdateNoticeInput, purpose = ''): Promise<NoticeView> {
    this.#authorize(actor, 'notice.write');
    const n = await this.#visible(actor, id);
    readOnlyIfForeign(n);
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
    if (input.publicExtract !== undefined || input.handling !== undefined || input.recipients !== undefined) {
      checkPublicExtract({ type: n.type, ...handling }, input.publicExtract === undefined ? n.publicExtract : input.publicExtract);
    }
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
      await this.repo.insertEvents(trx, [this.#moves.event(id, actor, 'update', null, null, null, { fields })]);
      await this.audit.append(trx, actor, { action: 'notice.update', targetType: 'notice', targetId: id, subjectIds: ids(n.subjectRecordId), purpose, details: { fields } });
    });
    return this.#view(actor, (await this.repo.byId(this.db, id))!);
  }

  /** The pre-submission checks, live as the officer types; nothing is written. */
  async check(actor: Actor, req: CheckRequest, purpose = 'notice pre-submission check'): Promise<CheckResult[]> {
    this.#authorize(actor, 'notice.write');
    const content = checkContent(req.content);
    return this.#subjects.checks(actor, req.type, content, req.recipients, null, purpose);
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
    readOnlyIfForeign(n);
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
      checkPublicExtract(n, body.publicExtract);
    }
    const to = nextState(n.type, n.state, action);
    let checks: CheckResult[] | undefined;
    if (action === 'submit') {
      checks = await this.#subjects.checks(actor, n.type, n.content, n.restrictedTo, n, 'notice submission check');
      if (blocking(checks).length) throw new AppError('notice_incomplete', 400, 'The request has blocking problems: complete it before submitting', { checks });
    }
    const after: After = [];
    await this.db.transaction().execute(async (trx) => {
      const set = await this.#moves.move(trx, { ...n, version: body.version }, action, to, actor, reason, after, {
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
    await this.#moves.publish(after);
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
    return this.#subjects.review(actor, n, purpose);
  }

  // ---- used by other modules (messages, hits)

  async handlingOf(noticeId: string): Promise<{ ownerAgencyId: string; tlp: TlpLevel; restrictedTo: string[]; state: NoticeState; type: NoticeType } | null> {
    const n = await this.repo.byId(this.db, noticeId);
    return n ? { ownerAgencyId: n.ownerAgencyId, tlp: n.tlp, restrictedTo: n.restrictedTo, state: n.state, type: n.type } : null;
  }

  liveNoticesBySubject(recordIds: string[]): Promise<Map<string, LiveNoticeRef>> {
    return this.#subjects.liveNoticesBySubject(recordIds);
  }

  /** A move caused by a hit, inside the caller's transaction; writes the timeline event and returns the new state. */
  async systemTransition(trx: Db, noticeId: string, action: 'report_hit' | 'clear_hits' | 'locate', details: Record<string, unknown>): Promise<NoticeState> {
    const n = await this.repo.lockById(trx, noticeId);
    if (!n) throw notFound('notice_not_found', 'No such notice');
    const to = nextState(n.type, n.state, action);
    await this.#moves.move(trx, n, action, to, { userId: null, agencyId: null }, null, [], {}, details);
    return to;
  }

  // ---- the clock

  /**
   * Asks owners to renew six months before the review date (notification + timeline), and expires
   * live notices past it: their subject leaves screening (RPD art. 49–51).
   */
  expireAndRemind(now: Date = this.clock.now()): Promise<{ renewalRequested: number; expired: number }> {
    return this.#renewals.expireAndRemind(now);
  }

  /** Runs the sweep now and every `intervalMs` (one at a time) until the returned stop function is called. */
  startSweep(intervalMs: number, onError: (err: unknown) => void): () => Promise<void> {
    return this.#renewals.startSweep(intervalMs, onError);
  }

  // ---- public extracts (no login)

  publicList(q: PublicListQuery) {
    return this.#public.list(q);
  }

  publicGet(id: string) {
    return this.#public.get(id);
  }

  // ---- helpers

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

  #authorize(actor: Actor, action: Action) {
    const d = can(actor, action);
    if (!d.allowed) throw forbidden(d.code, `Your roles do not allow ${action}`);
  }
}
