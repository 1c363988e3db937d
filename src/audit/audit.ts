import { hash } from 'node:crypto';

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
  if (Array.isArray(value)) {
    let out = '[';
    // (as Array#join: an element that has no JSON form is left empty)
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (canonicalJson(value[i]) ?? '');
    return `${out}]`;
  }
  // keys compared by UTF-16 code units (the default sort), undefined values left out
  const keys = Object.keys(value).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

/** hash = SHA-256(prevHash ‖ canonical(entry without its hash)). */
export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  const { prevHash, ...rest } = e;
  const body = canonicalJson({ ...rest, at: new Date(e.at).toISOString() });
  return hash('sha256', `${prevHash}\n${body}`, 'hex');
}

export type VerifyResult =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenSeq: number; reason: 'hash_mismatch' | 'chain_broken' | 'sequence_gap' };
