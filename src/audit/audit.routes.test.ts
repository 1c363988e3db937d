import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn } from '../../test/db-targets.ts';
import { type Harness, httpHarness, type Session } from '../../test/http-harness.ts';
import { redNotice } from '../../test/notice-factories.ts';
import { AuditRepo } from './audit.repo.ts';

const NAMES = { ar: 'أ', fr: 'f', en: 'e', es: 's' };

for (const target of DB_TARGETS) {
  describeOn(target, `GET /audit, targets named by their labels, on ${target.name}`, () => {
    let h: Harness;
    let dpo: Session;
    let recordId: string;
    let noticeId: string;
    let noticeRef: string;
    let agencyId: string;
    let officer: Session;
    const entries = async (query: string) => {
      const res = await h.call(dpo, { method: 'GET', url: `/api/v1/audit?${query}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items as Array<{ action: string; targetType: string; targetId: string | null; targetLabel: unknown; subjectIds: string[] }>;
    };

    before(async () => {
      h = await httpHarness(target);
      const analyst = await h.as('analyst');
      officer = await h.as('ncb_officer');
      dpo = await h.as('dpo');
      const rec = await h.call(analyst, {
        method: 'POST',
        url: '/api/v1/records',
        payload: { kind: 'person', data: { names: [{ value: 'محمد الإدريسي', type: 'primary' }] }, legalBasisCode: 'interpol_rpd', legalBasis: 'RPD article 10' },
      });
      recordId = rec.json().id;
      assert.equal((await h.call(analyst, { method: 'GET', url: `/api/v1/records/${recordId}` })).statusCode, 200);
      const n = await h.call(officer, { method: 'POST', url: '/api/v1/notices', payload: redNotice('Rachid Berrada') });
      assert.equal(n.statusCode, 201, n.body);
      noticeId = n.json().id;
      noticeRef = n.json().reference;
      agencyId = (await h.s.admin.createAgency(await h.s.seeder.consoleActor(), { code: 'SEN-NCB', country: 'SEN', kind: 'ncb', names: NAMES })).id;
    });
    after(() => h.close());

    it('refuses the audit without a session, to a role without audit.read, and with a malformed subject', async () => {
      assert.equal((await h.call(null, { method: 'GET', url: '/api/v1/audit' })).statusCode, 401);
      assert.equal((await h.call(await h.as('analyst'), { method: 'GET', url: '/api/v1/audit' })).statusCode, 403);
      assert.equal((await h.call(dpo, { method: 'GET', url: '/api/v1/audit?subjectId=not-a-uuid' })).statusCode, 400);
    });

    it('names a record by its name and kind, a notice by its reference and type, a user by username, an agency by code', async () => {
      const read = (await entries(`action=record.read&targetId=${recordId}`))[0];
      assert.deepEqual(read.targetLabel, { text: 'محمد الإدريسي', recordKind: 'person' });
      assert.equal(read.targetId, recordId);
      const created = (await entries(`action=notice.create&targetId=${noticeId}`))[0];
      assert.deepEqual(created.targetLabel, { text: noticeRef, noticeType: 'red' });
      const user = (await entries(`action=user.create&targetId=${officer.userId}`))[0];
      const { username } = await h.s.conn.db.selectFrom('users').select('username').where('id', '=', officer.userId).executeTakeFirstOrThrow();
      assert.deepEqual(user.targetLabel, { text: username });
      const agency = (await entries(`action=agency.create&targetId=${agencyId}`))[0];
      assert.deepEqual(agency.targetLabel, { text: 'SEN-NCB' });
      // a search has no target, a target of no labelled kind keeps its id alone
      for (const e of await entries('action=record.search')) assert.equal(e.targetLabel, null);
    });

    it('counts its own listing among the accesses to the persons it named', async () => {
      await entries(`action=record.read&targetId=${recordId}`);
      const lists = await entries(`action=audit.list&subjectId=${recordId}`);
      assert.ok(lists.length >= 1);
      assert.ok(lists.every((e) => e.subjectIds.includes(recordId)));
    });

    it('gives a reader who may not see every record the labels of users, agencies and tokens only', async () => {
      const targets = [
        { targetType: 'person', targetId: recordId },
        { targetType: 'notice', targetId: noticeId },
        { targetType: 'agency', targetId: agencyId },
        { targetType: 'user', targetId: officer.userId },
        { targetType: 'person', targetId: '0198a0b4-0000-7000-8000-00000000dead' },
      ];
      const repo = new AuditRepo();
      const open = await repo.targetLabels(h.s.conn.db, targets, false);
      assert.deepEqual([...open.keys()].sort(), [`agency:${agencyId}`, `user:${officer.userId}`]);
      const all = await repo.targetLabels(h.s.conn.db, targets, true);
      assert.deepEqual([...all.keys()].sort(), [`agency:${agencyId}`, `notice:${noticeId}`, `record:${recordId}`, `user:${officer.userId}`]);
    });
  });
}
