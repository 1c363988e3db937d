import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn, type TestNode, testServices } from '../../test/db-targets.ts';
import type { Actor } from '../auth/roles.ts';
import { SCOPES } from '../auth/roles.ts';
import { DAY_MS } from '../core/clock.ts';
import { TLP_LEVELS } from '../core/handling.ts';
import type { CreateNoticeInput } from './notices.schema.ts';
import { noticeVisible } from './visibility.ts';
import { redContent, redNotice } from '../../test/notice-factories.ts';

const NAMES = { ar: 'أ', fr: 'f', en: 'e', es: 's' };

const red = redNotice;

for (const target of DB_TARGETS) {
  describeOn(target, `notices service on ${target.name}`, () => {
    let s: TestNode;
    let owner: Actor; // SEN bureau officer
    let esp: Actor; // another bureau
    let hubOfficer: Actor;
    let reviewer: Actor;
    let dpo: Actor;
    let border: Actor; // frontline at ESP
    const published: string[] = [];

    before(async () => {
      s = await testServices(target);
      const root = await s.seeder.consoleActor();
      const sen = await s.admin.createAgency(root, { code: 'SEN-NCB', country: 'SEN', kind: 'ncb', names: NAMES });
      const es = await s.admin.createAgency(root, { code: 'ESP-NCB', country: 'ESP', kind: 'ncb', names: NAMES });
      const actor = (userId: string, agencyId: string, roles: Actor['roles']): Actor => ({ userId, agencyId, roles, scopes: SCOPES, via: 'session' });
      owner = actor('sen-officer', sen.id, ['ncb_officer']);
      esp = actor('esp-officer', es.id, ['ncb_officer']);
      hubOfficer = actor('hub-officer', root.agencyId, ['ncb_officer']);
      reviewer = actor('reviewer', root.agencyId, ['reviewer']);
      dpo = actor('dpo', root.agencyId, ['dpo']);
      border = actor('border', es.id, ['frontline']);
      s.bus.subscribe<{ id: string }>('notices.>', (e) => void published.push(`${e.subject}:${e.data.id}`));
      await s.screening.start();
    });
    after(() => s.dispose());

    const publishOne = async (input: CreateNoticeInput, by = owner) => {
      const n = await s.notices.create(by, input);
      await s.notices.act(by, n.id, 'submit', { version: n.version });
      await s.notices.act(reviewer, n.id, 'start_review', { version: n.version + 1 });
      return s.notices.act(reviewer, n.id, 'publish', { version: n.version + 2 });
    };
    const screenable = async (recordId: string | null, name: string) =>
      (await s.screening.screenPerson(border, { name }, 'test')).candidates.some((c) => c.id === recordId);

    it('creates a draft owned by the caller agency, with a reference per type and a timeline event', async () => {
      const n = await s.notices.create(owner, red('Moussa Diallo'));
      assert.match(n.reference, /^R-2026-\d{6}$/);
      assert.equal(n.state, 'draft');
      assert.equal(n.ownerAgencyId, owner.agencyId);
      assert.equal(n.tlp, 'AMBER');
      assert.deepEqual(n.allowedActions, ['submit', 'withdraw']);
      const y = await s.notices.create(owner, { type: 'yellow', urgency: 'urgent', content: { ...redContent('Awa Ndiaye'), circumstances: 'Missing since May' } });
      assert.match(y.reference, /^Y-2026-\d{6}$/);
      const tl = await s.notices.timeline(owner, n.id);
      assert.deepEqual(tl.map((e) => [e.kind, e.action, e.toState]), [['state', 'create', 'draft']]);
    });

    it('lets only the owner agency edit, submit and cancel; reviewers never edit content', async () => {
      const n = await s.notices.create(owner, red('Ibrahima Sarr'));
      // invisible: 404, not 403
      await assert.rejects(s.notices.get(esp, n.id), { code: 'notice_not_found', status: 404 });
      await assert.rejects(s.notices.get(reviewer, n.id), { code: 'notice_not_found' });
      await assert.rejects(s.notices.update(esp, n.id, { version: 1, urgency: 'urgent' }), { code: 'notice_not_found' });
      await assert.rejects(s.notices.act(hubOfficer, n.id, 'submit', { version: 1 }), { code: 'notice_not_found' });
      const u = await s.notices.update(owner, n.id, { version: 1, urgency: 'urgent' });
      assert.equal(u.urgency, 'urgent');
      assert.equal(u.version, 2);
      await assert.rejects(s.notices.update(owner, n.id, { version: 1, urgency: 'normal' }), { code: 'version_conflict', status: 409 });
      const sub = await s.notices.act(owner, n.id, 'submit', { version: 2 });
      assert.equal(sub.state, 'submitted');
      // the reviewer now sees it, may start the review but may not edit or submit
      assert.equal((await s.notices.get(reviewer, n.id)).state, 'submitted');
      await assert.rejects(s.notices.update(reviewer, n.id, { version: 3, content: redContent('Someone Else') }), { code: 'forbidden_role', status: 403 });
      await assert.rejects(s.notices.act(reviewer, n.id, 'withdraw', { version: 3, reason: 'x' }), { code: 'forbidden_role' });
      await assert.rejects(s.notices.act(owner, n.id, 'start_review', { version: 3 }), { code: 'forbidden_role' });
      await s.notices.act(reviewer, n.id, 'start_review', { version: 3 });
      await assert.rejects(s.notices.update(owner, n.id, { version: 4, urgency: 'normal' }), { code: 'notice_not_editable', status: 409 });
      const pub = await s.notices.act(reviewer, n.id, 'publish', { version: 4 });
      assert.equal(pub.state, 'published');
      // live: other bureaus see it but may not cancel it
      assert.equal((await s.notices.get(esp, n.id)).state, 'published');
      await assert.rejects(s.notices.act(esp, n.id, 'cancel', { version: 5, reason: 'not mine' }), { code: 'notice_not_owner', status: 403 });
      await assert.rejects(s.notices.act(hubOfficer, n.id, 'cancel', { version: 5, reason: 'not mine' }), { code: 'notice_not_owner' });
      await assert.rejects(s.notices.act(owner, n.id, 'cancel', { version: 5 }), { code: 'reason_required', status: 400 });
      const c = await s.notices.act(owner, n.id, 'cancel', { version: 5, reason: 'Arrested in Dakar' });
      assert.equal(c.state, 'cancelled');
      assert.equal(c.stateReason, 'Arrested in Dakar');
      await assert.rejects(s.notices.act(owner, n.id, 'renew', { version: 6 }), { code: 'illegal_transition', status: 409 });
    });

    it('refuses to submit a request with blocking checks, and records the checks at submission', async () => {
      const content = redContent('Cheikh Fall');
      content.offence.maximumPenaltyMonths = 12;
      delete content.warrant.authority;
      const n = await s.notices.create(owner, { type: 'red', urgency: 'normal', content });
      const err = await s.notices.act(owner, n.id, 'submit', { version: 1 }).catch((e) => e);
      assert.equal(err.code, 'notice_incomplete');
      assert.deepEqual(err.details.checks.filter((c: { severity: string }) => c.severity === 'error').map((c: { code: string }) => c.code).sort(), ['missing_mandatory', 'red_penalty_below_threshold']);
      const fixed = await s.notices.update(owner, n.id, { version: 1, content: { ...content, offence: { ...content.offence, maximumPenaltyMonths: 60 }, warrant: { ...content.warrant, authority: 'Court of Dakar' } } });
      const sub = await s.notices.act(owner, fixed.id, 'submit', { version: 2 });
      assert.equal(sub.checks.filter((c) => c.severity === 'error').length, 0);
      assert.ok(sub.submittedAt);
    });

    it('publishes a subject into screening at once and removes it on cancellation', async () => {
      const t0 = performance.now();
      const pub = await publishOne(red('Abdoulaye Ndiaye Thiam'));
      assert.ok(pub.subjectRecordId);
      assert.equal(pub.reviewDate, '2031-03-01');
      assert.ok(await screenable(pub.subjectRecordId, 'Abdoulaye Thiam'));
      assert.ok(performance.now() - t0 < 1000);
      const live = await s.notices.liveNoticesBySubject([pub.subjectRecordId!]);
      assert.equal(live.get(pub.subjectRecordId!)?.reference, pub.reference);
      // the border officer's screening alerted on a live notice's subject: a hit is reported
      assert.deepEqual(await s.notices.handlingOf(pub.id), { ownerAgencyId: owner.agencyId, tlp: 'AMBER', restrictedTo: [], state: 'hit_reported', type: 'red' });
      assert.ok(published.includes(`notices.published:${pub.id}`));
      assert.ok(published.includes(`notices.submitted:${pub.id}`));
      const t1 = performance.now();
      const current = await s.notices.get(owner, pub.id);
      await s.notices.act(owner, pub.id, 'cancel', { version: current.version, reason: 'Located and extradited' });
      assert.equal(await screenable(pub.subjectRecordId, 'Abdoulaye Thiam'), false);
      assert.ok(performance.now() - t1 < 1000);
      assert.ok(published.includes(`notices.cancelled:${pub.id}`));
      const tl = await s.notices.timeline(owner, pub.id);
      assert.deepEqual(tl.map((e) => e.action), ['create', 'submit', 'start_review', 'publish', 'report_hit', 'cancel']);
      assert.deepEqual(await s.notices.liveNoticesBySubject([pub.subjectRecordId!]), new Map());
    });

    it('warns of a duplicate of a live notice on the same person, found through screening', async () => {
      const pub = await publishOne(red('Mamadou Lamine Sow'));
      const checks = await s.notices.check(owner, { type: 'red', content: redContent('Mamadou Lamine Sow') });
      const dup = checks.find((c) => c.code === 'duplicate_notice');
      assert.equal(dup?.severity, 'warning');
      assert.equal(dup?.params?.reference, pub.reference);
      const none = await s.notices.check(owner, { type: 'red', content: redContent('Oumar Kane') });
      assert.equal(none.some((c) => c.code === 'duplicate_notice'), false);
      // the reviewer's screening of a new request shows the existing notice
      const again = await s.notices.create(owner, red('Mamadou Lamine Sow'));
      await s.notices.act(owner, again.id, 'submit', { version: 1 });
      const scr = await s.notices.screening(reviewer, again.id);
      assert.equal(scr.notices[0]?.noticeId, pub.id);
      await assert.rejects(s.notices.screening(esp, again.id), { code: 'notice_not_found' });
    });

    it('shows a diffusion only to its owner and its recipients (and the data-protection officer)', async () => {
      const d = await s.notices.create(owner, { type: 'diffusion', urgency: 'urgent', content: { ...redContent('Seydou Ba'), requestedAction: 'Locate' }, recipients: [esp.agencyId] });
      const pub = await s.notices.act(owner, d.id, 'submit', { version: 1 });
      assert.equal(pub.state, 'published');
      assert.deepEqual(pub.restrictedToAgencies.map((a) => a.code), ['ESP-NCB']);
      assert.equal((await s.notices.get(esp, d.id)).id, d.id);
      await assert.rejects(s.notices.get(hubOfficer, d.id), { code: 'notice_not_found' });
      await assert.rejects(s.notices.get(reviewer, d.id), { code: 'notice_not_found' });
      assert.equal((await s.notices.get(dpo, d.id)).id, d.id);
      const espList = await s.notices.list(esp, { type: 'diffusion' });
      assert.ok(espList.items.some((n) => n.id === d.id));
      assert.equal((await s.notices.list(hubOfficer, { type: 'diffusion' })).items.some((n) => n.id === d.id), false);
      await assert.rejects(s.notices.create(owner, { type: 'red', urgency: 'normal', content: redContent('X Y'), recipients: [esp.agencyId] }), { code: 'recipients_diffusion_only' });
    });

    it('lists exactly what noticeVisible allows, for every handling code and state', async () => {
      const made: string[] = [];
      for (const tlp of TLP_LEVELS) {
        for (const restrictedTo of [[], [esp.agencyId]]) {
          const draft = await s.notices.create(owner, red(`Handling ${tlp} ${restrictedTo.length}`, { handling: { tlp, restrictedTo } }));
          const live = await publishOne(red(`Live ${tlp} ${restrictedTo.length}`, { handling: { tlp, restrictedTo } }));
          made.push(draft.id, live.id);
        }
      }
      for (const who of [owner, esp, hubOfficer, reviewer, dpo]) {
        const seen = new Set<string>();
        let cursor: string | undefined;
        do {
          const page = await s.notices.list(who, { limit: 100, cursor });
          for (const n of page.items) seen.add(n.id);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        const isReviewer = who === reviewer;
        for (const id of made) {
          const n = (await s.notices.get(dpo, id))!;
          assert.equal(seen.has(id), noticeVisible(who, n, isReviewer), `${who.userId} ${n.tlp} ${n.state} ${n.restrictedTo}`);
        }
      }
    });

    it('orders the review queue urgent first then oldest, and pages through it without gaps', async () => {
      const made: Array<{ id: string; urgency: string }> = [];
      for (let i = 0; i < 7; i++) {
        const urgency = i % 3 === 0 ? 'urgent' : 'normal';
        const n = await s.notices.create(owner, red(`Queue Person ${i}`, { urgency }));
        s.clock.advance(60_000);
        await s.notices.act(owner, n.id, 'submit', { version: 1 });
        made.push({ id: n.id, urgency });
      }
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await s.notices.reviewQueue(reviewer, { limit: 2, cursor });
        ids.push(...page.items.filter((q) => made.some((m) => m.id === q.id)).map((q) => q.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const expected = [...made.filter((m) => m.urgency === 'urgent'), ...made.filter((m) => m.urgency === 'normal')].map((m) => m.id);
      assert.deepEqual(ids, expected);
      await assert.rejects(s.notices.reviewQueue(owner, {}), { code: 'forbidden_role' });
    });

    it('moves a notice on a hit inside the caller transaction and writes it on the timeline', async () => {
      const pub = await publishOne(red('Khadim Gueye'));
      const st = await s.conn.db.transaction().execute((trx) => s.notices.systemTransition(trx, pub.id, 'report_hit', { hitId: 'h1' }));
      assert.equal(st, 'hit_reported');
      assert.equal(await s.conn.db.transaction().execute((trx) => s.notices.systemTransition(trx, pub.id, 'locate', { hitId: 'h1' })), 'located');
      const tl = await s.notices.timeline(owner, pub.id);
      assert.deepEqual(tl.slice(-2).map((e) => [e.kind, e.toState]), [['hit', 'hit_reported'], ['hit', 'located']]);
      await assert.rejects(s.notices.act(owner, pub.id, 'report_hit' as never, { version: 7 }), { code: 'system_action' });
    });

    it('asks for renewal six months before the review date, renews for five years, and expires notices not renewed', async () => {
      const start = s.clock.now();
      const a = await publishOne(red('Renewed Person'));
      const b = await publishOne(red('Expired Person'));
      s.clock.set(new Date(start.getTime() + (4 * 365 + 200) * DAY_MS));
      const r1 = await s.notices.expireAndRemind();
      assert.ok(r1.renewalRequested >= 2);
      assert.equal(r1.expired, 0);
      const notes = await s.conn.db.selectFrom('notifications').selectAll().where('refId', 'in', [a.id, b.id]).execute();
      assert.deepEqual(notes.map((n) => [n.agencyId, n.kind]), [[owner.agencyId, 'notice_renewal_due'], [owner.agencyId, 'notice_renewal_due']]);
      assert.ok((await s.notices.get(owner, a.id)).renewalRequestedAt);
      assert.equal((await s.notices.expireAndRemind()).renewalRequested, 0);
      const ra = await s.notices.get(owner, a.id);
      const renewed = await s.notices.act(owner, a.id, 'renew', { version: ra.version });
      assert.equal(renewed.reviewDate, '2036-03-01');
      assert.equal(renewed.renewalRequestedAt, null);
      s.clock.set(new Date(start.getTime() + (5 * 365 + 10) * DAY_MS));
      const r2 = await s.notices.expireAndRemind();
      assert.ok(r2.expired >= 1);
      assert.equal((await s.notices.get(owner, b.id)).state, 'expired');
      assert.equal((await s.notices.get(owner, a.id)).state, 'published');
      assert.equal(await screenable(b.subjectRecordId, 'Expired Person'), false);
      assert.ok(await screenable(a.subjectRecordId, 'Renewed Person'));
      assert.ok(published.includes(`notices.expired:${b.id}`));
      s.clock.set(start);
    });
  });
}
