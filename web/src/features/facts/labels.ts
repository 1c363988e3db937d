/** Warrant, complaint and migration values → their message keys, literal so a search for a key finds its use. */
import type { BadgeTone } from '../../ui/Badge.tsx';
import type { ComplaintChannel, ComplaintStatus, MigrationKind, WarrantScope } from './facts-api.ts';

export const SCOPE_KEYS: Record<WarrantScope, string> = {
  national: 'facts.scope.national',
  international: 'facts.scope.international',
};
export const SCOPE_TONES: Record<WarrantScope, BadgeTone> = { national: 'neutral', international: 'info' };

export const CHANNEL_KEYS: Record<ComplaintChannel, string> = {
  e_blagh: 'facts.channel.e_blagh',
  web: 'facts.channel.web',
  phone: 'facts.channel.phone',
};

export const COMPLAINT_STATUS_KEYS: Record<ComplaintStatus, string> = {
  received: 'facts.complaintStatus.received',
  triaged: 'facts.complaintStatus.triaged',
  referred: 'facts.complaintStatus.referred',
  closed: 'facts.complaintStatus.closed',
};
export const COMPLAINT_STATUS_TONES: Record<ComplaintStatus, BadgeTone> = { received: 'info', triaged: 'warn', referred: 'ok', closed: 'neutral' };

export const MIGRATION_KIND_KEYS: Record<MigrationKind, string> = {
  departure_prevented: 'facts.migrationKind.departure_prevented',
  migrants_rescued: 'facts.migrationKind.migrants_rescued',
  irregular_entry_prevented: 'facts.migrationKind.irregular_entry_prevented',
};
