/**
 * The counted facts that may stand alone (docs/cases-api.md): international and national
 * warrants, online complaints and migration events. Wire shapes are the server's own schemas.
 */
import type { Static } from 'typebox';
import type { ComplaintSchema, MigrationEventSchema, WarrantSchema } from '../../../../src/cases/cases.schema.ts';
import { request } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

export const WARRANT_SCOPES = ['national', 'international'] as const;
export type WarrantScope = (typeof WARRANT_SCOPES)[number];
export const COMPLAINT_CHANNELS = ['e_blagh', 'web', 'phone'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const COMPLAINT_STATUSES = ['received', 'triaged', 'referred', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const MIGRATION_KINDS = ['departure_prevented', 'migrants_rescued', 'irregular_entry_prevented'] as const;
export type MigrationKind = (typeof MIGRATION_KINDS)[number];

export type Warrant = Static<typeof WarrantSchema>;
export type Complaint = Static<typeof ComplaintSchema>;
export type MigrationEvent = Static<typeof MigrationEventSchema>;

export interface NewWarrant {
  scope: WarrantScope;
  issuedOn: string;
  executedOn?: string;
  issuingAuthority: string;
  caseId?: string;
  personRecordId?: string;
}

export interface NewComplaint {
  channel: ComplaintChannel;
  category: string;
  receivedOn: string;
  region: string;
  status?: ComplaintStatus;
  caseId?: string;
}

export interface NewMigrationEvent {
  kind: MigrationKind;
  occurredOn: string;
  region: string;
  persons: number;
  caseId?: string;
}

/** A type, not an interface: the query must fit the client's string-indexed query type. */
type Paging = { limit?: number; cursor?: string };

const seg = encodeURIComponent;

// A fact may name a person or sit in a case: every call states the purpose.
export const factsApi = {
  warrants: ({ executed, ...q }: { scope?: WarrantScope; executed?: boolean; year?: number } & Paging) =>
    request<Page<Warrant>>('GET', '/warrants', { query: { ...q, executed: executed === undefined ? undefined : String(executed) }, personal: true }),
  recordWarrant: (w: NewWarrant) => request<Warrant>('POST', '/warrants', { body: w, personal: true }),
  executeWarrant: (id: string, executedOn: string) => request<Warrant>('POST', `/warrants/${seg(id)}/execute`, { body: { executedOn }, personal: true }),

  complaints: (q: { channel?: ComplaintChannel; category?: string; region?: string; year?: number } & Paging) =>
    request<Page<Complaint>>('GET', '/complaints', { query: q, personal: true }),
  recordComplaint: (c: NewComplaint) => request<Complaint>('POST', '/complaints', { body: c, personal: true }),

  migrationEvents: (q: { kind?: MigrationKind; region?: string; year?: number } & Paging) =>
    request<Page<MigrationEvent>>('GET', '/migration-events', { query: q, personal: true }),
  recordMigrationEvent: (m: NewMigrationEvent) => request<MigrationEvent>('POST', '/migration-events', { body: m, personal: true }),
};
