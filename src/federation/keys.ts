/**
 * A node's Ed25519 keys and the keys it pins for its partners. `kid` is the RFC 7638 JWK
 * thumbprint. Rotation adds a key that signs from then on; the previous one is still accepted
 * for an overlap period and refused once it has retired.
 */
import { generateKeyPairSync, type KeyObject, createPublicKey } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, type JWK } from 'jose';

/** An Ed25519 public key as a JWK (RFC 8037), nothing else in it. */
export interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
}

export interface PublicKeyEntry {
  kid: string;
  jwk: Ed25519Jwk;
  /** ISO instant from which the key is refused; null while it is current. */
  retiresAt: string | null;
}

export interface OwnKey extends PublicKeyEntry {
  privateKey: KeyObject;
  createdAt: string;
}

/** An Ed25519 public JWK's thumbprint (RFC 7638, SHA-256, base64url). */
export const thumbprintOf = (jwk: JWK): Promise<string> => calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, 'sha256');

export async function publicJwkOf(key: KeyObject): Promise<Ed25519Jwk> {
  const jwk = await exportJWK(key.type === 'private' ? createPublicKey(key) : key);
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('federation keys are Ed25519');
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
}

export async function newOwnKey(now: Date): Promise<OwnKey> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = await publicJwkOf(privateKey);
  return { kid: await thumbprintOf(jwk), jwk, privateKey, createdAt: now.toISOString(), retiresAt: null };
}

/** Whether a key is accepted at `now`. */
export const keyValidAt = (k: Pick<PublicKeyEntry, 'retiresAt'>, now: Date) => k.retiresAt === null || now.getTime() < Date.parse(k.retiresAt);

/**
 * The keys after a rotation at `now`: a new current key, the others retiring at the end of the
 * overlap (a key already retiring sooner keeps its date).
 */
export async function rotate(keys: readonly OwnKey[], now: Date, overlapHours: number): Promise<OwnKey[]> {
  const end = new Date(now.getTime() + overlapHours * 3_600_000).toISOString();
  const kept = keys.map((k) => (k.retiresAt === null || k.retiresAt > end ? { ...k, retiresAt: end } : k));
  return [...kept, await newOwnKey(now)];
}

/** The key that signs now: the newest one still valid. */
export function signingKey(keys: readonly OwnKey[], now: Date): OwnKey {
  const valid = keys.filter((k) => keyValidAt(k, now));
  if (valid.length === 0) throw new Error('this node has no valid federation key (ribat federation keys rotate)');
  return valid.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
}

/** The JWKS a node publishes: its keys not yet retired, with their retirement date when set. */
export function jwksOf(keys: readonly PublicKeyEntry[], now: Date): { keys: Array<Ed25519Jwk & { kid: string; use: 'sig'; alg: 'EdDSA'; exp?: number }> } {
  return {
    keys: keys
      .filter((k) => keyValidAt(k, now))
      .map((k) => ({ ...k.jwk, kid: k.kid, use: 'sig' as const, alg: 'EdDSA' as const, ...(k.retiresAt ? { exp: Math.floor(Date.parse(k.retiresAt) / 1000) } : {}) })),
  };
}

/** Checks that a JWK a partner handed over is an Ed25519 public key with the thumbprint given out of band. */
export async function pinKey(jwk: JWK, expectedThumbprint: string): Promise<PublicKeyEntry> {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string' || 'd' in jwk) throw new Error('the key is not an Ed25519 public key');
  const kid = await thumbprintOf(jwk);
  if (kid !== expectedThumbprint) throw new Error(`the key's thumbprint is ${kid}, not ${expectedThumbprint}`);
  return { kid, jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, retiresAt: null };
}
