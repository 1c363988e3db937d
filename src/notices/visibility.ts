/**
 * Who sees a notice and who may move it (RPD art. 58–61: the owner bureau controls its data;
 * the General Secretariat reviews it before publication). The SQL twin for lists is
 * `visibleTo` in notices.repo.ts; a test keeps the two equal.
 */
import { can } from '../auth/policy.ts';
import type { Actor } from '../auth/roles.ts';
import { type Handling, visibleToAgency } from '../core/handling.ts';
import { ACTION_SIDE, allowedActions, LIVE_STATES, type NoticeAction } from './lifecycle.ts';
import type { NoticeState, NoticeType } from './notice.ts';

export interface Visible extends Handling {
  type: NoticeType;
  state: NoticeState;
  ownerAgencyId: string;
  submittedAt: Date | string | null;
}

/** `reviewer`: the actor holds notice.review at the hub. */
export function noticeVisible(actor: Actor, n: Visible, reviewer: boolean): boolean {
  if (actor.roles.includes('dpo')) return true;
  if (n.ownerAgencyId === actor.agencyId) return true;
  if (n.type === 'diffusion') return LIVE_STATES.has(n.state) && n.restrictedTo.includes(actor.agencyId);
  if (reviewer && n.submittedAt !== null) return true;
  return LIVE_STATES.has(n.state) && visibleToAgency(n, n.ownerAgencyId, actor.agencyId);
}

export const isOwnerWriter = (actor: Actor, n: { ownerAgencyId: string }) => n.ownerAgencyId === actor.agencyId && can(actor, 'notice.write').allowed;

/** The moves this caller may make now: the lifecycle's, filtered by side. */
export function callerActions(actor: Actor, n: Visible, reviewer: boolean): NoticeAction[] {
  return allowedActions(n.type, n.state).filter((a) => {
    const side = ACTION_SIDE[a];
    if (side === 'owner') return isOwnerWriter(actor, n);
    if (side === 'reviewer') return reviewer;
    return false;
  });
}
