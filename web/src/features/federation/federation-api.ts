/**
 * Federation between national nodes (docs/federation.md): this node's identity and keys, the
 * partners and the keys pinned for them, the sharing agreements, the outbound queue, the inbound
 * log and the preview of who will receive an item. Wire shapes are the server's own schemas.
 */
import type { Static } from 'typebox';
import type {
  AgreementInputSchema,
  AgreementSchema,
  DecisionSchema,
  EnrollSchema,
  IdentitySchema,
  InboundSchema,
  JwkSchema,
  JwksSchema,
  PartnerSchema,
  PreviewInputSchema,
  QueueItemSchema,
  QueueSummarySchema,
} from '../../../../src/federation/federation.schema.ts';
import { request } from '../../api/client.ts';

// browser-safe (no Node imports): the desk and the server share one list of categories and reasons
export { CATEGORIES, noticeCategory, REJECT_REASONS } from '../../../../src/federation/federation.ts';
export type { Category, RejectReason } from '../../../../src/federation/federation.ts';

export type Jwk = Static<typeof JwkSchema>;
export type Jwks = Static<typeof JwksSchema>;
export type Identity = Static<typeof IdentitySchema>;
export type Partner = Static<typeof PartnerSchema>;
export type Transport = Partner['transport'];
export const TRANSPORTS: readonly Transport[] = ['https', 'nats', 'bundle'];
export type NewPartner = Static<typeof EnrollSchema>;
export type Agreement = Static<typeof AgreementSchema>;
export type Direction = Agreement['direction'];
export const DIRECTIONS: readonly Direction[] = ['outbound', 'inbound'];
export type AgreementInput = Static<typeof AgreementInputSchema>;
export type Decision = Static<typeof DecisionSchema>;
export type PreviewInput = Static<typeof PreviewInputSchema>;
export type QueueItem = Static<typeof QueueItemSchema>;
export type QueueStatus = QueueItem['status'];
export const QUEUE_STATUSES: readonly QueueStatus[] = ['queued', 'in_flight', 'sent', 'delivered', 'rejected', 'dead', 'withheld'];
/** The statuses an item is queued again from (POST /queue/:id/retry). */
export const RETRYABLE: ReadonlySet<QueueStatus> = new Set(['dead', 'rejected']);
/**
 * Per partner. `awaitingReceipt` (items handed to a store-and-forward transport, status `sent`)
 * is counted by the service but not yet in the response schema: read as possibly absent.
 */
export type QueueSummary = Static<typeof QueueSummarySchema> & { awaitingReceipt?: number };
export type InboundEntry = Static<typeof InboundSchema>;

const seg = encodeURIComponent;

// partners, keys, agreements and queues are the node's administration, no personal data
export const federationApi = {
  identity: () => request<Identity>('GET', '/federation/identity'),
  jwks: () => request<Jwks>('GET', '/federation/jwks'),
  rotateKeys: (overlapHours?: number) => request<Jwks>('POST', '/federation/keys/rotate', { body: overlapHours === undefined ? {} : { overlapHours } }),

  partners: () => request<{ items: Partner[] }>('GET', '/federation/partners'),
  enrol: (p: NewPartner) => request<Omit<Partner, 'keys'>>('POST', '/federation/partners', { body: p }),
  setSuspended: (id: string, suspended: boolean) => request<Omit<Partner, 'keys'>>('POST', `/federation/partners/${seg(id)}/${suspended ? 'suspend' : 'resume'}`, { body: {} }),
  pinKey: (id: string, jwk: Jwk, thumbprint: string) => request<{ kid: string }>('POST', `/federation/partners/${seg(id)}/keys`, { body: { jwk, thumbprint } }),

  agreements: (partner?: string) => request<{ items: Agreement[] }>('GET', '/federation/agreements', { query: { partner } }),
  createAgreement: (a: AgreementInput) => request<Agreement>('POST', '/federation/agreements', { body: a }),
  updateAgreement: (id: string, a: AgreementInput) => request<Agreement>('PUT', `/federation/agreements/${seg(id)}`, { body: a }),

  /** Who would receive an item like this (this node's own items: the server names itself the owner). */
  preview: (item: PreviewInput, signal?: AbortSignal) => request<{ items: Decision[] }>('POST', '/federation/preview', { body: item, signal }),

  queue: (q: { partner?: string; status?: QueueStatus; itemId?: string; limit?: number }) => request<{ items: QueueItem[] }>('GET', '/federation/queue', { query: q }),
  queueSummary: () => request<{ items: QueueSummary[] }>('GET', '/federation/queue/summary'),
  retry: (id: string) => request<QueueItem>('POST', `/federation/queue/${seg(id)}/retry`, { body: {} }),
  inbound: (q: { sender?: string; limit?: number }) => request<{ items: InboundEntry[] }>('GET', '/federation/inbound', { query: q }),
};
