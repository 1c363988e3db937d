import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn } from '../../test/db-targets.ts';
import { type Harness, httpHarness, type Session } from '../../test/http-harness.ts';
import { MAX_ATTACHMENT_BYTES } from './message.ts';
import { file, notice } from './messages.fixtures.ts';

const NAMES = { ar: 'مكتب', fr: 'Bureau', en: 'Bureau', es: 'Oficina' };

for (const target of DB_TARGETS) {
  describeOn(target, `messages HTTP API on ${target.name}`, () => {
    let h: Harness;
    let hub: Session;
    let sen: Session;
    let esp: Session;
    let camera: Session;
    let senId: string;
    let espId: string;
    let threadId: string;
    let attachmentId: string;
    const bytes = Buffer.from('rapport — تقرير', 'utf8');

    before(async () => {
      h = await httpHarness(target);
      const root = await h.s.seeder.consoleActor();
      senId = (await h.s.admin.createAgency(root, { code: 'SEN-NCB', country: 'SEN', kind: 'ncb', names: NAMES })).id;
      espId = (await h.s.admin.createAgency(root, { code: 'ESP-NCB', country: 'ESP', kind: 'ncb', names: NAMES })).id;
      hub = await h.as('ncb_officer');
      sen = await h.as('ncb_officer', senId);
      esp = await h.as('ncb_officer', espId);
      camera = await h.as('camera_operator');
    });
    after(() => h.close());

    const newThread = (extra: Record<string, unknown> = {}) => ({
      subject: 'Demande d’entraide',
      recipients: [senId],
      body: 'Merci de vérifier ce passeport.',
      tlp: 'AMBER',
      urgency: 'urgent',
      attachments: [file('تقرير «final».pdf', bytes)],
      ...extra,
    });

    it('POST /messages/threads: 401, 403, 400, 201', async () => {
      const post = (who: Session | null, payload: Record<string, unknown>) => h.call(who, { method: 'POST', url: '/api/v1/messages/threads', payload });
      assert.equal((await post(null, newThread())).statusCode, 401);
      const forbidden = await post(camera, newThread());
      assert.equal(forbidden.statusCode, 403);
      assert.equal(forbidden.json().code, 'forbidden_role');
      const invalid = await post(hub, newThread({ recipients: [], extra: 1 }));
      assert.equal(invalid.statusCode, 400);
      assert.equal(invalid.json().code, 'validation_failed');
      assert.equal((await post(hub, newThread({ tlp: 'PURPLE' }))).json().code, 'validation_failed');
      assert.equal((await post(hub, newThread({ recipients: [hub.userId] }))).json().code, 'unknown_agency');
      const ok = await post(hub, newThread());
      assert.equal(ok.statusCode, 201, ok.body);
      const { thread, message } = ok.json();
      threadId = thread.id;
      attachmentId = message.attachments[0].id;
      assert.equal(message.urgency, 'urgent');
      assert.equal(message.attachments[0].sha256, createHash('sha256').update(bytes).digest('hex'));
      assert.deepEqual(message.receipts.map((r: any) => r.agencyCode), ['SEN-NCB']);
      assert.equal(message.receipts[0].readAt, null);
    });

    it('refuses an attachment above 5 MiB once decoded with 413 attachment_too_large', async () => {
      const big = file('big.bin', Buffer.alloc(MAX_ATTACHMENT_BYTES + 1), 'application/octet-stream');
      const res = await h.call(hub, { method: 'POST', url: '/api/v1/messages/threads', payload: newThread({ attachments: [big] }) });
      assert.equal(res.statusCode, 413);
      assert.equal(res.json().code, 'attachment_too_large');
    });

    it('refuses a recipient who may not see the notice with 403 recipient_not_allowed naming the agency', async () => {
      const root = await h.s.seeder.consoleActor();
      const n = await notice(h.s, root, { tlp: 'RED', restrictedTo: [senId] });
      const res = await h.call(hub, { method: 'POST', url: '/api/v1/messages/threads', payload: newThread({ noticeId: n, recipients: [senId, espId] }) });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().code, 'recipient_not_allowed');
      assert.equal(res.json().details.agencyCode, 'ESP-NCB');
    });

    it('GET /messages/threads: 401, 403, 400, 200', async () => {
      const get = (who: Session | null, url = '/api/v1/messages/threads') => h.call(who, { method: 'GET', url });
      assert.equal((await get(null)).statusCode, 401);
      assert.equal((await get(camera)).statusCode, 403);
      assert.equal((await get(sen, '/api/v1/messages/threads?noticeId=nope')).statusCode, 400);
      assert.equal((await get(sen, '/api/v1/messages/threads?limit=0')).statusCode, 400);
      const ok = await get(sen);
      assert.equal(ok.statusCode, 200);
      const t = ok.json().items.find((x: any) => x.id === threadId);
      assert.equal(t.unread, 1);
      assert.equal(t.urgency, 'urgent');
      assert.deepEqual(t.participants, ['MAR-NCB', 'SEN-NCB']);
      assert.equal((await get(esp)).json().items.length, 0);
    });

    it('GET /messages/threads/:id: 401, 403, 400, 404 for a third agency, 200 with the read receipt', async () => {
      const get = (who: Session | null, id = threadId) => h.call(who, { method: 'GET', url: `/api/v1/messages/threads/${id}`, headers: { 'x-purpose': 'enquête' } });
      assert.equal((await get(null)).statusCode, 401);
      assert.equal((await get(camera)).statusCode, 403);
      assert.equal((await get(sen, 'not-a-uuid')).statusCode, 400);
      const hidden = await get(esp);
      assert.equal(hidden.statusCode, 404);
      assert.equal(hidden.json().code, 'thread_not_found');
      const ok = await get(sen);
      assert.equal(ok.statusCode, 200);
      const body = ok.json();
      assert.equal(body.thread.subject, 'Demande d’entraide');
      assert.ok(body.messages[0].receipts[0].readAt);
      assert.equal(body.nextCursor, null);
    });

    it('POST /messages/threads/:id/messages: 401, 403, 400, 404, 201', async () => {
      const post = (who: Session | null, payload: Record<string, unknown>, id = threadId) => h.call(who, { method: 'POST', url: `/api/v1/messages/threads/${id}/messages`, payload });
      const reply = { body: 'Passeport signalé volé.', tlp: 'AMBER', urgency: 'normal' };
      assert.equal((await post(null, reply)).statusCode, 401);
      assert.equal((await post(camera, reply)).statusCode, 403);
      assert.equal((await post(sen, { ...reply, urgency: 'soon' })).statusCode, 400);
      assert.equal((await post(sen, { ...reply, tlp: 'RED' })).json().code, 'recipients_required');
      assert.equal((await post(esp, reply)).json().code, 'thread_not_found');
      const ok = await post(sen, reply);
      assert.equal(ok.statusCode, 201, ok.body);
      assert.deepEqual(ok.json().receipts.map((r: any) => r.agencyCode), ['MAR-NCB']);
      assert.equal(ok.json().senderAgencyCode, 'SEN-NCB');
    });

    it('GET /messages/attachments/:id: 401, 403, 400, 404, 200 with checksum and a safe file name', async () => {
      const get = (who: Session | null, id = attachmentId) => h.call(who, { method: 'GET', url: `/api/v1/messages/attachments/${id}` });
      assert.equal((await get(null)).statusCode, 401);
      assert.equal((await get(camera)).statusCode, 403);
      assert.equal((await get(sen, 'x')).statusCode, 400);
      assert.equal((await get(esp)).json().code, 'attachment_not_found');
      const ok = await get(sen);
      assert.equal(ok.statusCode, 200);
      assert.deepEqual(ok.rawPayload, bytes);
      assert.equal(ok.headers['content-type'], 'application/pdf');
      assert.equal(ok.headers['x-checksum-sha256'], createHash('sha256').update(bytes).digest('hex'));
      assert.equal(ok.headers['x-content-type-options'], 'nosniff');
      const cd = String(ok.headers['content-disposition']);
      assert.match(cd, /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      assert.ok(!/filename="[^"]*["\\][^"]*"/.test(cd.split(';')[1]));
      assert.equal(decodeURIComponent(cd.split("UTF-8''")[1]), 'تقرير «final».pdf');
    });

    it('answers attachment_corrupt when the stored bytes no longer match their checksum', async () => {
      await h.s.conn.db.updateTable('messageAttachments').set({ content: Buffer.from('tampered') }).where('id', '=', attachmentId).execute();
      const res = await h.call(sen, { method: 'GET', url: `/api/v1/messages/attachments/${attachmentId}` });
      assert.equal(res.statusCode, 500);
      assert.equal(res.json().code, 'attachment_corrupt');
    });

    it('GET /messages/search: 401, 403, 400, 200 within what the caller sees', async () => {
      const get = (who: Session | null, q?: string) =>
        h.call(who, { method: 'GET', url: `/api/v1/messages/search${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`, headers: { 'x-purpose': 'recherche' } });
      assert.equal((await get(null, 'passeport')).statusCode, 401);
      assert.equal((await get(camera, 'passeport')).statusCode, 403);
      assert.equal((await get(sen)).statusCode, 400);
      assert.equal((await get(sen, '!!!')).json().code, 'query_required');
      const ok = await get(sen, 'PASSEPORT verifier');
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.json().items.length, 1);
      assert.equal(ok.json().items[0].threadId, threadId);
      assert.equal((await get(esp, 'passeport')).json().items.length, 0);
    });

    it('GET /messages/recipients: 401, 403, 400, 200', async () => {
      const get = (who: Session | null, q = '') => h.call(who, { method: 'GET', url: `/api/v1/messages/recipients${q}` });
      assert.equal((await get(null)).statusCode, 401);
      assert.equal((await get(camera)).statusCode, 403);
      assert.equal((await get(hub, '?noticeId=12')).statusCode, 400);
      const ok = await get(hub);
      assert.equal(ok.statusCode, 200);
      assert.deepEqual(ok.json().items.map((a: any) => a.code), ['ESP-NCB', 'SEN-NCB']);
      assert.deepEqual(Object.keys(ok.json().items[0]).sort(), ['code', 'country', 'id', 'names']);
    });

    it('describes every messages route in the OpenAPI document', async () => {
      const doc = (await h.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      for (const p of ['/api/v1/messages/threads', '/api/v1/messages/threads/{id}', '/api/v1/messages/threads/{id}/messages', '/api/v1/messages/attachments/{id}', '/api/v1/messages/search', '/api/v1/messages/recipients']) {
        assert.ok(doc.paths[p], p);
      }
    });
  });
}
