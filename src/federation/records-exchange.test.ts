/**
 * Records across nodes: a person created at the hub reaches the partners its agreements allow,
 * in the same transaction as the change; the partner holds it read-only with its provenance and
 * screens against it; the owner's update and deletion follow it, and a withdrawal follows every
 * partner that got it even after the agreement stopped covering persons.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningNode } from '../main.ts';
import { admin, agree, enrol, fedNode, officer } from '../../test/federation-inproc.ts';

const person = (name: string, latin: string) => ({
  kind: 'person' as const,
  data: { names: [{ value: name, type: 'primary' as const, script: 'Arab' }, { value: latin, type: 'alias' as const }], birthDates: ['1984-03-02'], nationalities: ['MAR'] },
  legalBasisCode: 'interpol_rpd',
  legalBasis: 'INTERPOL Rules on the Processing of Data, Art. 10',
});

describe('records shared between nodes', () => {
  let hub: RunningNode;
  let sen: RunningNode;
  let esp: RunningNode;

  before(async () => {
    hub = await fedNode('MAR-HUB', 'MAR-NCB');
    sen = await fedNode('SEN', 'SEN-NCB');
    esp = await fedNode('ESP', 'ESP-NCB');
    await enrol(hub, sen, ['SEN-NCB']);
    await enrol(hub, esp, ['ESP-NCB']);
    await enrol(sen, hub, ['MAR-NCB']);
    await enrol(esp, hub, ['MAR-NCB']);
    await agree(hub, 'SEN', 'outbound', { categories: ['person'] });
    await agree(hub, 'ESP', 'outbound', { categories: ['person'], maxTlp: 'GREEN' });
    await agree(sen, 'MAR-HUB', 'inbound', { categories: ['person'] });
    await agree(esp, 'MAR-HUB', 'inbound', { categories: ['person'], maxTlp: 'GREEN' });
    await Promise.all([hub, sen, esp].map((n) => n.services.screening.start()));
  });
  after(async () => {
    await Promise.all([hub, sen, esp].map((n) => n?.close()));
  });

  const screenAt = async (n: RunningNode, name: string) =>
    (await n.services.screening.screenPerson(await officer(n, n === hub ? undefined : `${n.services.federation.nodeId}-NCB`), { name }, 'federation test')).candidates;

  it('sends an AMBER person to SEN, withholds it from ESP, and SEN screens against it with its provenance', async () => {
    const rec = await hub.services.records.create(await officer(hub), person('يوسف بنعلي', 'Youssef Benali'));
    const q = await hub.services.federation.queue(await admin(hub), { itemId: rec.id });
    assert.deepEqual(q.map((r) => [r.partnerId, r.status, r.reason]).sort(), [['ESP', 'withheld', 'handling_exceeds_agreement'], ['SEN', 'queued', null]]);
    await hub.services.federation.flush();
    const held = await sen.services.records.get(await officer(sen, 'SEN-NCB'), rec.id);
    assert.equal(held.source, 'node:MAR-HUB');
    assert.equal(held.ownerAgencyCode, 'MAR-NCB');
    assert.equal(held.version, 1);
    const found = await screenAt(sen, 'Youssef Benali');
    assert.equal(found[0]?.id, rec.id, 'the received person is screenable at SEN');
    assert.equal(found[0]?.ownerAgencyCode, 'MAR-NCB');
    assert.deepEqual(await screenAt(esp, 'Youssef Benali'), []);
  });

  it('keeps a received record read-only at the partner', async () => {
    const rec = await hub.services.records.create(await officer(hub), person('مريم الإدريسي', 'Meryem Idrissi'));
    await hub.services.federation.flush();
    const senAdmin = { ...(await admin(sen)), roles: ['ncb_officer', 'dpo'] as const };
    await assert.rejects(sen.services.records.update(senAdmin as never, rec.id, { version: 1, legalBasis: 'changed here' }), { code: 'foreign_record_read_only' });
  });

  it('follows the owner’s update and deletion, and the deletion takes the person out of SEN’s screening', async () => {
    const actor = await officer(hub);
    const rec = await hub.services.records.create(actor, person('كريم الفاسي', 'Karim Fassi'));
    await hub.services.federation.flush();
    const updated = await hub.services.records.update(actor, rec.id, { version: rec.version, data: { ...person('', '').data, names: [{ value: 'Karim El Fassi', type: 'primary' }] } });
    await hub.services.federation.flush();
    assert.equal((await sen.services.records.get(await officer(sen, 'SEN-NCB'), rec.id)).version, updated.version);
    assert.equal((await screenAt(sen, 'Karim El Fassi'))[0]?.id, rec.id);
    // the agreement stops covering persons; the withdrawal still follows the item to SEN
    const [a] = await hub.services.federation.agreements(await admin(hub), 'SEN');
    await hub.services.federation.saveAgreement(await admin(hub), { ...a, categories: ['notice.red'] });
    await hub.services.records.remove(actor, rec.id, updated.version);
    await hub.services.federation.flush();
    await assert.rejects(sen.services.records.get(await officer(sen, 'SEN-NCB'), rec.id), /No such record/);
    assert.equal((await screenAt(sen, 'Karim El Fassi')).find((c) => c.id === rec.id), undefined);
    const rows = await hub.services.federation.queue(await admin(hub), { itemId: rec.id, partnerId: 'SEN' });
    assert.ok(rows.every((r) => r.status === 'delivered'), JSON.stringify(rows.map((r) => [r.type, r.status])));
    await hub.services.federation.saveAgreement(await admin(hub), { ...a });
  });

  it('counts agencies of other nodes as theirs, not this node’s, for items restricted to named agencies', async () => {
    const got = await sen.services.authRepo.agencyByCode(sen.services.conn.db, 'MAR-NCB');
    assert.equal(got?.kind, 'foreign');
  });
});
