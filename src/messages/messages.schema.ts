import { type Static, Type } from 'typebox';
import { DateTime } from '../core/schema.ts';
import { TLP_LEVELS } from '../core/handling.ts';
import { MAX_ATTACHMENTS, MAX_BODY_CHARS, MAX_FILENAME_CHARS, MAX_RECIPIENTS, MAX_SUBJECT_CHARS, URGENCIES } from './message.ts';

/** Schemas at the edge: HTTP validation, the OpenAPI document, and the types of the service inputs. */
const closed = { additionalProperties: false } as const;
const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
/** Present only on what came from another national node (issue 14): that node's id. */
const OriginNode = Type.Optional(Type.String({ description: 'the national node this came from; absent for this node’s own' }));

export const AttachmentInputSchema = Type.Object(
  {
    filename: Type.String({ minLength: 1, maxLength: MAX_FILENAME_CHARS }),
    mediaType: Type.String({ minLength: 3, maxLength: 127, description: 'e.g. application/pdf, image/jpeg' }),
    // no maxLength here: the limit applies to the decoded bytes (attachment_too_large, 413)
    contentBase64: Type.String({ description: 'the file, base64 (RFC 4648 §4); at most 5 MiB once decoded' }),
  },
  closed,
);

const messageFields = {
  body: Type.String({ minLength: 1, maxLength: MAX_BODY_CHARS }),
  tlp: Type.Enum(TLP_LEVELS),
  urgency: Type.Enum(URGENCIES),
  deadlineAt: Type.Optional(Type.String({ format: 'date-time', description: 'default and maximum: 8 hours when urgent, 7 days otherwise' })),
  attachments: Type.Optional(Type.Array(AttachmentInputSchema, { maxItems: MAX_ATTACHMENTS })),
};

export const NewThreadSchema = Type.Object(
  {
    subject: Type.String({ minLength: 1, maxLength: MAX_SUBJECT_CHARS }),
    noticeId: Type.Optional(Uuid),
    caseRef: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    recipients: Type.Array(Uuid, { minItems: 1, maxItems: MAX_RECIPIENTS, description: 'agency ids' }),
    ...messageFields,
  },
  closed,
);
export type NewThreadInput = Static<typeof NewThreadSchema>;

export const ReplySchema = Type.Object(
  {
    recipients: Type.Optional(
      Type.Array(Uuid, { minItems: 1, maxItems: MAX_RECIPIENTS, description: 'agency ids; default: every participant of the thread but you (not allowed for AMBER+STRICT and RED)' }),
    ),
    ...messageFields,
  },
  closed,
);
export type ReplyInput = Static<typeof ReplySchema>;

export const AttachmentViewSchema = Type.Object(
  {
    id: Type.String(),
    filename: Type.String(),
    mediaType: Type.String(),
    size: Type.Integer(),
    sha256: Type.String(),
    heldAtNode: Type.Optional(Type.String({ description: 'on a message from another node: the file stayed there; ask its sender for it' })),
  },
  closed,
);

export const ReceiptViewSchema = Type.Object(
  { agencyId: Type.String(), agencyCode: Type.String(), deliveredAt: DateTime, readAt: Type.Union([DateTime, Type.Null()]) },
  closed,
);

export const MessageViewSchema = Type.Object(
  {
    id: Type.String(),
    threadId: Type.String(),
    senderName: Nullable(Type.String()),
    senderAgencyId: Type.String(),
    senderAgencyCode: Type.String(),
    body: Type.String(),
    tlp: Type.Enum(TLP_LEVELS),
    urgency: Type.Enum(URGENCIES),
    deadlineAt: DateTime,
    createdAt: DateTime,
    originNode: OriginNode,
    attachments: Type.Array(AttachmentViewSchema),
    receipts: Type.Array(ReceiptViewSchema),
  },
  closed,
);
export type MessageView = Static<typeof MessageViewSchema>;

export const ThreadViewSchema = Type.Object(
  {
    id: Type.String(),
    subject: Type.String(),
    noticeId: Nullable(Type.String()),
    caseRef: Nullable(Type.String()),
    createdByAgencyCode: Type.String(),
    createdAt: DateTime,
    lastMessageAt: DateTime,
    originNode: OriginNode,
    participants: Type.Array(Type.String(), { description: 'agency codes of the messages you can see' }),
  },
  closed,
);

export const ThreadSummarySchema = Type.Object(
  {
    id: Type.String(),
    subject: Type.String(),
    noticeId: Nullable(Type.String()),
    caseRef: Nullable(Type.String()),
    lastMessageAt: DateTime,
    unread: Type.Integer({ description: 'messages to your agency it has not read' }),
    urgency: Type.Enum(URGENCIES, { description: 'urgent when an unread message to your agency is urgent' }),
    originNode: OriginNode,
    participants: Type.Array(Type.String()),
  },
  closed,
);

export const SearchHitSchema = Type.Object(
  {
    id: Type.String(),
    threadId: Type.String(),
    subject: Type.String(),
    senderAgencyCode: Type.String(),
    tlp: Type.Enum(TLP_LEVELS),
    urgency: Type.Enum(URGENCIES),
    createdAt: DateTime,
    excerpt: Type.String({ description: 'the start of the body' }),
  },
  closed,
);

export const RecipientSchema = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    country: Type.String(),
    names: Type.Record(Type.String(), Type.String()),
    originNode: Type.Optional(Type.String({ description: 'an agency of a partner node: that node (the message goes there through federation)' })),
  },
  closed,
);
