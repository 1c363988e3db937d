import { createPublicKey, hash, type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from './audit.ts';

/**
 * A signed statement of the chain's head: "the log held `seq` entries and entry `seq` had
 * `hash`". Kept outside the database, it shows a log cut short or rewritten with recomputed
 * hashes, which the chain alone cannot (its hashes carry no secret).
 */
export interface Checkpoint {
  v: 1;
  /** Entries covered: the chain's length, and the seq of its last entry. */
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  /** Ed25519 over `signedText`, base64. */
  sig: string;
}

/** Domain-separated, so that a signature over anything else never passes as a checkpoint. */
const signedText = (c: Omit<Checkpoint, 'sig'>) => `ribat-audit-checkpoint\n${canonicalJson({ v: c.v, seq: c.seq, hash: c.hash, at: c.at, keyId: c.keyId })}`;

/** The first 16 hex digits of SHA-256 over the public key's SPKI form. */
export function keyIdOf(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return hash('sha256', pub.export({ type: 'spki', format: 'der' }), 'hex').slice(0, 16);
}

export function signCheckpoint(privateKey: KeyObject, head: { seq: number; hash: string }, at: Date): Checkpoint {
  const body = { v: 1 as const, seq: head.seq, hash: head.hash, at: at.toISOString(), keyId: keyIdOf(privateKey) };
  return { ...body, sig: sign(null, Buffer.from(signedText(body)), privateKey).toString('base64') };
}

/** One JSON line, written with a single O_APPEND write. */
export const checkpointLine = (c: Checkpoint) => `${JSON.stringify(c)}\n`;

export type CheckpointProblem = 'malformed' | 'unknown_key' | 'bad_signature';

/** A line of the checkpoint file, checked against the public key the reader trusts. */
export function checkLine(line: string, publicKey: KeyObject, keyId = keyIdOf(publicKey)): { ok: true; checkpoint: Checkpoint } | { ok: false; problem: CheckpointProblem } {
  let c: Checkpoint;
  try {
    c = JSON.parse(line);
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (
    c === null ||
    typeof c !== 'object' ||
    c.v !== 1 ||
    !Number.isSafeInteger(c.seq) ||
    c.seq < 1 ||
    typeof c.hash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(c.hash) ||
    typeof c.at !== 'string' ||
    typeof c.keyId !== 'string' ||
    typeof c.sig !== 'string'
  ) {
    return { ok: false, problem: 'malformed' };
  }
  if (c.keyId !== keyId) return { ok: false, problem: 'unknown_key' };
  const good = verify(null, Buffer.from(signedText(c)), publicKey, Buffer.from(c.sig, 'base64'));
  return good ? { ok: true, checkpoint: c } : { ok: false, problem: 'bad_signature' };
}
