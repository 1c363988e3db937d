import type { Db } from '../db/connect.ts';

export interface NotificationRow {
  id: string;
  agencyId: string;
  /** null: every user of the agency. */
  userId: string | null;
  kind: string;
  refType: string;
  refId: string;
  details: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

/** Whose notifications: the agency-wide ones of the user's agency, and the user's own. */
export interface Recipient {
  agencyId: string;
  userId: string;
}

export class NotificationsRepo {
  async insertMany(trx: Db, rows: NotificationRow[]): Promise<void> {
    if (rows.length === 0) return;
    await trx
      .insertInto('notifications')
      .values(rows.map((r) => ({ ...r, details: JSON.stringify(r.details) })))
      .execute();
  }

  async list(db: Db, to: Recipient, filter: { unread?: boolean; beforeId?: string }, limit: number): Promise<NotificationRow[]> {
    let q = db
      .selectFrom('notifications')
      .selectAll()
      .where('agencyId', '=', to.agencyId)
      .where((eb) => eb.or([eb('userId', 'is', null), eb('userId', '=', to.userId)]));
    if (filter.unread) q = q.where('readAt', 'is', null);
    if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
    return (await q.orderBy('id', 'desc').limit(limit).execute()) as NotificationRow[];
  }

  async countUnread(db: Db, to: Recipient): Promise<number> {
    const r = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agencyId', '=', to.agencyId)
      .where((eb) => eb.or([eb('userId', 'is', null), eb('userId', '=', to.userId)]))
      .where('readAt', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Marks one notification read if it is addressed to the recipient; returns it, or undefined. */
  async markRead(trx: Db, id: string, to: Recipient, at: Date): Promise<NotificationRow | undefined> {
    await trx
      .updateTable('notifications')
      .set({ readAt: at })
      .where('id', '=', id)
      .where('agencyId', '=', to.agencyId)
      .where((eb) => eb.or([eb('userId', 'is', null), eb('userId', '=', to.userId)]))
      .where('readAt', 'is', null)
      .execute();
    return (await trx
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', id)
      .where('agencyId', '=', to.agencyId)
      .where((eb) => eb.or([eb('userId', 'is', null), eb('userId', '=', to.userId)]))
      .executeTakeFirst()) as NotificationRow | undefined;
  }
}
