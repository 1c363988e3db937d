import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TLP_LEVELS, type TlpLevel } from '../core/handling.ts';
import { ACTIONS, type Action, can } from './policy.ts';
import { type Actor, ROLES, type Role, SCOPES } from './roles.ts';

// The expected permissions, written out by hand: the policy must match every cell.
const EXPECTED_ROLE_ACTIONS: Record<Role, Action[]> = {
  ncb_officer: ['record.read', 'record.create', 'record.update', 'record.delete', 'record.import', 'screening.run', 'token.create', 'notice.read', 'notice.write', 'notice.import', 'hit.read', 'hit.update', 'message.read', 'message.send', 'case.read', 'network.read', 'federation.read'],
  frontline: ['record.read', 'screening.run', 'token.create', 'notice.read', 'hit.read', 'hit.update', 'message.read', 'message.send'],
  analyst: ['record.read', 'record.create', 'record.update', 'record.delete', 'screening.run', 'token.create', 'notice.read', 'hit.read', 'message.read', 'message.send', 'case.read', 'case.write', 'network.read', 'report.read'],
  // a reviewer reads and decides; never writes a notice's content
  reviewer: ['record.read', 'screening.run', 'token.create', 'notice.read', 'notice.review', 'hit.read', 'message.read', 'message.send'],
  cyber_analyst: ['record.read', 'token.create', 'message.read', 'message.send', 'case.read', 'case.write', 'network.read', 'report.read'],
  camera_operator: ['screening.run', 'token.create', 'hit.read'],
  programme_manager: [],
  ga_secretariat: [],
  // partners, agreements and the exchange queue: read by bureaus, commanders and the DPO, run by the admin
  commander: ['record.read', 'notice.read', 'hit.read', 'message.read', 'case.read', 'network.read', 'report.read', 'federation.read'],
  // the data-protection officer supervises: reads everything, sends nothing
  dpo: ['record.read', 'record.purge', 'screening.run', 'audit.read', 'audit.verify', 'notice.read', 'hit.read', 'message.read', 'case.read', 'network.read', 'report.read', 'federation.read'],
  admin: ['agency.manage', 'user.manage', 'audit.verify', 'record.import', 'token.create', 'notice.import', 'catalogue.manage', 'federation.read', 'federation.manage'],
};

type Restriction = 'none' | 'names-me' | 'names-other';
// May another agency see it? (the owner always may)
const EXPECTED_VISIBLE: Record<TlpLevel, Record<Restriction, boolean>> = {
  CLEAR: { none: true, 'names-me': true, 'names-other': false },
  GREEN: { none: true, 'names-me': true, 'names-other': false },
  AMBER: { none: true, 'names-me': true, 'names-other': false },
  'AMBER+STRICT': { none: false, 'names-me': true, 'names-other': false },
  RED: { none: false, 'names-me': true, 'names-other': false },
};

const ME = 'agency-me';
const OTHER = 'agency-other';
const THIRD = 'agency-third';
const RECORD_ACTIONS: Action[] = ['record.read', 'record.update', 'record.delete', 'record.purge'];

function expected(role: Role, action: Action, tlp: TlpLevel, r: Restriction, own: boolean): string {
  if (!EXPECTED_ROLE_ACTIONS[role].includes(action)) return 'forbidden_role';
  if (action === 'record.purge') return 'allowed';
  if (action === 'record.read' && role === 'dpo') return 'allowed';
  if (!own && !EXPECTED_VISIBLE[tlp][r]) return 'forbidden_handling';
  if ((action === 'record.update' || action === 'record.delete') && !own) return 'record_not_owner';
  return 'allowed';
}

const actor = (role: Role, over: Partial<Actor> = {}): Actor => ({ userId: 'u', agencyId: ME, roles: [role], scopes: SCOPES, via: 'session', ...over });

describe('authorization policy', () => {
  it('decides every cell of roles × record actions × handling codes × own/other agency', () => {
    let cells = 0;
    for (const role of ROLES) {
      for (const action of RECORD_ACTIONS) {
        for (const tlp of TLP_LEVELS) {
          for (const r of ['none', 'names-me', 'names-other'] as Restriction[]) {
            for (const own of [true, false]) {
              const restrictedTo = r === 'none' ? [] : r === 'names-me' ? [ME] : [THIRD];
              const d = can(actor(role), action, { ownerAgencyId: own ? ME : OTHER, tlp, restrictedTo });
              const got = d.allowed ? 'allowed' : d.code;
              assert.equal(got, expected(role, action, tlp, r, own), `${role} ${action} ${tlp} ${r} ${own ? 'own' : 'other'}`);
              cells++;
            }
          }
        }
      }
    }
    assert.equal(cells, ROLES.length * RECORD_ACTIONS.length * TLP_LEVELS.length * 3 * 2);
  });

  it('decides every role × action without a record', () => {
    for (const role of ROLES) {
      for (const action of ACTIONS) {
        assert.equal(can(actor(role), action).allowed, EXPECTED_ROLE_ACTIONS[role].includes(action), `${role} ${action}`);
      }
    }
  });

  it('limits an API token to its scopes, and never lets a token mint tokens', () => {
    const t = actor('ncb_officer', { scopes: ['records:read'], via: 'token' });
    assert.equal(can(t, 'record.read').allowed, true);
    assert.deepEqual(can(t, 'record.create'), { allowed: false, code: 'forbidden_scope' });
    assert.deepEqual(can(t, 'token.create'), { allowed: false, code: 'forbidden_scope' });
    assert.equal(can(actor('ncb_officer', { via: 'console' }), 'token.create').allowed, true);
  });

  it('fails closed: a user with no role may do nothing', () => {
    const none: Actor = { userId: 'u', agencyId: ME, roles: [], scopes: SCOPES, via: 'session' };
    for (const a of ACTIONS) assert.equal(can(none, a).allowed, false, a);
  });
});
