import { hash } from 'node:crypto';
import type { NoticeType } from '../notices/notice.ts';
import type { RecordKind } from '../records/record.ts';

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

/**
 * What the audit list names a target by: a label (a record's display name and kind, a notice's
 * reference and type, a case number, a username, an agency code …), never the target's content.
 */
export interface TargetLabel {
  text: string;
  recordKind?: RecordKind;
  noticeType?: NoticeType;
}

/** An entry as the data-protection officer reads it: with the actor's name and agency code, and the target's label. */
export interface AuditListEntry extends AuditEntry {
  actorUsername: string | null;
  actorAgencyCode: string | null;
  /** null: a target without an id, of a type that has no label, or no longer there (a purged record). */
  targetLabel: TargetLabel | null;
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

/** The fields of an entry that its hash covers, in canonical (sorted) order. */
const HASHED = ['action', 'actorAgencyId', 'actorUserId', 'at', 'details', 'purpose', 'seq', 'subjectIds', 'targetId', 'targetType'] as const;
const HASHED_KEYS = new Set<string>([...HASHED, 'prevHash']);

/** hash = SHA-256(prevHash ‖ canonical(entry without its hash)). */
export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  return hash('sha256', `${e.prevHash}\n${entryBody(e)}`, 'hex');
}

/**
 * canonicalJson of the entry without prevHash and with `at` as ISO text, written directly for
 * the entry's known fields (every search builds one): the same text as the generic form, which
 * is kept for an entry with other fields (a row read back with columns added later).
 */
function entryBody(e: Omit<AuditEntry, 'hash'>): string {
  for (const k in e) {
    if (!HASHED_KEYS.has(k)) {
      const { prevHash: _, ...rest } = e;
      return canonicalJson({ ...rest, at: new Date(e.at).toISOString() });
    }
  }
  let out = '{';
  let first = true;
  for (const k of HASHED) {
    const v = k === 'at' ? new Date(e.at).toISOString() : e[k];
    if (v === undefined) continue;
    out += `${first ? '' : ','}"${k}":${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

/** Why an entry does not continue the chain at `expectedSeq` after `prevHash`, if it does not. */
export function linkProblem(e: AuditEntry, expectedSeq: number, prevHash: string): ChainProblem | undefined {
  if (e.seq !== expectedSeq) return 'sequence_gap';
  if (e.prevHash !== prevHash) return 'chain_broken';
  const { hash, ...rest } = e;
  return entryHash(rest) === hash ? undefined : 'hash_mismatch';
}

export type ChainProblem = 'hash_mismatch' | 'chain_broken' | 'sequence_gap';

/** What the checkpoints `verify` read say, success or not. */
export interface CheckpointSummary {
  /** The checkpoint file, or `memory`. */
  source: string;
  /** Lines whose signature verifies. */
  count: number;
  /** The longest chain a checkpoint vouches for (0: none). */
  lastSeq: number;
}

/**
 * Stable codes: `audit_chain_broken` (an entry changed, removed or reordered),
 * `audit_truncated` (fewer entries than the last checkpoint covers), `audit_emptied` (no
 * entries although checkpoints exist), `audit_head_mismatch` (the entry at a checkpoint's
 * position is not the one it signed: the chain was recomputed), `audit_checkpoint_invalid`
 * (a line that does not parse, or is not signed by the trusted key), `audit_key_missing`
 * (checkpoints but no public key to check them).
 */
export type VerifyFailure = { ok: false; entries: number; message: string; checkpoints: CheckpointSummary } & (
  | { code: 'audit_chain_broken'; brokenSeq: number; reason: ChainProblem }
  | { code: 'audit_truncated' | 'audit_emptied'; checkpointSeq: number }
  | { code: 'audit_head_mismatch'; brokenSeq: number; checkpointSeq: number }
  | { code: 'audit_checkpoint_invalid'; checkpointLine: number; problem: 'malformed' | 'unknown_key' | 'bad_signature' }
  | { code: 'audit_key_missing' }
);

export type VerifyResult = { ok: true; entries: number; lastHash: string; checkpoints: CheckpointSummary } | VerifyFailure;
