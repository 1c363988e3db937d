import type { AuditService } from '../audit/audit.service.ts';
import { type Action, can } from '../auth/policy.ts';
import type { Actor } from '../auth/roles.ts';
import type { Clock } from '../core/clock.ts';
import { forbidden, notFound } from '../core/errors.ts';
import type { IdGenerator } from '../core/ids.ts';
import { decodeCursor, type Page, pageLimit, toPage } from '../core/paging.ts';
import type { Db } from '../db/connect.ts';
import type { NotificationRow, NotificationsRepo } from './notifications.repo.ts';

/** What a module asks to notify; `userId` null reaches every user of the agency. */
export interface NewNotification {
  agencyId: string;
  userId: string | null;
  kind: 'hit_created' | 'hit_outcome' | 'task_overdue' | (string & {});
  refType: string;
  refId: string;
  /** Ids, references and codes only: notifications never carry personal data. */
  details: Record<string, unknown>;
}

// whoever takes part in cooperation reads their notifications; a token needs one of these scopes
const READERS: readonly Action[] = ['hit.read', 'notice.read', 'message.read'];

/**
 * Notifications for an agency (every user sees them; one user marking one read marks it for
 * the agency) or for one user. Other modules add them inside their own transaction.
 */
export class NotificationsService {
  constructor(
    private readonly db: Db,
    private readonly repo: NotificationsRepo,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /**
   * Adds notifications in the caller's transaction (the caller authorised and audits the cause).
   * @example await notifications.add(trx, [{ agencyId, userId: null, kind: 'hit_created', refType: 'hit', refId: hit.id, details: { noticeId } }]);
   */
  async add(trx: Db, notes: NewNotification[]): Promise<string[]> {
    const at = this.clock.now();
    const rows: NotificationRow[] = notes.map((n) => ({ ...n, id: this.ids(), createdAt: at, readAt: null }));
    await this.repo.insertMany(trx, rows);
    return rows.map((r) => r.id);
  }

  async list(actor: Actor, q: { unread?: boolean; limit?: number; cursor?: string }): Promise<Page<NotificationRow> & { unreadCount: number }> {
    this.authorize(actor);
    const limit = pageLimit(q.limit);
    const to = { agencyId: actor.agencyId, userId: actor.userId };
    const rows = await this.repo.list(this.db, to, { unread: q.unread, beforeId: decodeCursor<string>(q.cursor, 'string') }, limit + 1);
    return { ...toPage(rows, limit, (r) => r.id), unreadCount: await this.repo.countUnread(this.db, to) };
  }

  async markRead(actor: Actor, id: string): Promise<NotificationRow> {
    this.authorize(actor);
    const row = await this.db.transaction().execute(async (trx) => {
      const n = await this.repo.markRead(trx, id, { agencyId: actor.agencyId, userId: actor.userId }, this.clock.now());
      if (!n) throw notFound('notification_not_found', 'No such notification');
      await this.audit.append(trx, actor, { action: 'notification.read', targetType: 'notification', targetId: id, details: { kind: n.kind, refType: n.refType, refId: n.refId } });
      return n;
    });
    return row;
  }

  private authorize(actor: Actor) {
    const d = READERS.map((a) => can(actor, a)).find((x) => x.allowed) ?? can(actor, READERS[0]);
    if (!d.allowed) throw forbidden(d.code, 'Your roles do not allow reading notifications');
  }
}
