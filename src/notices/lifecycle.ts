/**
 * The notice lifecycle as a pure state machine (PRODUCT.md, module 3):
 *   draft → submitted → under_review → published | refused | returned (for completion)
 *   published → hit_reported → located → cancelled | expired
 * A diffusion skips the hub's review: submitting it publishes it to its recipients.
 * Who may act is decided by the service (owner bureau, reviewer, the system); this file
 * only says which moves exist.
 */
import { AppError } from '../core/errors.ts';
import { NOTICE_SPECS, type NoticeState, type NoticeType } from './notice.ts';

export const NOTICE_ACTIONS = [
  'submit',
  'withdraw',
  'start_review',
  'publish',
  'refuse',
  'return',
  'report_hit',
  'clear_hits',
  'locate',
  'cancel',
  'renew',
  'expire',
] as const;
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];

/** Who performs an action: the owner bureau, the hub's reviewer, or the system (hits, clock). */
export type ActorSide = 'owner' | 'reviewer' | 'system';
export const ACTION_SIDE: Readonly<Record<NoticeAction, ActorSide>> = {
  submit: 'owner',
  withdraw: 'owner',
  start_review: 'reviewer',
  publish: 'reviewer',
  refuse: 'reviewer',
  return: 'reviewer',
  report_hit: 'system',
  clear_hits: 'system',
  locate: 'owner',
  cancel: 'owner',
  renew: 'owner',
  expire: 'system',
};

/** Actions that must carry a reason (RPD: refusals and cancellations are motivated). */
export const NEEDS_REASON: ReadonlySet<NoticeAction> = new Set(['refuse', 'return', 'cancel', 'withdraw']);

/** Live states: the subject is in screening. */
export const LIVE_STATES: ReadonlySet<NoticeState> = new Set(['published', 'hit_reported', 'located']);
export const FINAL_STATES: ReadonlySet<NoticeState> = new Set(['refused', 'cancelled', 'expired']);

const TABLE: Readonly<Record<NoticeState, Partial<Record<NoticeAction, NoticeState>>>> = {
  draft: { submit: 'submitted', withdraw: 'cancelled' },
  submitted: { start_review: 'under_review', withdraw: 'cancelled' },
  under_review: { publish: 'published', refuse: 'refused', return: 'returned' },
  returned: { submit: 'submitted', withdraw: 'cancelled' },
  refused: {},
  published: { report_hit: 'hit_reported', cancel: 'cancelled', renew: 'published', expire: 'expired' },
  hit_reported: { report_hit: 'hit_reported', clear_hits: 'published', locate: 'located', cancel: 'cancelled', renew: 'hit_reported', expire: 'expired' },
  located: { report_hit: 'located', cancel: 'cancelled', renew: 'located', expire: 'expired' },
  cancelled: {},
  expired: {},
};

/** The state after `action`, or an `illegal_transition` error naming the state and the action. */
export function nextState(type: NoticeType, state: NoticeState, action: NoticeAction): NoticeState {
  // a diffusion is not reviewed by the hub: submitting it publishes it
  if (!NOTICE_SPECS[type].reviewed) {
    if (action === 'start_review' || action === 'publish' || action === 'refuse' || action === 'return') throw illegal(type, state, action);
    if (action === 'submit' && (state === 'draft' || state === 'returned')) return 'published';
  }
  const to = TABLE[state][action];
  if (!to) throw illegal(type, state, action);
  return to;
}

export function allowedActions(type: NoticeType, state: NoticeState): NoticeAction[] {
  return NOTICE_ACTIONS.filter((a) => {
    try {
      nextState(type, state, a);
      return true;
    } catch {
      return false;
    }
  });
}

function illegal(type: NoticeType, state: NoticeState, action: NoticeAction) {
  return new AppError('illegal_transition', 409, `A ${type} notice in state ${state} cannot be ${action.replace('_', ' ')}`, { state, action });
}
