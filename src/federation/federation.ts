/**
 * Federation of national nodes: the words every part of it shares. A node exchanges items with
 * partner nodes under written sharing agreements; each item travels in a signed envelope and is
 * answered by a signed receipt. Pure: no database, no network.
 */
import type { TlpLevel } from '../core/handling.ts';
import { NOTICE_TYPES, type NoticeType } from '../notices/notice.ts';

/** What an agreement can allow, one category per kind of item (each notice type on its own). */
export const CATEGORIES = [
  ...NOTICE_TYPES.filter((t) => t !== 'diffusion').map((t) => `notice.${t}` as const),
  'diffusion',
  'person',
  'document',
  'vehicle',
  'group',
  'case_summary',
  'hit',
  'message',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const isCategory = (s: unknown): s is Category => typeof s === 'string' && (CATEGORIES as readonly string[]).includes(s);

/** The category of a notice: a diffusion is its own category, every other type `notice.<type>`. */
export const noticeCategory = (type: NoticeType): Category => (type === 'diffusion' ? 'diffusion' : (`notice.${type}` as Category));

/** Why the receiver refused an envelope, or why the sender kept an item back. Stable: partners switch on them. */
export const REJECT_REASONS = [
  'malformed',
  'too_large',
  'signature_invalid',
  'unknown_sender',
  'unknown_key',
  'key_retired',
  'wrong_receiver',
  'expired',
  'clock_skew',
  'replay',
  'partner_suspended',
  'not_in_agreement',
  'agreement_not_in_force',
  'handling_exceeds_agreement',
  'restricted_to_named_agencies',
  'forwarding_not_allowed',
  'hop_limit',
  'schema_invalid',
  'owner_conflict',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export type ReceiptStatus = 'accepted' | 'duplicate' | 'rejected';

/** An item as the boundary sees it: enough to decide whether it may leave, nothing more. */
export interface OutboundItem {
  category: Category;
  tlp: TlpLevel;
  /** The node that owns the item (this node for its own items). */
  ownerNode: string;
  /** Agency codes the owner restricted the item to (for AMBER+STRICT and RED: the only ones who may get it). */
  restrictedTo: readonly string[];
  /** How many nodes it has already crossed (0 at its owner). */
  hops: number;
}

export type Direction = 'outbound' | 'inbound';

/** A written sharing agreement with one partner, in one direction. */
export interface Agreement {
  id: string;
  partner: string;
  direction: Direction;
  categories: Category[];
  /** The highest handling code the agreement covers. */
  maxTlp: TlpLevel;
  /** Whether the receiver may pass items on to a third node. */
  mayForward: boolean;
  /** Inclusive ISO dates; `validTo` null: until withdrawn. */
  validFrom: string;
  validTo: string | null;
  legalBasis: string;
  /** The agreement's clause reference shown to officers ("Art. 4(2) MAR–SEN 2024"). */
  clause: string;
  suspended: boolean;
}

export interface PartnerNode {
  id: string;
  /** The agencies the partner hosts (agency codes), for items restricted to named agencies. */
  agencies: string[];
  suspended: boolean;
}

/** Node ids: upper-case letters, digits and hyphens (`MAR-HUB`, `SEN`, `EUROPOL`). */
export const NODE_ID = /^[A-Z][A-Z0-9-]{1,31}$/;
