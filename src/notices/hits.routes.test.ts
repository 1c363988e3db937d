import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn } from '../../test/db-targets.ts';
import { type Harness, httpHarness, type Session } from '../../test/http-harness.ts';
import type { Actor, Role } from '../auth/roles.ts';
import { SCOPES } from '../auth/roles.ts';
import { liveNotice, noticeState } from './hits.fixtures.ts';

const NAMES = { ar: 'أ', fr: 'f', en: 'e', es: 's' };
const UUID0 = '01900000-0000-7000-8000-000000000000';

interface Ctx {
  hitId: string;
  ownerTaskId: string;
  notificationId: string;
}

interface RouteCase {
  name: string;
  method: 'GET' | 'POST';
  url: (c: Ctx) => string;
  body?: Record<string, unknown>;
  invalid: { url?: (c: Ctx) => string; body?: Record<string, unknown> } | null;
  happyStatus: number;
}

// Every route: unauthenticated (401), forbidden (403, a role without cooperation rights), invalid (400), happy.
const ROUTES: RouteCase[] = [
  { name: 'GET /hits', method: 'GET', url: () => '/api/v1/hits?status=open', invalid: { url: () => '/api/v1/hits?status=maybe' }, happyStatus: 200 },
  // takes no input: nothing to make invalid
  { name: 'GET /hits/stats', method: 'GET', url: () => '/api/v1/hits/stats', invalid: null, happyStatus: 200 },
  { name: 'GET /hits/:id', method: 'GET', url: (c) => `/api/v1/hits/${c.hitId}`, invalid: { url: () => '/api/v1/hits/not-a-uuid' }, happyStatus: 200 },
  {
    name: 'POST /hits/:id/tasks/:taskId/done',
    method: 'POST',
    url: (c) => `/api/v1/hits/${c.hitId}/tasks/${c.ownerTaskId}/done`,
    invalid: { url: (c) => `/api/v1/hits/${c.hitId}/tasks/x/done` },
    happyStatus: 200,
  },
  {
    name: 'POST /hits/:id/outcome',
    method: 'POST',
    url: (c) => `/api/v1/hits/${c.hitId}/outcome`,
    body: { status: 'confirmed', note: 'photo and fingerprints match', version: 1 },
    invalid: { body: { status: 'released', note: '', version: 1 } },
    happyStatus: 200,
  },
  { name: 'GET /notifications', method: 'GET', url: () => '/api/v1/notifications?unread=true', invalid: { url: () => '/api/v1/notifications?unread=perhaps' }, happyStatus: 200 },
  {
    name: 'POST /notifications/:id/read',
    method: 'POST',
    url: (c) => `/api/v1/notifications/${c.notificationId}/read`,
    invalid: { url: () => '/api/v1/notifications/123/read' },
    happyStatus: 200,
  },
];

for (const target of DB_TARGETS) {
  describeOn(target, `hits HTTP API on ${target.name}`, () => {
    let h: Harness;
    let ctx: Ctx;
    let owner: Session; // bureau of Senegal, owns the notice
    let ownerActor: Actor;
    let officer: Session; // border officer at the hub
    let officerActor: Actor;
    let stranger: Session; // bureau of Spain
    let noticeId: string;
    const actorOf = (sess: Session, agencyId: string, roles: Role[]): Actor => ({ userId: sess.userId, agencyId, roles, scopes: SCOPES, via: 'session' });

    before(async () => {
      h = await httpHarness(target);
      const root = await h.s.seeder.consoleActor();
      const sen = await h.s.admin.createAgency(root, { code: 'SEN-NCB', country: 'SEN', kind: 'ncb', names: NAMES });
      const esp = await h.s.admin.createAgency(root, { code: 'ESP-NCB', country: 'ESP', kind: 'ncb', names: NAMES });
      owner = await h.as('ncb_officer', sen.id);
      ownerActor = actorOf(owner, sen.id, ['ncb_officer']);
      officer = await h.as('frontline');
      officerActor = actorOf(officer, h.hubId, ['frontline']);
      stranger = await h.as('ncb_officer', esp.id);
      const n = await liveNotice(h.s, ownerActor, { type: 'red' });
      noticeId = n.noticeId;
      const [alert] = await h.s.hits.recordFromScreening(officerActor, 'person', { name: 'Traveller' }, [{ recordId: n.recordId, score: 0.9, alert: true }]);
      const hit = await h.s.hits.get(ownerActor, alert.hitId);
      const notes = await h.s.notifications.list(ownerActor, {});
      ctx = { hitId: alert.hitId, ownerTaskId: hit.tasks.find((t) => t.side === 'owner')!.id, notificationId: notes.items[0].id };
    });
    after(() => h.close());

    for (const r of ROUTES) {
      it(`${r.name}: 401 without a session`, async () => {
        const res = await h.call(null, { method: r.method, url: r.url(ctx), ...(r.body ? { payload: r.body } : {}) });
        assert.equal(res.statusCode, 401);
        assert.equal(res.json().code, 'unauthenticated');
      });

      it(`${r.name}: 403 for a role without cooperation rights`, async () => {
        const res = await h.call(await h.as('programme_manager'), { method: r.method, url: r.url(ctx), ...(r.body ? { payload: r.body } : {}) });
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(res.json().code, 'forbidden_role');
      });

      if (r.invalid) {
        const bad = r.invalid;
        it(`${r.name}: 400 on invalid input`, async () => {
          const res = await h.call(owner, { method: r.method, url: (bad.url ?? r.url)(ctx), ...(bad.body ?? r.body ? { payload: bad.body ?? r.body } : {}) });
          assert.equal(res.statusCode, 400, res.body);
          assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
        });
      }

      it(`${r.name}: ${r.happyStatus} for the owner bureau`, async () => {
        const res = await h.call(owner, { method: r.method, url: r.url(ctx), ...(r.body ? { payload: r.body } : {}) });
        assert.equal(res.statusCode, r.happyStatus, res.body);
      });
    }

    it('answers a hit with its tasks and the screened query, and nothing undeclared', async () => {
      const res = await h.call(officer, { method: 'GET', url: `/api/v1/hits/${ctx.hitId}` });
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.deepEqual(Object.keys(body).sort(), [
        'createdAt', 'id', 'noticeId', 'noticeReference', 'noticeState', 'noticeType', 'outcome', 'ownerAgencyCode', 'ownerAgencyId', 'query', 'score',
        'screenedByAgencyCode', 'screenedByAgencyId', 'screeningKind', 'status', 'subjectRecordId', 'tasks', 'urgency', 'version',
      ].sort());
      assert.equal(body.ownerAgencyCode, 'SEN-NCB');
      assert.equal(body.urgency, 'urgent');
      assert.deepEqual(body.query, { name: 'Traveller' });
      assert.deepEqual(body.tasks.map((t: any) => [t.side, t.agencyCode]), [['owner', 'SEN-NCB'], ['screening', body.screenedByAgencyCode]]);
      assert.match(body.tasks[0].dueAt, /^\d{4}-\d\d-\d\dT/);
    });

    it('hides the hit from an agency on neither side: 404 on read, outcome and task', async () => {
      for (const [method, url, payload] of [
        ['GET', `/api/v1/hits/${ctx.hitId}`, undefined],
        ['POST', `/api/v1/hits/${ctx.hitId}/outcome`, { status: 'located', note: '', version: 2 }],
        ['POST', `/api/v1/hits/${ctx.hitId}/tasks/${ctx.ownerTaskId}/done`, undefined],
      ] as const) {
        const res = await h.call(stranger, { method, url, ...(payload ? { payload } : {}) });
        assert.equal(res.statusCode, 404, url);
        assert.equal(res.json().code, 'hit_not_found');
      }
      const list = await h.call(stranger, { method: 'GET', url: '/api/v1/hits' });
      assert.deepEqual(list.json().items, []);
      const read = await h.call(stranger, { method: 'POST', url: `/api/v1/notifications/${ctx.notificationId}/read` });
      assert.equal(read.statusCode, 404);
      assert.equal(read.json().code, 'notification_not_found');
    });

    it('refuses "not the same person" from the screening agency, a stale version, and a body with unknown fields', async () => {
      const url = `/api/v1/hits/${ctx.hitId}/outcome`;
      const notSame = await h.call(officer, { method: 'POST', url, payload: { status: 'not_same_person', note: '', version: 2 } });
      assert.equal(notSame.statusCode, 403);
      assert.equal(notSame.json().code, 'hit_outcome_not_allowed');
      const stale = await h.call(officer, { method: 'POST', url, payload: { status: 'located', note: '', version: 1 } });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().code, 'version_conflict');
      const extra = await h.call(officer, { method: 'POST', url, payload: { status: 'located', note: '', version: 2, by: 'x' } });
      assert.equal(extra.statusCode, 400);
    });

    it('locates the notice when the screening agency reports the person located', async () => {
      const res = await h.call(officer, { method: 'POST', url: `/api/v1/hits/${ctx.hitId}/outcome`, payload: { status: 'located', note: 'held at gate 4', version: 2 } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'located');
      assert.equal(res.json().outcome.note, 'held at gate 4');
      assert.equal(await noticeState(h.s, noticeId), 'located');
    });

    it('lists notifications with the unread count and refuses a second close of the same task', async () => {
      const res = await h.call(owner, { method: 'GET', url: '/api/v1/notifications' });
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.ok(body.items.some((n: any) => n.kind === 'hit_outcome' && n.refId === ctx.hitId && n.personal === false));
      assert.equal(typeof body.unreadCount, 'number');
      const mine = await h.call(officer, { method: 'GET', url: '/api/v1/notifications?unread=true' });
      assert.ok(mine.json().items.some((n: any) => n.kind === 'hit_created' && n.personal === true));
      const again = await h.call(owner, { method: 'POST', url: `/api/v1/hits/${ctx.hitId}/tasks/${ctx.ownerTaskId}/done` });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, 'task_already_done');
      const missing = await h.call(owner, { method: 'POST', url: `/api/v1/notifications/${UUID0}/read` });
      assert.equal(missing.statusCode, 404);
    });

    it('counts hits for the dashboard', async () => {
      const res = await h.call(owner, { method: 'GET', url: '/api/v1/hits/stats' });
      assert.deepEqual(res.json(), { total: 1, byStatus: { located: 1 }, byNoticeType: { red: 1 }, escalatedTasks: 0 });
    });
  });
}
