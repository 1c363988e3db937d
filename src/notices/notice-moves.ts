import { addYears, type Clock } from '../core/clock.ts';
import { conflict } from '../core/errors.ts';
import type { IdGenerator } from '../core/ids.ts';
import { toIsoDate } from '../core/partial-date.ts';
import type { Db } from '../db/connect.ts';
import type { EventBus } from '../events/bus.ts';
import type { Actor } from '../auth/roles.ts';
import { LIVE_STATES, NEEDS_REASON, type NoticeAction } from './lifecycle.ts';
import type { NoticeState } from './notice.ts';
import type { NoticeRow, NoticesRepo } from './notices.repo.ts';
import { enterScreening, extendScreening, leaveScreening, reviewDateFrom } from './publication.ts';
import { originNodeOf } from '../records/foreign-records.ts';

/** Who moved a notice: a person, or the system (both null). */
export type Who = { userId: string | null; agencyId: string | null };
/** Events to publish once the transaction has committed: [subject, data]. */
export type After = Array<[string, Record<string, unknown>]>;

/**
 * Where a change to one of this node's live notices goes beyond the node (federation's outbox),
 * called in the move's transaction: `upsert` while it is live (published, hit reported, renewed,
 * located), `withdraw` when it stops being wanted (cancelled, expired).
 */
export type NoticeShare = (trx: Db, change: { type: 'upsert' | 'withdraw'; notice: NoticeRow }) => Promise<void>;

export const ids = (id: string | null) => (id ? [id] : []);
export const versionConflict = (version: number) => conflict('version_conflict', 'The notice changed since you read it: reload and try again', { version });

/**
 * Lifecycle moves as they are written: the notice row (optimistic version), the subject entering,
 * leaving or staying longer in screening, the timeline event, and the events published after
 * commit. Which moves are allowed is lifecycle.ts; who may ask for them is the service's.
 */
export class NoticeMoves {
  #share: NoticeShare | undefined;

  constructor(
    private readonly repo: NoticesRepo,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  shareThrough(hook: NoticeShare): void {
    this.#share = hook;
  }

  /**
   * Applies a lifecycle move in `trx`: the row (optimistic version), the subject entering or
   * leaving screening, the timeline event; queues the events to publish after commit.
   */
  async move(
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
    // only this node's own notices leave it; a notice held from another node is its owner's to share
    if (this.#share && originNodeOf(n.source) === null) {
      const now = { ...n, ...set, version: n.version + 1 } as NoticeRow;
      if (LIVE_STATES.has(to)) await this.#share(trx, { type: 'upsert', notice: now });
      else if (LIVE_STATES.has(n.state)) await this.#share(trx, { type: 'withdraw', notice: now });
    }
    await this.repo.insertEvents(trx, [{ ...this.event(n.id, who, action, n.state, to, reason, details), at }]);
    if (entering && set.subjectRecordId) after.push(['records.created', { id: set.subjectRecordId, kind: 'person' }]);
    if (leaving) after.push(['records.deleted', { id: n.subjectRecordId!, kind: 'person' }]);
    if (action === 'renew' && n.subjectRecordId) after.push(['records.updated', { id: n.subjectRecordId, kind: 'person' }]);
    const subject = entering ? 'notices.published' : to === 'cancelled' ? 'notices.cancelled' : to === 'expired' ? 'notices.expired' : to === 'submitted' ? 'notices.submitted' : null;
    if (subject && n.state !== to) after.push([subject, { id: n.id, type: n.type, ownerAgencyId: n.ownerAgencyId }]);
    return set;
  }

  async publish(after: After) {
    for (const [subject, data] of after) await this.bus.publish(subject, data);
  }

  /** A timeline event of the notice. */
  event(noticeId: string, who: Who | Actor | null, action: string, fromState: string | null, toState: string | null, reason: string | null, details: Record<string, unknown>) {
    return { id: this.ids(), noticeId, at: this.clock.now(), actorUserId: who?.userId ?? null, actorAgencyId: who?.agencyId ?? null, action, fromState, toState, reason, details };
  }
}
