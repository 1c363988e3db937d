/**
 * Messages from agencies of other nodes, held here as they were sent: the thread keeps the id
 * the starting node gave it, the message its sender's id, the sender is an agency row of kind
 * `foreign`, and the recipients are the agencies of this node the sender named. Nobody here
 * edits or deletes them (messages have no such use case). Written only by the federation
 * inbox, in its transaction, after the envelope's signature, the agreement and the handling
 * code were checked there.
 */
import { type Static, Type } from 'typebox';
import Value from 'typebox/value';
import type { TlpLevel } from '../core/handling.ts';
import type { Db } from '../db/connect.ts';
import type { TravellingAgency } from '../records/foreign-records.ts';
import { DEADLINE_HOURS, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, MAX_BODY_CHARS, MAX_RECIPIENTS, MAX_SUBJECT_CHARS, URGENCIES, checkFilename, searchTextOf } from './message.ts';
import type { HeldAttachment, MessageRow, MessagesRepo, ThreadRow } from './messages.repo.ts';
import type { SentMessage } from './messages.service.ts';

const closed = { additionalProperties: false } as const;
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const DateTime = Type.String({ format: 'date-time' });
const AgencySchema = Type.Object({ code: Text(64), country: Text(8), names: Type.Record(Type.String(), Type.String({ maxLength: 200 })) }, closed);

/**
 * The body of a shared message (the envelope's `item.data`; the item id is the message id and
 * its TLP the message's handling). Attachments do not travel: an envelope batch is at most 16 MiB
 * (INBOX_BODY_LIMIT) and a message may carry 25 MiB, so only their list does, and the files stay
 * at the sender's node, which the recipient asks.
 */
export const SharedMessageSchema = Type.Object(
  {
    thread: Type.Object(
      {
        id: Text(64),
        subject: Text(MAX_SUBJECT_CHARS),
        /** The node that started the thread: a reply travels with the thread of another node. */
        originNode: Type.String({ pattern: '^[A-Z][A-Z0-9-]{1,31}$' }),
        createdByAgency: AgencySchema,
        createdAt: DateTime,
        noticeId: Type.Union([Text(64), Type.Null()]),
        caseRef: Type.Union([Text(100), Type.Null()]),
      },
      closed,
    ),
    messageId: Text(64),
    body: Text(MAX_BODY_CHARS),
    urgency: Type.Enum(URGENCIES),
    deadlineAt: DateTime,
    createdAt: DateTime,
    senderAgency: AgencySchema,
    senderName: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
    /** Agency codes, at any node. */
    recipients: Type.Array(Text(64), { minItems: 1, maxItems: MAX_RECIPIENTS }),
    attachmentsHeldAtSender: Type.Array(
      Type.Object(
        { id: Text(64), filename: Text(255), mediaType: Text(127), size: Type.Integer({ minimum: 1, maximum: MAX_ATTACHMENT_BYTES }), sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) },
        closed,
      ),
      { maxItems: MAX_ATTACHMENTS },
    ),
  },
  closed,
);
export type SharedMessageBody = Static<typeof SharedMessageSchema>;

/** What travels for a message written here (its thread's creator agency and its sender's, as they travel). */
export function sharedMessageBody(
  sent: SentMessage,
  at: { thisNode: string; threadAgency: TravellingAgency; senderAgency: TravellingAgency; senderName: string | null; recipients: string[] },
): SharedMessageBody {
  const { thread: t, message: m } = sent;
  return {
    thread: {
      id: t.id,
      subject: t.subject,
      originNode: t.originNode ?? at.thisNode,
      createdByAgency: at.threadAgency,
      createdAt: new Date(t.createdAt).toISOString(),
      noticeId: t.noticeId,
      caseRef: t.caseRef,
    },
    messageId: m.id,
    body: m.body,
    urgency: m.urgency,
    deadlineAt: new Date(m.deadlineAt).toISOString(),
    createdAt: new Date(m.createdAt).toISOString(),
    senderAgency: at.senderAgency,
    senderName: at.senderName ? at.senderName.slice(0, 200) : null,
    recipients: at.recipients,
    attachmentsHeldAtSender: sent.attachments,
  };
}

/** How the inbox finds agencies here: by code, and the row of an agency of another node (made on first sight). */
export interface ForeignAgencies {
  byCode(trx: Db, code: string): Promise<{ id: string; kind: string } | undefined>;
  foreignId(trx: Db, a: TravellingAgency, at: Date): Promise<string>;
  /** The kind of agency row of another node's agency. */
  foreignKind: string;
}

type Refusal = { refused: string; reason: 'schema_invalid' | 'owner_conflict' | 'restricted_to_named_agencies' };
export type ForeignMessageOutcome = { applied: 'created' | 'unchanged'; id: string; threadId: string } | Refusal;

const FEDERATION = 'federation';
const HOUR_MS = 3_600_000;
const refuse = (reason: Refusal['reason'], refused: string): Refusal => ({ refused, reason });

export class ForeignMessages {
  constructor(
    private readonly repo: MessagesRepo,
    private readonly agencies: ForeignAgencies,
    /** This node's id. */
    private readonly nodeId: string,
  ) {}

  /** Holds a message another node sent (its thread too, the first time); receiving it again changes nothing. */
  async apply(trx: Db, item: { ownerNode: string; itemId: string; tlp: TlpLevel; body: Record<string, unknown> }, at: Date): Promise<ForeignMessageOutcome> {
    if (!Value.Check(SharedMessageSchema, item.body)) {
      const e = [...Value.Errors(SharedMessageSchema, item.body)][0];
      return refuse('schema_invalid', `data${e?.instancePath ?? ''}: ${e?.message ?? 'not a message'}`);
    }
    const b = item.body as SharedMessageBody;
    const problem = invalidTimes(b) ?? invalidNames(b);
    if (problem) return refuse('schema_invalid', problem);
    if (b.messageId !== item.itemId) return refuse('schema_invalid', 'data.messageId is not the item id');
    const before = await this.repo.messageById(trx, b.messageId);
    if (before) {
      if (before.originNode !== item.ownerNode) return refuse('owner_conflict', `message ${b.messageId} is held here from ${before.originNode ?? 'this node'}, not from ${item.ownerNode}`);
      return { applied: 'unchanged', id: before.id, threadId: before.threadId };
    }
    // an agency of this node is never written as if another node had spoken for it
    const sender = await this.agencies.byCode(trx, b.senderAgency.code);
    if (sender && sender.kind !== this.agencies.foreignKind) return refuse('owner_conflict', `${b.senderAgency.code} is an agency of this node; ${item.ownerNode} cannot send as it`);
    const senderAgencyId = sender?.id ?? (await this.agencies.foreignId(trx, b.senderAgency, at));
    const recipients: string[] = [];
    let ours = 0;
    for (const code of new Set(b.recipients)) {
      const a = await this.agencies.byCode(trx, code);
      // agencies of a third node not known here are left out: they are not here
      if (!a || a.id === senderAgencyId) continue;
      recipients.push(a.id);
      if (a.kind !== this.agencies.foreignKind) ours++;
    }
    if (ours === 0) return refuse('restricted_to_named_agencies', `the message names no agency of ${this.nodeId}`);
    const createdAt = new Date(b.createdAt);
    const thread = await this.thread(trx, b, createdAt, at);
    if ('refused' in thread) return thread;
    const message: MessageRow = {
      id: b.messageId,
      threadId: thread.id,
      senderUserId: FEDERATION,
      senderAgencyId,
      body: b.body,
      tlp: item.tlp,
      urgency: b.urgency,
      // the sender's deadline: it is answered by then wherever it is read
      deadlineAt: new Date(b.deadlineAt),
      createdAt,
      originNode: item.ownerNode,
    };
    const held: HeldAttachment[] = b.attachmentsHeldAtSender.map((a) => ({ ...a, filename: checkFilename(a.filename) }));
    await this.repo.insertMessage(trx, message, searchTextOf(thread.subject, b.body), recipients, [], { senderName: b.senderName, heldAttachments: held, deliveredAt: at });
    return { applied: 'created', id: message.id, threadId: thread.id };
  }

  /** The thread of a received message: the one held here, or a new one with its origin's id. */
  private async thread(trx: Db, b: SharedMessageBody, messageAt: Date, at: Date): Promise<ThreadRow | Refusal> {
    const t = b.thread;
    const have = await this.repo.threadById(trx, t.id);
    if (have) {
      const origin = have.originNode ?? this.nodeId;
      if (origin !== t.originNode) return refuse('owner_conflict', `thread ${t.id} is held here from ${origin}, not from ${t.originNode}`);
      if (messageAt.getTime() > new Date(have.lastMessageAt).getTime()) await this.repo.touchThread(trx, t.id, messageAt);
      return have;
    }
    if (t.originNode === this.nodeId) return refuse('owner_conflict', `thread ${t.id} would have been started here, and it is not held here`);
    const creator = await this.agencies.byCode(trx, t.createdByAgency.code);
    if (creator && creator.kind !== this.agencies.foreignKind) return refuse('owner_conflict', `${t.createdByAgency.code} is an agency of this node; its threads start here`);
    const row: ThreadRow = {
      id: t.id,
      subject: t.subject.trim(),
      noticeId: t.noticeId && (await this.repo.noticeExists(trx, t.noticeId)) ? t.noticeId : null,
      caseRef: t.caseRef,
      createdByAgencyId: creator?.id ?? (await this.agencies.foreignId(trx, t.createdByAgency, at)),
      createdBy: FEDERATION,
      createdAt: new Date(t.createdAt),
      lastMessageAt: messageAt,
      originNode: t.originNode,
    };
    await this.repo.insertThread(trx, row);
    return row;
  }
}

/** Dates that parse, and a deadline within the answer time of the message's urgency (2006/960/JHA art. 4). */
function invalidTimes(b: SharedMessageBody): string | undefined {
  const created = Date.parse(b.createdAt);
  const deadline = Date.parse(b.deadlineAt);
  if (Number.isNaN(created) || Number.isNaN(deadline) || Number.isNaN(Date.parse(b.thread.createdAt))) return 'data: createdAt, deadlineAt and thread.createdAt are date-times';
  if (deadline <= created || deadline - created > DEADLINE_HOURS[b.urgency] * HOUR_MS) return `data.deadlineAt: an ${b.urgency} message is answered within ${DEADLINE_HOURS[b.urgency]} hours of being sent`;
  return undefined;
}

function invalidNames(b: SharedMessageBody): string | undefined {
  if (!b.body.trim() || !b.thread.subject.trim()) return 'data: the body and the subject are not blank';
  for (const a of b.attachmentsHeldAtSender) {
    try {
      checkFilename(a.filename);
    } catch (e) {
      return `data.attachmentsHeldAtSender: ${(e as Error).message}`;
    }
  }
  return undefined;
}
