/**
 * Offline bundles between two nodes without a link, each on its own database: MAR-HUB cuts a
 * bundle of what is queued for SEN, SEN imports it through its inbox and writes the receipts,
 * MAR-HUB imports those. What is carried, what is refused and why, what is applied once only.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DB_TARGETS, describeOn, TEST_PASSWORD_COST } from '../../test/db-targets.ts';
import type { Actor } from '../auth/roles.ts';
import { loadConfig } from '../config.ts';
import { DAY_MS, fixedClock } from '../core/clock.ts';
import { createServices, type Services } from '../main.ts';
import { identityKeys, scanBundle, verifyBundle } from './bundle.ts';
import { type BundleDeps, exportBundle, importBundle, type ImportResult } from './bundle.service.ts';
import type { ShareItem } from './federation.service.ts';
import { FederationRepo } from './federation.repo.ts';
import { newOwnKey } from './keys.ts';


type Node = Services & { clock: ReturnType<typeof fixedClock> };

const agency = { code: 'MAR-NCB', country: 'MAR', names: { en: 'NCB Rabat', fr: 'BCN Rabat' } };
export const personItem = (name: string, over: Partial<ShareItem> = {}): ShareItem => ({
  type: 'item.upsert', category: 'person', itemId: randomUUID(), tlp: 'GREEN', restrictedTo: [], version: 1,
  data: { kind: 'person', data: { names: [{ value: name, type: 'primary' }], birthDates: ['1984'], nationalities: ['MAR'] }, displayName: name, ownerAgency: agency, legalBasisCode: 'interpol_rpd', legalBasis: 'INTERPOL RPD art. 10', reviewDate: '2030-01-01' },
  ...over,
});

for (const target of DB_TARGETS) {
  describeOn(target, `offline bundles on ${target.name}`, () => {
    let hub: Node;
    let sen: Node;
    let dir: string;
    const urls: string[] = [];
    const file = (name: string) => path.join(dir, name);
    const actor = (n: Node): Promise<Actor> => n.seeder.consoleActor();
    const deps = (n: Node): BundleDeps => ({ federation: n.federation, repo: new FederationRepo(), audit: n.audit, db: n.conn.db, clock: n.clock, ids: n.ids });
    const share = (item: ShareItem) => hub.conn.db.transaction().execute((trx) => hub.federation.share(trx, item));
    const importAt = async (n: Node, f: string, receiptsOut?: string) => importBundle(deps(n), await actor(n), { file: file(f), receiptsOut: receiptsOut && file(receiptsOut) });
    const statuses = async (itemId: string) => (await hub.federation.queue(await actor(hub), { itemId })).map((r) => `${r.partnerId}:${r.status}${r.reason ? `:${r.reason}` : ''}`);

    async function node(id: string, bureau: string): Promise<Node> {
      const url = await target.create();
      urls.push(url);
      const clock = fixedClock(new Date());
      const s = await createServices(
        { ...loadConfig({ ...process.env, NODE_ID: id, NODE_AGENCY: bureau, NATS_URL: '', LOG_LEVEL: 'silent' }), databaseUrl: url },
        { clock, passwordCost: TEST_PASSWORD_COST, command: 'test' },
      );
      return Object.assign(s, { clock });
    }

    async function enrol(a: Node, b: Node, agencies: string[]) {
      const id = await b.federation.identity();
      await a.federation.enrollPartner(await actor(a), { id: id.nodeId, names: { en: id.nodeId }, baseUrl: '', transport: 'bundle', agencies, key: { jwk: id.jwk, thumbprint: id.kid } });
      await a.federation.saveAgreement(await actor(a), {
        partner: id.nodeId, direction: a === hub ? 'outbound' : 'inbound', categories: a === hub ? ['person', 'vehicle'] : ['person'], maxTlp: 'AMBER',
        mayForward: false, validFrom: '2026-01-01', validTo: null, legalBasis: 'Accord de coopération policière', clause: 'art. 4',
      });
    }

    before(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'ribat-bundle-'));
      hub = await node('MAR-HUB', 'MAR-NCB');
      sen = await node('SEN', 'SEN-NCB');
      await enrol(hub, sen, ['SEN-NCB']);
      await enrol(sen, hub, ['MAR-NCB']);
    });
    after(async () => {
      await hub?.close();
      await sen?.close();
      for (const u of urls) await target.drop(u);
      rmSync(dir, { recursive: true, force: true });
    });

    const exportAs = async (out: string, over: Partial<Parameters<typeof exportBundle>[2]> = {}) => exportBundle(deps(hub), await actor(hub), { partnerId: 'SEN', out: file(out), ...over });

    it('carries what is queued for SEN there and the receipts back, and settles each item delivered', async () => {
      const a = personItem('Youssef El Alaoui');
      const b = personItem('Fatima Zahra Bennani');
      const red = personItem('Karim Tazi', { tlp: 'RED', restrictedTo: ['SEN-NCB'] });
      for (const i of [a, b, red]) await share(i);
      assert.deepEqual(await statuses(red.itemId), ['SEN:withheld:handling_exceeds_agreement'], 'the outbound filter kept the RED item back');
      const ex = await exportAs('one.bundle');
      assert.equal(ex.count, 2);
      assert.ok(ex.cursor.next, 'prints the next cursor');
      assert.deepEqual(await statuses(a.itemId), ['SEN:sent'], 'marked sent, waiting for its receipt');
      const m = await verifyBundle(await scanBundle(file('one.bundle')), await identityKeys(await hub.federation.identity(), (await hub.federation.identity()).kid), { now: new Date(), self: 'SEN' });
      assert.deepEqual([m.kind, m.from, m.to, m.count], ['envelopes', 'MAR-HUB', 'SEN', 2]);

      const im = (await importAt(sen, 'one.bundle', 'one.receipts.bundle')) as Extract<ImportResult, { kind: 'envelopes' }>;
      assert.deepEqual([im.accepted, im.duplicate, im.rejected], [2, 0, 0]);
      const held = await sen.federation.receivedItems(await actor(sen), { ownerNode: 'MAR-HUB' });
      assert.deepEqual(held.map((i) => i.itemId).sort(), [a.itemId, b.itemId].sort());

      const back = await importAt(hub, 'one.receipts.bundle');
      assert.equal(back.kind, 'receipts');
      assert.deepEqual(back.kind === 'receipts' && [back.delivered, back.rejected], [2, 0]);
      assert.deepEqual(await statuses(a.itemId), ['SEN:delivered']);
      const actions = (await hub.conn.db.selectFrom('auditLog').select('action').execute()).map((r) => r.action);
      assert.ok(actions.includes('federation.bundle.export') && actions.includes('federation.bundle.import'));
    });

    it('applies nothing twice when the same bundle, or the same receipts, come again', async () => {
      const c = personItem('Omar Idrissi');
      await share(c);
      await exportAs('twice.bundle');
      const first = await importAt(sen, 'twice.bundle', 'twice-1.receipts.bundle');
      const again = await importAt(sen, 'twice.bundle', 'twice-2.receipts.bundle');
      assert.deepEqual(first.kind === 'envelopes' && [first.accepted, first.duplicate], [1, 0]);
      assert.deepEqual(again.kind === 'envelopes' && [again.accepted, again.duplicate], [0, 1], 'the receipts say duplicate');
      const inbox = await sen.federation.inbox(await actor(sen), { sender: 'MAR-HUB', limit: 500 });
      assert.equal(inbox.filter((r) => r.status === 'accepted').length, 3, 'one inbox entry per envelope');
      const r1 = await importAt(hub, 'twice-1.receipts.bundle');
      const r2 = await importAt(hub, 'twice-2.receipts.bundle');
      assert.deepEqual(r1.kind === 'receipts' && r1.delivered, 1);
      assert.deepEqual(r2.kind === 'receipts' && [r2.delivered, r2.rejected], [0, 0]);
      assert.deepEqual(await statuses(c.itemId), ['SEN:delivered']);
    });

    it('refuses a bundle altered on the way, before applying any of it', async () => {
      const d = personItem('Nadia Chraibi');
      await share(d);
      await exportAs('altered.bundle');
      const lines = gunzipSync(readFileSync(file('altered.bundle'))).toString('utf8').split('\n');
      writeFileSync(file('altered-1.bundle'), gzipSync(lines.map((l, i) => (i === 0 ? l.replace('Nadia', 'Nadio') : l)).join('\n')));
      writeFileSync(file('altered-2.bundle'), gzipSync([lines[0], lines[0], ...lines.slice(1)].join('\n')));
      writeFileSync(file('altered-3.bundle'), readFileSync(file('altered.bundle')).subarray(0, 40));
      await assert.rejects(importAt(sen, 'altered-1.bundle'), { code: 'bundle_altered' });
      await assert.rejects(importAt(sen, 'altered-2.bundle'), { code: 'bundle_altered' });
      await assert.rejects(importAt(sen, 'altered-3.bundle'), { code: 'bundle_malformed' });
      const held = await sen.federation.receivedItems(await actor(sen), { ownerNode: 'MAR-HUB', limit: 500 });
      assert.equal(held.find((i) => i.itemId === d.itemId), undefined);
    });

    it('refuses a bundle from a node it does not know, signed by a key it did not pin, or meant for another node', async () => {
      const stranger = await newOwnKey(new Date());
      const strangerKeys = async (from: string, kid: string) => (kid === stranger.kid ? { ...stranger } : 'unknown_key' as const);
      await exportAs('to-sen.bundle');
      const scanned = await scanBundle(file('to-sen.bundle'));
      await assert.rejects(verifyBundle(scanned, strangerKeys, { now: new Date(), self: 'SEN' }), { code: 'bundle_unknown_key' });
      await assert.rejects(verifyBundle(scanned, async () => 'unknown_sender', { now: new Date(), self: 'SEN' }), { code: 'bundle_unknown_sender' });
      await assert.rejects(importAt(hub, 'to-sen.bundle'), { code: 'bundle_unknown_sender' }, 'MAR-HUB is not its own partner');
      const hubId = await hub.federation.identity();
      await assert.rejects(verifyBundle(scanned, await identityKeys(hubId, hubId.kid), { now: new Date(), self: 'ESP' }), { code: 'bundle_wrong_receiver' });
      await assert.rejects(identityKeys(hubId, stranger.kid), { code: 'key_not_pinned' });
    });

    it('answers what SEN’s own agreement does not cover with the inbox’s reason, carried back to the sender', async () => {
      const car = { ...personItem('x'), category: 'vehicle' as const, data: { kind: 'vehicle', data: { plate: '12345-A-6', plateCountry: 'MAR', status: 'stolen' }, ownerAgency: agency, reviewDate: '2030-01-01' } };
      await share(car);
      await exportAs('vehicle.bundle');
      const im = await importAt(sen, 'vehicle.bundle', 'vehicle.receipts.bundle');
      assert.deepEqual(im.kind === 'envelopes' && [im.accepted, im.rejected, im.reasons], [0, 1, { not_in_agreement: 1 }]);
      await importAt(hub, 'vehicle.receipts.bundle');
      assert.deepEqual(await statuses(car.itemId), ['SEN:rejected:not_in_agreement']);
    });

    it('takes a bundle carried for days, and refuses one whose envelopes expired on the way', async () => {
      const slow = personItem('Hassan Berrada');
      await share(slow);
      await exportAs('slow.bundle', { validDays: 5 });
      const skew = sen.federation.settings.maxSkewSeconds;
      sen.clock.advance(3 * DAY_MS);
      const im = await importAt(sen, 'slow.bundle');
      assert.deepEqual(im.kind === 'envelopes' && [im.accepted, im.reasons], [1, {}], 'three days on the road is not clock skew');
      assert.equal(sen.federation.settings.maxSkewSeconds, skew, 'the inbox’s own window is back');
      const late = personItem('Samira Lahlou');
      await share(late);
      await exportAs('late.bundle', { validDays: 1 });
      const lateIm = await importAt(sen, 'late.bundle');
      assert.deepEqual(lateIm.kind === 'envelopes' && lateIm.reasons, { expired: 1 });
    });

    it('keeps taking a bundle whose import lasts longer than the clock-skew window', async () => {
      sen.clock.set(hub.clock.now());
      for (const name of ['Anas Fassi', 'Zineb Tahiri', 'Mehdi Kettani']) await share(personItem(name));
      await exportAs('long.bundle');
      const step = (sen.federation.settings.maxSkewSeconds + 60) * 1000;
      const im = await importBundle(deps(sen), await actor(sen), { file: file('long.bundle'), batchSize: 1, onProgress: () => sen.clock.advance(step) });
      assert.deepEqual(im.kind === 'envelopes' && [im.accepted, im.reasons], [3, {}]);
    });

    it('refuses a bundle dated ahead of its clock, before applying any of it', async () => {
      const early = personItem('Driss Senhaji');
      await share(early);
      await exportAs('ahead.bundle');
      sen.clock.set(new Date(hub.clock.now().getTime() - 3_600_000));
      await assert.rejects(importAt(sen, 'ahead.bundle'), { code: 'bundle_clock_skew' });
      sen.clock.set(hub.clock.now());
      assert.equal((await sen.federation.receivedItems(await actor(sen), { limit: 500 })).find((i) => i.itemId === early.itemId), undefined);
    });

    it('carries again what got no receipt in time, and with a cursor what was sent after it', async () => {
      const e = personItem('Rachid Amrani');
      await share(e);
      const first = await exportAs('e1.bundle', { waitHours: 24 });
      assert.equal(first.count, 1);
      assert.equal((await exportAs('e2.bundle')).count, 0, 'still waiting for its receipt');
      const f = personItem('Laila Ouazzani');
      await share(f);
      const withF = await exportAs('e4.bundle', { waitHours: 24 });
      assert.equal(withF.count, 1, 'only the new item');
      const again = await exportAs('e5.bundle', { since: first.cursor.next!, waitHours: 24 });
      assert.equal(again.count, 1, 'what was sent after the cursor is cut again (a lost bundle)');
      hub.clock.advance(25 * 3_600_000);
      const overdue = await exportAs('e6.bundle');
      assert.equal(overdue.count, 2, 'both again once their wait ran out');
      await assert.rejects(exportAs('bad.bundle', { since: 'not-a-cursor' }), { code: 'invalid_cursor' });
    });

    it('leaves both nodes’ audit chains intact (reason codes audited as values, not keys)', async () => {
      for (const n of [hub, sen]) assert.equal((await n.audit.verifyChain()).ok, true, n.federation.nodeId);
    });

    // after the hub's clock moved on a day: these cases read no time
    it('refuses an unknown or suspended partner, and an actor without federation.manage', async () => {
      await assert.rejects(exportAs('x.bundle', { partnerId: 'ESP' }), { code: 'partner_not_found' });
      await hub.federation.setSuspended(await actor(hub), 'SEN', true);
      await assert.rejects(exportAs('x.bundle'), { code: 'partner_suspended' });
      await hub.federation.setSuspended(await actor(hub), 'SEN', false);
      const officer = { ...(await actor(hub)), roles: ['ncb_officer' as const] };
      await assert.rejects(exportBundle(deps(hub), officer, { partnerId: 'SEN', out: file('x.bundle') }), { status: 403 });
      copyFileSync(file('one.bundle'), file('one-copy.bundle'));
      await assert.rejects(importBundle(deps(sen), officer, { file: file('one-copy.bundle') }), { status: 403 });
    });
  });
}
