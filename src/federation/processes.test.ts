/**
 * Three nodes as three real processes (MAR-HUB, SEN, ESP), each on its own loopback port with its
 * own database (PGlite directories; with DATABASE_URL=postgres://… three databases on that
 * server), exchanging over HTTPS with certificates from a CA the test makes. What the agreements
 * let out and what they hold back, a partner killed during a create, the sender killed with
 * SIGKILL mid-sync, forged envelopes answered with signed refusals, key rotation with its overlap,
 * and a deletion at the owner leaving the partner's screening.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compactVerify, importJWK } from 'jose';
import { loadConfig } from '../config.ts';
import { newOwnKey } from './keys.ts';
import { sealEnvelope } from './envelope.ts';
import { INBOX_PATH } from './transport.ts';
import { redNotice } from '../../test/notice-factories.ts';
import { type Federation, hubAndPartners, type NodeProcess, postgresAnswers, startFederation, THREE_NODES, waitFor } from '../../test/federation-nodes.ts';

const databaseUrl = loadConfig().databaseUrl;
const postgresServer = databaseUrl.startsWith('postgres') ? databaseUrl : undefined;
const skip = postgresServer && !(await postgresAnswers(postgresServer)) ? `skipped: no PostgreSQL server answers at ${new URL(postgresServer).host} (DATABASE_URL)` : false;
const target = postgresServer ? 'three PostgreSQL databases' : 'three PGlite directories';

const LONG = { timeoutMs: 120_000, everyMs: 200 };

/** A person as POST /records takes it; distinct made-up names, one per test item. */
const person = (name: string, handling?: { tlp: string; restrictedTo?: string[] }) => ({
  kind: 'person',
  data: { names: [{ value: name, type: 'primary' }], birthDates: ['1979'], nationalities: ['MAR'] },
  legalBasisCode: 'interpol_rpd',
  legalBasis: 'INTERPOL Rules on the Processing of Data, Art. 10',
  ...(handling ? { handling } : {}),
});

/** A person item as the hub's outbox carries it (the body of an envelope sealed by hand). */
const personItem = (id: string, name: string) => ({
  item: {
    category: 'person', id, tlp: 'AMBER', ownerNode: 'MAR-HUB', version: 1, restrictedTo: [],
    data: { kind: 'person', data: { names: [{ value: name, type: 'primary' }], birthDates: ['1979'], nationalities: ['MAR'] }, ownerAgency: { code: 'MAR-NCB', country: 'MAR', names: { en: 'NCB Rabat' } }, legalBasisCode: 'interpol_rpd', legalBasis: 'INTERPOL RPD', reviewDate: '2030-01-01' },
  },
});

const SYLLABLES = ['ba', 'ko', 'ri', 'mu', 'sa', 'de', 'lo', 'ni', 'tu', 'ga', 'fe', 'zo', 'ka', 'mi', 'ye', 'du'];
let nameSeq = 0;
/** A made-up name no other test item shares (three syllables, twice, from a counter). */
function uniqueName(): string {
  let n = ++nameSeq * 7919 + 104_729;
  const word = () => {
    let w = '';
    for (let i = 0; i < 3; i++, n = Math.floor(n / 16)) w += SYLLABLES[n % 16];
    return w[0].toUpperCase() + w.slice(1);
  };
  return `${word()} ${word()}`;
}

type QueueRow = { id: string; partnerId: string; itemId: string; status: string; reason: string | null; detail: string | null; attempts: number };

const suite = `federation between three node processes over HTTPS, on ${target}`;
// a skipped suite still counts a skipped test, so that the summary says why (see describeOn)
if (skip) describe(suite, () => it('every test of this suite', { skip }, () => {}));
else describe(suite, { timeout: 600_000 }, () => {
  let f: Federation;
  let hub: NodeProcess;
  let sen: NodeProcess;
  let esp: NodeProcess;
  let senNcbAtHub: string;

  before(async () => {
    f = await startFederation({ nodes: THREE_NODES, postgresServer });
    ({ 'MAR-HUB': hub, SEN: sen, ESP: esp } = f.nodes);
    await hubAndPartners(f);
    const agencies = await hub.api.get<{ items: Array<{ id: string; code: string }> }>('/agencies?limit=200');
    senNcbAtHub = agencies.items.find((a) => a.code === 'SEN-NCB')!.id;
  });
  after(async () => {
    await f?.dispose();
  });

  const create = async (name: string, handling?: { tlp: string; restrictedTo?: string[] }) => {
    const view = await hub.api.post<{ id: string; provenance: { version: number } }>('/records', person(name, handling));
    return { id: view.id, version: view.provenance.version };
  };
  const queueOf = async (itemId: string) => (await hub.api.get<{ items: QueueRow[] }>(`/federation/queue?itemId=${itemId}`)).items;
  const rowFor = async (itemId: string, partner: string) => (await queueOf(itemId)).find((r) => r.partnerId === partner);
  const delivered = (itemId: string, partner: string) => waitFor(`${itemId} delivered to ${partner}`, () => rowFor(itemId, partner), (r) => r?.status === 'delivered', LONG);
  const drained = () =>
    waitFor('the hub’s queue empty', () => hub.api.get<{ items: Array<{ queued: number; inFlight: number }> }>('/federation/queue/summary'), (s) => s.items.every((p) => p.queued + p.inFlight === 0), LONG);
  const held = async (n: NodeProcess) => new Map((await n.stats()).items.map((i) => [i.itemId, i]));
  const postInbox = async (n: NodeProcess, envelopes: unknown[]) => {
    const res = await n.api.client.request(`${n.url}${INBOX_PATH}`, { method: 'POST', body: { envelopes } });
    assert.equal(res.status, 200);
    return (res.body as { receipts: Array<{ envelope: string | null; status: string; reason?: string; receipt: string }> }).receipts;
  };

  it('sends a RED person to SEN, whose agreement covers it, and withholds it from ESP, whose agreement stops at AMBER, with the reason', async () => {
    const redName = uniqueName();
    const red = await create(redName, { tlp: 'RED', restrictedTo: [senNcbAtHub] });
    const amber = await create(uniqueName());
    await delivered(red.id, 'SEN');
    const esp1 = await rowFor(red.id, 'ESP');
    assert.equal(esp1?.status, 'withheld');
    assert.equal(esp1?.reason, 'handling_exceeds_agreement');
    assert.match(esp1?.detail ?? '', /RED.*AMBER/);
    // the same path carries an AMBER person to both: ESP is reachable, only the RED one is held back
    await delivered(amber.id, 'SEN');
    await delivered(amber.id, 'ESP');
    const atSen = await waitFor('the RED person screenable at SEN', () => sen.api.screen(redName), (ids) => ids.includes(red.id), LONG);
    assert.ok(atSen.includes(red.id));
    const { provenance: p } = await sen.api.get<{ provenance: { originNode: string; ownerAgencyCode: string; handling: { tlp: string } } }>(`/records/${red.id}`);
    assert.deepEqual([p.originNode, p.ownerAgencyCode, p.handling.tlp], ['MAR-HUB', 'MAR-NCB', 'RED']);
    const atEsp = await held(esp);
    assert.equal(atEsp.has(red.id), false, 'ESP never received the RED person');
    assert.equal(atEsp.has(amber.id), true);
    assert.deepEqual(await esp.api.screen(redName), []);
    assert.equal((await esp.api.raw('GET', `/records/${red.id}`)).status, 404);
  });

  it('takes a person deleted at the hub out of SEN’s screening', async () => {
    const name = uniqueName();
    const rec = await create(name);
    await waitFor('screenable at SEN', () => sen.api.screen(name), (ids) => ids.includes(rec.id), LONG);
    const del = await hub.api.raw('DELETE', `/records/${rec.id}?version=${rec.version}`);
    assert.equal(del.status, 204);
    await waitFor('gone from SEN’s screening', () => sen.api.screen(name), (ids) => !ids.includes(rec.id), LONG);
    assert.equal((await sen.api.raw('GET', `/records/${rec.id}`)).status, 404);
    assert.equal((await held(sen)).get(rec.id)?.withdrawn, true);
    const rows = (await queueOf(rec.id)).filter((r) => r.partnerId === 'SEN');
    assert.equal(rows.length, 2, 'the upsert and its withdrawal');
    assert.ok(rows.every((r) => r.status === 'delivered'), JSON.stringify(rows));
  });

  /** A red notice requested, reviewed and published at the hub over its API, its subject the name given. */
  async function publishNotice(name: string, handling: { tlp: string; restrictedTo?: string[] }) {
    type View = { id: string; version: number; state: string };
    let n = await hub.api.post<View>('/notices', { ...redNotice(name), handling });
    for (const action of ['submit', 'start_review', 'publish']) {
      if (n.state === 'published') break;
      n = await hub.api.post<View>(`/notices/${n.id}/actions/${action}`, { version: n.version });
    }
    assert.equal(n.state, 'published');
    return n;
  }
  const screenNotice = (n: NodeProcess, name: string) =>
    n.api.post<{ hits: Array<{ hitId: string; noticeId: string }>; candidates: Array<{ id: string }> }>('/screening/persons', { name, birthDate: '1985-03-14', limit: 50 });

  it('sends a RED red notice published at the hub to SEN and not to ESP, whose agreement stops at AMBER', async () => {
    const name = uniqueName();
    const n = await publishNotice(name, { tlp: 'RED', restrictedTo: [senNcbAtHub] });
    await delivered(n.id, 'SEN');
    const toEsp = await rowFor(n.id, 'ESP');
    assert.deepEqual([toEsp?.status, toEsp?.reason], ['withheld', 'handling_exceeds_agreement']);
    const copy = await sen.api.get<{ originNode: string; state: string; subjectRecordId: string | null }>(`/notices/${n.id}`);
    assert.deepEqual([copy.originNode, copy.state], ['MAR-HUB', 'published']);
    const found = await waitFor('the subject screenable at SEN', () => screenNotice(sen, name), (r) => r.candidates.some((c) => c.id === copy.subjectRecordId), LONG);
    assert.ok(found.candidates.length > 0);
    assert.equal((await esp.api.raw('GET', `/notices/${n.id}`)).status, 404);
    assert.equal((await held(esp)).has(n.id), false);
  });

  it('reports a screening hit at SEN on the hub’s notice to the hub’s owner bureau', async () => {
    const name = uniqueName();
    const n = await publishNotice(name, { tlp: 'AMBER', restrictedTo: [] });
    await delivered(n.id, 'SEN');
    const screened = await waitFor('a hit at SEN', () => screenNotice(sen, name), (r) => r.hits.some((h) => h.noticeId === n.id), LONG);
    const hitId = screened.hits.find((h) => h.noticeId === n.id)!.hitId;
    const atHub = await waitFor('the hit at the hub', () => hub.api.get<{ items: Array<{ id: string; noticeId: string; screenedByAgencyCode: string }> }>(`/hits?noticeId=${n.id}`), (r) => r.items.length > 0, LONG);
    assert.deepEqual(atHub.items.map((h) => [h.id, h.noticeId, h.screenedByAgencyCode]), [[hitId, n.id, 'SEN-NCB']]);
    assert.equal((await hub.api.get<{ state: string }>(`/notices/${n.id}`)).state, 'hit_reported');
  });

  it('takes the subject out of SEN’s screening when the hub cancels the notice', async () => {
    const name = uniqueName();
    const n = await publishNotice(name, { tlp: 'AMBER', restrictedTo: [] });
    await delivered(n.id, 'SEN');
    const held = await sen.api.get<{ subjectRecordId: string }>(`/notices/${n.id}`);
    await waitFor('the subject screenable at SEN', () => sen.api.screen(name), (ids) => ids.includes(held.subjectRecordId), LONG);
    const live = await hub.api.get<{ version: number }>(`/notices/${n.id}`);
    await hub.api.post(`/notices/${n.id}/actions/cancel`, { version: live.version, reason: 'Warrant withdrawn' });
    await waitFor('the subject gone from SEN’s screening', () => sen.api.screen(name), (ids) => !ids.includes(held.subjectRecordId), LONG);
    assert.equal((await sen.api.raw('GET', `/notices/${n.id}`)).status, 404);
    assert.equal((await sen.api.raw('GET', `/records/${held.subjectRecordId}`)).status, 404);
  });

  it('answers a tampered, a replayed, an expired and an unknown-key envelope with a refusal signed by SEN, and changes nothing', async () => {
    const senKey = await importJWK((await sen.api.get<{ jwk: { kty: 'OKP'; crv: 'Ed25519'; x: string } }>('/federation/identity')).jwk, 'EdDSA');
    // an envelope the hub really delivered to SEN: its id sent again with another body is a replay
    const earlier = await create(uniqueName());
    const earlierRow = await delivered(earlier.id, 'SEN');
    const [x, y, z, w] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const now = Math.floor(Date.now() / 1000);
    const genuine = await hub.command<{ jws: string; body: unknown }>('seal', { to: 'SEN', body: personItem(x, uniqueName()) });
    const tampered = { ...genuine, body: personItem(x, uniqueName()) };
    const replayed = await hub.command('seal', { to: 'SEN', header: { id: earlierRow!.id }, body: personItem(y, uniqueName()) });
    const expired = await hub.command('seal', { to: 'SEN', header: { iat: now - 7200, exp: now - 3600 }, body: personItem(z, uniqueName()) });
    const stranger = await sealEnvelope(await newOwnKey(new Date()), { id: crypto.randomUUID(), from: 'MAR-HUB', to: 'SEN', iat: now, exp: now + 600, type: 'item.upsert', hops: 0 }, personItem(w, uniqueName()));
    const before = await sen.stats();
    const receipts = await postInbox(sen, [tampered, replayed, expired, stranger]);
    assert.deepEqual(receipts.map((r) => [r.status, r.reason]), [['rejected', 'signature_invalid'], ['rejected', 'replay'], ['rejected', 'expired'], ['rejected', 'unknown_key']]);
    for (const r of receipts) {
      const { payload, protectedHeader } = await compactVerify(r.receipt, senKey);
      const signed = JSON.parse(new TextDecoder().decode(payload));
      assert.equal(protectedHeader.typ, 'ribat-receipt+jws');
      assert.deepEqual([signed.from, signed.to, signed.status, signed.reason, signed.envelope], ['SEN', 'MAR-HUB', 'rejected', r.reason, r.envelope]);
    }
    const afterwards = await sen.stats();
    assert.deepEqual(afterwards.items, before.items, 'no item applied, none changed');
    for (const id of [x, y, z, w]) assert.equal((await sen.api.raw('GET', `/records/${id}`)).status, 404);
    // the genuine envelope is accepted, and sent again it is a duplicate with the first receipt
    const [first] = await postInbox(sen, [genuine]);
    const [again] = await postInbox(sen, [genuine]);
    assert.equal(first.status, 'accepted');
    assert.deepEqual([again.status, again.receipt], ['duplicate', first.receipt]);
    assert.equal((await held(sen)).get(x)?.version, 1);
    assert.deepEqual((await sen.stats()).appliedTwice, []);
  });

  it('keeps a person queued for SEN while SEN is down, and SEN restarted receives it exactly once', async () => {
    await sen.kill();
    const name = uniqueName();
    const rec = await create(name);
    const waiting = await waitFor('a failed attempt to reach SEN', () => rowFor(rec.id, 'SEN'), (r) => (r?.attempts ?? 0) >= 1, LONG);
    assert.equal(waiting!.status, 'queued');
    assert.match(waiting!.detail ?? '', /unreachable/);
    // ESP is not held up by SEN being down
    await delivered(rec.id, 'ESP');
    await sen.start();
    const row = await delivered(rec.id, 'SEN');
    const stats = await sen.stats();
    assert.equal(stats.items.filter((i) => i.itemId === rec.id).length, 1);
    assert.equal(stats.items.find((i) => i.itemId === rec.id)?.version, 1);
    assert.deepEqual(stats.appliedTwice, []);
    const inbound = await sen.api.get<{ items: Array<{ id: string; status: string }> }>('/federation/inbound?sender=MAR-HUB&limit=500');
    assert.deepEqual(inbound.items.filter((e) => e.id === row!.id).map((e) => e.status), ['accepted'], 'one inbox entry for the envelope');
    assert.equal((await sen.api.screen(name)).filter((id) => id === rec.id).length, 1);
  });

  it('loses nothing and applies nothing twice when the hub is killed with SIGKILL mid-sync of 600 persons', async (t) => {
    const count = 600;
    await drained();
    // the persons wait at the hub while both partners are suspended, then leave together
    for (const p of ['SEN', 'ESP']) await hub.api.post(`/federation/partners/${p}/suspend`);
    const names = Array.from({ length: count }, uniqueName);
    const acked: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let i = next++; i < count; i = next++) acked.push((await create(names[i])).id);
      }),
    );
    const ours = new Set(acked);
    const before = { sen: await sen.stats(), esp: await esp.stats() };
    const accepted = (s: Awaited<ReturnType<NodeProcess['stats']>>) => s.inbox.filter((e) => e.sender === 'MAR-HUB' && e.status === 'accepted').reduce((n, e) => n + e.n, 0);
    const heldOf = (s: Awaited<ReturnType<NodeProcess['stats']>>) => s.items.filter((i) => ours.has(i.itemId));
    for (const p of ['SEN', 'ESP']) await hub.api.post(`/federation/partners/${p}/resume`);
    const partial = await waitFor('SEN part-way through', () => sen.stats(), (s) => heldOf(s).length > 0, { timeoutMs: 120_000, everyMs: 20 });
    await hub.kill();
    const atKill = heldOf(partial).length;
    assert.ok(atKill < count, 'killed before SEN had them all');
    await hub.start();
    await drained();
    const after = { sen: await sen.stats(), esp: await esp.stats() };
    for (const [name, b, a] of [['SEN', before.sen, after.sen], ['ESP', before.esp, after.esp]] as const) {
      const got = heldOf(a);
      assert.deepEqual(got.map((i) => i.itemId).sort(), [...ours].sort(), `${name} holds every acknowledged person, none more`);
      assert.ok(got.every((i) => i.version === 1 && !i.withdrawn));
      assert.equal(accepted(a) - accepted(b), count, `${name}: one accepted envelope per person`);
      assert.deepEqual(a.appliedTwice, [], `${name}: nothing applied twice`);
    }
    const rows = (await hub.api.get<{ items: QueueRow[] }>('/federation/queue?partner=SEN&status=delivered&limit=500')).items;
    assert.ok(rows.length > 0);
    t.diagnostic(`hub killed with ${atKill} of ${count} persons at SEN; after its restart ${count} at SEN and at ESP, each applied once`);
  });

  it('rotates the hub’s key: during the overlap envelopes under the old and the new key are accepted; the old one retired is refused', async () => {
    await drained();
    const oldKid = (await hub.api.get<{ kid: string }>('/federation/identity')).kid;
    const underOld = await hub.command<{ jws: string; body: unknown }>('seal', { to: 'SEN', kid: oldKid, body: personItem(crypto.randomUUID(), uniqueName()) });
    const jwks = await hub.api.post<{ keys: Array<{ kid: string; exp?: number }> }>('/federation/keys/rotate', { overlapHours: 24 });
    assert.equal(jwks.keys.length, 2);
    assert.ok(jwks.keys.find((k) => k.kid === oldKid)?.exp, 'the old key retires at the end of the overlap');
    const current = await hub.api.get<{ kid: string; jwk: unknown }>('/federation/identity');
    assert.notEqual(current.kid, oldKid);
    // the partners pin the new key, checked against the thumbprint the hub gave
    for (const n of [sen, esp]) await n.api.post('/federation/partners/MAR-HUB/keys', { jwk: current.jwk, thumbprint: current.kid });
    const name = uniqueName();
    const rec = await create(name);
    await delivered(rec.id, 'SEN');
    await waitFor('screenable at SEN', () => sen.api.screen(name), (ids) => ids.includes(rec.id), LONG);
    const [old] = await postInbox(sen, [underOld]);
    assert.equal(old.status, 'accepted', 'the old key is accepted during the overlap');
    const retire = await sen.api.raw('POST', `/federation/partners/MAR-HUB/keys/${oldKid}/retire`, {});
    assert.equal(retire.status, 204);
    const late = await hub.command('seal', { to: 'SEN', kid: oldKid, body: personItem(crypto.randomUUID(), uniqueName()) });
    const [refused] = await postInbox(sen, [late]);
    assert.deepEqual([refused.status, refused.reason], ['rejected', 'key_retired']);
    const newer = await create(uniqueName());
    await delivered(newer.id, 'SEN');
  });
});
