import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { TlpLevel } from '../core/handling.ts';
import type { Database } from '../db/schema.ts';
import type { Attachment, MessageUrgency } from './message.ts';

/**
 * Who is looking. A message is visible to its sender's agency and its recipient agencies;
 * the data-protection officer sees every message.
 */
export interface Viewer {
  agencyId: string;
  seesAll: boolean;
}

export interface ThreadRow {
  id: string;
  subject: string;
  noticeId: string | null;
  caseRef: string | null;
  createdByAgencyId: string;
  createdBy: string;
  createdAt: Date;
  lastMessageAt: Date;
  /** The node that started the thread; null or absent for this node's own. */
  originNode?: string | null;
}

export interface MessageRow {
  id: string;
  threadId: string;
  senderUserId: string;
  senderAgencyId: string;
  body: string;
  tlp: TlpLevel;
  urgency: MessageUrgency;
  deadlineAt: Date;
  createdAt: Date;
  /** The node the message came from; null or absent for this node's own. */
  originNode?: string | null;
}

/** An attachment of a message from another node: listed here, its bytes kept at that node. */
export interface HeldAttachment {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** What a message received from another node adds to a local one. */
export interface ForeignMessageExtra {
  /** The sender's name as that node gave it (no user of this node sent it). */
  senderName: string | null;
  heldAttachments: HeldAttachment[];
  /** When it reached this node (the recipients' delivery time). */
  deliveredAt: Date;
}

export interface StoredMessage extends MessageRow {
  senderName: string | null;
  senderAgencyCode: string;
  heldAttachments: HeldAttachment[] | null;
}

export interface ThreadSummaryRow {
  id: string;
  subject: string;
  noticeId: string | null;
  caseRef: string | null;
  createdByAgencyId: string;
  originNode: string | null;
  lastAt: Date;
  unread: number;
  urgentUnread: boolean;
}

export interface ReceiptRow {
  messageId: string;
  agencyId: string;
  agencyCode: string;
  deliveredAt: Date;
  readAt: Date | null;
}

export interface AttachmentMeta {
  id: string;
  messageId: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export interface SearchHit extends StoredMessage {
  subject: string;
}

/** The SQL twin of the visibility rule in messages.service.ts (sender or recipient agency). */
function visible(eb: ExpressionBuilder<Database, 'messages'>, v: Viewer) {
  if (v.seesAll) return sql<boolean>`true`;
  return eb.or([
    eb('messages.senderAgencyId', '=', v.agencyId),
    eb.exists(
      eb
        .selectFrom('messageRecipients as vr')
        .select(sql`1`.as('one'))
        .whereRef('vr.messageId', '=', 'messages.id')
        .where('vr.agencyId', '=', v.agencyId),
    ),
  ]);
}

/** A prefix query over folded tokens; tokens are letters and digits only (core/text.ts fold). */
const tsQuery = (tokens: string[]) => sql`to_tsquery('simple', ${tokens.map((t) => `'${t}':*`).join(' & ')})`;

/**
 * bytea travels as hex text converted by the server: PGlite's own bytea codec walks the bytes
 * one by one in JavaScript (seconds for 5 MiB); Buffer's hex codec is native on both drivers.
 */
const hexToBytea = (b: Buffer) => sql<Uint8Array>`decode(${b.toString('hex')}, 'hex')`;

export class MessagesRepo {
  async insertThread(trx: Db, t: ThreadRow): Promise<void> {
    await trx.insertInto('messageThreads').values(t).execute();
  }

  async touchThread(trx: Db, id: string, at: Date): Promise<void> {
    await trx.updateTable('messageThreads').set({ lastMessageAt: at }).where('id', '=', id).execute();
  }

  async insertMessage(trx: Db, m: MessageRow, searchText: string, recipients: string[], attachments: Array<Attachment & { id: string }>, foreign?: ForeignMessageExtra): Promise<void> {
    const extra = foreign ? { senderName: foreign.senderName, heldAttachments: foreign.heldAttachments.length ? JSON.stringify(foreign.heldAttachments) : null } : {};
    await trx
      .insertInto('messages')
      .values({ ...m, ...extra, searchVector: sql<string>`to_tsvector('simple', ${searchText})` })
      .execute();
    const deliveredAt = foreign?.deliveredAt ?? m.createdAt;
    await trx
      .insertInto('messageRecipients')
      .values(recipients.map((agencyId) => ({ messageId: m.id, agencyId, deliveredAt, readAt: null, readBy: null, alarmedAt: null })))
      .execute();
    for (const a of attachments) {
      await trx
        .insertInto('messageAttachments')
        .values({ id: a.id, messageId: m.id, filename: a.filename, mediaType: a.mediaType, size: a.size, sha256: a.sha256, content: hexToBytea(a.content) })
        .execute();
    }
  }

  threadById(db: Db, id: string): Promise<ThreadRow | undefined> {
    return db.selectFrom('messageThreads').selectAll().where('id', '=', id).executeTakeFirst() as Promise<ThreadRow | undefined>;
  }

  /** Agencies taking part in a thread: its creator and every recipient of any of its messages. */
  async participants(db: Db, threadId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('messageThreads')
      .select('createdByAgencyId as agencyId')
      .where('id', '=', threadId)
      .union(
        db
          .selectFrom('messageRecipients')
          .innerJoin('messages', 'messages.id', 'messageRecipients.messageId')
          .select('messageRecipients.agencyId')
          .where('messages.threadId', '=', threadId),
      )
      .execute();
    return rows.map((r) => r.agencyId);
  }

  async countVisible(db: Db, threadId: string, v: Viewer): Promise<number> {
    const r = await db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('messages.threadId', '=', threadId)
      .where((eb) => visible(eb, v))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Threads with at least one visible message, latest visible activity first. */
  async listThreads(
    db: Db,
    v: Viewer,
    f: { noticeId?: string; tokens?: string[]; before?: { at: string; id: string } },
    limit: number,
  ): Promise<ThreadSummaryRow[]> {
    let q = db
      .selectFrom('messageThreads as t')
      .innerJoin('messages', 'messages.threadId', 't.id')
      .leftJoin('messageRecipients as mine', (j) => j.onRef('mine.messageId', '=', 'messages.id').on('mine.agencyId', '=', v.agencyId))
      .where((eb) => visible(eb, v))
      .select(['t.id', 't.subject', 't.noticeId', 't.caseRef', 't.createdByAgencyId', 't.originNode'])
      .select([
        sql<Date>`max(messages.created_at)`.as('lastAt'),
        sql<number>`count(*) filter (where mine.agency_id is not null and mine.read_at is null)`.as('unread'),
        sql<boolean>`coalesce(bool_or(messages.urgency = 'urgent' and mine.agency_id is not null and mine.read_at is null), false)`.as('urgentUnread'),
      ])
      .groupBy('t.id');
    if (f.noticeId) q = q.where('t.noticeId', '=', f.noticeId);
    if (f.tokens?.length) {
      const tokens = f.tokens;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('messages as sm')
            .select(sql`1`.as('one'))
            .whereRef('sm.threadId', '=', 't.id')
            .where(sql<boolean>`sm.search_vector @@ ${tsQuery(tokens)}`)
            .where((eb2) =>
              v.seesAll
                ? sql<boolean>`true`
                : eb2.or([
                    eb2('sm.senderAgencyId', '=', v.agencyId),
                    eb2.exists(eb2.selectFrom('messageRecipients as sr').select(sql`1`.as('one')).whereRef('sr.messageId', '=', 'sm.id').where('sr.agencyId', '=', v.agencyId)),
                  ]),
            ),
        ),
      );
    }
    if (f.before) q = q.having(sql<boolean>`(max(messages.created_at), t.id) < (${f.before.at}::timestamptz, ${f.before.id})`);
    const rows = await q.orderBy(sql`max(messages.created_at)`, 'desc').orderBy('t.id', 'desc').limit(limit).execute();
    return rows.map((r) => ({ ...r, lastAt: new Date(r.lastAt), unread: Number(r.unread), urgentUnread: Boolean(r.urgentUnread) }));
  }

  /** For each thread, the agencies of its visible messages (senders and recipients). */
  async visibleParticipants(db: Db, threadIds: string[], v: Viewer): Promise<Array<{ threadId: string; agencyId: string }>> {
    if (threadIds.length === 0) return [];
    const senders = db
      .selectFrom('messages')
      .select(['messages.threadId', 'messages.senderAgencyId as agencyId'])
      .where('messages.threadId', 'in', threadIds)
      .where((eb) => visible(eb, v));
    const recipients = db
      .selectFrom('messages')
      .innerJoin('messageRecipients', 'messageRecipients.messageId', 'messages.id')
      .select(['messages.threadId', 'messageRecipients.agencyId'])
      .where('messages.threadId', 'in', threadIds)
      .where((eb) => visible(eb, v));
    return senders.union(recipients).execute();
  }

  /** Visible messages of a thread, oldest first, after a message id. */
  async threadMessages(db: Db, threadId: string, v: Viewer, afterId: string | undefined, limit: number): Promise<StoredMessage[]> {
    let q = db
      .selectFrom('messages')
      .innerJoin('agencies', 'agencies.id', 'messages.senderAgencyId')
      .leftJoin('users', 'users.id', 'messages.senderUserId')
      .select(MESSAGE_COLUMNS)
      .where('messages.threadId', '=', threadId)
      .where((eb) => visible(eb, v));
    if (afterId) q = q.where('messages.id', '>', afterId);
    return (await q.orderBy('messages.id', 'asc').limit(limit).execute()) as StoredMessage[];
  }

  async messageById(db: Db, id: string): Promise<StoredMessage | undefined> {
    return (await db
      .selectFrom('messages')
      .innerJoin('agencies', 'agencies.id', 'messages.senderAgencyId')
      .leftJoin('users', 'users.id', 'messages.senderUserId')
      .select(MESSAGE_COLUMNS)
      .where('messages.id', '=', id)
      .executeTakeFirst()) as StoredMessage | undefined;
  }

  async lastVisibleAt(db: Db, threadId: string, v: Viewer): Promise<Date | undefined> {
    const r = await db
      .selectFrom('messages')
      .select((eb) => eb.fn.max('messages.createdAt').as('at'))
      .where('messages.threadId', '=', threadId)
      .where((eb) => visible(eb, v))
      .executeTakeFirst();
    return r?.at ? new Date(r.at) : undefined;
  }

  async receiptsOf(db: Db, messageIds: string[]): Promise<ReceiptRow[]> {
    if (messageIds.length === 0) return [];
    return db
      .selectFrom('messageRecipients')
      .innerJoin('agencies', 'agencies.id', 'messageRecipients.agencyId')
      .select(['messageRecipients.messageId', 'messageRecipients.agencyId', 'agencies.code as agencyCode', 'messageRecipients.deliveredAt', 'messageRecipients.readAt'])
      .where('messageRecipients.messageId', 'in', messageIds)
      .orderBy('agencies.code')
      .execute();
  }

  async attachmentsOf(db: Db, messageIds: string[]): Promise<AttachmentMeta[]> {
    if (messageIds.length === 0) return [];
    return db
      .selectFrom('messageAttachments')
      .select(['id', 'messageId', 'filename', 'mediaType', 'size', 'sha256'])
      .where('messageId', 'in', messageIds)
      .orderBy('id')
      .execute();
  }

  /** Read receipts for one agency on every unread message of a thread; returns the ids marked. */
  async markThreadRead(trx: Db, threadId: string, agencyId: string, userId: string, at: Date): Promise<string[]> {
    const rows = await trx
      .updateTable('messageRecipients')
      .set({ readAt: at, readBy: userId })
      .where('agencyId', '=', agencyId)
      .where('readAt', 'is', null)
      .where('messageId', 'in', (eb) => eb.selectFrom('messages').select('id').where('threadId', '=', threadId))
      .returning('messageId')
      .execute();
    return rows.map((r) => r.messageId);
  }

  async attachmentById(db: Db, id: string): Promise<(AttachmentMeta & { content: Buffer; threadId: string; senderAgencyId: string }) | undefined> {
    const row = await db
      .selectFrom('messageAttachments')
      .innerJoin('messages', 'messages.id', 'messageAttachments.messageId')
      .select([
        'messageAttachments.id',
        'messageAttachments.messageId',
        'messageAttachments.filename',
        'messageAttachments.mediaType',
        'messageAttachments.size',
        'messageAttachments.sha256',
        sql<string>`encode(message_attachments.content, 'hex')`.as('contentHex'),
        'messages.threadId',
        'messages.senderAgencyId',
      ])
      .where('messageAttachments.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const { contentHex, ...rest } = row;
    return { ...rest, content: Buffer.from(contentHex, 'hex') };
  }

  /** Whether a notice is held here (a thread from another node links to it only then). */
  async noticeExists(db: Db, id: string): Promise<boolean> {
    return (await db.selectFrom('notices').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async isRecipient(db: Db, messageId: string, agencyId: string): Promise<boolean> {
    const r = await db.selectFrom('messageRecipients').select('messageId').where('messageId', '=', messageId).where('agencyId', '=', agencyId).executeTakeFirst();
    return r !== undefined;
  }

  /** Full text over subjects and bodies, newest first, within what the viewer may see. */
  async search(db: Db, v: Viewer, tokens: string[], beforeId: string | undefined, limit: number): Promise<SearchHit[]> {
    let q = db
      .selectFrom('messages')
      .innerJoin('messageThreads', 'messageThreads.id', 'messages.threadId')
      .innerJoin('agencies', 'agencies.id', 'messages.senderAgencyId')
      .leftJoin('users', 'users.id', 'messages.senderUserId')
      .select(MESSAGE_COLUMNS)
      .select('messageThreads.subject')
      .where(sql<boolean>`messages.search_vector @@ ${tsQuery(tokens)}`)
      .where((eb) => visible(eb, v));
    if (beforeId) q = q.where('messages.id', '<', beforeId);
    return (await q.orderBy('messages.id', 'desc').limit(limit).execute()) as SearchHit[];
  }

  /**
   * Recipients who have not read a message past its deadline and have not been alarmed yet.
   * Not agencies of other nodes (`foreignKind`): their own node holds the message and its alarm.
   */
  async overdue(db: Db, now: Date, limit: number, foreignKind: string): Promise<Array<{ messageId: string; agencyId: string; threadId: string; deadlineAt: Date }>> {
    return db
      .selectFrom('messageRecipients')
      .innerJoin('messages', 'messages.id', 'messageRecipients.messageId')
      .innerJoin('agencies', 'agencies.id', 'messageRecipients.agencyId')
      .select(['messageRecipients.messageId', 'messageRecipients.agencyId', 'messages.threadId', 'messages.deadlineAt'])
      .where('agencies.kind', '<>', foreignKind)
      .where('messageRecipients.readAt', 'is', null)
      .where('messageRecipients.alarmedAt', 'is', null)
      .where('messages.deadlineAt', '<=', now)
      .orderBy('messages.deadlineAt')
      .orderBy('messageRecipients.messageId')
      .limit(limit)
      .execute();
  }

  /** Marks the alarm as given; only rows still pending count, so two runs never alarm twice. */
  async markAlarmed(trx: Db, messageId: string, agencyId: string, at: Date): Promise<boolean> {
    const r = await trx
      .updateTable('messageRecipients')
      .set({ alarmedAt: at })
      .where('messageId', '=', messageId)
      .where('agencyId', '=', agencyId)
      .where('alarmedAt', 'is', null)
      .where('readAt', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async insertNotification(
    trx: Db,
    n: { id: string; agencyId: string; kind: string; refType: string; refId: string; details: Record<string, unknown>; createdAt: Date },
  ): Promise<void> {
    await trx
      .insertInto('notifications')
      .values({ ...n, userId: null, readAt: null, details: JSON.stringify(n.details) })
      .execute();
  }
}

const MESSAGE_COLUMNS = [
  'messages.id',
  'messages.threadId',
  'messages.senderUserId',
  'messages.senderAgencyId',
  'messages.body',
  'messages.tlp',
  'messages.urgency',
  'messages.deadlineAt',
  'messages.createdAt',
  'messages.originNode',
  'messages.heldAttachments',
  // a message from another node has no user here: the name it came with
  sql<string | null>`coalesce(users.display_name, messages.sender_name)`.as('senderName'),
  'agencies.code as senderAgencyCode',
] as const;
