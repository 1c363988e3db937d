/**
 * Hits: a screening matched the subject of a live notice. The owner bureau and the screening
 * agency each get a follow-up task with a deadline (EU rules on information exchange between
 * law-enforcement authorities, Directive 2023/977 art. 5: 8 hours when urgent, 7 days otherwise)
 * and record the outcome, which feeds the notice lifecycle.
 */
import { conflict } from '../core/errors.ts';
import { FOLLOW_UP_HOURS, type NoticeType, type Urgency } from './notice.ts';

export const SCREENING_KINDS = ['person', 'document', 'vehicle', 'mrz', 'batch'] as const;
export type ScreeningKind = (typeof SCREENING_KINDS)[number];

export const HIT_STATUSES = ['open', 'confirmed', 'not_same_person', 'located', 'arrested'] as const;
export type HitStatus = (typeof HIT_STATUSES)[number];
export const HIT_OUTCOMES = ['confirmed', 'not_same_person', 'located', 'arrested'] as const;
export type HitOutcome = (typeof HIT_OUTCOMES)[number];

/** Hits still being followed up: they keep the notice in `hit_reported`. */
export const UNRESOLVED: ReadonlySet<HitStatus> = new Set(['open', 'confirmed']);

export type TaskSide = 'owner' | 'screening';
export type TaskStatus = 'open' | 'done' | 'escalated';

/** Task codes; the desk shows them with `hits.tasks.<code>`. */
export const TASKS: Readonly<Record<TaskSide, string>> = {
  owner: 'confirm_identity_send_judicial_documents',
  screening: 'hold_verify_and_report',
};

/** The same officer screening the same subject again within this window gets the hit already open. */
export const DEDUPE_WINDOW_MS = 10 * 60_000;

/** A red notice is always followed up as urgent (a wanted person at a border leaves within hours). */
export function hitUrgency(noticeType: NoticeType, noticeUrgency: Urgency): Urgency {
  return noticeType === 'red' || noticeUrgency === 'urgent' ? 'urgent' : 'normal';
}

export function followUpDue(urgency: Urgency, from: Date): Date {
  return new Date(from.getTime() + FOLLOW_UP_HOURS[urgency] * 3_600_000);
}

/** Outcomes the screening agency may record (what its officers saw); the rest are the owner's. */
export const SCREENING_SIDE_OUTCOMES: ReadonlySet<HitOutcome> = new Set(['confirmed', 'located', 'arrested']);

const NEXT: Readonly<Record<HitStatus, readonly HitOutcome[]>> = {
  open: ['confirmed', 'not_same_person', 'located', 'arrested'],
  confirmed: ['located', 'arrested'],
  located: ['arrested'],
  arrested: [],
  not_same_person: [],
};

/** Checks that `to` may follow `from`: identity first, then location, then arrest; never back. */
export function assertOutcome(from: HitStatus, to: HitOutcome): void {
  if (!NEXT[from].includes(to)) {
    throw conflict('illegal_hit_outcome', `A hit marked ${from.replace(/_/g, ' ')} cannot become ${to.replace(/_/g, ' ')}`, { status: from, outcome: to });
  }
}

/** The notice move an outcome implies, given the notice's state and whether other hits are unresolved. */
export function noticeMoveFor(
  outcome: HitOutcome,
  noticeState: string,
  otherUnresolved: number,
): Array<'report_hit' | 'clear_hits' | 'locate'> {
  if (outcome === 'not_same_person') return noticeState === 'hit_reported' && otherUnresolved === 0 ? ['clear_hits'] : [];
  if (outcome === 'located' || outcome === 'arrested') {
    if (noticeState === 'hit_reported') return ['locate'];
    // the notice went back to published meanwhile (its other hits were cleared): report, then locate
    if (noticeState === 'published') return ['report_hit', 'locate'];
  }
  return [];
}
