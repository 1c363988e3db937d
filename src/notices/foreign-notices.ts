/**
 * Notices another node owns, held here as it sent them: the owner's version wins, nobody here
 * moves or edits them, and a live one's subject enters this node's screening (a person record of
 * the owner's bureau, `source = notice`, with the notice's handling and the owner's review date),
 * so that a screening here opens a hit on it. A cancellation or expiry at the owner takes the
 * subject out again. Written only by the federation inbox, in its transaction, after the
 * envelope's signature, the agreement and the handling code were checked there.
 */
import type { TlpLevel } from '../core/handling.ts';
import { TLP_LEVELS } from '../core/handling.ts';
import type { Db } from '../db/connect.ts';
import { FOREIGN_SOURCE_PREFIX, type ForeignRecords, originNodeOf, type TravellingAgency } from '../records/foreign-records.ts';
import type { AuthRepo } from '../auth/auth.repo.ts';
import { LIVE_STATES } from './lifecycle.ts';
import type { After } from './notice-moves.ts';
import { NOTICE_TYPES, type NoticeContent, type NoticeState, type NoticeType, URGENCIES, type Urgency } from './notice.ts';
import type { NoticeRow, NoticesRepo } from './notices.repo.ts';
import { checkContent } from './notices.schema.ts';
import { enterScreening, leaveScreening, searchTextOf, subjectNameOf } from './publication.ts';

/** The body of a shared notice (the envelope's `item.data`). */
export interface SharedNoticeBody {
  type: NoticeType;
  /** The owner's reference (`R-2026-000042`); held here as `<node>/<reference>`. */
  reference: string;
  state: NoticeState;
  stateReason: string | null;
  urgency: Urgency;
  content: NoticeContent;
  ownerAgency: TravellingAgency;
  publishedAt: string | null;
  reviewDate: string | null;
}

export function sharedNoticeBody(n: NoticeRow, ownerAgency: TravellingAgency): SharedNoticeBody {
  return {
    type: n.type,
    reference: n.reference,
    state: n.state,
    stateReason: n.stateReason,
    urgency: n.urgency,
    content: n.content,
    ownerAgency,
    publishedAt: n.publishedAt ? new Date(n.publishedAt).toISOString() : null,
    reviewDate: n.reviewDate,
  };
}

/** How a foreign notice's reference reads here: the owner node, then its own reference. */
export const foreignReference = (node: string, reference: string) => `${node}/${reference}`.slice(0, 120);

export type ForeignNoticeOutcome = { applied: 'created' | 'updated' | 'removed' | 'unchanged'; id: string; after: After } | { refused: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FEDERATION = 'federation';

export class ForeignNotices {
  constructor(
    private readonly repo: NoticesRepo,
    private readonly records: ForeignRecords,
    private readonly authRepo: AuthRepo,
    private readonly ids: () => string,
  ) {}

  /**
   * Applies the owner's version of a notice (or its withdrawal). `restrictedTo` holds agency
   * codes; those this node knows become ids, the others are not here and are left out.
   */
  async apply(
    trx: Db,
    item: { ownerNode: string; itemId: string; tlp: TlpLevel; restrictedTo: readonly string[]; body: Record<string, unknown> },
    withdrawn: boolean,
    at: Date,
  ): Promise<ForeignNoticeOutcome> {
    const body = item.body as Partial<SharedNoticeBody>;
    const before = await this.repo.lockById(trx, item.itemId);
    if (before && originNodeOf(before.source) !== item.ownerNode) {
      return { refused: `notice ${item.itemId} is held here from ${originNodeOf(before.source) ?? 'this node'}, not from ${item.ownerNode}` };
    }
    const after: After = [];
    if (withdrawn) {
      if (!before || !LIVE_STATES.has(before.state)) return { applied: 'unchanged', id: item.itemId, after };
      const to: NoticeState = body.state === 'expired' ? 'expired' : 'cancelled';
      const left = await leaveScreening(trx, before.subjectRecordId);
      await this.#write(trx, before, { state: to, stateReason: typeof body.stateReason === 'string' ? body.stateReason.slice(0, 2000) : null, subjectRecordId: null, updatedAt: at, updatedBy: FEDERATION }, item.ownerNode, at);
      if (left) after.push(['records.deleted', { id: before.subjectRecordId!, kind: 'person' }]);
      after.push([to === 'expired' ? 'notices.expired' : 'notices.cancelled', { id: before.id, type: before.type, ownerAgencyId: before.ownerAgencyId }]);
      return { applied: 'removed', id: item.itemId, after };
    }
    const problem = invalidBody(body, item.tlp);
    if (problem) return { refused: problem };
    let content: NoticeContent;
    try {
      content = checkContent(body.content);
    } catch (e) {
      return { refused: `data.content: ${(e as Error).message}` };
    }
    const b = body as SharedNoticeBody;
    const ownerAgencyId = await this.records.agencyId(trx, b.ownerAgency, at);
    const restrictedTo: string[] = [];
    for (const code of item.restrictedTo) {
      const a = await this.authRepo.agencyByCode(trx, code);
      if (a) restrictedTo.push(a.id);
    }
    const reference = foreignReference(item.ownerNode, b.reference);
    const fields = {
      reference,
      type: b.type,
      state: b.state,
      urgency: b.urgency,
      ownerAgencyId,
      tlp: item.tlp,
      restrictedTo,
      content,
      subjectName: subjectNameOf(content),
      searchText: searchTextOf(reference, content),
      stateReason: b.stateReason ?? null,
      publishedAt: b.publishedAt ? new Date(b.publishedAt) : at,
      // expiry follows the owner's review date
      reviewDate: b.reviewDate,
      source: `${FOREIGN_SOURCE_PREFIX}${item.ownerNode}`,
      externalId: item.itemId,
      updatedAt: at,
      updatedBy: FEDERATION,
    } satisfies Partial<NoticeRow>;
    const live = LIVE_STATES.has(b.state);
    if (!before) {
      const row: NoticeRow = {
        id: item.itemId,
        ...fields,
        checks: [],
        subjectRecordId: null,
        publicExtract: null,
        submittedAt: null,
        renewalRequestedAt: null,
        createdAt: at,
        createdBy: FEDERATION,
        version: 1,
      };
      await this.repo.insertMany(trx, [row]);
      if (live) row.subjectRecordId = await this.#enter(trx, row, at);
      if (row.subjectRecordId) {
        await this.repo.update(trx, row.id, 1, { subjectRecordId: row.subjectRecordId });
        after.push(['records.created', { id: row.subjectRecordId, kind: 'person' }]);
      }
      await this.repo.insertEvents(trx, [this.#event(row.id, 'receive', null, b.state, item.ownerNode, at)]);
      if (live) after.push(['notices.published', { id: row.id, type: row.type, ownerAgencyId }]);
      return { applied: 'created', id: item.itemId, after };
    }
    // the subject is entered again when what screening matches on changed (names, handling) or it went live
    const next = { ...before, ...fields };
    const sameSubject = live && before.subjectRecordId !== null && JSON.stringify(before.content.subject) === JSON.stringify(content.subject)
      && before.tlp === item.tlp && JSON.stringify(before.restrictedTo) === JSON.stringify(restrictedTo) && before.reviewDate === b.reviewDate;
    let subjectRecordId = before.subjectRecordId;
    if (!sameSubject) {
      if (await leaveScreening(trx, before.subjectRecordId)) after.push(['records.deleted', { id: before.subjectRecordId!, kind: 'person' }]);
      subjectRecordId = live ? await this.#enter(trx, next, at) : null;
      if (subjectRecordId) after.push(['records.created', { id: subjectRecordId, kind: 'person' }]);
    }
    await this.#write(trx, before, { ...fields, subjectRecordId }, item.ownerNode, at);
    return { applied: 'updated', id: item.itemId, after };
  }

  async #enter(trx: Db, n: NoticeRow, at: Date): Promise<string | null> {
    if (!n.reviewDate) return null;
    return enterScreening(trx, n, n.reviewDate, at, FEDERATION, this.ids());
  }

  async #write(trx: Db, before: NoticeRow, set: Partial<NoticeRow>, ownerNode: string, at: Date) {
    // the row is locked: the version cannot move under us
    await this.repo.update(trx, before.id, before.version, set);
    await this.repo.insertEvents(trx, [this.#event(before.id, 'receive', before.state, set.state ?? before.state, ownerNode, at)]);
  }

  #event(noticeId: string, action: string, fromState: string | null, toState: string | null, ownerNode: string, at: Date) {
    return { id: this.ids(), noticeId, at, actorUserId: null, actorAgencyId: null, action, fromState, toState, reason: null, details: { fromNode: ownerNode } };
  }
}

function invalidBody(b: Partial<SharedNoticeBody>, tlp: TlpLevel): string | null {
  if (!b.type || !(NOTICE_TYPES as readonly string[]).includes(b.type)) return `data.type is one of ${NOTICE_TYPES.join(', ')}`;
  if (!b.state || !LIVE_STATES.has(b.state)) return `data.state is one of ${[...LIVE_STATES].join(', ')} (only live notices travel)`;
  if (!b.urgency || !(URGENCIES as readonly string[]).includes(b.urgency)) return `data.urgency is one of ${URGENCIES.join(', ')}`;
  if (typeof b.reference !== 'string' || b.reference.length === 0 || b.reference.length > 64) return 'data.reference is a string of 1 to 64 characters';
  if (!TLP_LEVELS.includes(tlp)) return 'tlp is a TLP level';
  const o = b.ownerAgency;
  if (!o || typeof o.code !== 'string' || typeof o.country !== 'string' || typeof o.names !== 'object' || o.names === null) return 'data.ownerAgency has code, country and names';
  if (b.reviewDate !== null && (typeof b.reviewDate !== 'string' || !ISO_DATE.test(b.reviewDate))) return 'data.reviewDate is an ISO date';
  if (b.publishedAt != null && (typeof b.publishedAt !== 'string' || Number.isNaN(Date.parse(b.publishedAt)))) return 'data.publishedAt is a date-time';
  if (b.stateReason != null && typeof b.stateReason !== 'string') return 'data.stateReason is a string';
  return null;
}
