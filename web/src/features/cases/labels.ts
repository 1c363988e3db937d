/**
 * Case, gang and network values → their message keys, literal so a search for a key finds its
 * use. Catalogue entries (categories, substances) carry their own labels in four languages.
 */
import type { CaseStatus, GangKind, GangStatus, NodeKind, PartyKind } from '../../api/cases-types.ts';
import type { Locale, LocalizedNames } from '../../api/types.ts';
import type { BadgeTone } from '../../ui/Badge.tsx';

export const CASE_STATUS_KEYS: Record<CaseStatus, string> = {
  open: 'cases.status.open',
  solved: 'cases.status.solved',
  closed: 'cases.status.closed',
};

export const CASE_STATUS_TONES: Record<CaseStatus, BadgeTone> = { open: 'info', solved: 'ok', closed: 'neutral' };

export const PARTY_KIND_KEYS: Record<PartyKind, string> = {
  person: 'cases.partyKind.person',
  group: 'cases.partyKind.group',
  vehicle: 'cases.partyKind.vehicle',
  document: 'cases.partyKind.document',
  phone: 'cases.partyKind.phone',
  address: 'cases.partyKind.address',
};

/** Suggested roles; the field is free text, the server keeps what is typed. */
export const PARTY_ROLES = ['suspect', 'victim', 'witness', 'owner', 'used_in', 'other'] as const;
export const PARTY_ROLE_KEYS: Record<(typeof PARTY_ROLES)[number], string> = {
  suspect: 'cases.role.suspect',
  victim: 'cases.role.victim',
  witness: 'cases.role.witness',
  owner: 'cases.role.owner',
  used_in: 'cases.role.used_in',
  other: 'cases.role.other',
};
/** Roles the server gives: an arrested person becomes a party with role `arrested`. */
const SERVER_ROLE_KEYS: Record<string, string> = { arrested: 'cases.role.arrested' };
export const roleKey = (role: string): string | undefined => (PARTY_ROLE_KEYS as Record<string, string>)[role] ?? SERVER_ROLE_KEYS[role];

export const GANG_KIND_KEYS: Record<GangKind, string> = {
  criminal_gang: 'gangs.kind.criminal_gang',
  smuggling_network: 'gangs.kind.smuggling_network',
  trafficking_network: 'gangs.kind.trafficking_network',
  terrorist_cell: 'gangs.kind.terrorist_cell',
  other: 'gangs.kind.other',
};

export const GANG_STATUS_KEYS: Record<GangStatus, string> = {
  active: 'gangs.status.active',
  dismantled: 'gangs.status.dismantled',
};

export const GANG_ROLE_KEYS: Record<string, string> = {
  leader: 'gangs.role.leader',
  lieutenant: 'gangs.role.lieutenant',
  member: 'gangs.role.member',
  courier: 'gangs.role.courier',
  financier: 'gangs.role.financier',
  facilitator: 'gangs.role.facilitator',
  smuggler: 'gangs.role.smuggler',
};

export const NODE_KIND_KEYS: Record<NodeKind, string> = {
  person: 'network.kind.person',
  group: 'network.kind.group',
  vehicle: 'network.kind.vehicle',
  document: 'network.kind.document',
  phone: 'network.kind.phone',
  address: 'network.kind.address',
  case: 'network.kind.case',
  gang: 'network.kind.gang',
};

/** A catalogue entry's label in the user's language, else French or English, else its code. */
export function catalogueLabel(locale: Locale, entry: { code: string; labels?: Partial<LocalizedNames> } | undefined, code: string): string {
  return entry?.labels?.[locale] || entry?.labels?.fr || entry?.labels?.en || code;
}
