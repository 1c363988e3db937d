import { createHash } from 'node:crypto';
import { AppError, invalid } from '../core/errors.ts';
import { type Handling, type TlpLevel, visibleToAgency } from '../core/handling.ts';
import { fold } from '../core/text.ts';
import { LIVE_STATES } from '../notices/lifecycle.ts';
import type { NoticeState } from '../notices/notice.ts';

/** Pure rules of secure messages: limits, deadlines, recipients, attachments. No I/O. */

export const URGENCIES = ['urgent', 'normal'] as const;
export type MessageUrgency = (typeof URGENCIES)[number];

export const MAX_BODY_CHARS = 20_000;
export const MAX_SUBJECT_CHARS = 200;
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_FILENAME_CHARS = 255;
export const MAX_RECIPIENTS = 100;
export const MAX_SEARCH_TOKENS = 8;

const HOUR_MS = 3_600_000;
/**
 * Answer deadlines of Council Framework Decision 2006/960/JHA (art. 4), the rule PRODUCT.md cites:
 * at most 8 hours for an urgent request, up to 7 days otherwise. They are also the default.
 */
export const DEADLINE_HOURS: Readonly<Record<MessageUrgency, number>> = { urgent: 8, normal: 7 * 24 };

/** TLP 2.0 levels whose recipients are only the agencies named on the message. */
export const NAMED_ONLY: ReadonlySet<TlpLevel> = new Set(['AMBER+STRICT', 'RED']);

/**
 * The deadline of a message: the one asked for, which must lie ahead and within the maximum
 * for its urgency, or that maximum.
 */
export function deadlineOf(urgency: MessageUrgency, now: Date, requested?: Date | string): Date {
  const latest = new Date(now.getTime() + DEADLINE_HOURS[urgency] * HOUR_MS);
  if (requested === undefined) return latest;
  const at = new Date(requested);
  if (Number.isNaN(at.getTime())) throw invalid('invalid_deadline', 'deadlineAt is not a date-time');
  if (at.getTime() <= now.getTime()) throw invalid('deadline_in_past', 'The deadline must lie in the future');
  if (at.getTime() > latest.getTime()) {
    throw invalid('deadline_too_late', `An ${urgency} message is answered within ${DEADLINE_HOURS[urgency]} hours at most`, { latest: latest.toISOString() });
  }
  return at;
}

export function checkBody(body: string): string {
  if (body.trim() === '') throw invalid('body_required', 'A message needs a body');
  if (body.length > MAX_BODY_CHARS) throw invalid('body_too_long', `A message body is at most ${MAX_BODY_CHARS} characters`, { max: MAX_BODY_CHARS });
  return body;
}

export function checkSubject(subject: string): string {
  const s = subject.trim();
  if (s === '') throw invalid('subject_required', 'A thread needs a subject');
  if (s.length > MAX_SUBJECT_CHARS) throw invalid('subject_too_long', `A subject is at most ${MAX_SUBJECT_CHARS} characters`);
  return s;
}

/**
 * The recipients of one message: distinct, at least one, never the sender's own agency.
 * Existence and notice handling are checked by the service (they need the database).
 */
export function checkRecipients(ids: readonly string[], senderAgencyId: string): string[] {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw invalid('recipients_required', 'Choose at least one recipient agency');
  if (unique.length > MAX_RECIPIENTS) throw invalid('too_many_recipients', `At most ${MAX_RECIPIENTS} recipient agencies`);
  if (unique.includes(senderAgencyId)) throw invalid('recipient_is_sender', 'Your own agency cannot be a recipient');
  return unique;
}

/** What a notice exposes to messages: its handling (NoticesService.handlingOf). */
export interface NoticeHandling extends Handling {
  ownerAgencyId: string;
  state: string;
  type: string;
}

/**
 * Whether an agency may see the notice a thread is attached to, agency by agency as in
 * notices/visibility.ts: the owner always; other agencies once it is live, within its handling
 * (TLP 2.0 and named recipients, the only audience of a diffusion); the hub, whose reviewers
 * examine it, once it has been submitted.
 */
export function noticeVisibleTo(n: NoticeHandling, agencyId: string, isHub = false): boolean {
  if (agencyId === n.ownerAgencyId) return true;
  if (LIVE_STATES.has(n.state as NoticeState)) {
    return n.type === 'diffusion' ? n.restrictedTo.includes(agencyId) : visibleToAgency(n, n.ownerAgencyId, agencyId);
  }
  return isHub && n.state !== 'draft';
}

/** The search tokens of a query, folded like the stored text; each must occur (as a word prefix). */
export function searchTokens(q: string): string[] {
  return fold(q).split(' ').filter(Boolean).slice(0, MAX_SEARCH_TOKENS);
}

/** The text indexed for a message: its thread's subject and its body, folded. */
export const searchTextOf = (subject: string, body: string) => fold(`${subject} ${body}`);

// ---- attachments

export interface AttachmentInput {
  filename: string;
  mediaType: string;
  contentBase64: string;
}

export interface Attachment {
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;
const MEDIA_TYPE_RE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}$/;
// C0 and C1 controls, path separators, and characters Windows refuses in names
const BAD_FILENAME_CHARS = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]/;
// bidirectional overrides make "gpj.exe" read as "exe.jpg" (CVE-2021-42574 style spoofing)
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

/** A file name as stored and offered for download: one plain name, no path, no control or spoofing characters. */
export function checkFilename(raw: string): string {
  const name = raw.normalize('NFC').trim();
  const bad = (why: string) => invalid('invalid_filename', `The file name ${why}`);
  if (name === '' || name === '.' || name === '..') throw bad('is empty');
  if (name.length > MAX_FILENAME_CHARS) throw bad(`is longer than ${MAX_FILENAME_CHARS} characters`);
  if (BAD_FILENAME_CHARS.test(name)) throw bad('contains a path separator, a control character or one of : * ? " < > |');
  if (BIDI_CONTROLS.test(name)) throw bad('contains a text-direction control character');
  if (name.startsWith('.')) throw bad('starts with a dot');
  return name;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Bytes a base64 text decodes to, without decoding it. */
export function decodedLength(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return (b64.length / 4) * 3 - pad;
}

export const attachmentTooLarge = (filename: string, size: number) =>
  new AppError('attachment_too_large', 413, `An attachment is at most ${MAX_ATTACHMENT_BYTES} bytes`, { filename, size, max: MAX_ATTACHMENT_BYTES });

/** Decodes and checks the attachments of one message; the size limit applies to the decoded bytes. */
export function decodeAttachments(inputs: readonly AttachmentInput[]): Attachment[] {
  if (inputs.length > MAX_ATTACHMENTS) throw invalid('too_many_attachments', `At most ${MAX_ATTACHMENTS} attachments per message`, { max: MAX_ATTACHMENTS });
  return inputs.map((a) => {
    const filename = checkFilename(a.filename);
    const mediaType = a.mediaType.trim().toLowerCase();
    if (!MEDIA_TYPE_RE.test(mediaType)) throw invalid('invalid_media_type', 'mediaType must be a media type such as application/pdf', { filename });
    const b64 = a.contentBase64.replace(/\s+/g, '');
    if (b64.length % 4 !== 0 || !BASE64_RE.test(b64)) throw invalid('invalid_base64', 'contentBase64 is not base64 (RFC 4648 §4)', { filename });
    const size = decodedLength(b64);
    if (size > MAX_ATTACHMENT_BYTES) throw attachmentTooLarge(filename, size);
    if (size === 0) throw invalid('attachment_empty', 'An attachment cannot be empty', { filename });
    const content = Buffer.from(b64, 'base64');
    return { filename, mediaType, size: content.length, sha256: sha256Hex(content), content };
  });
}

/**
 * Content-Disposition for a download (RFC 6266): an ASCII fallback `filename` and the exact
 * name as an RFC 8187 `filename*` ext-value, so that Arabic names survive.
 */
export function contentDisposition(filename: string): string {
  const fallback = filename.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
