import { type Handling, visibleToAgency } from '../core/handling.ts';
import type { Actor, Role, Scope } from './roles.ts';

/**
 * The one place that decides who may do what. Permissions are one line each.
 * Record actions also look at the record's owner agency and handling code.
 */
export const ACTIONS = [
  'record.read',
  'record.create',
  'record.update',
  'record.delete',
  'record.purge',
  'record.import',
  'screening.run',
  'audit.read',
  'audit.verify',
  'agency.manage',
  'user.manage',
  'token.create',
  'notice.read',
  'notice.write',
  'notice.review',
  'notice.import',
  'hit.read',
  'hit.update',
  'message.read',
  'message.send',
  'case.read',
  'case.write',
  'network.read',
  'report.read',
  'catalogue.manage',
  'federation.read',
  'federation.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  ncb_officer: ['record.read', 'record.create', 'record.update', 'record.delete', 'record.import', 'screening.run', 'token.create', 'notice.read', 'notice.write', 'notice.import', 'hit.read', 'hit.update', 'message.read', 'message.send', 'case.read', 'network.read', 'federation.read'],
  frontline: ['record.read', 'screening.run', 'token.create', 'notice.read', 'hit.read', 'hit.update', 'message.read', 'message.send'],
  analyst: ['record.read', 'record.create', 'record.update', 'record.delete', 'screening.run', 'token.create', 'notice.read', 'hit.read', 'message.read', 'message.send', 'case.read', 'case.write', 'network.read', 'report.read'],
  reviewer: ['record.read', 'screening.run', 'token.create', 'notice.read', 'notice.review', 'hit.read', 'message.read', 'message.send'],
  cyber_analyst: ['record.read', 'token.create', 'message.read', 'message.send', 'case.read', 'case.write', 'network.read', 'report.read'],
  camera_operator: ['screening.run', 'token.create', 'hit.read'],
  programme_manager: [],
  ga_secretariat: [],
  commander: ['record.read', 'notice.read', 'hit.read', 'message.read', 'case.read', 'network.read', 'report.read', 'federation.read'],
  dpo: ['record.read', 'record.purge', 'screening.run', 'audit.read', 'audit.verify', 'notice.read', 'hit.read', 'message.read', 'case.read', 'network.read', 'report.read', 'federation.read'],
  admin: ['agency.manage', 'user.manage', 'audit.verify', 'record.import', 'token.create', 'notice.import', 'catalogue.manage', 'federation.read', 'federation.manage'],
};

const ACTION_SCOPE: Record<Action, Scope | null> = {
  'record.read': 'records:read',
  'record.create': 'records:write',
  'record.update': 'records:write',
  'record.delete': 'records:write',
  'record.purge': 'records:write',
  'record.import': 'records:write',
  'screening.run': 'screening:run',
  'audit.read': 'audit:read',
  'audit.verify': 'audit:read',
  'agency.manage': 'admin',
  'user.manage': 'admin',
  // a token never mints tokens
  'token.create': null,
  'notice.read': 'notices:read',
  'notice.write': 'notices:write',
  'notice.review': 'notices:write',
  'notice.import': 'notices:write',
  'hit.read': 'notices:read',
  'hit.update': 'notices:write',
  'message.read': 'messages:read',
  'message.send': 'messages:write',
  'case.read': 'cases:read',
  'case.write': 'cases:write',
  'network.read': 'cases:read',
  'report.read': 'reports:read',
  'catalogue.manage': 'admin',
  // partners, keys and agreements are the node's administration; tokens need the admin scope
  'federation.read': 'admin',
  'federation.manage': 'admin',
};

/** What a record exposes to the policy. */
export interface Guarded extends Handling {
  ownerAgencyId: string;
}

export type Decision = { allowed: true } | { allowed: false; code: string };

const allow: Decision = { allowed: true };
const deny = (code: string): Decision => ({ allowed: false, code });

const OWNER_ONLY: ReadonlySet<Action> = new Set(['record.update', 'record.delete']);

export function can(actor: Actor, action: Action, record?: Guarded): Decision {
  if (!actor.roles.some((r) => ROLE_ACTIONS[r].includes(action))) return deny('forbidden_role');
  const scope = ACTION_SCOPE[action];
  if (scope === null ? actor.via === 'token' : !actor.scopes.includes(scope)) return deny('forbidden_scope');
  if (!record) return allow;
  // The data-protection officer supervises the whole node: sees every record, whatever its handling.
  if (action === 'record.read' && actor.roles.includes('dpo')) return allow;
  if (action === 'record.purge') return allow;
  if (!visibleToAgency(record, record.ownerAgencyId, actor.agencyId)) return deny('forbidden_handling');
  if (OWNER_ONLY.has(action) && record.ownerAgencyId !== actor.agencyId) return deny('record_not_owner');
  return allow;
}
