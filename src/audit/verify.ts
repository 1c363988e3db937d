import type { KeyObject } from 'node:crypto';
import { access } from 'node:fs/promises';
import { notFound } from '../core/errors.ts';
import type { Db } from '../db/connect.ts';
import { type CheckpointSummary, GENESIS_HASH, linkProblem, type VerifyFailure, type VerifyResult } from './audit.ts';
import type { AuditRepo } from './audit.repo.ts';
import { checkLine, keyIdOf } from './checkpoint.ts';
import { readPublicKey } from './checkpoint-keys.ts';
import { type CheckpointPlace, fileStore } from './checkpoint-store.ts';

export interface VerifyAgainst {
  /** A copy of the checkpoint file (the data-protection officer's) instead of the node's own. */
  checkpointFile?: string;
  /** The public key to trust instead of the node's (its `audit-checkpoint.key.pub`). */
  publicKeyFile?: string;
}

/** Distributes VerifyFailure's common fields over its union. */
type Failure = VerifyFailure extends infer F ? (F extends unknown ? Omit<F, 'ok' | 'entries' | 'checkpoints'> : never) : never;

/**
 * Recomputes the chain from its first entry and holds it against every checkpoint whose
 * signature verifies: the entry at a checkpoint's seq must have the hash it signed, and the
 * log must be at least as long as the longest checkpoint. Lines may come in any order and
 * repeat (several servers append to one file); every line must be genuine.
 */
export async function verifyChain(db: Db, repo: AuditRepo, place: CheckpointPlace | undefined, against: VerifyAgainst): Promise<VerifyResult> {
  for (const file of [against.checkpointFile, against.publicKeyFile]) {
    // a mistyped copy must not verify as "no checkpoints"
    if (file) await access(file).catch(() => Promise.reject(notFound('audit_file_not_found', `${file} cannot be read`)));
  }
  const store = against.checkpointFile ? fileStore(against.checkpointFile) : place?.store;
  const checkpoints: CheckpointSummary = { source: store?.location ?? 'none', count: 0, lastSeq: 0 };
  const signed = new Map<number, Set<string>>();
  let anchorProblem: Failure | undefined;
  if (store) {
    let key: KeyObject | undefined;
    let keyId = '';
    let first = true;
    for await (const { n, text } of store.lines()) {
      if (first) {
        first = false;
        key = against.publicKeyFile ? await readPublicKey(against.publicKeyFile) : await place?.keys.publicKey();
        if (key) keyId = keyIdOf(key);
      }
      if (!key) {
        anchorProblem = { code: 'audit_key_missing', message: `no public key to check the checkpoints of ${store.location} (give --public-key FILE)` };
        break;
      }
      const r = checkLine(text, key, keyId);
      if (!r.ok) {
        const what = { malformed: 'does not parse as a checkpoint', unknown_key: 'is signed by another key', bad_signature: 'has a signature that does not verify' }[r.problem];
        anchorProblem = { code: 'audit_checkpoint_invalid', checkpointLine: n, problem: r.problem, message: `FORGED CHECKPOINT: line ${n} of ${store.location} ${what}` };
        break;
      }
      const { seq, hash } = r.checkpoint;
      if (!signed.has(seq)) signed.set(seq, new Set());
      signed.get(seq)!.add(hash);
      checkpoints.count++;
      if (seq > checkpoints.lastSeq) checkpoints.lastSeq = seq;
    }
  }

  let prev = GENESIS_HASH;
  let entries = 0;
  let chainProblem: Failure | undefined;
  walk: for (;;) {
    const batch = await repo.batch(db, entries, 2000);
    if (batch.length === 0) break;
    for (const e of batch) {
      const reason = linkProblem(e, entries + 1, prev);
      if (reason) {
        chainProblem = { code: 'audit_chain_broken', brokenSeq: entries + 1, reason, message: `BROKEN at entry ${entries + 1} (${reason}); ${entries} entries before it are intact` };
        break walk;
      }
      const hashes = signed.get(e.seq);
      if (hashes && (hashes.size > 1 || !hashes.has(e.hash))) {
        chainProblem = {
          code: 'audit_head_mismatch',
          brokenSeq: e.seq,
          checkpointSeq: e.seq,
          message: `REWRITTEN: entry ${e.seq} is not the one its signed checkpoint names (the chain was recomputed after a change at or before it)`,
        };
        break walk;
      }
      prev = e.hash;
      entries++;
    }
  }

  const failure: Failure | undefined =
    anchorProblem ??
    chainProblem ??
    (entries === 0 && checkpoints.lastSeq > 0
      ? { code: 'audit_emptied', checkpointSeq: checkpoints.lastSeq, message: `EMPTIED: 0 entries, last checkpoint says ${checkpoints.lastSeq}` }
      : entries < checkpoints.lastSeq
        ? { code: 'audit_truncated', checkpointSeq: checkpoints.lastSeq, message: `TRUNCATED: ${entries} entries, last checkpoint says ${checkpoints.lastSeq}` }
        : undefined);
  if (failure) return { ok: false, entries, checkpoints, ...failure } as VerifyFailure;
  return { ok: true, entries, lastHash: prev, checkpoints };
}
