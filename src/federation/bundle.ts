/**
 * Offline bundles: the envelopes queued for a partner without a link, or the receipts that
 * answer them, carried on a disk. A bundle is gzip of JSON lines: one envelope (`{jws, body}`)
 * or receipt (`{receipt}`) per line, then `{"manifest": "<JWS>"}`. The manifest is a compact JWS
 * by the sender's node key (`typ: ribat-bundle+jws`) over the RFC 8785 canonical JSON of
 * `{ v, kind, id, from, to, createdAt, count, cursor, sha256 }`, `sha256` (base64url) covering
 * the exact bytes of every line before it. Lines are streamed both ways; nothing holds a bundle.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { CompactSign, compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { canonicalize } from 'json-canonicalize';
import { AppError } from '../core/errors.ts';
import { type KeyLookup } from './envelope.ts';
import { NODE_ID } from './federation.ts';
import type { FederationRepo } from './federation.repo.ts';
import { keyValidAt, type OwnKey, pinKey } from './keys.ts';

export const BUNDLE_TYP = 'ribat-bundle+jws';
export const BUNDLE_VERSION = 1;
/** A line longer than this is not ours (an envelope is at most a few hundred KiB). */
const MAX_LINE = 16 * 2 ** 20;
const NL = Buffer.from('\n');

export type BundleKind = 'envelopes' | 'receipts';

export interface Manifest {
  v: number;
  kind: BundleKind;
  /** The bundle's own id (audited on both sides). */
  id: string;
  from: string;
  to: string;
  createdAt: string;
  count: number;
  /** The cursor given to the export (null: everything due) and the one to give the next. */
  cursor: { since: string | null; next: string | null };
  sha256: string;
}

/** A bundle that is not ours, altered, or signed by a key this node does not pin (422: exit code 1). */
export const bundleError = (code: string, message: string) => new AppError(code, 422, message);

// ---------------------------------------------------------------- reading

/** The lines of a gzip file, as buffers without their newline. */
async function* gzipLines(file: string): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.on('error', (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  let rest: Buffer | null = null;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const buf: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
        yield buf.subarray(start, nl);
        start = nl + 1;
      }
      rest = start < buf.length ? buf.subarray(start) : null;
      if (rest && rest.length > MAX_LINE) throw bundleError('bundle_malformed', `${file}: a line longer than ${MAX_LINE} bytes`);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new AppError('file_not_found', 404, `${file}: no such file`);
    throw bundleError('bundle_malformed', `${file} is not a gzip bundle (${err.message})`);
  } finally {
    input.destroy();
  }
  if (rest?.length) yield rest;
}

export interface Scanned {
  manifestJws: string;
  /** SHA-256 (base64url) of the lines before the manifest, newlines included. */
  sha256: string;
  count: number;
}

/**
 * Reads a bundle once: every line before the manifest goes to `onLine` (awaited: the reader
 * waits for a slow consumer) and into the hash; the last line is the manifest. Verify the result
 * (verifyBundle) before trusting anything `onLine` saw.
 */
export async function scanBundle(file: string, onLine?: (line: Buffer) => void | Promise<void>): Promise<Scanned> {
  const hash = createHash('sha256');
  let prev: Buffer | undefined;
  let count = 0;
  for await (const line of gzipLines(file)) {
    if (prev !== undefined) {
      hash.update(prev).update(NL);
      count++;
      if (onLine) await onLine(prev);
    }
    prev = line;
  }
  if (prev === undefined) throw bundleError('bundle_malformed', `${file} is empty`);
  let manifestJws: unknown;
  try {
    manifestJws = (JSON.parse(prev.toString('utf8')) as { manifest?: unknown }).manifest;
  } catch {
    manifestJws = undefined;
  }
  if (typeof manifestJws !== 'string') throw bundleError('bundle_malformed', `${file} does not end with a manifest`);
  return { manifestJws, sha256: hash.digest('base64url'), count };
}

function isManifest(m: unknown): m is Manifest {
  const x = m as Record<string, unknown> | null;
  const c = x?.cursor as Record<string, unknown> | null | undefined;
  const cursorPart = (v: unknown) => v === null || typeof v === 'string';
  return (
    typeof x === 'object' && x !== null && x.v === BUNDLE_VERSION && (x.kind === 'envelopes' || x.kind === 'receipts') &&
    typeof x.id === 'string' && typeof x.from === 'string' && NODE_ID.test(x.from) && typeof x.to === 'string' && NODE_ID.test(x.to) &&
    typeof x.createdAt === 'string' && !Number.isNaN(Date.parse(x.createdAt)) && Number.isInteger(x.count) && (x.count as number) >= 0 &&
    typeof c === 'object' && c !== null && cursorPart(c.since) && cursorPart(c.next) && typeof x.sha256 === 'string'
  );
}

/**
 * Checks a scanned bundle: the manifest signed by a key pinned for its sender and valid now,
 * addressed to `self`, of the expected kind, and the lines exactly those it counts and hashes.
 */
export async function verifyBundle(scanned: Scanned, keyOf: KeyLookup, expect: { now: Date; self?: string; kind?: BundleKind }): Promise<Manifest> {
  const { manifestJws: jws } = scanned;
  let kid: string;
  let claimed: string;
  try {
    const p = decodeProtectedHeader(jws);
    if (p.alg !== 'EdDSA' || p.typ !== BUNDLE_TYP || typeof p.kid !== 'string') throw new Error('header');
    kid = p.kid;
    claimed = JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString('utf8')).from;
    if (typeof claimed !== 'string') throw new Error('from');
  } catch {
    throw bundleError('bundle_malformed', 'the manifest is not a ribat-bundle+jws with a kid and a sender');
  }
  const key = await keyOf(claimed, kid);
  if (key === 'unknown_sender') throw bundleError('bundle_unknown_sender', `${claimed} is not an enrolled partner`);
  if (key === 'unknown_key') throw bundleError('bundle_unknown_key', `key ${kid} is not pinned for ${claimed}`);
  if (!keyValidAt(key, expect.now)) throw bundleError('bundle_key_retired', `key ${kid} of ${claimed} retired at ${key.retiresAt}`);
  let m: unknown;
  try {
    const { payload } = await compactVerify(jws, await importJWK(key.jwk as JWK, 'EdDSA'));
    m = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    throw bundleError('bundle_signature_invalid', `the manifest does not verify with the key pinned for ${claimed}`);
  }
  if (!isManifest(m) || m.from !== claimed) throw bundleError('bundle_malformed', 'the signed manifest lacks a field or has one of the wrong type');
  if (expect.self && m.to !== expect.self) throw bundleError('bundle_wrong_receiver', `the bundle is addressed to ${m.to}, this node is ${expect.self}`);
  if (expect.kind && m.kind !== expect.kind) throw bundleError('bundle_wrong_kind', `a bundle of ${m.kind}, not of ${expect.kind}`);
  if (m.sha256 !== scanned.sha256 || m.count !== scanned.count) {
    throw bundleError('bundle_altered', `the bundle's lines are not those its manifest signs (${scanned.count} lines, ${m.count} signed)`);
  }
  return m;
}

/** Keys as this node pins them for its partners (the database). */
export const pinnedKeys = (repo: FederationRepo, db: Parameters<FederationRepo['partner']>[0]): KeyLookup => async (from, kid) => {
  if (!(await repo.partner(db, from))) return 'unknown_sender';
  return (await repo.partnerKeys(db, from)).find((k) => k.kid === kid) ?? 'unknown_key';
};

/**
 * Keys from a node's identity file (`ribat federation identity --out FILE`), checked against
 * the thumbprint handed over out of band, for a machine that holds no database.
 */
export async function identityKeys(identity: unknown, thumbprint: string): Promise<KeyLookup> {
  const { nodeId, jwk } = identityOf(identity);
  const pinned = await pinKey(jwk as JWK, thumbprint).catch((e: Error) => {
    throw new AppError('key_not_pinned', 400, e.message);
  });
  return async (from, kid) => (nodeId && from !== nodeId ? 'unknown_sender' : kid === pinned.kid ? pinned : 'unknown_key');
}

/** An identity file (`{ nodeId, kid, jwk }`) or a bare public JWK. */
export function identityOf(v: unknown): { nodeId: string | null; jwk: Record<string, unknown> } {
  const x = v as Record<string, unknown> | null;
  if (x && typeof x.jwk === 'object' && x.jwk !== null) return { nodeId: typeof x.nodeId === 'string' ? x.nodeId : null, jwk: x.jwk as Record<string, unknown> };
  if (x && x.kty === 'OKP') return { nodeId: null, jwk: x };
  throw new AppError('key_not_pinned', 400, 'the key file holds neither an identity ({ nodeId, kid, jwk }) nor a public JWK');
}

// ---------------------------------------------------------------- writing

/**
 * Writes a bundle to `FILE.part`, hashing each line as it goes, and renames it to FILE once the
 * manifest is written: a bundle that exists is complete.
 */
export class BundleWriter {
  readonly #hash = createHash('sha256');
  readonly #gzip = createGzip({ level: 6 });
  readonly #part: string;
  readonly #done: Promise<void>;
  #count = 0;

  constructor(readonly file: string) {
    this.#part = `${file}.part`;
    this.#done = pipeline(this.#gzip, createWriteStream(this.#part));
    this.#done.catch(() => undefined);
  }

  get count(): number {
    return this.#count;
  }

  async add(line: object): Promise<void> {
    const bytes = Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
    this.#hash.update(bytes);
    this.#count++;
    if (!this.#gzip.write(bytes)) await Promise.race([once(this.#gzip, 'drain'), this.#done]);
  }

  /** Signs the manifest with `key`, closes the file and puts it in place. */
  async finish(key: Pick<OwnKey, 'kid' | 'privateKey'>, m: Omit<Manifest, 'v' | 'count' | 'sha256'>): Promise<{ manifest: Manifest; bytes: number }> {
    const manifest: Manifest = { v: BUNDLE_VERSION, ...m, count: this.#count, sha256: this.#hash.digest('base64url') };
    const jws = await new CompactSign(new TextEncoder().encode(canonicalize(manifest))).setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: BUNDLE_TYP }).sign(key.privateKey);
    this.#gzip.end(`${JSON.stringify({ manifest: jws })}\n`);
    await this.#done;
    renameSync(this.#part, this.file);
    return { manifest, bytes: statSync(this.file).size };
  }

  /** Drops what was written. */
  async abort(): Promise<void> {
    this.#gzip.destroy();
    await this.#done.catch(() => undefined);
    rmSync(this.#part, { force: true });
  }
}
