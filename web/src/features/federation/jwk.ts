/**
 * A partner's public key as it was handed over: a bare JWK, this desk's identity file
 * (`{ nodeId, kid, jwk }`, GET /federation/identity) or a JWKS (`{ keys: [...] }`).
 * The thumbprint to check it against always comes another way (read out, on paper): the
 * desk shows the pasted key's own thumbprint beside it, and the server checks the two match.
 */
import type { Identity, Jwk, Jwks } from './federation-api.ts';

const B64URL_32 = /^[A-Za-z0-9_-]{43}$/;

const asJwk = (v: unknown): Jwk | null => {
  const k = v as Partial<Jwk> | null;
  return k && typeof k === 'object' && k.kty === 'OKP' && k.crv === 'Ed25519' && typeof k.x === 'string' && B64URL_32.test(k.x) ? { kty: 'OKP', crv: 'Ed25519', x: k.x } : null;
};

/** The Ed25519 key in the text, and the node id when the text is an identity file; null when there is none. */
export function parseHandover(text: string): { jwk: Jwk; nodeId?: string } | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!v || typeof v !== 'object') return null;
  const bare = asJwk(v);
  if (bare) return { jwk: bare };
  const id = v as Partial<Identity>;
  const fromIdentity = asJwk(id.jwk);
  if (fromIdentity) return typeof id.nodeId === 'string' ? { jwk: fromIdentity, nodeId: id.nodeId } : { jwk: fromIdentity };
  const keys = (v as Partial<Jwks>).keys;
  if (Array.isArray(keys)) {
    // the key that signs now is the one without an expiry
    const current = keys.find((k) => k && k.exp === undefined) ?? keys[0];
    const jwk = asJwk(current);
    if (jwk) return { jwk };
  }
  return null;
}

const base64url = (bytes: ArrayBuffer): string =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/**
 * RFC 7638 thumbprint (SHA-256, base64url) of an Ed25519 JWK: the required members `crv`, `kty`,
 * `x` in that order, no white space. Null where the browser offers no Web Crypto (plain HTTP).
 */
export async function thumbprintOf(jwk: Jwk): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const canonical = `{"crv":${JSON.stringify(jwk.crv)},"kty":${JSON.stringify(jwk.kty)},"x":${JSON.stringify(jwk.x)}}`;
  return base64url(await subtle.digest('SHA-256', new TextEncoder().encode(canonical)));
}

/** A JSON file offered for download (the node's identity, for a partner). */
export function downloadJson(name: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}
