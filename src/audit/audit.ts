import { createHash } from 'node:crypto';

/** What a use case says about itself; the audit service adds who, when and the chain. */
export interface AuditEvent {
  action: string;
  targetType: string;
  targetId?: string | null;
  /** Ids of the person (and other personal-data) records this event touched. */
  subjectIds?: string[];
  purpose?: string;
  /** No personal data here: ids, counts, codes and field names only. */
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorAgencyId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  subjectIds: string[];
  purpose: string;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** An entry as the data-protection officer reads it: with the actor's name and agency code. */
export interface AuditListEntry extends AuditEntry {
  actorUsername: string | null;
  actorAgencyCode: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** hash = SHA-256(prevHash ‖ canonical(entry without its hash)). */
export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  const { prevHash, ...rest } = e;
  const body = canonicalJson({ ...rest, at: new Date(e.at).toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export type VerifyResult =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenSeq: number; reason: 'hash_mismatch' | 'chain_broken' | 'sequence_gap' };
