/**
 * Notices and hits across nodes: a red notice published at the hub reaches the partners its
 * agreements allow, is held read-only there, and its subject enters their screening; a hit
 * there reaches the hub's owner bureau with its deadline and moves the notice at the hub, whose
 * new state comes back; a cancellation at the hub takes the subject out of the partner's
 * screening; a diffusion goes only to the nodes of its addressees.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../auth/roles.ts';
import type { RunningNode } from '../main.ts';
import { ForeignRecords } from '../records/foreign-records.ts';
import { RecordsRepo } from '../records/records.repo.ts';
import { redNotice } from '../../test/notice-factories.ts';
import { admin, agree, enrol, fedNode, officer } from '../../test/federation-inproc.ts';

describe('notices and hits shared between nodes', () => {
  let hub: RunningNode;
  let sen: RunningNode;
  let esp: RunningNode;
  let senNcbAtHub: string;

  const reviewer = async (): Promise<Actor> => ({ ...(await admin(hub)), roles: ['reviewer'] });
  const senOfficer = () => officer(sen, 'SEN-NCB');

  /** Request, review and publication at the hub, as its bureau and its reviewer do it. */
  async function publish(input: Parameters<RunningNode['services']['notices']['create']>[1]) {
    const me = await officer(hub);
    let n = await hub.services.notices.create(me, input);
    n = await hub.services.notices.act(me, n.id, 'submit', { version: n.version });
    if (n.state === 'published') return n;
    n = await hub.services.notices.act(await reviewer(), n.id, 'start_review', { version: n.version });
    return hub.services.notices.act(await reviewer(), n.id, 'publish', { version: n.version });
  }

  const screenAt = async (n: RunningNode, actor: Actor, name: string) => n.services.screening.screenPerson(actor, { name, birthDate: '1985-03-14' }, 'federation test');

  before(async () => {
    hub = await fedNode('MAR-HUB', 'MAR-NCB');
    sen = await fedNode('SEN', 'SEN-NCB');
    esp = await fedNode('ESP', 'ESP-NCB');
    await enrol(hub, sen, ['SEN-NCB']);
    await enrol(hub, esp, ['ESP-NCB']);
    await enrol(sen, hub, ['MAR-NCB']);
    await enrol(esp, hub, ['MAR-NCB']);
    await agree(hub, 'SEN', 'outbound', { categories: ['notice.red', 'diffusion'] });
    await agree(hub, 'ESP', 'outbound', { categories: ['notice.red', 'diffusion'], maxTlp: 'AMBER' });
    await agree(hub, 'SEN', 'inbound', { categories: ['hit'] });
    await agree(sen, 'MAR-HUB', 'inbound', { categories: ['notice.red', 'diffusion'] });
    await agree(sen, 'MAR-HUB', 'outbound', { categories: ['hit'] });
    await agree(esp, 'MAR-HUB', 'inbound', { categories: ['notice.red', 'diffusion'], maxTlp: 'AMBER' });
    await Promise.all([hub, sen, esp].map((n) => n.services.screening.start()));
    // the hub's bureau may name SEN's bureau: an agency of another node, held as kind `foreign`
    senNcbAtHub = await new ForeignRecords(new RecordsRepo(), hub.services.authRepo, hub.services.ids).agencyId(hub.services.conn.db, { code: 'SEN-NCB', country: 'SEN', names: { en: 'NCB Dakar' } }, new Date());
  });
  after(async () => {
    await Promise.all([hub, sen, esp].map((n) => n?.close()));
  });

  it('sends a RED red notice to SEN, withholds it from ESP (AMBER), and SEN holds it read-only with its subject screenable', async () => {
    const n = await publish(redNotice('Mamadou Diallo', { handling: { tlp: 'RED', restrictedTo: [senNcbAtHub] } }));
    assert.equal(n.state, 'published');
    const q = await hub.services.federation.queue(await admin(hub), { itemId: n.id });
    assert.deepEqual(q.map((r) => [r.partnerId, r.category, r.status, r.reason]).sort(), [['ESP', 'notice.red', 'withheld', 'handling_exceeds_agreement'], ['SEN', 'notice.red', 'queued', null]]);
    await hub.services.federation.flush();
    const held = await sen.services.notices.get(await senOfficer(), n.id);
    assert.equal(held.originNode, 'MAR-HUB');
    assert.equal(held.reference, `MAR-HUB/${n.reference}`);
    assert.equal(held.state, 'published');
    assert.equal(held.ownerAgencyCode, 'MAR-NCB');
    assert.ok(held.subjectRecordId, 'the subject entered SEN’s screening');
    await assert.rejects(esp.services.notices.get(await officer(esp, 'ESP-NCB'), n.id), { code: 'notice_not_found' });
    // nobody at SEN moves or edits it
    await assert.rejects(sen.services.notices.act(await senOfficer(), n.id, 'cancel', { version: held.version, reason: 'no' }), { code: 'foreign_notice_read_only' });
  });

  it('opens a hit at SEN that reaches the hub’s owner bureau with its deadline, and the hub’s move comes back', async () => {
    const n = await publish(redNotice('Ousmane Ndiaye', { handling: { tlp: 'AMBER', restrictedTo: [] } }));
    await hub.services.federation.flush();
    const border = await senOfficer();
    const screened = await screenAt(sen, border, 'Ousmane Ndiaye');
    assert.equal(screened.hits.length, 1, 'the screening at SEN opened a hit on the foreign notice');
    const hitId = screened.hits[0].hitId;
    const local = await sen.services.hits.get(border, hitId);
    assert.deepEqual(local.tasks.map((t) => t.side), ['screening'], 'the owner’s task is the owner node’s');
    const sent = await sen.services.federation.queue(await admin(sen), { itemId: hitId });
    assert.deepEqual(sent.map((r) => [r.partnerId, r.category, r.status]), [['MAR-HUB', 'hit', 'queued']]);
    await sen.services.federation.flush();

    const bureau = await officer(hub);
    const atHub = await hub.services.hits.get(bureau, hitId);
    assert.equal(atHub.noticeId, n.id);
    assert.equal(atHub.screenedByAgencyCode, 'SEN-NCB');
    assert.equal(atHub.urgency, 'urgent', 'a red notice is followed up as urgent');
    const [task] = atHub.tasks;
    assert.equal(task.side, 'owner');
    const hours = (new Date(task.dueAt).getTime() - new Date(atHub.createdAt).getTime()) / 3_600_000;
    assert.equal(Math.round(hours), 8);
    const notes = await hub.services.notifications.list(bureau, {});
    assert.ok(notes.items.some((x) => x.kind === 'hit_created' && x.refId === hitId), 'the owner bureau is notified');
    assert.equal((await hub.services.notices.get(bureau, n.id)).state, 'hit_reported');

    // the hub's notice moved: SEN's copy follows
    await hub.services.federation.flush();
    assert.equal((await sen.services.notices.get(border, n.id)).state, 'hit_reported');

    // SEN's officers located the person: the outcome travels and locates the notice at the hub
    const h = await sen.services.hits.get(border, hitId);
    await sen.services.hits.recordOutcome(border, hitId, { status: 'located', note: 'Seen at Dakar airport', version: h.version });
    await sen.services.federation.flush();
    const located = await hub.services.hits.get(bureau, hitId);
    assert.equal(located.status, 'located');
    assert.equal((await hub.services.notices.get(bureau, n.id)).state, 'located');
    // the same hit sent twice is applied once
    assert.equal((await hub.services.hits.list(bureau, { noticeId: n.id })).items.length, 1);
  });

  it('takes the subject out of SEN’s screening when the hub cancels the notice', async () => {
    const n = await publish(redNotice('Cheikh Sarr', { handling: { tlp: 'AMBER', restrictedTo: [] } }));
    await hub.services.federation.flush();
    const border = await senOfficer();
    const before = await sen.services.notices.get(border, n.id);
    const found = ((await screenAt(sen, { ...border, userId: 'other-officer' }, 'Cheikh Sarr')).candidates) as Array<{ id: string }>;
    assert.ok(found.some((c) => c.id === before.subjectRecordId));
    const me = await officer(hub);
    const live = await hub.services.notices.get(me, n.id);
    await hub.services.notices.act(me, n.id, 'cancel', { version: live.version, reason: 'Warrant withdrawn' });
    await hub.services.federation.flush();
    // a cancelled notice is no longer shown to SEN's officers; the row keeps what happened
    await assert.rejects(sen.services.notices.get(border, n.id), { code: 'notice_not_found' });
    const gone = await sen.services.conn.db.selectFrom('notices').select(['state', 'subjectRecordId', 'stateReason']).where('id', '=', n.id).executeTakeFirstOrThrow();
    assert.deepEqual(gone, { state: 'cancelled', subjectRecordId: null, stateReason: 'Warrant withdrawn' });
    const subject = await sen.services.conn.db.selectFrom('records').select('id').where('id', '=', before.subjectRecordId!).executeTakeFirst();
    assert.equal(subject, undefined, 'the subject record is gone from SEN');
    const after = ((await screenAt(sen, { ...border, userId: 'third-officer' }, 'Cheikh Sarr')).candidates) as Array<{ id: string }>;
    assert.equal(after.find((c) => c.id === before.subjectRecordId), undefined);
  });

  it('sends a diffusion only to the node of its addressees', async () => {
    const content = { ...redNotice('Aliou Fall').content, requestedAction: 'Locate and report' };
    const d = await publish({ type: 'diffusion', urgency: 'urgent', content, recipients: [senNcbAtHub], handling: { tlp: 'AMBER' } });
    assert.equal(d.state, 'published');
    const q = await hub.services.federation.queue(await admin(hub), { itemId: d.id });
    assert.deepEqual(q.map((r) => [r.partnerId, r.category, r.status, r.reason]).sort(), [['ESP', 'diffusion', 'withheld', 'restricted_to_named_agencies'], ['SEN', 'diffusion', 'queued', null]]);
    await hub.services.federation.flush();
    const held = await sen.services.notices.get(await senOfficer(), d.id);
    assert.equal(held.type, 'diffusion');
    assert.equal(held.originNode, 'MAR-HUB');
  });

  it('expires a received notice on the owner’s review date and never asks SEN to renew it', async () => {
    const n = await publish(redNotice('Babacar Gueye', { handling: { tlp: 'AMBER', restrictedTo: [] } }));
    await hub.services.federation.flush();
    const held = await sen.services.notices.get(await senOfficer(), n.id);
    assert.equal(held.reviewDate, n.reviewDate, 'expiry follows the owner’s review date');
    const reviewDate = new Date(`${held.reviewDate}T00:00:00Z`);
    const reminded = await sen.services.notices.expireAndRemind(new Date(reviewDate.getTime() - 30 * 86_400_000));
    assert.equal(reminded.renewalRequested, 0, 'renewal is the owner’s to ask for, at its node');
    const swept = await sen.services.notices.expireAndRemind(new Date(reviewDate.getTime() + 2 * 86_400_000));
    assert.ok(swept.expired >= 1);
    const row = await sen.services.conn.db.selectFrom('notices').select(['state', 'subjectRecordId']).where('id', '=', n.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { state: 'expired', subjectRecordId: null });
  });
});
