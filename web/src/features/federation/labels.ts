/** Message keys of the federation words, written out (keys are never built from values). */
import type { Category, Direction, QueueStatus, RejectReason, Transport } from './federation-api.ts';

export const CATEGORY_KEYS: Record<Category, string> = {
  'notice.red': 'federation.category.notice_red',
  'notice.yellow': 'federation.category.notice_yellow',
  'notice.blue': 'federation.category.notice_blue',
  'notice.black': 'federation.category.notice_black',
  'notice.green': 'federation.category.notice_green',
  'notice.orange': 'federation.category.notice_orange',
  'notice.purple': 'federation.category.notice_purple',
  'notice.silver': 'federation.category.notice_silver',
  'notice.un_special': 'federation.category.notice_un_special',
  diffusion: 'federation.category.diffusion',
  person: 'federation.category.person',
  document: 'federation.category.document',
  vehicle: 'federation.category.vehicle',
  group: 'federation.category.group',
  case_summary: 'federation.category.case_summary',
  hit: 'federation.category.hit',
  message: 'federation.category.message',
};

/** Every reason a receiver refuses an envelope or this node keeps an item back (src/federation/federation.ts). */
export const REASON_KEYS: Record<RejectReason, string> = {
  malformed: 'federation.reason.malformed',
  too_large: 'federation.reason.too_large',
  signature_invalid: 'federation.reason.signature_invalid',
  unknown_sender: 'federation.reason.unknown_sender',
  unknown_key: 'federation.reason.unknown_key',
  key_retired: 'federation.reason.key_retired',
  wrong_receiver: 'federation.reason.wrong_receiver',
  expired: 'federation.reason.expired',
  clock_skew: 'federation.reason.clock_skew',
  replay: 'federation.reason.replay',
  partner_suspended: 'federation.reason.partner_suspended',
  not_in_agreement: 'federation.reason.not_in_agreement',
  agreement_not_in_force: 'federation.reason.agreement_not_in_force',
  handling_exceeds_agreement: 'federation.reason.handling_exceeds_agreement',
  restricted_to_named_agencies: 'federation.reason.restricted_to_named_agencies',
  forwarding_not_allowed: 'federation.reason.forwarding_not_allowed',
  hop_limit: 'federation.reason.hop_limit',
  schema_invalid: 'federation.reason.schema_invalid',
  owner_conflict: 'federation.reason.owner_conflict',
};

/** A reason as the server stored it (a string): its label, or the code itself when the desk does not know it. */
export const reasonKey = (reason: string): string | undefined => (REASON_KEYS as Record<string, string>)[reason];

export const STATUS_KEYS: Record<QueueStatus, string> = {
  queued: 'federation.status.queued',
  in_flight: 'federation.status.in_flight',
  sent: 'federation.status.sent',
  delivered: 'federation.status.delivered',
  rejected: 'federation.status.rejected',
  dead: 'federation.status.dead',
  withheld: 'federation.status.withheld',
};

export const STATUS_TONES: Record<QueueStatus, 'neutral' | 'info' | 'ok' | 'warn' | 'danger'> = {
  queued: 'info',
  in_flight: 'info',
  sent: 'info',
  delivered: 'ok',
  rejected: 'danger',
  dead: 'danger',
  withheld: 'warn',
};

/** What the inbox answered an envelope (a duplicate is answered with the first receipt). */
export const INBOUND_STATUS_KEYS: Record<string, string> = {
  accepted: 'federation.inbound.status.accepted',
  duplicate: 'federation.inbound.status.duplicate',
  rejected: 'federation.inbound.status.rejected',
};

export const TRANSPORT_KEYS: Record<Transport, string> = {
  https: 'federation.transport.https',
  nats: 'federation.transport.nats',
  bundle: 'federation.transport.bundle',
};

export const DIRECTION_KEYS: Record<Direction, string> = {
  outbound: 'federation.direction.outbound',
  inbound: 'federation.direction.inbound',
};

export const ENVELOPE_TYPE_KEYS: Record<string, string> = {
  'item.upsert': 'federation.envelopeType.upsert',
  'item.withdraw': 'federation.envelopeType.withdraw',
};

/** A partner's name in the desk's language, else in English, else any, else its id. */
export const partnerName = (p: { id?: string; partner?: string; names: Record<string, string> }, locale: string): string =>
  p.names[locale] || p.names.en || Object.values(p.names)[0] || p.id || p.partner || '';
