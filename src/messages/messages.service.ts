import type { AuditService } from '../audit/audit.service.ts';
import { type Action, can } from '../auth/policy.ts';
import type { Actor } from '../auth/roles.ts';
import type { Clock } from '../core/clock.ts';
import { AppError, forbidden, invalid, notFound } from '../core/errors.ts';
import type { TlpLevel } from '../core/handling.ts';
import type { IdGenerator } from '../core/ids.ts';
import { decodeCursor, type Page, pageLimit, toPage } from '../core/paging.ts';
import type { Db } from '../db/connect.ts';
import type { EventBus } from '../events/bus.ts';
import {
  type AttachmentInput,
  checkBody,
  checkRecipients,
  checkSubject,
  deadlineOf,
  decodeAttachments,
  type MessageUrgency,
  NAMED_ONLY,
  type NoticeHandling,
  noticeVisibleTo,
  searchTextOf,
  searchTokens,
  sha256Hex,
} from './message.ts';
import { FOREIGN_AGENCY_KIND } from '../records/foreign-records.ts';
import type { HeldAttachment, MessageRow, MessagesRepo, ThreadRow, Viewer } from './messages.repo.ts';
import type { MessageView, NewThreadInput, ReplyInput } from './messages.schema.ts';
import { type AgencyCatalog, type AgencyEntry, MessageViews, type NoticeAccess, type ThreadSummary, type ThreadView } from './messages.views.ts';

export interface SearchResult {
  id: string;
  threadId: string;
  subject: string;
  senderAgencyCode: string;
  tlp: TlpLevel;
  urgency: MessageUrgency;
  createdAt: Date;
  excerpt: string;
}

export interface Download {
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

interface Outgoing {
  body: string;
  tlp: TlpLevel;
  urgency: MessageUrgency;
  deadlineAt?: string;
  attachments?: AttachmentInput[];
}

/** A message just written, as the federation's outbox sees it (in the message's transaction). */
export interface SentMessage {
  thread: ThreadRow;
  message: MessageRow;
  /** Recipient agency ids. */
  recipients: string[];
  /** What was attached (the bytes stay here). */
  attachments: HeldAttachment[];
}

/**
 * What the federation lends messages: where agencies of other nodes are, and the way out to
 * them (wired by src/federation/shared-messages.ts; without it messages stay on this node).
 */
export interface MessageLink {
  /** Agencies of partner nodes by code, each with the node that hosts it (the partners' enrolment). */
  remoteAgencies(): Promise<Map<string, string>>;
  /** Runs in the transaction that writes every message; sends on those with a recipient at another node. */
  share(trx: Db, sent: SentMessage): Promise<void>;
}

const ALARM_BATCH = 500;
const EXCERPT_CHARS = 200;

/**
 * Secure messages between agencies (I-24/7, SIENA). A message is seen by its sender's agency and
 * its recipient agencies only; the data-protection officer sees every message. Every use case
 * authorises, validates, writes in one transaction with its audit entry, then publishes ids only.
 */
export class MessagesService {
  #alarming = false;
  #link: MessageLink | undefined;
  readonly #views: MessageViews;

  constructor(
    private readonly db: Db,
    private readonly repo: MessagesRepo,
    private readonly audit: AuditService,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly agencies: AgencyCatalog,
    private readonly notices: NoticeAccess,
  ) {
    this.#views = new MessageViews(db, repo, agencies);
  }

  /** Messages with a recipient at another node also go out through `link`, in their transaction (the federation wires it). */
  shareThrough(link: MessageLink): void {
    this.#link = link;
  }

  /**
   * The agencies the actor may address, on a notice's thread only those allowed to see the
   * notice. Agencies of partner nodes come with their node; an agency of another node that no
   * partner hosts cannot be reached and is not offered.
   */
  async recipients(actor: Actor, noticeId: string | undefined, purpose = ''): Promise<Array<Omit<AgencyEntry, 'isHub' | 'kind'> & { originNode?: string }>> {
    this.authorize(actor, 'message.send');
    const notice = noticeId ? await this.visibleNotice(actor, noticeId) : null;
    const remote = (await this.#link?.remoteAgencies()) ?? new Map<string, string>();
    const all = await this.agencies.all();
    const nodeOf = (a: AgencyEntry) => (a.kind === FOREIGN_AGENCY_KIND ? remote.get(a.code) : undefined);
    const items = all
      .filter((a) => a.id !== actor.agencyId && (a.kind !== FOREIGN_AGENCY_KIND || nodeOf(a)) && (!notice || noticeVisibleTo(notice, a.id, a.isHub)))
      .map((a) => ({ id: a.id, code: a.code, country: a.country, names: a.names, ...(nodeOf(a) ? { originNode: nodeOf(a) } : {}) }));
    await this.audit.record(actor, { action: 'message.recipients', targetType: 'notice', targetId: noticeId ?? null, purpose, details: { returned: items.length } });
    return items;
  }

  /** Opens a thread with its first message. */
  async startThread(actor: Actor, input: NewThreadInput, purpose = ''): Promise<{ thread: ThreadView; message: MessageView }> {
    this.authorize(actor, 'message.send');
    const subject = checkSubject(input.subject);
    const now = this.clock.now();
    const notice = input.noticeId ? await this.visibleNotice(actor, input.noticeId) : null;
    const recipients = await this.checkAddressees(checkRecipients(input.recipients, actor.agencyId), notice);
    const thread: ThreadRow = {
      id: this.ids(),
      subject,
      noticeId: input.noticeId ?? null,
      caseRef: input.caseRef?.trim() || null,
      createdByAgencyId: actor.agencyId,
      createdBy: actor.userId,
      createdAt: now,
      lastMessageAt: now,
    };
    const messageId = await this.send(actor, thread, recipients, input as Outgoing, purpose, true);
    const [message] = await this.#views.messages([(await this.repo.messageById(this.db, messageId))!]);
    return { thread: await this.#views.thread(thread, this.viewer(actor)), message };
  }

  /**
   * Adds a message to a thread the actor's agency takes part in. Without `recipients` it goes to
   * every participant but the sender; AMBER+STRICT and RED messages must name their recipients.
   */
  async reply(actor: Actor, threadId: string, input: ReplyInput, purpose = ''): Promise<MessageView> {
    this.authorize(actor, 'message.send');
    const thread = await this.visibleThread(actor, threadId);
    const participants = await this.repo.participants(this.db, threadId);
    if (!participants.includes(actor.agencyId)) throw forbidden('not_participant', 'Your agency does not take part in this thread');
    if (!input.recipients && NAMED_ONLY.has(input.tlp as TlpLevel)) {
      throw invalid('recipients_required', `A ${input.tlp} message goes only to the agencies it names: choose them`);
    }
    const chosen = input.recipients ?? participants.filter((id) => id !== actor.agencyId);
    const notice = thread.noticeId ? await this.notices.handlingOf(thread.noticeId) : null;
    if (thread.noticeId && !notice) throw notFound('notice_not_found', 'The notice of this thread no longer exists');
    const recipients = await this.checkAddressees(checkRecipients(chosen, actor.agencyId), notice);
    const id = await this.send(actor, thread, recipients, input as Outgoing, purpose, false);
    return (await this.#views.messages([(await this.repo.messageById(this.db, id))!]))[0];
  }

  /** Threads with at least one message the actor may see, latest activity first. */
  async listThreads(actor: Actor, query: { q?: string; noticeId?: string; limit?: number; cursor?: string }, purpose = ''): Promise<Page<ThreadSummary>> {
    this.authorize(actor, 'message.read');
    const limit = pageLimit(query.limit);
    const tokens = query.q ? searchTokens(query.q) : undefined;
    const viewer = this.viewer(actor);
    const rows = await this.repo.listThreads(this.db, viewer, { noticeId: query.noticeId, tokens, before: threadCursor(query.cursor) }, limit + 1);
    const page = toPage(rows, limit, (r) => `${r.lastAt.toISOString()}|${r.id}`);
    const participants = await this.#views.participants(page.items, viewer);
    await this.audit.record(actor, {
      action: 'message.thread.list',
      targetType: 'message_thread',
      purpose,
      details: { returned: page.items.length, withQuery: Boolean(tokens?.length), noticeId: query.noticeId ?? null },
    });
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((r) => ({
        id: r.id,
        subject: r.subject,
        noticeId: r.noticeId,
        caseRef: r.caseRef,
        lastMessageAt: r.lastAt,
        unread: r.unread,
        urgency: r.urgentUnread ? 'urgent' : 'normal',
        ...(r.originNode ? { originNode: r.originNode } : {}),
        participants: participants.get(r.id) ?? [],
      })),
    };
  }

  /**
   * One thread with the messages the actor may see, oldest first. Reading marks every unread
   * message of the thread to the actor's agency as read by the actor (the read receipt), in the
   * same transaction as the audit entry of the read.
   */
  async readThread(actor: Actor, threadId: string, page: { limit?: number; cursor?: string } = {}, purpose = '') {
    this.authorize(actor, 'message.read');
    const limit = pageLimit(page.limit);
    const thread = await this.visibleThread(actor, threadId);
    const viewer = this.viewer(actor);
    const rows = await this.repo.threadMessages(this.db, threadId, viewer, decodeCursor<string>(page.cursor, 'string'), limit + 1);
    const paged = toPage(rows, limit, (m) => m.id);
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const marked = await this.repo.markThreadRead(trx, threadId, actor.agencyId, actor.userId, now);
      await this.audit.append(trx, actor, {
        action: 'message.thread.read',
        targetType: 'message_thread',
        targetId: threadId,
        subjectIds: [...(thread.noticeId ? [thread.noticeId] : []), ...paged.items.map((m) => m.id)],
        purpose,
        details: { returned: paged.items.length, markedRead: marked.length },
      });
    });
    return { thread: await this.#views.thread(thread, viewer), messages: await this.#views.messages(paged.items), nextCursor: paged.nextCursor };
  }

  /** An attachment's bytes, after checking that they still match the SHA-256 stored on upload. */
  async attachment(actor: Actor, id: string, purpose = ''): Promise<Download> {
    this.authorize(actor, 'message.read');
    const a = await this.repo.attachmentById(this.db, id);
    const visible = a && (this.viewer(actor).seesAll || a.senderAgencyId === actor.agencyId || (await this.repo.isRecipient(this.db, a.messageId, actor.agencyId)));
    if (!a || !visible) throw notFound('attachment_not_found', 'No such attachment');
    const actual = sha256Hex(a.content);
    const ok = actual === a.sha256 && a.content.length === a.size;
    // a mismatch is audited too: the integrity failure of stored evidence must leave a trace
    await this.audit.record(actor, {
      action: ok ? 'message.attachment.download' : 'message.attachment.corrupt',
      targetType: 'message_attachment',
      targetId: id,
      subjectIds: [a.messageId],
      purpose,
      details: ok ? { messageId: a.messageId, size: a.size } : { messageId: a.messageId, expected: a.sha256, actual },
    });
    if (!ok) throw new AppError('attachment_corrupt', 500, 'The stored attachment does not match its checksum');
    return { filename: a.filename, mediaType: a.mediaType, size: a.size, sha256: a.sha256, content: a.content };
  }

  /** Full-text search in subjects and bodies, within what the actor may see, newest first. */
  async search(actor: Actor, query: { q: string; limit?: number; cursor?: string }, purpose = ''): Promise<Page<SearchResult>> {
    this.authorize(actor, 'message.read');
    const limit = pageLimit(query.limit);
    const tokens = searchTokens(query.q);
    if (tokens.length === 0) throw invalid('query_required', 'Search for at least one word');
    const rows = await this.repo.search(this.db, this.viewer(actor), tokens, decodeCursor<string>(query.cursor, 'string'), limit + 1);
    const page = toPage(rows, limit, (m) => m.id);
    await this.audit.record(actor, {
      action: 'message.search',
      targetType: 'message',
      subjectIds: page.items.map((m) => m.id),
      purpose,
      details: { returned: page.items.length, tokens: tokens.length },
    });
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((m) => ({
        id: m.id,
        threadId: m.threadId,
        subject: m.subject,
        senderAgencyCode: m.senderAgencyCode,
        tlp: m.tlp,
        urgency: m.urgency,
        createdAt: m.createdAt,
        excerpt: m.body.length > EXCERPT_CHARS ? `${m.body.slice(0, EXCERPT_CHARS)}…` : m.body,
      })),
    };
  }

  /**
   * Deadline alarms: one notification (`message_overdue`) to each recipient agency that has not
   * read a message by its deadline, once per message and agency. Run by the node every minute.
   */
  async alarmOverdue(now: Date = this.clock.now()): Promise<{ alarmed: number }> {
    if (this.#alarming) return { alarmed: 0 };
    this.#alarming = true;
    let alarmed = 0;
    try {
      for (;;) {
        const due = await this.repo.overdue(this.db, now, ALARM_BATCH, FOREIGN_AGENCY_KIND);
        if (due.length === 0) break;
        await this.db.transaction().execute(async (trx) => {
          const done: string[] = [];
          for (const d of due) {
            if (!(await this.repo.markAlarmed(trx, d.messageId, d.agencyId, now))) continue;
            await this.repo.insertNotification(trx, {
              id: this.ids(),
              agencyId: d.agencyId,
              kind: 'message_overdue',
              refType: 'message',
              refId: d.messageId,
              details: { threadId: d.threadId, deadlineAt: new Date(d.deadlineAt).toISOString() },
              createdAt: now,
            });
            done.push(d.messageId);
          }
          if (done.length) {
            await this.audit.append(trx, null, { action: 'message.alarm', targetType: 'message', subjectIds: [...new Set(done)], details: { notifications: done.length } });
          }
          alarmed += done.length;
        });
        if (due.length < ALARM_BATCH) break;
      }
    } finally {
      this.#alarming = false;
    }
    return { alarmed };
  }

  /** Runs `alarmOverdue` every `intervalMs` (the node: every minute); returns the stop function. */
  startAlarms(intervalMs = 60_000, onError: (err: unknown) => void = () => {}): () => Promise<void> {
    let running: Promise<void> | undefined;
    const timer = setInterval(() => {
      if (running) return;
      running = this.alarmOverdue()
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

  // ---- helpers

  private async send(actor: Actor, thread: ThreadRow, recipients: string[], input: Outgoing, purpose: string, isNew: boolean): Promise<string> {
    const now = this.clock.now();
    const body = checkBody(input.body);
    const attachments = decodeAttachments(input.attachments ?? []).map((a) => ({ ...a, id: this.ids() }));
    const message: MessageRow = {
      id: this.ids(),
      threadId: thread.id,
      senderUserId: actor.userId,
      senderAgencyId: actor.agencyId,
      body,
      tlp: input.tlp,
      urgency: input.urgency,
      deadlineAt: deadlineOf(input.urgency, now, input.deadlineAt),
      createdAt: now,
    };
    await this.db.transaction().execute(async (trx) => {
      if (isNew) await this.repo.insertThread(trx, thread);
      else await this.repo.touchThread(trx, thread.id, now);
      await this.repo.insertMessage(trx, message, searchTextOf(thread.subject, body), recipients, attachments);
      // in the same transaction: a message to another node's agency is queued with it or not at all
      await this.#link?.share(trx, {
        thread,
        message,
        recipients,
        attachments: attachments.map(({ id, filename, mediaType, size, sha256 }) => ({ id, filename, mediaType, size, sha256 })),
      });
      await this.audit.append(trx, actor, {
        action: 'message.send',
        targetType: 'message',
        targetId: message.id,
        subjectIds: [message.id, ...(thread.noticeId ? [thread.noticeId] : [])],
        purpose,
        details: {
          threadId: thread.id,
          newThread: isNew,
          recipients,
          tlp: message.tlp,
          urgency: message.urgency,
          attachments: attachments.map((a) => ({ id: a.id, size: a.size, sha256: a.sha256 })),
        },
      });
    });
    await this.bus.publish('messages.sent', { id: message.id, threadId: thread.id });
    return message.id;
  }

  /** Every recipient exists and, on a notice's thread, may see the notice. */
  private async checkAddressees(ids: string[], notice: NoticeHandling | null): Promise<string[]> {
    const codes = await this.agencies.codesOf(ids);
    const unknown = ids.find((id) => !codes.has(id));
    if (unknown) throw invalid('unknown_agency', 'A recipient is not an agency of this node', { agencyId: unknown });
    const hubs = notice ? await this.hubIds() : new Set<string>();
    for (const id of ids) {
      if (notice && !noticeVisibleTo(notice, id, hubs.has(id))) {
        throw new AppError('recipient_not_allowed', 403, `${codes.get(id)} may not see the notice of this thread`, { agencyId: id, agencyCode: codes.get(id) });
      }
    }
    return ids;
  }

  private async visibleNotice(actor: Actor, noticeId: string): Promise<NoticeHandling> {
    const notice = await this.notices.handlingOf(noticeId);
    const hubs = await this.hubIds();
    if (!notice || !(this.viewer(actor).seesAll || noticeVisibleTo(notice, actor.agencyId, hubs.has(actor.agencyId)))) throw notFound('notice_not_found', 'No such notice');
    return notice;
  }

  private async hubIds(): Promise<Set<string>> {
    return new Set((await this.agencies.all()).filter((a) => a.isHub).map((a) => a.id));
  }

  /** A thread with no message the actor may see does not exist for the actor. */
  private async visibleThread(actor: Actor, threadId: string): Promise<ThreadRow> {
    const thread = await this.repo.threadById(this.db, threadId);
    if (!thread || (await this.repo.countVisible(this.db, threadId, this.viewer(actor))) === 0) throw notFound('thread_not_found', 'No such thread');
    return thread;
  }

  private viewer(actor: Actor): Viewer {
    return { agencyId: actor.agencyId, seesAll: actor.roles.includes('dpo') };
  }

  private authorize(actor: Actor, action: Action) {
    const d = can(actor, action);
    if (!d.allowed) throw forbidden(d.code, `Your roles do not allow ${action}`);
  }
}

/** The thread-list cursor: the last thread's latest visible message time and its id. */
function threadCursor(cursor: string | undefined): { at: string; id: string } | undefined {
  const raw = decodeCursor<string>(cursor, 'string');
  if (raw === undefined) return undefined;
  const [at, id] = raw.split('|');
  if (!id || Number.isNaN(Date.parse(at))) throw invalid('invalid_cursor', 'The paging cursor is not valid');
  return { at, id };
}
