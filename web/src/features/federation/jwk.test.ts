import { describe, expect, it } from 'vitest';
import { parseHandover, thumbprintOf } from './jwk.ts';

// RFC 8037, appendix A.2 and A.3: the Ed25519 public key and its RFC 7638 thumbprint
const RFC_KEY = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' } as const;
const RFC_THUMBPRINT = 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k';

describe('a handed-over partner key', () => {
  it('computes the RFC 7638 thumbprint of an Ed25519 key as RFC 8037 gives it', async () => {
    expect(await thumbprintOf(RFC_KEY)).toBe(RFC_THUMBPRINT);
  });

  it('reads a bare JWK, an identity file and a JWKS, keeping only the public members', () => {
    expect(parseHandover(JSON.stringify({ ...RFC_KEY, d: 'secret', kid: 'x' }))).toEqual({ jwk: RFC_KEY });
    expect(parseHandover(JSON.stringify({ nodeId: 'SEN-HUB', kid: RFC_THUMBPRINT, jwk: RFC_KEY }))).toEqual({ jwk: RFC_KEY, nodeId: 'SEN-HUB' });
    const old = { ...RFC_KEY, x: 'A'.repeat(43), exp: 1_900_000_000, kid: 'old', use: 'sig', alg: 'EdDSA' };
    expect(parseHandover(JSON.stringify({ keys: [old, { ...RFC_KEY, kid: RFC_THUMBPRINT, use: 'sig', alg: 'EdDSA' }] }))).toEqual({ jwk: RFC_KEY });
  });

  it('refuses what is not an Ed25519 public key', () => {
    expect(parseHandover('not json')).toBeNull();
    expect(parseHandover(JSON.stringify({ kty: 'EC', crv: 'P-256', x: RFC_KEY.x }))).toBeNull();
    expect(parseHandover(JSON.stringify({ ...RFC_KEY, x: 'short' }))).toBeNull();
    expect(parseHandover('[]')).toBeNull();
  });
});
