/**
 * Messages across nodes: the agencies a partner hosts are offered as recipients with their
 * node; a thread from the hub's bureau to SEN-NCB is queued in the message's transaction,
 * reaches SEN's inbox with its deadline, and SEN's reply comes back into the hub's thread; what
 * an agreement does not cover stays at home with its reason, and a RED message goes only to the
 * node hosting the agency it names.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { RunningNode } from '../main.ts';
import { admin, agree, enrol, fedNode, officer } from '../../test/federation-inproc.ts';

const idOf = async (n: RunningNode, code: string) => (await n.services.authRepo.agencyByCode(n.services.conn.db, code))!.id;

describe('messages between nodes', () => {
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
    for (const p of ['SEN', 'ESP']) await agree(hub, p, 'outbound', { categories: ['message'] });
    await agree(hub, 'SEN', 'inbound', { categories: ['message'] });
    await agree(sen, 'MAR-HUB', 'inbound', { categories: ['message'] });
    await agree(sen, 'MAR-HUB', 'outbound', { categories: ['message'] });
    await agree(esp, 'MAR-HUB', 'inbound', { categories: ['message'] });
  });
  after(async () => {
    await Promise.all([hub, sen, esp].map((n) => n?.close()));
  });

  const senOfficer = () => officer(sen, 'SEN-NCB');
  const threadsAt = async (n: RunningNode, code: string) => (await n.services.messages.listThreads(await officer(n, code), {})).items;

  it('offers the agencies of partner nodes as recipients, labelled with their node', async () => {
    const list = await hub.services.messages.recipients(await officer(hub), undefined);
    assert.deepEqual(list.map((a) => [a.code, a.originNode]).sort(), [['ESP-NCB', 'ESP'], ['SEN-NCB', 'SEN']]);
    const back = await sen.services.messages.recipients(await senOfficer(), undefined);
    assert.deepEqual(back.map((a) => [a.code, a.originNode]), [['MAR-NCB', 'MAR-HUB']]);
    assert.equal((await hub.services.authRepo.agencyByCode(hub.services.conn.db, 'SEN-NCB'))?.kind, 'foreign');
  });

  let threadId = '';
  let firstId = '';

  it('sends a thread from the hub’s bureau to SEN-NCB, which SEN shows in its inbox with the deadline', async () => {
    const { thread, message } = await hub.services.messages.startThread(await officer(hub), {
      subject: 'Passeport SEN A1234567',
      recipients: [await idOf(hub, 'SEN-NCB')],
      body: 'Merci de confirmer la validité de ce passeport.',
      tlp: 'AMBER',
      urgency: 'urgent',
      attachments: [{ filename: 'copie.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 copie').toString('base64') }],
    });
    threadId = thread.id;
    firstId = message.id;
    const q = await hub.services.federation.queue(await admin(hub), { itemId: message.id });
    assert.deepEqual(q.map((r) => [r.partnerId, r.status, r.reason]).sort(), [['ESP', 'withheld', 'restricted_to_named_agencies'], ['SEN', 'queued', null]], 'only the node hosting the recipient gets it');
    await hub.services.federation.flush();

    const inbox = await threadsAt(sen, 'SEN-NCB');
    assert.deepEqual(inbox.map((t) => [t.id, t.originNode, t.unread, t.urgency]), [[thread.id, 'MAR-HUB', 1, 'urgent']]);
    const read = await sen.services.messages.readThread(await senOfficer(), thread.id);
    assert.equal(read.thread.originNode, 'MAR-HUB');
    assert.equal(read.thread.createdByAgencyCode, 'MAR-NCB');
    const [got] = read.messages;
    assert.equal(got.id, message.id, 'the sender’s message id is kept');
    assert.equal(got.originNode, 'MAR-HUB');
    assert.equal(got.senderAgencyCode, 'MAR-NCB');
    assert.equal(new Date(got.deadlineAt).toISOString(), new Date(message.deadlineAt).toISOString(), 'the sender’s deadline');
    assert.equal(got.tlp, 'AMBER');
    assert.deepEqual(got.receipts.map((r) => r.agencyCode), ['SEN-NCB']);
    assert.deepEqual(got.attachments.map((a) => [a.filename, a.heldAtNode, a.sha256]), [['copie.pdf', 'MAR-HUB', message.attachments[0].sha256]], 'the file stays at the sender; its listing travels');
    await assert.rejects(sen.services.messages.attachment(await senOfficer(), got.attachments[0].id), { code: 'attachment_not_found' });
    assert.deepEqual(await threadsAt(esp, 'ESP-NCB'), []);
  });

  it('applies a message received twice once', async () => {
    const rows = await hub.services.federation.queue(await admin(hub), { itemId: firstId, partnerId: 'SEN' });
    const [same] = await hub.services.federation.seal('SEN', rows);
    const [fresh] = await hub.services.federation.seal('SEN', rows.map((r) => ({ ...r, id: randomUUID() })));
    assert.deepEqual((await sen.services.federation.receive([same, fresh])).map((r) => r.status), ['duplicate', 'accepted']);
    const read = await sen.services.messages.readThread(await senOfficer(), threadId);
    assert.deepEqual(read.messages.map((m) => m.id), [firstId]);
  });

  it('sends SEN’s reply back into the hub’s thread', async () => {
    const reply = await sen.services.messages.reply(await senOfficer(), threadId, { body: 'Passeport valide, délivré à Dakar.', tlp: 'AMBER', urgency: 'normal' });
    assert.deepEqual(reply.receipts.map((r) => r.agencyCode), ['MAR-NCB'], 'by default, to the thread’s other participants');
    await sen.services.federation.flush();
    const read = await hub.services.messages.readThread(await officer(hub), threadId);
    assert.deepEqual(read.messages.map((m) => [m.id, m.senderAgencyCode, m.originNode ?? null]), [[firstId, 'MAR-NCB', null], [reply.id, 'SEN-NCB', 'SEN']]);
    assert.equal(read.thread.originNode, undefined, 'the thread is still the hub’s own');
    assert.deepEqual(read.thread.participants, ['MAR-NCB', 'SEN-NCB']);
  });

  it('refuses a malformed message and one that speaks for an agency of the receiving node', async () => {
    const row = (await sen.services.federation.queue(await admin(sen), { partnerId: 'MAR-HUB' }))[0];
    const item = (row.body as { item: Record<string, unknown> }).item;
    const envelope = (change: Record<string, unknown>, itemId = randomUUID()) => {
      const data = { ...(item.data as Record<string, unknown>), messageId: itemId, ...change };
      return sen.services.federation.seal('MAR-HUB', [{ id: randomUUID(), type: 'item.upsert', hops: 0, body: { item: { ...item, id: itemId, data } } }]);
    };
    for (const change of [{ body: 42 }, { recipients: [] }, { deadlineAt: new Date(Date.now() + 30 * 86_400_000).toISOString() }, { messageId: randomUUID() }]) {
      const [r] = await hub.services.federation.receive(await envelope(change));
      assert.deepEqual([r.status, r.reason], ['rejected', 'schema_invalid'], JSON.stringify(change));
    }
    const [spoof] = await hub.services.federation.receive(await envelope({ senderAgency: { code: 'MAR-NCB', country: 'MAR', names: { en: 'x' } } }));
    assert.deepEqual([spoof.status, spoof.reason], ['rejected', 'owner_conflict']);
    assert.equal((await hub.services.messages.readThread(await officer(hub), threadId)).messages.length, 2, 'nothing was applied');
  });

  it('keeps a message at home, withheld with the reason, when the agreement does not cover messages', async () => {
    const outbound = (await hub.services.federation.agreements(await admin(hub), 'SEN')).find((x) => x.direction === 'outbound')!;
    await hub.services.federation.saveAgreement(await admin(hub), { ...outbound, categories: ['person'] });
    try {
      const { thread, message } = await hub.services.messages.startThread(await officer(hub), { subject: 'Hors accord', recipients: [await idOf(hub, 'SEN-NCB')], body: 'Reste ici.', tlp: 'GREEN', urgency: 'normal' });
      const [row] = await hub.services.federation.queue(await admin(hub), { itemId: message.id, partnerId: 'SEN' });
      assert.deepEqual([row.status, row.reason], ['withheld', 'not_in_agreement']);
      assert.match(row.detail ?? '', /covers message/);
      await hub.services.federation.flush();
      assert.equal((await threadsAt(sen, 'SEN-NCB')).find((t) => t.id === thread.id), undefined);
      assert.equal((await hub.services.messages.readThread(await officer(hub), thread.id)).messages.length, 1, 'the message is kept at the hub');
    } finally {
      await hub.services.federation.saveAgreement(await admin(hub), outbound);
    }
  });

  it('sends a RED message to an agency of SEN to SEN only, never to ESP', async () => {
    const { thread, message } = await hub.services.messages.startThread(await officer(hub), { subject: 'Source', recipients: [await idOf(hub, 'SEN-NCB')], body: 'Nom de la source.', tlp: 'RED', urgency: 'urgent' });
    const q = await hub.services.federation.queue(await admin(hub), { itemId: message.id });
    assert.deepEqual(q.map((r) => [r.partnerId, r.status, r.reason]).sort(), [['ESP', 'withheld', 'restricted_to_named_agencies'], ['SEN', 'queued', null]]);
    await hub.services.federation.flush();
    assert.equal((await threadsAt(sen, 'SEN-NCB')).find((t) => t.id === thread.id)?.originNode, 'MAR-HUB');
    assert.deepEqual(await threadsAt(esp, 'ESP-NCB'), []);
    assert.deepEqual((await esp.services.federation.inbox(await admin(esp), {})).filter((r) => r.sender === 'MAR-HUB'), []);
  });

  it('alarms an unread message past its deadline at the recipient’s node, not at the sender’s', async () => {
    const later = new Date(Date.now() + 9 * 3_600_000);
    assert.deepEqual(await hub.services.messages.alarmOverdue(later), { alarmed: 0 }, 'SEN-NCB reads its messages at SEN');
    assert.deepEqual(await sen.services.messages.alarmOverdue(later), { alarmed: 1 }, 'the unread RED message (the first one was read)');
  });

  it('keeps a message between agencies of one node at home', async () => {
    const before = (await hub.services.federation.queue(await admin(hub), {})).length;
    const other = randomUUID();
    await hub.services.authRepo.insertAgency(hub.services.conn.db, { id: other, code: 'MAR-DGSN', country: 'MAR', kind: 'police', names: { ar: 'م', fr: 'DGSN', en: 'DGSN', es: 'DGSN' }, isHub: false, createdAt: new Date() });
    await hub.services.messages.startThread(await officer(hub), { subject: 'Interne', recipients: [other], body: 'Entre nous.', tlp: 'GREEN', urgency: 'normal' });
    assert.equal((await hub.services.federation.queue(await admin(hub), {})).length, before);
  });
});
