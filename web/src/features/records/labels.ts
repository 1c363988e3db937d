/**
 * Domain values → their message keys. Keys are literal so that a search for a key finds
 * its use; an unknown value falls back to showing the value itself.
 */
import type { LinkType, RecordKind } from '../../api/types.ts';

export const KIND_KEYS: Record<RecordKind, string> = {
  person: 'records.kind.person',
  document: 'records.kind.document',
  vehicle: 'records.kind.vehicle',
  group: 'records.kind.group',
};

export const NAME_TYPE_KEYS: Record<string, string> = {
  primary: 'records.name.type.primary',
  alias: 'records.name.type.alias',
  original: 'records.name.type.original',
};

export const NAME_QUALITY_KEYS: Record<string, string> = {
  good: 'records.name.quality.good',
  low: 'records.name.quality.low',
};

export const GENDER_KEYS: Record<string, string> = {
  male: 'records.gender.male',
  female: 'records.gender.female',
  unknown: 'records.gender.unknown',
};

export const DOCUMENT_TYPE_KEYS: Record<string, string> = {
  passport: 'records.document.type.passport',
  national_id: 'records.document.type.national_id',
  visa: 'records.document.type.visa',
  residence_permit: 'records.document.type.residence_permit',
  driving_licence: 'records.document.type.driving_licence',
  other: 'records.document.type.other',
};

export const DOCUMENT_STATUS_KEYS: Record<string, string> = {
  valid: 'records.document.status.valid',
  stolen: 'records.document.status.stolen',
  lost: 'records.document.status.lost',
  revoked: 'records.document.status.revoked',
  invalidated: 'records.document.status.invalidated',
  unknown: 'records.document.status.unknown',
};

export const VEHICLE_STATUS_KEYS: Record<string, string> = {
  stolen: 'records.vehicle.status.stolen',
  wanted: 'records.vehicle.status.wanted',
  seized: 'records.vehicle.status.seized',
  ok: 'records.vehicle.status.ok',
  unknown: 'records.vehicle.status.unknown',
};

export const GROUP_TYPE_KEYS: Record<string, string> = {
  organisation: 'records.group.type.organisation',
  gang: 'records.group.type.gang',
  network: 'records.group.type.network',
  company: 'records.group.type.company',
  other: 'records.group.type.other',
};

/** A link reads differently from each end: "member of" from the person, "has member" from the group. */
export const LINK_KEYS: Record<LinkType, { out: string; in: string }> = {
  member_of: { out: 'records.links.type.member_of.out', in: 'records.links.type.member_of.in' },
  associate_of: { out: 'records.links.type.associate_of.out', in: 'records.links.type.associate_of.in' },
  family_of: { out: 'records.links.type.family_of.out', in: 'records.links.type.family_of.in' },
  owner_operator_of: { out: 'records.links.type.owner_operator_of.out', in: 'records.links.type.owner_operator_of.in' },
  holder_of: { out: 'records.links.type.holder_of.out', in: 'records.links.type.holder_of.in' },
};

/** Statuses that call for action at a check: shown as a danger badge. */
export const ALERT_STATUSES: ReadonlySet<string> = new Set(['stolen', 'lost', 'revoked', 'invalidated', 'wanted', 'seized']);
