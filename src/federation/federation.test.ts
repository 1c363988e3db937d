import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newId } from '../core/ids.ts';
import { type Envelope, type EnvelopeHeader, type KeyLookup, openEnvelope, sealEnvelope, signReceipt, verifyReceipt } from './envelope.ts';
import type { Agreement, OutboundItem, PartnerNode } from './federation.ts';
import { jwksOf, newOwnKey, type OwnKey, pinKey, type PublicKeyEntry, rotate, signingKey, thumbprintOf } from './keys.ts';
import { decide, preview } from './policy.ts';

const T0 = new Date('2026-12-07T10:00:00Z');
const sec = (d: Date) => Math.floor(d.getTime() / 1000);

function header(over: Partial<EnvelopeHeader> = {}): Omit<EnvelopeHeader, 'sha256' | 'v'> {
  return { id: newId(), from: 'MAR-HUB', to: 'SEN', iat: sec(T0), exp: sec(T0) + 3600, type: 'notice.upsert', hops: 0, ...over };
}

/** SEN's view of the hub: the hub's keys as pinned at SEN. */
function lookup(pinned: Record<string, PublicKeyEntry[]>): KeyLookup {
  return async (from, kid) => {
    const keys = pinned[from];
    if (!keys) return 'unknown_sender';
    return keys.find((k) => k.kid === kid) ?? 'unknown_key';
  };
}

const ctx = (keyOf: KeyLookup, now = T0) => ({ self: 'SEN', now, maxSkewSeconds: 300, maxHops: 3, keyOf });

describe('federation envelopes', async () => {
  const hub = await newOwnKey(T0);
  const pinned = { 'MAR-HUB': [await pinKey(hub.jwk, hub.kid)] };
  const body = { notice: { id: 'n1', type: 'red', names: ['يوسف العلوي', 'Youssef El Alaoui'] } };

  it('opens an envelope signed by a pinned key of its sender, addressed to us', async () => {
    const env = await sealEnvelope(hub, header(), body);
    const r = await openEnvelope(env, ctx(lookup(pinned)));
    assert.equal(r.ok, true);
    assert.equal(r.ok && r.header.from, 'MAR-HUB');
    assert.equal(r.ok && r.kid, hub.kid);
  });

  it('signs canonical JSON: the same body with its keys in another order is the same hash', async () => {
    const a = await sealEnvelope(hub, header(), { b: 1, a: [1, 'x'] });
    const reordered: Envelope = { jws: a.jws, body: { a: [1, 'x'], b: 1 } };
    assert.equal((await openEnvelope(reordered, ctx(lookup(pinned)))).ok, true);
  });

  it('refuses each fault with its own reason', async () => {
    const cases: Array<[string, () => Promise<unknown>, string, KeyLookup?, Date?]> = [
      ['a body altered on the way', async () => ({ ...(await sealEnvelope(hub, header(), body)), body: { notice: { id: 'n1', type: 'green' } } }), 'signature_invalid'],
      ['a header altered on the way', async () => {
        const e = await sealEnvelope(hub, header(), body);
        const [p, , s] = e.jws.split('.');
        const forged = Buffer.from(JSON.stringify({ ...header(), to: 'SEN', sha256: 'x' })).toString('base64url');
        return { jws: `${p}.${forged}.${s}`, body };
      }, 'signature_invalid'],
      ['a sender that is not enrolled', async () => sealEnvelope(hub, header({ from: 'XYZ' }), body), 'unknown_sender'],
      ['a key that is not pinned', async () => sealEnvelope(await newOwnKey(T0), header(), body), 'unknown_key'],
      ['an expired envelope', async () => sealEnvelope(hub, header({ iat: sec(T0) - 7200, exp: sec(T0) - 3600 }), body), 'expired'],
      ['a clock too far ahead', async () => sealEnvelope(hub, header({ iat: sec(T0) + 900, exp: sec(T0) + 4000 }), body), 'clock_skew'],
      ['another receiver', async () => sealEnvelope(hub, header({ to: 'ESP' }), body), 'wrong_receiver'],
      ['too many hops', async () => sealEnvelope(hub, header({ hops: 4 }), body), 'hop_limit'],
      ['not an envelope', async () => ({ jws: 'abc' , body }), 'malformed'],
      ['no body', async () => ({ jws: (await sealEnvelope(hub, header(), body)).jws }), 'malformed'],
    ];
    for (const [what, make, reason] of cases) {
      const r = await openEnvelope(await make(), ctx(lookup(pinned)));
      assert.equal(r.ok, false, what);
      assert.equal(!r.ok && r.reason, reason, what);
      assert.ok(!r.ok && r.detail.length > 0, what);
    }
  });

  it('signs receipts the sender can verify, and refuses a receipt signed by someone else', async () => {
    const sen = await newOwnKey(T0);
    const atHub = lookup({ SEN: [await pinKey(sen.jwk, sen.kid)] });
    const signed = await signReceipt(sen, { envelope: 'e1', from: 'SEN', to: 'MAR-HUB', status: 'rejected', reason: 'handling_exceeds_agreement', detail: 'TLP:RED', at: T0.toISOString() });
    const r = await verifyReceipt(signed.jws, { from: 'SEN', to: 'MAR-HUB', envelope: 'e1' }, atHub, T0);
    assert.equal('status' in r && r.status, 'rejected');
    assert.equal('reason' in r && r.reason, 'handling_exceeds_agreement');
    const forged = await signReceipt(await newOwnKey(T0), signed.receipt);
    assert.ok('error' in (await verifyReceipt(forged.jws, { from: 'SEN', to: 'MAR-HUB' }, atHub, T0)));
    assert.ok('error' in (await verifyReceipt(signed.jws, { from: 'SEN', to: 'MAR-HUB', envelope: 'other' }, atHub, T0)));
  });
});

describe('federation keys', () => {
  it('names a key by its RFC 7638 thumbprint and pins only the key with the thumbprint given', async () => {
    // RFC 8037 appendix A.3: the thumbprint of its example Ed25519 key
    const rfc = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };
    assert.equal(await thumbprintOf(rfc), 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
    assert.equal((await pinKey(rfc, 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k')).kid, 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
    await assert.rejects(pinKey(rfc, 'something-else'), /thumbprint/);
    await assert.rejects(pinKey({ ...rfc, d: 'secret' }, 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k'), /public key/);
  });

  it('rotates with an overlap: both keys verify during it, the old one is refused after', async () => {
    let keys: OwnKey[] = [await newOwnKey(T0)];
    const old = keys[0];
    const rotatedAt = new Date(T0.getTime() + 1000);
    keys = await rotate(keys, rotatedAt, 24);
    assert.equal(keys.length, 2);
    const current = signingKey(keys, rotatedAt);
    assert.notEqual(current.kid, old.kid);
    assert.equal(keys.find((k) => k.kid === old.kid)?.retiresAt, new Date(rotatedAt.getTime() + 24 * 3_600_000).toISOString());
    assert.deepEqual(jwksOf(keys, rotatedAt).keys.map((k) => k.kid).sort(), [old.kid, current.kid].sort());
    const pinned = { 'MAR-HUB': keys.map((k) => ({ kid: k.kid, jwk: k.jwk, retiresAt: k.retiresAt })) };
    const during = new Date(rotatedAt.getTime() + 3_600_000);
    const after = new Date(rotatedAt.getTime() + 25 * 3_600_000);
    const byOld = await sealEnvelope(old, header({ iat: sec(during), exp: sec(during) + 60 }), {});
    assert.equal((await openEnvelope(byOld, ctx(lookup(pinned), during))).ok, true);
    const late = await sealEnvelope(old, header({ iat: sec(after), exp: sec(after) + 60 }), {});
    const r = await openEnvelope(late, ctx(lookup(pinned), after));
    assert.equal(!r.ok && r.reason, 'key_retired');
    const byNew = await sealEnvelope(current, header({ iat: sec(after), exp: sec(after) + 60 }), {});
    assert.equal((await openEnvelope(byNew, ctx(lookup(pinned), after))).ok, true);
    assert.deepEqual(jwksOf(keys, after).keys.map((k) => k.kid), [current.kid]);
  });
});

describe('the outbound policy filter', () => {
  const agreement = (over: Partial<Agreement>): Agreement => ({
    id: 'a', partner: 'SEN', direction: 'outbound', categories: ['notice.red', 'person'], maxTlp: 'RED', mayForward: false,
    validFrom: '2026-01-01', validTo: null, legalBasis: 'MAR–SEN police cooperation agreement', clause: 'Art. 4', suspended: false, ...over,
  });
  const agreements = [agreement({}), agreement({ id: 'b', partner: 'ESP', maxTlp: 'AMBER', clause: 'Art. 2 MAR–ESP' })];
  const SEN: PartnerNode = { id: 'SEN', agencies: ['SEN-NCB'], suspended: false };
  const ESP: PartnerNode = { id: 'ESP', agencies: ['ESP-NCB'], suspended: false };
  const CIV: PartnerNode = { id: 'CIV', agencies: ['CIV-NCB'], suspended: false };
  const red: OutboundItem = { category: 'notice.red', tlp: 'AMBER', ownerNode: 'MAR-HUB', restrictedTo: [], hops: 0 };

  it('lets a red notice reach SEN and not ESP when ESP stops at AMBER and the notice is RED', () => {
    const item = { ...red, tlp: 'RED' as const, restrictedTo: ['SEN-NCB'] };
    const [sen, esp, civ] = preview(item, [SEN, ESP, CIV], agreements, '2026-12-07', 'MAR-HUB');
    assert.equal(sen.decision.send, true);
    assert.equal(sen.decision.send && sen.decision.agreement.clause, 'Art. 4');
    assert.deepEqual(!esp.decision.send && [esp.decision.reason, esp.decision.agreement?.clause], ['handling_exceeds_agreement', 'Art. 2 MAR–ESP']);
    assert.equal(!civ.decision.send && civ.decision.reason, 'not_in_agreement');
  });

  it('sends AMBER+STRICT and RED only to agencies the owner named', () => {
    const d = decide({ ...red, tlp: 'RED', restrictedTo: ['CIV-NCB'] }, SEN, agreements, '2026-12-07', 'MAR-HUB');
    assert.equal(!d.send && d.reason, 'restricted_to_named_agencies');
    assert.equal(decide({ ...red, tlp: 'AMBER+STRICT', restrictedTo: ['SEN-NCB'] }, SEN, agreements, '2026-12-07', 'MAR-HUB').send, true);
  });

  it('refuses a category outside the agreement, an agreement out of force, a suspended partner, forwarding', () => {
    assert.equal((decide({ ...red, category: 'vehicle' }, SEN, agreements, '2026-12-07', 'MAR-HUB') as { reason: string }).reason, 'not_in_agreement');
    assert.equal((decide(red, SEN, [agreement({ validTo: '2026-06-30' })], '2026-12-07', 'MAR-HUB') as { reason: string }).reason, 'agreement_not_in_force');
    assert.equal((decide(red, SEN, [agreement({ suspended: true })], '2026-12-07', 'MAR-HUB') as { reason: string }).reason, 'agreement_not_in_force');
    assert.equal((decide(red, { ...SEN, suspended: true }, agreements, '2026-12-07', 'MAR-HUB') as { reason: string }).reason, 'partner_suspended');
    assert.equal((decide({ ...red, ownerNode: 'ESP', hops: 1 }, SEN, agreements, '2026-12-07', 'MAR-HUB') as { reason: string }).reason, 'forwarding_not_allowed');
    assert.equal(decide({ ...red, ownerNode: 'ESP', hops: 1 }, SEN, [agreement({ mayForward: true })], '2026-12-07', 'MAR-HUB').send, true);
    assert.equal((decide(red, SEN, [agreement({ direction: 'inbound' })], '2026-12-07', 'MAR-HUB') as { reason: string }).reason, 'not_in_agreement');
  });
});
