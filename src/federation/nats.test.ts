/**
 * The NATS transport over two real nats-server processes, one per node, each its own JetStream
 * domain (MAR-HUB, SEN), joined by a leaf-node link: the hub's items reach SEN once each, SEN's
 * receipts settle the hub's rows, a link down leaves items stored at the hub until it is back,
 * and a message published twice is stored and applied once.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { compactVerify, importJWK } from 'jose';
import type { Actor } from '../auth/roles.ts';
import { startNode, type RunningNode } from '../main.ts';
import { DB_TARGETS, describeOn, TEST_PASSWORD_COST } from '../../test/db-targets.ts';
import { sharedRedNoticeData } from '../../test/federation-inproc.ts';
import { type LeafPair, natsServerSkip, startLeafPair } from '../../test/nats-servers.ts';
import type { Agreement } from './federation.ts';
import { inStream, NatsLink, outStream, subjectOf } from './nats-transport.ts';

async function node(id: string, bureau: string, natsUrl: string): Promise<RunningNode> {
  const n = await startNode(
    { databaseUrl: 'pglite:memory:', port: 0, seedScale: 'none', logLevel: 'silent', webDist: 'web/does-not-exist', passwordCost: TEST_PASSWORD_COST, intervals: { federationSend: 0, federationNatsSync: 200 } },
    { ...process.env, NATS_URL: '', NODE_ID: id, DATABASE_URL: '', FEDERATION_NATS_URL: natsUrl, FEDERATION_NATS_DOMAIN: '', FEDERATION_NATS_PARTNER_DOMAINS: '' },
  );
  if (bureau !== 'MAR-NCB') {
    await n.services.authRepo.insertAgency(n.services.conn.db, { id: crypto.randomUUID(), code: bureau, country: bureau.slice(0, 3), kind: 'ncb', names: { ar: bureau, fr: bureau, en: bureau, es: bureau }, isHub: false, createdAt: new Date() });
  }
  return n;
}

const admin = (n: RunningNode): Promise<Actor> => n.services.seeder.consoleActor();

async function enrol(a: RunningNode, b: RunningNode, agencies: string[]) {
  const id = await b.services.federation.identity();
  await a.services.federation.enrollPartner(await admin(a), { id: id.nodeId, names: { en: id.nodeId }, baseUrl: b.url, transport: 'nats', agencies, key: { jwk: id.jwk, thumbprint: id.kid } });
}

async function agree(a: RunningNode, partner: string, direction: Agreement['direction']) {
  await a.services.federation.saveAgreement(await admin(a), {
    partner, direction, categories: ['notice.red'], maxTlp: 'RED', mayForward: false, validFrom: '2026-01-01', validTo: null,
    legalBasis: 'Bilateral police cooperation agreement', clause: `${direction} ${partner}`,
  });
}

const redNotice = (id: string) => ({
  type: 'item.upsert' as const, category: 'notice.red' as const, itemId: id, tlp: 'RED' as const, restrictedTo: ['SEN-NCB'], version: 1,
  data: sharedRedNoticeData(id, 'Test Person'),
});

async function waitFor<T>(what: string, probe: () => Promise<T>, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (done(v)) return v;
    if (Date.now() > until) assert.fail(`${what}: still ${JSON.stringify(v)} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const payloadOf = (jws: string) => JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString('utf8'));

describeOn(DB_TARGETS[0], 'federation over NATS JetStream: two nodes, two nats-servers, a leaf-node link', { skip: natsServerSkip }, () => {
  let servers: LeafPair;
  let hub: RunningNode;
  let sen: RunningNode;
  const conns: NatsConnection[] = [];

  before(async () => {
    // SEN's leaf user on the hub's server may reach its own stream there and nothing else
    const leafPermissions = new NatsLink({ url: '', nodeId: 'MAR-HUB', domain: 'MAR-HUB' }).leafPermissions('SEN');
    servers = await startLeafPair({ hubDomain: 'MAR-HUB', leafDomain: 'SEN', leafUser: { name: 'SEN', permissions: leafPermissions } });
    [hub, sen] = await Promise.all([node('MAR-HUB', 'MAR-NCB', servers.hub.url), node('SEN', 'SEN-NCB', servers.leaf.url)]);
    await enrol(hub, sen, ['SEN-NCB']);
    await enrol(sen, hub, ['MAR-NCB']);
    await agree(hub, 'SEN', 'outbound');
    await agree(sen, 'MAR-HUB', 'inbound');
  });
  after(async () => {
    try {
      await Promise.all(conns.map((c) => c.close()));
      await Promise.all([hub, sen].map((n) => n?.close()));
    } finally {
      // the servers and their stores go whatever became of the nodes
      await servers?.dispose();
    }
  });

  const share = (id: string) => hub.services.conn.db.transaction().execute((trx) => hub.services.federation.share(trx, redNotice(id)));
  const rows = async (ids: string[]) => (await hub.services.federation.queue(await admin(hub), { partnerId: 'SEN', limit: 500 })).filter((r) => ids.includes(r.itemId));
  const statuses = async (ids: string[]) => (await rows(ids)).map((r) => r.status).sort();
  const applied = async (envelope: string) =>
    (await sen.services.conn.db.selectFrom('auditLog').select(['action', 'details']).where('action', '=', 'federation.receive').execute()).filter((e) => (e.details as { envelope?: string }).envelope === envelope).length;
  const admin_ = async (url: string, domain: string) => {
    const nc = await connect({ servers: url });
    conns.push(nc);
    return { js: jetstream(nc, { domain }), jsm: await jetstreamManager(nc, { domain }) };
  };

  it('delivers each shared item to SEN once and settles the hub’s rows with SEN’s signed receipts', async () => {
    const ids = ['n1', 'n2', 'n3'];
    for (const id of ids) await share(id);
    await hub.services.federation.flush();
    await waitFor('the hub’s rows', () => statuses(ids), (s) => s.every((x) => x === 'delivered'));
    const senKey = await importJWK((await sen.services.federation.identity()).jwk, 'EdDSA');
    for (const row of await rows(ids)) {
      const jws = (row.receipt as { jws: string }).jws;
      const { payload } = await compactVerify(jws, senKey);
      const receipt = JSON.parse(new TextDecoder().decode(payload));
      assert.deepEqual([receipt.from, receipt.to, receipt.envelope, receipt.status], ['SEN', 'MAR-HUB', row.id, 'accepted']);
      assert.equal(await applied(row.id), 1, `applied once at SEN: ${row.itemId}`);
    }
    const held = await sen.services.federation.receivedItems(await admin(sen), { ownerNode: 'MAR-HUB' });
    assert.deepEqual(held.map((i) => i.itemId).sort(), ids);
    const inbound = await sen.services.federation.inbox(await admin(sen), { sender: 'MAR-HUB' });
    assert.deepEqual(inbound.map((r) => r.status), ['accepted', 'accepted', 'accepted']);
  });

  it('keeps items stored at the hub while SEN’s server is down, and delivers them once it is back', async () => {
    const { jsm } = await admin_(servers.hub.url, 'MAR-HUB');
    const before = (await jsm.streams.info(outStream('SEN'))).state.messages;
    await servers.leaf.stop();
    const ids = ['n4', 'n5'];
    try {
      for (const id of ids) await share(id);
      const t = await hub.services.federation.sendDue('SEN');
      assert.deepEqual([t.sent, t.delivered, t.retrying], [2, 0, 0], 'stored, not retried');
      assert.deepEqual(await statuses(ids), ['sent', 'sent'], 'awaiting their receipts');
      assert.equal((await jsm.streams.info(outStream('SEN'))).state.messages, before + 2, 'in the hub’s outbound stream');
      const summary = (await hub.services.federation.queueSummary(await admin(hub))).find((s) => s.partner === 'SEN');
      assert.equal(summary?.awaitingReceipt, 2);
    } finally {
      await servers.leaf.start();
    }
    await waitFor('the hub’s rows after the link is back', () => statuses(ids), (s) => s.every((x) => x === 'delivered'), 40_000);
    for (const row of await rows(ids)) assert.equal(await applied(row.id), 1, `applied once at SEN: ${row.itemId}`);
  });

  it('stores a message published twice with one id once, and applies an envelope that arrives twice once', async () => {
    const [row] = await rows(['n1']);
    const [envelope] = await hub.services.federation.seal('SEN', [row]);
    const { js } = await admin_(servers.hub.url, 'MAR-HUB');
    const again = await js.publish(subjectOf('MAR-HUB', 'SEN', 'env'), JSON.stringify(envelope), { msgID: row.id });
    assert.equal(again.duplicate, true, 'deduplicated on Nats-Msg-Id');
    // past the stream's window, or resent by hand under another id: the receiver deduplicates
    const other = await js.publish(subjectOf('MAR-HUB', 'SEN', 'env'), JSON.stringify(envelope), { msgID: `${row.id}-resent` });
    assert.equal(other.duplicate, false);
    const at = await admin_(servers.leaf.url, 'SEN');
    await waitFor(
      'SEN’s envelope consumer',
      async () => {
        const [c, s] = await Promise.all([at.jsm.consumers.info(inStream('MAR-HUB'), 'ribat_env'), at.jsm.streams.info(inStream('MAR-HUB'))]);
        return { acked: c.ack_floor.stream_seq, pending: c.num_pending + c.num_ack_pending, last: s.state.last_seq, hasResent: s.state.messages };
      },
      (v) => v.pending === 0 && v.acked === v.last,
    );
    assert.equal(await applied(row.id), 1, 'applied once');
    const inbound = (await sen.services.federation.inbox(await admin(sen), { sender: 'MAR-HUB' })).filter((r) => r.id === row.id);
    assert.equal(inbound.length, 1);
    const [settled] = await rows(['n1']);
    assert.equal(settled.status, 'delivered');
    assert.equal(payloadOf((settled.receipt as { jws: string }).jws).status, 'accepted');
  });

  it('refuses SEN’s server another partner’s stream on the hub’s server: no API, no sourcing, no eavesdropping', async () => {
    const { js, jsm } = await admin_(servers.hub.url, 'MAR-HUB');
    await jsm.streams.add({ name: outStream('ESP'), subjects: ['ribatfed.MAR-HUB.ESP.>'] });
    await js.publish(subjectOf('MAR-HUB', 'ESP', 'env'), JSON.stringify({ jws: 'for ESP only', body: {} }), { msgID: 'esp-1' });
    const nc = await connect({ servers: servers.leaf.url });
    conns.push(nc);
    const heard: string[] = [];
    const sub = nc.subscribe('ribatfed.MAR-HUB.>', { callback: (_e, m) => void heard.push(m.subject) });
    const across = await jetstreamManager(nc, { apiPrefix: '$JS.MAR-HUB.API', checkAPI: false, timeout: 1500 });
    await assert.rejects(across.streams.info(outStream('ESP')), 'the hub’s JetStream API is closed to SEN’s clients');
    const atSen = await jetstreamManager(nc, { domain: 'SEN' });
    const source = (stream: string) => ({ name: stream, external: { api: '$JS.MAR-HUB.API', deliver: 'ribatfed.dlv.SEN.MAR-HUB' } });
    await atSen.streams.add({ name: 'PEEK', subjects: [], sources: [source(outStream('ESP'))] });
    // the same made for its own stream works: what is refused is the other partner's
    await atSen.streams.add({ name: 'PEEK_OWN', subjects: [], sources: [source(outStream('SEN'))] });
    await js.publish(subjectOf('MAR-HUB', 'ESP', 'env'), JSON.stringify({ jws: 'for ESP only', body: {} }), { msgID: 'esp-2' });
    await waitFor('its own stream sourced', async () => (await atSen.streams.info('PEEK_OWN')).state.messages, (n) => n > 0);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal((await atSen.streams.info('PEEK')).state.messages, 0, 'another partner’s is not');
    assert.deepEqual(heard, []);
    sub.unsubscribe();
  });
});
