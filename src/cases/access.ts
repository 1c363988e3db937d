/**
 * Who may see and change a case or a gang: the policy's case actions plus the handling code.
 * The data-protection officer supervises the node and sees every case; only the owner agency
 * changes one (an analyst edits only their agency's cases).
 */
import { type Action, can } from '../auth/policy.ts';
import type { Actor } from '../auth/roles.ts';
import { forbidden, notFound } from '../core/errors.ts';
import { type Handling, visibleToAgency } from '../core/handling.ts';
import type { RecordGuard, Viewer } from './handling.repo.ts';

export interface Owned extends Handling {
  ownerAgencyId: string;
}

export function authorize(actor: Actor, action: Action): void {
  const d = can(actor, action);
  if (!d.allowed) throw forbidden(d.code, `Your roles do not allow ${action}`);
}

export const isDpo = (actor: Actor) => actor.roles.includes('dpo');

export const viewerOf = (actor: Actor): Viewer => ({ agencyId: actor.agencyId, seesAll: isDpo(actor) });

/** Whether the actor sees this case or gang at all (authorisation of the action is separate). */
export function sees(actor: Actor, row: Owned): boolean {
  if (isDpo(actor)) return true;
  return can(actor, 'case.read', { ownerAgencyId: row.ownerAgencyId, tlp: row.tlp, restrictedTo: row.restrictedTo }).allowed;
}

/**
 * Applies visibility, then ownership for a change: an invisible row is reported as not found
 * (`notFoundCode`), a visible one of another agency as `notOwnerCode` (403).
 */
export function guard<T extends Owned>(actor: Actor, row: T | undefined, write: boolean, notFoundCode: string, notOwnerCode: string): T {
  if (!row || !sees(actor, row)) throw notFound(notFoundCode, notFoundCode === 'gang_not_found' ? 'No such gang' : 'No such case');
  if (write && row.ownerAgencyId !== actor.agencyId) throw forbidden(notOwnerCode, 'Only the owner agency may change this');
  return row;
}

/**
 * Whether a record attached to a case (a party, a member, an arrested person) may be shown to
 * the actor: the records module's rule (handling, review date; the data-protection officer sees all).
 * A record the actor may not see is left out entirely, not shown as an anonymous entry.
 */
export function recordVisible(actor: Actor, g: RecordGuard, today: string): boolean {
  if (!g.recordOwnerAgencyId || !g.recordTlp) return false;
  if (isDpo(actor)) return true;
  if (g.recordReviewDate !== null && g.recordReviewDate < today) return false;
  return visibleToAgency({ tlp: g.recordTlp, restrictedTo: g.recordRestrictedTo ?? [] }, g.recordOwnerAgencyId, actor.agencyId);
}
