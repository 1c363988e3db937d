import type { Db } from '../db/connect.ts';
import type { MessageUrgency, NoticeHandling } from './message.ts';
import type { AttachmentMeta, MessagesRepo, StoredMessage, ThreadRow, Viewer } from './messages.repo.ts';
import type { MessageView } from './messages.schema.ts';

/** The notice a thread is attached to, as the notices module exposes it (NoticesService.handlingOf). */
export interface NoticeAccess {
  handlingOf(noticeId: string): Promise<NoticeHandling | null>;
}

export interface AgencyEntry {
  id: string;
  code: string;
  country: string;
  names: Record<string, string>;
  /** The hub: its reviewers see notices once submitted. */
  isHub: boolean;
  /** `foreign`: an agency of another node (messages to it go through federation). */
  kind?: string;
}

/** The agency directory as messages need it: every agency, and codes by id. */
export interface AgencyCatalog {
  all(): Promise<AgencyEntry[]>;
  codesOf(ids: Iterable<string>): Promise<Map<string, string>>;
}

export interface ThreadView {
  id: string;
  subject: string;
  noticeId: string | null;
  caseRef: string | null;
  createdByAgencyCode: string;
  createdAt: Date;
  lastMessageAt: Date;
  originNode?: string;
  participants: string[];
}

export interface ThreadSummary {
  id: string;
  subject: string;
  noticeId: string | null;
  caseRef: string | null;
  lastMessageAt: Date;
  unread: number;
  urgency: MessageUrgency;
  originNode?: string;
  participants: string[];
}

/** Assembles what a viewer is shown: threads with their visible participants, messages with receipts and attachments. */
export class MessageViews {
  constructor(
    private readonly db: Db,
    private readonly repo: MessagesRepo,
    private readonly agencies: AgencyCatalog,
  ) {}

  async thread(t: ThreadRow, viewer: Viewer): Promise<ThreadView> {
    const lastAt = await this.repo.lastVisibleAt(this.db, t.id, viewer);
    const participants = await this.participants([t], viewer);
    const codes = await this.agencies.codesOf([t.createdByAgencyId]);
    return {
      id: t.id,
      subject: t.subject,
      noticeId: t.noticeId,
      caseRef: t.caseRef,
      createdByAgencyCode: codes.get(t.createdByAgencyId) ?? '',
      createdAt: t.createdAt,
      lastMessageAt: lastAt ?? t.lastMessageAt,
      ...(t.originNode ? { originNode: t.originNode } : {}),
      participants: participants.get(t.id) ?? [],
    };
  }

  /**
   * Agency codes of each thread's creator and of the senders and recipients of the messages the
   * viewer can see: the recipients of a RED message stay hidden from the other participants.
   */
  async participants(threads: Array<{ id: string; createdByAgencyId: string }>, viewer: Viewer): Promise<Map<string, string[]>> {
    const visible = await this.repo.visibleParticipants(this.db, threads.map((t) => t.id), viewer);
    const pairs = [...threads.map((t) => ({ threadId: t.id, agencyId: t.createdByAgencyId })), ...visible];
    const codes = await this.agencies.codesOf(pairs.map((p) => p.agencyId));
    const out = new Map<string, string[]>();
    for (const p of pairs) {
      const code = codes.get(p.agencyId);
      if (!code) continue;
      const list = out.get(p.threadId) ?? [];
      if (!list.includes(code)) list.push(code);
      out.set(p.threadId, list);
    }
    for (const list of out.values()) list.sort();
    return out;
  }

  async messages(rows: StoredMessage[]): Promise<MessageView[]> {
    const ids = rows.map((m) => m.id);
    const [receipts, attachments] = await Promise.all([this.repo.receiptsOf(this.db, ids), this.repo.attachmentsOf(this.db, ids)]);
    const r = byMessage(receipts);
    const a = byMessage<AttachmentMeta>(attachments);
    return rows.map((m) => ({
      id: m.id,
      threadId: m.threadId,
      senderName: m.senderName,
      senderAgencyId: m.senderAgencyId,
      senderAgencyCode: m.senderAgencyCode,
      body: m.body,
      tlp: m.tlp,
      urgency: m.urgency,
      deadlineAt: m.deadlineAt,
      createdAt: m.createdAt,
      ...(m.originNode ? { originNode: m.originNode } : {}),
      attachments: [
        ...(a.get(m.id) ?? []).map(({ id, filename, mediaType, size, sha256 }) => ({ id, filename, mediaType, size, sha256 })),
        // a message from another node lists its files; their bytes stayed at the sender's node
        ...(m.heldAttachments ?? []).map(({ id, filename, mediaType, size, sha256 }) => ({ id, filename, mediaType, size, sha256, heldAtNode: m.originNode ?? '' })),
      ],
      receipts: (r.get(m.id) ?? []).map(({ agencyId, agencyCode, deliveredAt, readAt }) => ({ agencyId, agencyCode, deliveredAt, readAt })),
    }));
  }
}

function byMessage<T extends { messageId: string }>(list: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) {
    const l = m.get(x.messageId);
    if (l) l.push(x);
    else m.set(x.messageId, [x]);
  }
  return m;
}
