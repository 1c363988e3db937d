import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn, type TestNode, testServices } from '../../test/db-targets.ts';
import type { Actor } from '../auth/roles.ts';
import { MAX_ATTACHMENT_BYTES } from './message.ts';
import { type Cast, actor, cast, file, notice } from './messages.fixtures.ts';
import { MessagesRepo } from './messages.repo.ts';
import { MessagesService } from './messages.service.ts';

const HOUR = 3_600_000;
const msg = (recipients: string[], extra: Record<string, unknown> = {}) => ({
  subject: 'Vérification identité',
  recipients,
  body: 'Merci de confirmer l’identité du sujet.',
  tlp: 'AMBER' as const,
  urgency: 'normal' as const,
  ...extra,
});

for (const target of DB_TARGETS) {
  describeOn(target, `messages service on ${target.name}`, () => {
    let s: TestNode;
    let c: Cast;
    const events: unknown[] = [];
    const auditActions = async () => (await s.conn.db.selectFrom('auditLog').select(['action', 'details', 'targetId']).orderBy('seq').execute());

    before(async () => {
      s = await testServices(target);
      c = await cast(s);
      s.bus.subscribe('messages.>', (e) => {
        events.push(e);
      });
    });
    after(() => s.dispose());

    it('delivers a new thread to each recipient agency, audits the send and publishes ids only', async () => {
      const { thread, message } = await s.messages.startThread(c.hub, msg([c.sen.agencyId, c.esp.agencyId]), 'case 12');
      assert.equal(thread.subject, 'Vérification identité');
      assert.deepEqual(thread.participants, ['ESP-NCB', 'MAR-NCB', 'SEN-NCB']);
      assert.deepEqual(message.receipts.map((r) => r.agencyCode).sort(), ['ESP-NCB', 'SEN-NCB']);
      for (const r of message.receipts) {
        assert.equal(new Date(r.deliveredAt).toISOString(), s.clock.now().toISOString());
        assert.equal(r.readAt, null);
      }
      assert.equal(new Date(message.deadlineAt).getTime(), s.clock.now().getTime() + 7 * 24 * HOUR);
      const sendEntry = (await auditActions()).filter((e) => e.action === 'message.send').at(-1)!;
      assert.equal(sendEntry.targetId, message.id);
      assert.ok(!JSON.stringify(sendEntry.details).includes('confirmer'), 'no body in the audit log');
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(events.at(-1), { subject: 'messages.sent', data: { id: message.id, threadId: thread.id } });
    });

    it('records read receipts for the reader’s agency on every unread message of the thread, in one go', async () => {
      const { thread } = await s.messages.startThread(c.hub, msg([c.sen.agencyId, c.esp.agencyId], { subject: 'Receipts' }));
      await s.messages.reply(c.hub, thread.id, { body: 'Second message', tlp: 'AMBER', urgency: 'urgent' });
      const before = (await s.messages.listThreads(c.sen, {})).items.find((t) => t.id === thread.id)!;
      assert.equal(before.unread, 2);
      assert.equal(before.urgency, 'urgent');
      s.clock.advance(60_000);
      const read = await s.messages.readThread(c.sen, thread.id, {}, 'answering');
      assert.equal(read.messages.length, 2);
      for (const m of read.messages) {
        const sen = m.receipts.find((r) => r.agencyCode === 'SEN-NCB')!;
        const esp = m.receipts.find((r) => r.agencyCode === 'ESP-NCB')!;
        assert.equal(new Date(sen.readAt!).toISOString(), s.clock.now().toISOString());
        assert.equal(esp.readAt, null);
      }
      const rows = await s.conn.db.selectFrom('messageRecipients').selectAll().where('agencyId', '=', c.sen.agencyId).execute();
      assert.ok(rows.filter((r) => read.messages.some((m) => m.id === r.messageId)).every((r) => r.readBy === 'sen-officer'));
      const after = (await s.messages.listThreads(c.sen, {})).items.find((t) => t.id === thread.id)!;
      assert.equal(after.unread, 0);
      assert.equal(after.urgency, 'normal');
      const entry = (await auditActions()).filter((e) => e.action === 'message.thread.read').at(-1)!;
      assert.equal(entry.targetId, thread.id);
      assert.equal((entry.details as any).markedRead, 2);
      // the sender sees the receipt
      const seen = await s.messages.readThread(c.hub, thread.id);
      assert.ok(seen.messages[0].receipts.find((r) => r.agencyCode === 'SEN-NCB')!.readAt);
    });

    it('hides a thread from a third agency: 404 thread_not_found, absent from lists, search and downloads', async () => {
      const { thread, message } = await s.messages.startThread(c.hub, msg([c.sen.agencyId], { subject: 'Only Senegal', attachments: [file('a.pdf', 'x')] }));
      await assert.rejects(s.messages.readThread(c.esp, thread.id), { code: 'thread_not_found', status: 404 });
      await assert.rejects(s.messages.reply(c.esp, thread.id, { body: 'hi', tlp: 'AMBER', urgency: 'normal' }), { code: 'thread_not_found' });
      await assert.rejects(s.messages.attachment(c.esp, message.attachments[0].id), { code: 'attachment_not_found', status: 404 });
      assert.ok(!(await s.messages.listThreads(c.esp, {})).items.some((t) => t.id === thread.id));
      assert.equal((await s.messages.search(c.esp, { q: 'only senegal' })).items.length, 0);
      // the data-protection officer sees every message
      assert.equal((await s.messages.readThread(c.dpo, thread.id)).messages.length, 1);
    });

    it('refuses a recipient outside the notice’s restriction, naming the agency, and offers only allowed ones', async () => {
      const n = await notice(s, c.hub, { tlp: 'AMBER', restrictedTo: [c.sen.agencyId] });
      await assert.rejects(s.messages.startThread(c.hub, msg([c.sen.agencyId, c.esp.agencyId], { noticeId: n })), (e: any) => {
        assert.equal(e.code, 'recipient_not_allowed');
        assert.equal(e.details.agencyId, c.esp.agencyId);
        assert.equal(e.details.agencyCode, 'ESP-NCB');
        return true;
      });
      const codes = (await s.messages.recipients(c.hub, n)).map((a) => a.code);
      assert.deepEqual(codes, ['SEN-NCB']);
      assert.deepEqual((await s.messages.recipients(c.hub, undefined)).map((a) => a.code), ['ESP-NCB', 'FRA-NCB', 'SEN-NCB']);
      const { thread } = await s.messages.startThread(c.hub, msg([c.sen.agencyId], { noticeId: n }));
      assert.equal(thread.noticeId, n);
      // default recipients of a reply are checked against the notice too
      await assert.rejects(s.messages.reply(c.sen, thread.id, { body: 'cc Spain', tlp: 'AMBER', urgency: 'normal', recipients: [c.esp.agencyId] }), {
        code: 'recipient_not_allowed',
      });
      // Spain does not see the notice: it cannot open a thread on it either
      await assert.rejects(s.messages.startThread(c.esp, msg([c.hub.agencyId], { noticeId: n })), { code: 'notice_not_found' });
      await assert.rejects(s.messages.recipients(c.esp, n), { code: 'notice_not_found' });
    });

    it('lets only the owner and, once submitted, the hub be addressed about a notice not yet published', async () => {
      const draft = await notice(s, c.sen, { state: 'draft' });
      assert.deepEqual((await s.messages.recipients(c.sen, draft)).map((a) => a.code), []);
      const submitted = await notice(s, c.sen, { state: 'submitted' });
      assert.deepEqual((await s.messages.recipients(c.sen, submitted)).map((a) => a.code), ['MAR-NCB']);
      const diffusion = await notice(s, c.sen, { type: 'diffusion', restrictedTo: [c.fra.agencyId] });
      assert.deepEqual((await s.messages.recipients(c.sen, diffusion)).map((a) => a.code), ['FRA-NCB']);
    });

    it('asks the injected notice access and refuses a notice it does not know', async () => {
      const asked: string[] = [];
      const svc = new MessagesService(s.conn.db, new MessagesRepo(), s.audit, s.bus, s.clock, () => crypto.randomUUID(), { all: async () => [], codesOf: async () => new Map() }, {
        handlingOf: async (id) => {
          asked.push(id);
          return null;
        },
      });
      const id = '01900000-0000-7000-8000-000000000001';
      await assert.rejects(svc.startThread(c.hub, msg([c.sen.agencyId], { noticeId: id })), { code: 'notice_not_found', status: 404 });
      assert.deepEqual(asked, [id]);
    });

    it('keeps a RED message to the agencies it names, and asks for them explicitly on a reply', async () => {
      const { thread, message } = await s.messages.startThread(c.hub, msg([c.sen.agencyId], { subject: 'Red matter', tlp: 'RED', body: 'Source protégée' }));
      assert.equal(message.tlp, 'RED');
      await assert.rejects(s.messages.reply(c.sen, thread.id, { body: 'reply', tlp: 'RED', urgency: 'normal' }), { code: 'recipients_required' });
      await assert.rejects(s.messages.reply(c.sen, thread.id, { body: 'reply', tlp: 'AMBER+STRICT', urgency: 'normal' }), { code: 'recipients_required' });
      // a later message to Spain brings Spain into the thread, but not into the RED message
      await s.messages.reply(c.hub, thread.id, { body: 'Pour information', tlp: 'GREEN', urgency: 'normal', recipients: [c.esp.agencyId] });
      const esp = await s.messages.readThread(c.esp, thread.id);
      assert.deepEqual(esp.messages.map((m) => m.body), ['Pour information']);
      assert.ok(!esp.thread.participants.includes('SEN-NCB'), 'RED recipients are not shown to others');
      assert.equal((await s.messages.search(c.esp, { q: 'source protegee' })).items.length, 0);
      assert.equal((await s.messages.search(c.sen, { q: 'source protegee' })).items.length, 1);
      // without recipients, a GREEN reply goes to every participant but the sender
      const r = await s.messages.reply(c.esp, thread.id, { body: 'Bien reçu', tlp: 'GREEN', urgency: 'normal' });
      assert.deepEqual(r.receipts.map((x) => x.agencyCode).sort(), ['MAR-NCB', 'SEN-NCB']);
    });

    it('validates recipients, body, deadlines and rights', async () => {
      await assert.rejects(s.messages.startThread(c.hub, msg([c.hub.agencyId])), { code: 'recipient_is_sender' });
      await assert.rejects(s.messages.startThread(c.hub, msg([])), { code: 'recipients_required' });
      await assert.rejects(s.messages.startThread(c.hub, msg(['01900000-0000-7000-8000-0000000000ff'])), { code: 'unknown_agency' });
      await assert.rejects(s.messages.startThread(c.hub, msg([c.sen.agencyId], { body: '   ' })), { code: 'body_required' });
      await assert.rejects(s.messages.startThread(c.hub, msg([c.sen.agencyId], { body: 'x'.repeat(20_001) })), { code: 'body_too_long' });
      const now = s.clock.now().getTime();
      await assert.rejects(s.messages.startThread(c.hub, msg([c.sen.agencyId], { urgency: 'urgent', deadlineAt: new Date(now + 9 * HOUR).toISOString() })), {
        code: 'deadline_too_late',
      });
      await assert.rejects(s.messages.startThread(c.hub, msg([c.sen.agencyId], { deadlineAt: new Date(now - 1).toISOString() })), { code: 'deadline_in_past' });
      const urgent = await s.messages.startThread(c.hub, msg([c.sen.agencyId], { urgency: 'urgent' }));
      assert.equal(new Date(urgent.message.deadlineAt).getTime(), now + 8 * HOUR);
      const chosen = await s.messages.startThread(c.hub, msg([c.sen.agencyId], { deadlineAt: new Date(now + 2 * HOUR).toISOString() }));
      assert.equal(new Date(chosen.message.deadlineAt).getTime(), now + 2 * HOUR);
      await assert.rejects(s.messages.startThread(c.commander, msg([c.sen.agencyId])), { code: 'forbidden_role', status: 403 });
      // the data-protection officer supervises: reads every thread, sends nothing
      const dpoOnly = actor('dpo-only', c.hub.agencyId, ['dpo']);
      await assert.rejects(s.messages.startThread(dpoOnly, msg([c.sen.agencyId])), { code: 'forbidden_role' });
      assert.ok(Array.isArray((await s.messages.listThreads(dpoOnly, {})).items));
      const token: Actor = { ...c.sen, via: 'token', scopes: ['messages:read'] };
      await assert.rejects(s.messages.startThread(token, msg([c.hub.agencyId])), { code: 'forbidden_scope' });
      assert.ok(Array.isArray((await s.messages.listThreads(token, {})).items));
    });

    it('stores attachments with their SHA-256, returns the same bytes, and refuses too large or too many', async () => {
      const bytes = Buffer.from('%PDF-1.7 rapport d’audition — محضر', 'utf8');
      const { message } = await s.messages.startThread(c.hub, msg([c.sen.agencyId], { attachments: [file('محضر الاستماع.pdf', bytes)] }));
      const meta = message.attachments[0];
      assert.equal(meta.sha256, createHash('sha256').update(bytes).digest('hex'));
      assert.equal(meta.size, bytes.length);
      const got = await s.messages.attachment(c.sen, meta.id, 'reading');
      assert.deepEqual(got.content, bytes);
      assert.equal(got.filename, 'محضر الاستماع.pdf');
      const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 1);
      await assert.rejects(s.messages.startThread(c.hub, msg([c.sen.agencyId], { attachments: [file('big.bin', big)] })), { code: 'attachment_too_large', status: 413 });
      const exact = await s.messages.startThread(c.hub, msg([c.sen.agencyId], { attachments: [file('max.bin', big.subarray(1))] }));
      assert.equal(exact.message.attachments[0].size, MAX_ATTACHMENT_BYTES);
      const six = Array.from({ length: 6 }, (_, i) => file(`f${i}.txt`, 'x', 'text/plain'));
      await assert.rejects(s.messages.startThread(c.hub, msg([c.sen.agencyId], { attachments: six })), { code: 'too_many_attachments' });
      for (const bad of ['../etc/passwd', 'a\u0000b', '.htaccess', 'photo\u202Egpj.exe']) {
        await assert.rejects(s.messages.startThread(c.hub, msg([c.sen.agencyId], { attachments: [file(bad, 'x')] })), { code: 'invalid_filename' }, bad);
      }
      await assert.rejects(s.messages.startThread(c.hub, msg([c.sen.agencyId], { attachments: [{ filename: 'a.txt', mediaType: 'text/plain', contentBase64: 'not base64!' }] })), {
        code: 'invalid_base64',
      });
    });

    it('detects an attachment whose stored bytes no longer match their checksum, and audits it', async () => {
      const { message } = await s.messages.startThread(c.hub, msg([c.sen.agencyId], { attachments: [file('scan.pdf', 'original content')] }));
      const id = message.attachments[0].id;
      await s.conn.db.updateTable('messageAttachments').set({ content: Buffer.from('tampered content') }).where('id', '=', id).execute();
      await assert.rejects(s.messages.attachment(c.sen, id), { code: 'attachment_corrupt', status: 500 });
      const entry = (await auditActions()).at(-1)!;
      assert.equal(entry.action, 'message.attachment.corrupt');
      assert.equal(entry.targetId, id);
    });

    it('searches bodies and subjects in Arabic and French, folded, within what each agency may see', async () => {
      const ar = await s.messages.startThread(c.hub, msg([c.sen.agencyId], { subject: 'طلب معلومات', body: 'نرجو التحقق من هوية أحمد بن علي في المطار' }));
      const fr = await s.messages.startThread(c.hub, msg([c.esp.agencyId], { subject: 'Saisie de cocaïne', body: 'Le véhicule a été arrêté à Algésiras.' }));
      // alef with hamza and ta marbuta folded: احمد finds أحمد, هويه finds هوية
      assert.deepEqual((await s.messages.search(c.sen, { q: 'احمد هويه' }, 'enquête')).items.map((m) => m.id), [ar.message.id]);
      assert.deepEqual((await s.messages.search(c.esp, { q: 'احمد' })).items, []);
      assert.deepEqual((await s.messages.search(c.esp, { q: 'VEHICULE algesiras' })).items.map((m) => m.id), [fr.message.id]);
      assert.deepEqual((await s.messages.search(c.esp, { q: 'cocaine' })).items.map((m) => m.subject), ['Saisie de cocaïne']);
      assert.deepEqual((await s.messages.search(c.sen, { q: 'cocaine' })).items, []);
      assert.equal((await s.messages.search(c.hub, { q: 'véhic' })).items[0].id, fr.message.id, 'word prefixes match');
      await assert.rejects(s.messages.search(c.hub, { q: ' ?! ' }), { code: 'query_required' });
      // tsquery operators and SQL in the query are only text: folded away, then bound as a parameter
      assert.deepEqual((await s.messages.search(c.hub, { q: "x' & !y :* (z) <-> \\ '); drop table messages; --" })).items, []);
      assert.equal((await s.messages.search(c.sen, { q: 'احمد' })).items.length, 1);
      const entry = (await auditActions()).filter((e) => e.action === 'message.search').at(-1)!;
      assert.ok(!JSON.stringify(entry).includes('cocaine'), 'the query is not in the audit log');
      const threads = await s.messages.listThreads(c.sen, { q: 'معلومات' });
      assert.deepEqual(threads.items.map((t) => t.id), [ar.thread.id]);
    });

    it('pages search results and threads without repeats', async () => {
      for (let i = 0; i < 5; i++) {
        s.clock.advance(1000);
        await s.messages.startThread(c.fra, msg([c.sen.agencyId], { subject: `Pagination ${i}`, body: 'zzpage' }));
      }
      const p1 = await s.messages.search(c.sen, { q: 'zzpage', limit: 2 });
      const p2 = await s.messages.search(c.sen, { q: 'zzpage', limit: 2, cursor: p1.nextCursor! });
      const p3 = await s.messages.search(c.sen, { q: 'zzpage', limit: 2, cursor: p2.nextCursor! });
      assert.equal(new Set([...p1.items, ...p2.items, ...p3.items].map((m) => m.id)).size, 5);
      assert.equal(p3.nextCursor, null);
      const t1 = await s.messages.listThreads(c.fra, { limit: 3 });
      const t2 = await s.messages.listThreads(c.fra, { limit: 3, cursor: t1.nextCursor! });
      assert.deepEqual([...t1.items, ...t2.items].map((t) => t.subject), [4, 3, 2, 1, 0].map((i) => `Pagination ${i}`));
      assert.equal(t2.nextCursor, null);
      await assert.rejects(s.messages.listThreads(c.fra, { cursor: 'bogus' }), { code: 'invalid_cursor' });
    });

    it('raises one overdue alarm per unread message and agency, with the injected clock', async () => {
      await s.messages.alarmOverdue(new Date(s.clock.now().getTime() + 30 * 24 * HOUR));
      const { message, thread } = await s.messages.startThread(c.hub, msg([c.sen.agencyId, c.esp.agencyId], { subject: 'Urgent', urgency: 'urgent' }));
      const count = async () =>
        (await s.conn.db.selectFrom('notifications').selectAll().where('kind', '=', 'message_overdue').where('refId', '=', message.id).execute()).map((r) => r.agencyId).sort();
      s.clock.advance(7 * HOUR);
      assert.deepEqual(await s.messages.alarmOverdue(s.clock.now()), { alarmed: 0 });
      await s.messages.readThread(c.sen, thread.id);
      s.clock.advance(1 * HOUR);
      assert.deepEqual(await s.messages.alarmOverdue(s.clock.now()), { alarmed: 1 });
      assert.deepEqual(await count(), [c.esp.agencyId]);
      s.clock.advance(HOUR);
      assert.deepEqual(await s.messages.alarmOverdue(s.clock.now()), { alarmed: 0 });
      assert.deepEqual(await count(), [c.esp.agencyId]);
      const row = await s.conn.db.selectFrom('notifications').selectAll().where('refId', '=', message.id).executeTakeFirstOrThrow();
      assert.equal(row.refType, 'message');
      assert.equal(row.userId, null);
      assert.equal((row.details as any).threadId, thread.id);
    });
  });
}
