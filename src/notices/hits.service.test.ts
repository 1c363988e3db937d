import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn, type TestNode, testServices } from '../../test/db-targets.ts';
import type { Actor } from '../auth/roles.ts';
import { SCOPES } from '../auth/roles.ts';
import { SCREENING_KINDS } from './hit.ts';
import { liveNotice, noticeState } from './hits.fixtures.ts';
import type { HitsService } from './hits.service.ts';
import type { NotificationsService } from './notifications.service.ts';

const NAMES = { ar: 'أ', fr: 'f', en: 'e', es: 's' };
const H = 3_600_000;
const MIN = 60_000;
const actor = (userId: string, agencyId: string, roles: Actor['roles']): Actor => ({ userId, agencyId, roles, scopes: SCOPES, via: 'session' });

for (const target of DB_TARGETS) {
  describeOn(target, `hits service on ${target.name}`, () => {
    let s: TestNode;
    let hits: HitsService;
    let notes: NotificationsService;
    let owner: Actor; // Senegal's bureau owns the notices
    let officer: Actor; // a border officer at the hub screens travellers
    let colleague: Actor; // another officer of the hub
    let other: Actor; // Spain's bureau: neither side
    let dpo: Actor;
    const events: Array<{ subject: string; data: any }> = [];
    const hitCount = async () => Number((await s.conn.db.selectFrom('hits').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const noteCount = async () => Number((await s.conn.db.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const screen = (who: Actor, recordId: string, kind: (typeof SCREENING_KINDS)[number] = 'person', score = 0.93) =>
      hits.recordFromScreening(who, kind, { name: 'Traveller', birthDate: '1980-02-03' }, [{ recordId, score, alert: true }]);

    before(async () => {
      s = await testServices(target);
      ({ hits, notifications: notes } = s);
      const root = await s.seeder.consoleActor();
      const sen = await s.admin.createAgency(root, { code: 'SEN-NCB', country: 'SEN', kind: 'ncb', names: NAMES });
      const esp = await s.admin.createAgency(root, { code: 'ESP-NCB', country: 'ESP', kind: 'ncb', names: NAMES });
      owner = actor('sen-officer', sen.id, ['ncb_officer']);
      officer = actor('border-1', root.agencyId, ['frontline']);
      colleague = actor('border-2', root.agencyId, ['frontline']);
      other = actor('esp-officer', esp.id, ['ncb_officer']);
      dpo = actor('dpo', root.agencyId, ['dpo']);
      s.bus.subscribe('hits.>', (e) => void events.push(e));
    });
    after(() => s.dispose());

    it('opens a hit from each screening kind, with tasks on both sides, notifications, the notice moved and an audit entry', async () => {
      for (const kind of SCREENING_KINDS) {
        const n = await liveNotice(s, owner, { type: 'yellow' });
        const before = (await s.audit.verifyChain()).entries;
        const [alert, ...rest] = await hits.recordFromScreening(officer, kind, { kind, value: 'X' }, [
          { recordId: n.recordId, score: 0.91, alert: true },
          { recordId: n.recordId, score: 0.85, alert: true },
        ]);
        assert.equal(rest.length, 0, 'one hit per notice, whatever the number of matching rows');
        assert.deepEqual({ ...alert, hitId: undefined }, { hitId: undefined, noticeId: n.noticeId, noticeReference: n.reference, noticeType: 'yellow', recordId: n.recordId, urgency: 'normal', isNew: true });
        const hit = await hits.get(owner, alert.hitId);
        assert.equal(hit.screeningKind, kind);
        assert.equal(hit.status, 'open');
        assert.equal(hit.score, 0.91);
        assert.deepEqual(hit.query, { kind, value: 'X' });
        assert.equal(hit.screenedByUserId, officer.userId);
        assert.equal(hit.screenedByAgencyId, officer.agencyId);
        assert.deepEqual(
          hit.tasks.map((t) => [t.side, t.agencyId, t.task, t.status]),
          [
            ['owner', owner.agencyId, 'confirm_identity_send_judicial_documents', 'open'],
            ['screening', officer.agencyId, 'hold_verify_and_report', 'open'],
          ],
        );
        assert.equal(await noticeState(s, n.noticeId), 'hit_reported');
        const ev = await s.conn.db.selectFrom('noticeEvents').selectAll().where('noticeId', '=', n.noticeId).execute();
        assert.deepEqual(ev.map((e) => [e.action, e.fromState, e.toState]), [['report_hit', 'published', 'hit_reported']]);
        const notified = await s.conn.db.selectFrom('notifications').selectAll().where('refId', '=', alert.hitId).orderBy('id').execute();
        assert.deepEqual(
          notified.map((x) => [x.agencyId, x.userId, x.kind]),
          [
            [owner.agencyId, null, 'hit_created'],
            [officer.agencyId, officer.userId, 'hit_created'],
          ],
        );
        assert.equal((await s.audit.verifyChain()).entries, before + 2, 'the hit.create entry and the owner read above');
        assert.deepEqual(events.at(-1), { subject: 'hits.created', data: { id: alert.hitId, noticeId: n.noticeId } });
      }
    });

    it('creates nothing for matches below the alert threshold, records without a notice, or notices no longer live', async () => {
      const live = await liveNotice(s, owner);
      const draft = await liveNotice(s, owner, { state: 'draft' });
      const cancelled = await liveNotice(s, owner, { state: 'cancelled' });
      const plain = await s.records.create(owner, { kind: 'person', data: { names: [{ value: 'No Notice', type: 'primary' }] } as never, legalBasisCode: 'x', legalBasis: 'y' });
      const [h0, n0, e0] = [await hitCount(), await noteCount(), events.length];
      const out = await hits.recordFromScreening(officer, 'batch', { rows: 3 }, [
        { recordId: live.recordId, score: 0.79, alert: false },
        { recordId: plain.id, score: 0.99, alert: true },
        { recordId: draft.recordId, score: 0.99, alert: true },
        { recordId: cancelled.recordId, score: 0.99, alert: true },
      ]);
      assert.deepEqual(out, []);
      assert.deepEqual(await hits.recordFromScreening(officer, 'person', {}, []), []);
      assert.deepEqual([await hitCount(), await noteCount(), events.length], [h0, n0, e0]);
      assert.equal(await noticeState(s, live.noticeId), 'published');
    });

    it('returns the open hit when the same officer screens the same subject again within ten minutes', async () => {
      const n = await liveNotice(s, owner);
      const [first] = await screen(officer, n.recordId);
      s.clock.advance(9 * MIN);
      const [again] = await screen(officer, n.recordId, 'mrz');
      assert.equal(again.hitId, first.hitId);
      assert.equal(again.isNew, false);
      const [byColleague] = await screen(colleague, n.recordId);
      assert.notEqual(byColleague.hitId, first.hitId, 'another officer opens their own hit');
      s.clock.advance(2 * MIN);
      const [later] = await screen(officer, n.recordId);
      assert.notEqual(later.hitId, first.hitId, 'after ten minutes it is a new encounter');
      assert.equal(later.isNew, true);
      const page = await hits.list(owner, { noticeId: n.noticeId });
      assert.equal(page.items.length, 3);
    });

    it('opens one hit when the same officer screens the same subject twice at the same moment', async () => {
      const n = await liveNotice(s, owner);
      const h0 = await hitCount();
      const [[a], [b]] = await Promise.all([screen(officer, n.recordId), screen(officer, n.recordId, 'document')]);
      assert.equal(a.hitId, b.hitId);
      assert.deepEqual([a.isNew, b.isNew].sort(), [false, true]);
      assert.equal(await hitCount(), h0 + 1);
    });

    it('follows red and urgent notices up within 8 hours and the others within 7 days', async () => {
      const cases = [
        [{ type: 'red' as const, urgency: 'normal' as const }, 'urgent', 8 * H],
        [{ type: 'yellow' as const, urgency: 'urgent' as const }, 'urgent', 8 * H],
        [{ type: 'blue' as const, urgency: 'normal' as const }, 'normal', 7 * 24 * H],
      ] as const;
      for (const [opts, urgency, ms] of cases) {
        const n = await liveNotice(s, owner, opts);
        const [a] = await screen(officer, n.recordId);
        assert.equal(a.urgency, urgency);
        const hit = await hits.get(officer, a.hitId);
        assert.equal(hit.urgency, urgency);
        for (const t of hit.tasks) assert.equal(new Date(t.dueAt).getTime(), s.clock.now().getTime() + ms);
      }
    });

    it('escalates an urgent task after 8 hours exactly once, notifying the task agency and the owner', async () => {
      await hits.escalateOverdue(new Date(s.clock.now().getTime() + 365 * 24 * H)); // clear what earlier tests left
      const n = await liveNotice(s, owner, { type: 'red' });
      const t0 = s.clock.now().getTime();
      const [a] = await screen(officer, n.recordId);
      s.clock.set(new Date(t0 + 7 * H + 59 * MIN));
      assert.deepEqual(await hits.escalateOverdue(), { escalated: 0 });
      s.clock.set(new Date(t0 + 8 * H + MIN));
      const n0 = await noteCount();
      assert.deepEqual(await hits.escalateOverdue(), { escalated: 2 });
      assert.deepEqual(await hits.escalateOverdue(), { escalated: 0 }, 'idempotent');
      const hit = await hits.get(owner, a.hitId);
      assert.deepEqual(hit.tasks.map((t) => [t.status, new Date(t.escalatedAt!).getTime()]), [['escalated', t0 + 8 * H + MIN], ['escalated', t0 + 8 * H + MIN]]);
      const overdue = await s.conn.db.selectFrom('notifications').selectAll().where('refId', '=', a.hitId).where('kind', '=', 'task_overdue').execute();
      assert.equal(await noteCount(), n0 + 3, 'owner task → owner; screening task → screening agency and owner');
      assert.deepEqual(overdue.map((x) => [x.agencyId, (x.details as any).side]).sort(), [
        [officer.agencyId, 'screening'],
        [owner.agencyId, 'owner'],
        [owner.agencyId, 'screening'],
      ].sort());
      const log = await s.audit.list(dpo, { action: 'hit.task_escalate' }, {}, 'check');
      assert.equal(log.items.length >= 1, true);
    });

    it('escalates a normal task after 7 days, and never a task already done', async () => {
      const n = await liveNotice(s, owner, { type: 'blue' });
      const t0 = s.clock.now().getTime();
      const [a] = await screen(officer, n.recordId);
      const hit = await hits.get(owner, a.hitId);
      const ownerTask = hit.tasks.find((t) => t.side === 'owner')!;
      await hits.completeTask(owner, a.hitId, ownerTask.id);
      assert.deepEqual(await hits.escalateOverdue(new Date(t0 + 7 * 24 * H - MIN)), { escalated: 0 });
      assert.deepEqual(await hits.escalateOverdue(new Date(t0 + 7 * 24 * H + MIN)), { escalated: 1 });
      const after = await hits.get(owner, a.hitId);
      assert.deepEqual(after.tasks.map((t) => [t.side, t.status]), [['owner', 'done'], ['screening', 'escalated']]);
    });

    it('runs escalation on a timer with an injected interval, and stops it', async () => {
      const n = await liveNotice(s, owner, { type: 'red' });
      const [a] = await screen(officer, n.recordId);
      const stop = hits.startEscalation(5);
      s.clock.advance(8 * H + MIN);
      for (let i = 0; i < 200; i++) {
        if ((await hits.get(owner, a.hitId)).tasks.every((t) => t.status === 'escalated')) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      await stop();
      assert.deepEqual((await hits.get(owner, a.hitId)).tasks.map((t) => t.status), ['escalated', 'escalated']);
    });

    it('shows a hit to the owner, the screening agency and the DPO only', async () => {
      const n = await liveNotice(s, owner);
      const [a] = await screen(officer, n.recordId);
      for (const who of [owner, officer, colleague, dpo]) assert.equal((await hits.get(who, a.hitId)).id, a.hitId);
      await assert.rejects(hits.get(other, a.hitId), { code: 'hit_not_found', status: 404 });
      assert.equal((await hits.list(other, { noticeId: n.noticeId })).items.length, 0);
      assert.equal((await hits.list(dpo, { noticeId: n.noticeId })).items.length, 1);
      await assert.rejects(hits.list(actor('pm', owner.agencyId, ['programme_manager']), {}), { code: 'forbidden_role', status: 403 });
    });

    it('pages hits newest first and filters them by status and notice', async () => {
      const n = await liveNotice(s, owner);
      const ids = [];
      for (const who of ['p1', 'p2', 'p3']) ids.push((await screen(actor(who, officer.agencyId, ['frontline']), n.recordId))[0].hitId);
      const p1 = await hits.list(owner, { noticeId: n.noticeId, limit: 2 });
      assert.deepEqual(p1.items.map((h) => h.id), [ids[2], ids[1]]);
      const p2 = await hits.list(owner, { noticeId: n.noticeId, limit: 2, cursor: p1.nextCursor! });
      assert.deepEqual(p2.items.map((h) => h.id), [ids[0]]);
      assert.equal(p2.nextCursor, null);
      await hits.recordOutcome(owner, ids[0], { status: 'not_same_person', note: 'fingerprints differ', version: 1 });
      assert.deepEqual((await hits.list(owner, { noticeId: n.noticeId, status: 'not_same_person' })).items.map((h) => h.id), [ids[0]]);
      await assert.rejects(hits.list(owner, { cursor: 'nope' }), { code: 'invalid_cursor' });
    });

    it('lets only the owner or the screening agency record an outcome, and the screening agency not rule the person out', async () => {
      const n = await liveNotice(s, owner);
      const [a] = await screen(officer, n.recordId);
      await assert.rejects(hits.recordOutcome(other, a.hitId, { status: 'confirmed', note: '', version: 1 }), { code: 'hit_not_found', status: 404 });
      await assert.rejects(hits.recordOutcome(dpo, a.hitId, { status: 'confirmed', note: '', version: 1 }), { code: 'forbidden_role', status: 403 });
      await assert.rejects(hits.recordOutcome(officer, a.hitId, { status: 'not_same_person', note: '', version: 1 }), { code: 'hit_outcome_not_allowed', status: 403 });
      const c = await hits.recordOutcome(officer, a.hitId, { status: 'confirmed', note: 'fingerprints match', version: 1 });
      assert.equal(c.status, 'confirmed');
      assert.equal(c.outcomeNote, 'fingerprints match');
      assert.equal(c.version, 2);
      await assert.rejects(hits.recordOutcome(owner, a.hitId, { status: 'arrested', note: '', version: 1 }), { code: 'version_conflict', status: 409 });
      await assert.rejects(hits.recordOutcome(owner, a.hitId, { status: 'not_same_person', note: '', version: 2 }), { code: 'illegal_hit_outcome', status: 409 });
      const told = await s.conn.db.selectFrom('notifications').selectAll().where('refId', '=', a.hitId).where('kind', '=', 'hit_outcome').execute();
      assert.deepEqual(told.map((x) => [x.agencyId, (x.details as any).status]), [[owner.agencyId, 'confirmed']]);
    });

    it('returns the notice to published when its last open hit is not the person, and locates it on located or arrested', async () => {
      const n = await liveNotice(s, owner);
      const [a] = await screen(officer, n.recordId);
      const [b] = await screen(colleague, n.recordId);
      await hits.recordOutcome(owner, a.hitId, { status: 'not_same_person', note: '', version: 1 });
      assert.equal(await noticeState(s, n.noticeId), 'hit_reported', 'another hit is still open');
      await hits.recordOutcome(owner, b.hitId, { status: 'not_same_person', note: '', version: 1 });
      assert.equal(await noticeState(s, n.noticeId), 'published');

      const [c] = await screen(actor('p9', officer.agencyId, ['frontline']), n.recordId);
      assert.equal(await noticeState(s, n.noticeId), 'hit_reported');
      const located = await hits.recordOutcome(officer, c.hitId, { status: 'located', note: 'held at gate 4', version: 1 });
      assert.equal(located.noticeState, 'located');
      await hits.recordOutcome(owner, c.hitId, { status: 'arrested', note: '', version: 2 });
      assert.equal(await noticeState(s, n.noticeId), 'located', 'already located: no second move');
      const ev = await s.conn.db.selectFrom('noticeEvents').select(['action', 'toState']).where('noticeId', '=', n.noticeId).orderBy('at').orderBy('id').execute();
      assert.deepEqual(ev.map((e) => e.action), ['report_hit', 'report_hit', 'clear_hits', 'report_hit', 'locate']);
      assert.deepEqual(events.filter((e) => e.subject === 'hits.updated' && e.data.id === c.hitId).map((e) => e.data.noticeMoves), [['locate'], []]);
    });

    it('lets only the task agency close its task, once', async () => {
      const n = await liveNotice(s, owner);
      const [a] = await screen(officer, n.recordId);
      const hit = await hits.get(owner, a.hitId);
      const mine = hit.tasks.find((t) => t.side === 'screening')!;
      await assert.rejects(hits.completeTask(owner, a.hitId, mine.id), { code: 'task_not_yours', status: 403 });
      await assert.rejects(hits.completeTask(other, a.hitId, mine.id), { code: 'hit_not_found', status: 404 });
      await assert.rejects(hits.completeTask(officer, a.hitId, '00000000-0000-7000-8000-000000000000'), { code: 'task_not_found' });
      const done = await hits.completeTask(colleague, a.hitId, mine.id);
      assert.equal(done.tasks.find((t) => t.id === mine.id)!.status, 'done');
      await assert.rejects(hits.completeTask(officer, a.hitId, mine.id), { code: 'task_already_done', status: 409 });
    });

    it('counts visible hits by status and notice type', async () => {
      const fresh = actor('ncb-x', (await s.admin.createAgency(await s.seeder.consoleActor(), { code: 'TUN-NCB', country: 'TUN', kind: 'ncb', names: NAMES })).id, ['ncb_officer']);
      const red = await liveNotice(s, fresh, { type: 'red' });
      const yellow = await liveNotice(s, fresh, { type: 'yellow' });
      const [a] = await screen(officer, red.recordId);
      await screen(officer, yellow.recordId);
      await hits.recordOutcome(fresh, a.hitId, { status: 'confirmed', note: '', version: 1 });
      assert.deepEqual(await hits.stats(fresh), { total: 2, byStatus: { confirmed: 1, open: 1 }, byNoticeType: { red: 1, yellow: 1 }, escalatedTasks: 0 });
      assert.deepEqual(await hits.stats(other), { total: 0, byStatus: {}, byNoticeType: {}, escalatedTasks: 0 });
      assert.ok((await hits.stats(dpo)).total > 2);
    });

    it('notifies the owner agency and the screening officer personally, and marks notifications read', async () => {
      const n = await liveNotice(s, owner);
      const [a] = await screen(officer, n.recordId);
      const ownerSide = actor('sen-2', owner.agencyId, ['commander']);
      const ownerNotes = await notes.list(ownerSide, { unread: true });
      const forOwner = ownerNotes.items.find((x) => x.refId === a.hitId)!;
      assert.equal(forOwner.kind, 'hit_created');
      assert.equal(forOwner.userId, null);
      assert.deepEqual(Object.keys(forOwner.details).sort(), ['dueAt', 'noticeId', 'noticeReference', 'noticeType', 'urgency']);
      const officerNotes = await notes.list(officer, { unread: true });
      assert.ok(officerNotes.items.some((x) => x.refId === a.hitId && x.userId === officer.userId));
      const colleagueNotes = await notes.list(colleague, {});
      assert.ok(!colleagueNotes.items.some((x) => x.refId === a.hitId), "another officer does not get the officer's own notification");
      assert.ok(!(await notes.list(other, {})).items.some((x) => x.refId === a.hitId));

      await assert.rejects(notes.markRead(other, forOwner.id), { code: 'notification_not_found', status: 404 });
      const read = await notes.markRead(owner, forOwner.id);
      assert.ok(read.readAt);
      const again = await notes.list(ownerSide, { unread: true });
      assert.ok(!again.items.some((x) => x.id === forOwner.id));
      assert.equal(again.unreadCount, ownerNotes.unreadCount - 1);
      await assert.rejects(notes.list(actor('pm', owner.agencyId, ['programme_manager']), {}), { code: 'forbidden_role', status: 403 });
    });
  });
}
