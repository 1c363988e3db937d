import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../core/clock.ts';
import type { IdGenerator } from '../core/ids.ts';
import { toIsoDate } from '../core/partial-date.ts';
import type { Db } from '../db/connect.ts';
import { type After, ids, type NoticeMoves, versionConflict } from './notice-moves.ts';
import type { NoticesRepo } from './notices.repo.ts';

/**
 * The clock of live notices: owners are asked to renew six months before the review date, and
 * notices past it expire (their subject leaves screening).
 */
export class NoticeRenewals {
  constructor(
    private readonly db: Db,
    private readonly repo: NoticesRepo,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly moves: NoticeMoves,
  ) {}

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
          await this.repo.insertEvents(trx, [{ ...this.moves.event(n.id, null, 'renewal_requested', n.state, n.state, null, { reviewDate: n.reviewDate }), at: now }]);
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
        for (const n of past) await this.moves.move(trx, n, 'expire', 'expired', { userId: null, agencyId: null }, null, after, {}, {}, now);
        await this.repo.insertNotifications(
          trx,
          past.map((n) => ({ id: this.ids(), agencyId: n.ownerAgencyId, kind: 'notice_expired', refType: 'notice', refId: n.id, details: { reference: n.reference }, createdAt: now })),
        );
        await this.audit.append(trx, null, { action: 'notice.expire', targetType: 'notice', subjectIds: past.flatMap((n) => ids(n.subjectRecordId)), details: { count: past.length, noticeIds: past.map((n) => n.id) } });
      });
      await this.moves.publish(after);
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
}

function addMonths(d: Date, months: number): Date {
  const r = new Date(d.getTime());
  r.setUTCMonth(r.getUTCMonth() + months);
  if (r.getUTCDate() !== d.getUTCDate()) r.setUTCDate(0);
  return r;
}
