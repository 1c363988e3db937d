/**
 * Three nodes, each its own database and HTTP server on loopback, exchanging under agreements:
 * the hub (MAR-HUB) shares with Senegal and Spain; what leaves, what is refused and why, what
 * arrives once and only once, and what the receivers answer to forged or replayed envelopes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningNode } from '../main.ts';
import { admin, agree, enrol, fedNode as node, sharedRedNoticeData } from '../../test/federation-inproc.ts';
import { sealEnvelope } from './envelope.ts';
import { newOwnKey } from './keys.ts';
import { INBOX_PATH } from './transport.ts';

const redNotice = (id: string, version = 1, tlp: 'AMBER' | 'RED' = 'RED') => ({
  type: 'item.upsert' as const, category: 'notice.red' as const, itemId: id, tlp, restrictedTo: ['SEN-NCB'], version,
  data: sharedRedNoticeData(id),
});

describe('federation between three nodes over HTTP', () => {
  let hub: RunningNode;
  let sen: RunningNode;
  let esp: RunningNode;

  before(async () => {
    [hub, sen, esp] = await Promise.all([node('MAR-HUB', 'MAR-NCB'), node('SEN', 'SEN-NCB'), node('ESP', 'ESP-NCB')]);
    await enrol(hub, sen, ['SEN-NCB']);
    await enrol(hub, esp, ['ESP-NCB']);
    await enrol(sen, hub, ['MAR-NCB']);
    await enrol(esp, hub, ['MAR-NCB']);
    await agree(hub, 'SEN', 'outbound');
    await agree(hub, 'ESP', 'outbound', { maxTlp: 'AMBER' });
    await agree(sen, 'MAR-HUB', 'inbound');
    await agree(esp, 'MAR-HUB', 'inbound', { maxTlp: 'AMBER' });
  });
  after(async () => {
    await Promise.all([hub, sen, esp].map((n) => n?.close()));
  });

  const share = (item: ReturnType<typeof redNotice>) => hub.services.conn.db.transaction().execute((trx) => hub.services.federation.share(trx, item));

  it('sends a RED notice to SEN and withholds it from ESP, whose agreement stops at AMBER, saying why', async () => {
    const decisions = await share(redNotice('n1'));
    assert.deepEqual(decisions.map((d) => [d.partner, d.decision.send]), [['ESP', false], ['SEN', true]]);
    await hub.services.federation.flush();
    const actor = await admin(hub);
    const q = await hub.services.federation.queue(actor, { itemId: 'n1' });
    const byPartner = Object.fromEntries(q.map((r) => [r.partnerId, r]));
    assert.equal(byPartner.SEN.status, 'delivered', JSON.stringify(byPartner.SEN));
    assert.equal(byPartner.ESP.status, 'withheld');
    assert.equal(byPartner.ESP.reason, 'handling_exceeds_agreement');
    assert.match(byPartner.ESP.detail ?? '', /AMBER/);
    const atSen = await sen.services.federation.receivedItems(await admin(sen), { ownerNode: 'MAR-HUB' });
    assert.deepEqual(atSen.map((i) => [i.itemId, i.version, i.tlp]), [['n1', 1, 'RED']]);
    assert.deepEqual(await esp.services.federation.receivedItems(await admin(esp), {}), []);
    const preview = await hub.services.federation.preview(actor, { category: 'notice.red', tlp: 'RED', ownerNode: 'MAR-HUB', restrictedTo: ['SEN-NCB'], hops: 0 });
    assert.deepEqual(preview.map((p) => [p.partner, p.decision.send ? p.decision.agreement.clause : p.decision.reason]), [['ESP', 'handling_exceeds_agreement'], ['SEN', 'outbound SEN']]);
  });

  it('keeps items queued while a partner is unreachable and delivers each once when it is back', async () => {
    const actor = await admin(hub);
    await hub.services.federation.enrollPartner(actor, { id: 'CIV', names: { en: 'CIV' }, baseUrl: 'http://127.0.0.1:9', transport: 'https', agencies: ['CIV-NCB'], key: await (async () => { const k = await newOwnKey(new Date()); return { jwk: k.jwk, thumbprint: k.kid }; })() });
    await agree(hub, 'CIV', 'outbound', { categories: ['person'] });
    await hub.services.conn.db.transaction().execute((trx) => hub.services.federation.share(trx, { ...redNotice('p1'), category: 'person', tlp: 'AMBER', restrictedTo: [] }));
    const t = await hub.services.federation.sendDue('CIV');
    assert.deepEqual([t.sent, t.retrying, t.delivered], [1, 1, 0]);
    const [row] = await hub.services.federation.queue(actor, { partnerId: 'CIV' });
    assert.equal(row.status, 'queued');
    assert.equal(row.attempts, 1);
    assert.match(row.detail ?? '', /unreachable/);
    assert.ok(Date.parse(row.nextAttemptAt) > Date.now(), 'retried later, with back-off');
    const summary = (await hub.services.federation.queueSummary(actor)).find((s) => s.partner === 'CIV');
    assert.equal(summary?.queued, 1);
  });

  it('answers a resent envelope as a duplicate and applies it once', async () => {
    const actor = await admin(hub);
    await share(redNotice('n2'));
    const [row] = (await hub.services.federation.queue(actor, { itemId: 'n2', partnerId: 'SEN' }));
    // the sender crashed after the partner applied it and before it stored the receipt
    await hub.services.federation.flush();
    await hub.services.conn.db.updateTable('federationOutbox' as never).set({ status: 'queued' } as never).where('id' as never, '=', row.id as never).execute();
    await hub.services.federation.flush();
    const [again] = await hub.services.federation.queue(actor, { itemId: 'n2', partnerId: 'SEN' });
    assert.equal(again.status, 'delivered');
    const inbound = await sen.services.federation.inbox(await admin(sen), { sender: 'MAR-HUB' });
    assert.equal(inbound.filter((r) => r.id === row.id).length, 1);
  });

  it('applies the owner’s newest version and its withdrawal', async () => {
    await share(redNotice('n3', 1));
    await share(redNotice('n3', 2));
    await hub.services.federation.flush();
    const got = (await sen.services.federation.receivedItems(await admin(sen), {})).find((i) => i.itemId === 'n3');
    assert.equal(got?.version, 2);
    await hub.services.conn.db.transaction().execute((trx) => hub.services.federation.share(trx, { ...redNotice('n3', 3), type: 'item.withdraw' }));
    await hub.services.federation.flush();
    const live = await sen.services.federation.receivedItems(await admin(sen), { live: true });
    assert.equal(live.find((i) => i.itemId === 'n3'), undefined);
  });

  it('rejects forged, altered, expired, replayed, misaddressed and out-of-agreement envelopes, each with its reason', async () => {
    const keys = await hub.services.federation.keys();
    const key = keys[keys.length - 1];
    const now = Math.floor(Date.now() / 1000);
    const header = (over = {}) => ({ id: crypto.randomUUID(), from: 'MAR-HUB', to: 'SEN', iat: now, exp: now + 600, type: 'item.upsert', hops: 0, ...over });
    const body = (over = {}) => ({ item: { category: 'notice.red', id: 'x1', tlp: 'AMBER', ownerNode: 'MAR-HUB', version: 1, restrictedTo: [], data: sharedRedNoticeData('x1'), ...over } });
    const good = await sealEnvelope(key, header(), body());
    const replayed = { ...(await sealEnvelope(key, { ...header(), id: JSON.parse(Buffer.from(good.jws.split('.')[1], 'base64url').toString()).id }, body({ data: sharedRedNoticeData('x1', 'Another Name') }))) };
    const envelopes = [
      good,
      { ...good, body: body({ tlp: 'CLEAR' }) },
      await sealEnvelope(await newOwnKey(new Date()), header(), body()),
      await sealEnvelope(key, header({ iat: now - 7200, exp: now - 3600 }), body()),
      await sealEnvelope(key, header({ to: 'ESP' }), body()),
      await sealEnvelope(key, header(), body({ category: 'vehicle' })),
      await sealEnvelope(key, header(), body({ ownerNode: 'SEN' })),
      await sealEnvelope(key, header(), { nothing: true }),
      replayed,
      good,
    ];
    const res = await fetch(`${sen.url}${INBOX_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ envelopes }) });
    assert.equal(res.status, 200);
    const { receipts } = (await res.json()) as { receipts: Array<{ status: string; reason?: string; receipt: string }> };
    assert.deepEqual(
      receipts.map((r) => r.reason ?? r.status),
      ['accepted', 'signature_invalid', 'unknown_key', 'expired', 'wrong_receiver', 'not_in_agreement', 'owner_conflict', 'schema_invalid', 'replay', 'duplicate'],
    );
    // every answer is signed by SEN
    for (const r of receipts) assert.equal(JSON.parse(Buffer.from(r.receipt.split('.')[0], 'base64url').toString()).typ, 'ribat-receipt+jws');
    const stranger = await sealEnvelope(key, header({ from: 'XYZ' }), body());
    const r2 = await fetch(`${sen.url}${INBOX_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ envelopes: [stranger] }) });
    assert.equal(((await r2.json()) as { receipts: Array<{ reason: string }> }).receipts[0].reason, 'unknown_sender');
  });

  it('stops a suspended partner’s traffic both ways; its items wait and leave on resume', async () => {
    const actor = await admin(hub);
    await hub.services.federation.setSuspended(actor, 'SEN', true);
    await share(redNotice('n4'));
    await hub.services.federation.flush();
    const [waiting] = await hub.services.federation.queue(actor, { itemId: 'n4', partnerId: 'SEN' });
    assert.equal(waiting.status, 'queued');
    await hub.services.federation.setSuspended(actor, 'SEN', false);
    await hub.services.federation.flush();
    const [sent] = await hub.services.federation.queue(actor, { itemId: 'n4', partnerId: 'SEN' });
    assert.equal(sent.status, 'delivered');
  });

  it('rotates keys with an overlap: envelopes under the new key are accepted once the partner pins it', async () => {
    const actor = await admin(hub);
    const jwks = await hub.services.federation.rotateKeys(actor, 24);
    assert.equal(jwks.keys.length, 2);
    const current = await hub.services.federation.identity();
    await share(redNotice('n5'));
    await hub.services.federation.flush();
    let [row] = await hub.services.federation.queue(actor, { itemId: 'n5', partnerId: 'SEN' });
    assert.equal(row.status, 'rejected');
    assert.equal(row.reason, 'unknown_key');
    await sen.services.federation.pinPartnerKey(await admin(sen), 'MAR-HUB', current.jwk, current.kid);
    await hub.services.federation.retry(actor, row.id);
    await hub.services.federation.flush();
    [row] = await hub.services.federation.queue(actor, { itemId: 'n5', partnerId: 'SEN' });
    assert.equal(row.status, 'delivered');
  });

  it('audits every receipt, enrolment and agreement', async () => {
    const entries = await sen.services.conn.db.selectFrom('auditLog').select('action').execute();
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ['federation.partner.enroll', 'federation.agreement.create', 'federation.receive', 'federation.key.create']) assert.ok(actions.has(a), a);
    const atHub = new Set((await hub.services.conn.db.selectFrom('auditLog').select('action').execute()).map((e) => e.action));
    for (const a of ['federation.send', 'federation.key.rotate', 'federation.partner.suspend', 'federation.queue.retry']) assert.ok(atHub.has(a), a);
  });
});
