/**
 * Signed envelopes and receipts. The header is RFC 8785 canonical JSON signed as a compact JWS
 * (EdDSA, Ed25519); the body travels beside it, bound by its SHA-256 in the header, so a
 * receiver checks the signature before it parses anything large. A receipt is a JWS by the
 * receiver over what it decided.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { canonicalize } from 'json-canonicalize';
import { type PublicKeyEntry, keyValidAt } from './keys.ts';
import { NODE_ID, type ReceiptStatus, type RejectReason } from './federation.ts';

export const ENVELOPE_TYP = 'ribat-envelope+jws';
export const RECEIPT_TYP = 'ribat-receipt+jws';
export const SCHEMA_VERSION = 1;

export interface EnvelopeHeader {
  /** UUIDv7: unique per sender. */
  id: string;
  from: string;
  to: string;
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
  /** What the body is: `notice.upsert`, `record.upsert`, `item.withdraw`, `hit.report` … */
  type: string;
  v: number;
  /** Nodes crossed before this one (0 from the owner). */
  hops: number;
  /** SHA-256 of the canonical body, base64url. */
  sha256: string;
}

export interface Envelope {
  jws: string;
  body: unknown;
}

export interface Receipt {
  envelope: string;
  /** The receiver, who signs the receipt. */
  from: string;
  to: string;
  status: ReceiptStatus;
  reason?: RejectReason;
  detail?: string;
  at: string;
}

export interface SignedReceipt {
  jws: string;
  receipt: Receipt;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export const bodyHash = (body: unknown): string => createHash('sha256').update(canonicalize(body)).digest('base64url');

export async function sealEnvelope(key: { kid: string; privateKey: KeyObject }, header: Omit<EnvelopeHeader, 'sha256' | 'v'> & { v?: number }, body: unknown): Promise<Envelope> {
  const h: EnvelopeHeader = { ...header, v: header.v ?? SCHEMA_VERSION, sha256: bodyHash(body) };
  const jws = await new CompactSign(enc.encode(canonicalize(h))).setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: ENVELOPE_TYP }).sign(key.privateKey);
  return { jws, body };
}

/** How a receiver finds a sender's key: unknown sender, unknown key, or the pinned entry. */
export type KeyLookup = (from: string, kid: string) => Promise<PublicKeyEntry | 'unknown_sender' | 'unknown_key'>;

export interface OpenContext {
  self: string;
  now: Date;
  /** How far the sender's clock may be from ours (seconds). */
  maxSkewSeconds: number;
  maxHops: number;
  keyOf: KeyLookup;
}

export type Opened = { ok: true; header: EnvelopeHeader; kid: string } | { ok: false; reason: RejectReason; detail: string; header?: Partial<EnvelopeHeader> };

const fail = (reason: RejectReason, detail: string, header?: Partial<EnvelopeHeader>): Opened => ({ ok: false, reason, detail, header });

function unverifiedHeader(jws: string): Partial<EnvelopeHeader> | undefined {
  try {
    const payload = jws.split('.')[1];
    const h = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof h === 'object' && h ? { id: typeof h.id === 'string' ? h.id : undefined, from: typeof h.from === 'string' ? h.from : undefined } : undefined;
  } catch {
    return undefined;
  }
}

function checkHeader(h: unknown): h is EnvelopeHeader {
  if (typeof h !== 'object' || h === null) return false;
  const x = h as Record<string, unknown>;
  return (
    typeof x.id === 'string' && /^[0-9a-f-]{36}$/i.test(x.id) &&
    typeof x.from === 'string' && NODE_ID.test(x.from) &&
    typeof x.to === 'string' && NODE_ID.test(x.to) &&
    Number.isInteger(x.iat) && Number.isInteger(x.exp) &&
    typeof x.type === 'string' && /^[a-z_]+(\.[a-z_]+)*$/.test(x.type) &&
    Number.isInteger(x.v) && Number.isInteger(x.hops) && (x.hops as number) >= 0 &&
    typeof x.sha256 === 'string'
  );
}

/**
 * Verifies an envelope for this node: signature by a pinned, valid key of the sender, the body
 * matching its hash, addressed to us, not expired, within the clock skew, under the hop limit.
 * Replays are the inbox's business (it remembers what it received).
 */
export async function openEnvelope(env: unknown, ctx: OpenContext): Promise<Opened> {
  if (typeof env !== 'object' || env === null || typeof (env as Envelope).jws !== 'string' || !('body' in env)) return fail('malformed', 'an envelope is { jws, body }');
  const { jws, body } = env as Envelope;
  const claimed = unverifiedHeader(jws);
  let kid: string;
  try {
    const p = decodeProtectedHeader(jws);
    if (p.alg !== 'EdDSA' || p.typ !== ENVELOPE_TYP || typeof p.kid !== 'string') return fail('malformed', 'the JWS header must be EdDSA, typ ribat-envelope+jws, with a kid', claimed);
    kid = p.kid;
  } catch {
    return fail('malformed', 'not a compact JWS', claimed);
  }
  if (!claimed?.from) return fail('malformed', 'the header names no sender', claimed);
  const key = await ctx.keyOf(claimed.from, kid);
  if (key === 'unknown_sender') return fail('unknown_sender', `${claimed.from} is not an enrolled partner`, claimed);
  if (key === 'unknown_key') return fail('unknown_key', `key ${kid} is not pinned for ${claimed.from}`, claimed);
  if (!keyValidAt(key, ctx.now)) return fail('key_retired', `key ${kid} of ${claimed.from} retired at ${key.retiresAt}`, claimed);
  let header: unknown;
  try {
    const { payload } = await compactVerify(jws, await importJWK(key.jwk as JWK, 'EdDSA'));
    header = JSON.parse(dec.decode(payload));
  } catch {
    return fail('signature_invalid', 'the signature does not verify with the pinned key', claimed);
  }
  if (!checkHeader(header)) return fail('malformed', 'the signed header lacks a field or has one of the wrong type', claimed);
  if (header.from !== claimed.from) return fail('signature_invalid', 'the signed sender differs', claimed);
  if (bodyHash(body) !== header.sha256) return fail('signature_invalid', 'the body does not match the signed hash (altered on the way)', header);
  if (header.to !== ctx.self) return fail('wrong_receiver', `addressed to ${header.to}, this node is ${ctx.self}`, header);
  const now = Math.floor(ctx.now.getTime() / 1000);
  if (header.exp <= now) return fail('expired', `expired ${now - header.exp} s ago`, header);
  // only a date ahead of our clock is skew: an envelope that waited on a link that was down, or in
  // a bundle carried by hand, is old but valid until its expiry (`exp`); a replay is the inbox's to catch
  if (header.iat - now > ctx.maxSkewSeconds) return fail('clock_skew', `issued ${header.iat - now} s ahead of our clock (at most ${ctx.maxSkewSeconds} s)`, header);
  if (header.hops > ctx.maxHops) return fail('hop_limit', `${header.hops} hops, at most ${ctx.maxHops}`, header);
  return { ok: true, header, kid };
}

export async function signReceipt(key: { kid: string; privateKey: KeyObject }, receipt: Receipt): Promise<SignedReceipt> {
  const clean: Receipt = JSON.parse(JSON.stringify(receipt));
  const jws = await new CompactSign(enc.encode(canonicalize(clean))).setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: RECEIPT_TYP }).sign(key.privateKey);
  return { jws, receipt: clean };
}

/** Verifies a receipt from `partner` about envelope `envelopeId`; returns it or says why not. */
export async function verifyReceipt(jws: string, expect: { from: string; to: string; envelope?: string }, keyOf: KeyLookup, now: Date): Promise<Receipt | { error: string }> {
  try {
    const p = decodeProtectedHeader(jws);
    if (p.typ !== RECEIPT_TYP || typeof p.kid !== 'string') return { error: 'not a receipt' };
    const key = await keyOf(expect.from, p.kid);
    if (typeof key === 'string') return { error: `${key}: ${p.kid}` };
    if (!keyValidAt(key, now)) return { error: `key ${p.kid} retired` };
    const { payload } = await compactVerify(jws, await importJWK(key.jwk as JWK, 'EdDSA'));
    const r = JSON.parse(dec.decode(payload)) as Receipt;
    if (r.from !== expect.from || r.to !== expect.to || (expect.envelope && r.envelope !== expect.envelope)) return { error: 'the receipt is about another envelope or pair of nodes' };
    return r;
  } catch {
    return { error: 'the receipt signature does not verify' };
  }
}
