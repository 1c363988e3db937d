import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { DB_TARGETS, type TestNode, testServices } from '../../../test/db-targets.ts';
import type { Actor } from '../../auth/roles.ts';
import { SCOPES } from '../../auth/roles.ts';
import { type ParseEvent, parseInterpolPublic } from './interpol-public.ts';

const LIST = readFileSync('fixtures/interpol-public-red-list.json', 'utf8');
const DETAIL = readFileSync('fixtures/interpol-public-red-detail.json', 'utf8');
const PIPE = readFileSync('fixtures/interpol-public-notices.psv', 'utf8');
const NAMES = { ar: 'أ', fr: 'f', en: 'e', es: 's' };

const items = (events: Iterable<ParseEvent>) => [...events].flatMap((e) => ('item' in e ? [e.item] : []));
const problems = (events: Iterable<ParseEvent>) => [...events].flatMap((e) => ('problem' in e ? [e.problem] : []));

describe('INTERPOL public notices parser', () => {
  it('reads a page of the public API, turning dates and alpha-2 nationalities into ours', () => {
    const got = items(parseInterpolPublic(LIST));
    assert.deepEqual(
      got.map((i) => [i.entityId, i.forename, i.name, i.birthDate, i.nationalities.join(','), i.type]),
      [
        ['2019/41233', 'YOUSSEF', 'EL OUAZZANI', '1979-04-12', 'MAR', 'red'],
        ['2022/18876', 'AMINATA', 'DIOP', '1990', 'SEN,FRA', 'red'],
        ['2015/70021', 'JUAN CARLOS', 'MORALES RUIZ', '1968-11', 'ESP', 'red'],
      ],
    );
    assert.deepEqual(problems(parseInterpolPublic(LIST)).map((p) => p.position), ['notices[3]']);
  });

  it('reads one detail object with its arrest warrants, sex and place of birth', () => {
    const [d] = items(parseInterpolPublic(DETAIL));
    assert.equal(d.gender, 'male');
    assert.equal(d.placeOfBirth, 'Thiès');
    assert.deepEqual(d.charges, [{ charge: 'Drug trafficking (cocaine, 350 kg) and participation in a criminal organisation', issuingCountry: 'SEN' }]);
    assert.equal(items(parseInterpolPublic(`[${DETAIL}, ${DETAIL}]`)).length, 2);
  });

  it('reads the pipe export with its list-shaped nationalities and reports malformed lines by number', () => {
    const got = items(parseInterpolPublic(PIPE));
    assert.deepEqual(got.map((i) => i.entityId), ['2021/10452', '2024/20311', '2021/10452', '2018/64590', '2017/80023']);
    assert.deepEqual(got[1].nationalities, ['MLI', 'CIV']);
    assert.equal(got[1].type, 'yellow');
    assert.deepEqual(got[4].nationalities, ['DZA', 'FRA']);
    assert.deepEqual(problems(parseInterpolPublic(PIPE)).map((p) => p.position), ['line 7', 'line 8', 'line 9']);
  });

  it('reports broken JSON, unknown countries and missing ids instead of throwing', () => {
    assert.deepEqual(problems(parseInterpolPublic('{"_embedded": {"notices": [')).map((p) => p.position), ['line 1']);
    assert.match(problems(parseInterpolPublic('[{"entity_id": "2020/1", "name": "X", "nationalities": ["QQ"]}]'))[0].message, /unknown nationality/);
    assert.match(problems(parseInterpolPublic('[{"name": "X"}]'))[0].message, /entity_id/);
    assert.match(problems(parseInterpolPublic('[42]'))[0].message, /not a notice/);
  });
});

for (const target of DB_TARGETS) {
  describe(`INTERPOL public notices import on ${target.name}`, { skip: target.skip }, () => {
    let s: TestNode;
    let root: Actor;
    let senId: string;
    let border: Actor;
    before(async () => {
      s = await testServices(target);
      root = await s.seeder.consoleActor();
      senId = (await s.admin.createAgency(root, { code: 'SEN-NCB', country: 'SEN', kind: 'ncb', names: NAMES })).id;
      border = { userId: 'border', agencyId: root.agencyId, roles: ['frontline'], scopes: SCOPES, via: 'session' };
      await s.screening.start();
    });
    after(() => s.dispose());

    it('imports both formats as published notices with their subject in screening, and again without duplicating', async () => {
      const seen: string[] = [];
      const first = [
        await s.noticeImporter.run(root, parseInterpolPublic(LIST), { onProblem: (p) => seen.push(p.position) }),
        await s.noticeImporter.run(root, parseInterpolPublic(DETAIL)),
        await s.noticeImporter.run(root, parseInterpolPublic(PIPE), { batchSize: 2, onProblem: (p) => seen.push(p.position) }),
      ];
      assert.deepEqual(first.map((t) => [t.created, t.existing, t.duplicates, t.problems]), [[3, 0, 0, 1], [1, 0, 0, 0], [4, 0, 1, 3]]);
      assert.deepEqual(seen, ['notices[3]', 'line 7', 'line 8', 'line 9']);
      const again = [
        await s.noticeImporter.run(root, parseInterpolPublic(LIST)),
        await s.noticeImporter.run(root, parseInterpolPublic(DETAIL)),
        await s.noticeImporter.run(root, parseInterpolPublic(PIPE)),
      ];
      assert.deepEqual(again.map((t) => [t.created, t.existing]), [[0, 3], [0, 1], [0, 4]]);
      const all = await s.notices.list(root, { limit: 100 });
      assert.equal(all.items.length, 8);
      assert.ok(all.items.every((n) => n.state === 'published' && n.reviewDate === '2031-03-01'));
      const yellow = all.items.filter((n) => n.type === 'yellow').map((n) => n.subjectName);
      assert.deepEqual(yellow, ['FATOUMATA TRAORE']);
      // the warrant's issuing country decides the owner; otherwise the hub
      const moussa = all.items.find((n) => n.subjectName === 'MOUSSA NDIAYE')!;
      assert.equal(moussa.ownerAgencyId, senId);
      assert.equal(all.items.find((n) => n.subjectName === 'KARIM BENJELLOUN')!.ownerAgencyId, root.agencyId);
      const found = await s.screening.screenPerson(border, { name: 'Moussa Ndiaye', birthDate: '1984' }, 'test');
      assert.equal(found.candidates[0]?.id, moussa.subjectRecordId ?? (await s.notices.get(root, moussa.id)).subjectRecordId);
      // one audit entry per batch
      const log = await s.conn.db.selectFrom('auditLog').select('action').where('action', '=', 'notice.import').execute();
      assert.equal(log.length, 1 + 1 + 2);
    });

    it('publishes the imported extracts without login, with only the fields the site had', async () => {
      const list = await s.notices.publicList({ nationality: 'SEN' });
      assert.deepEqual(list.items.map((i) => i.name).sort(), ['AMINATA DIOP', 'MOUSSA NDIAYE']);
      const moussa = list.items.find((i) => i.name === 'MOUSSA NDIAYE')!;
      const view = await s.notices.publicGet(moussa.id);
      assert.deepEqual(Object.keys(view).sort(), ['birthDate', 'charges', 'gender', 'id', 'names', 'nationalities', 'placeOfBirth', 'type']);
      assert.deepEqual((await s.notices.publicList({ type: 'yellow' })).items.map((i) => i.name), ['FATOUMATA TRAORE']);
      assert.deepEqual((await s.notices.publicList({ ageMin: 40, ageMax: 42 })).items.map((i) => i.name), ['MOUSSA NDIAYE']);
      assert.deepEqual((await s.notices.publicList({ name: 'benjelloun' })).items.map((i) => i.name), ['KARIM BENJELLOUN']);
      assert.deepEqual((await s.notices.publicList({ sex: 'male' })).items.map((i) => i.name), ['MOUSSA NDIAYE']);
    });

    it('refuses an import by a user without notice.import', async () => {
      await assert.rejects(s.noticeImporter.run(border, parseInterpolPublic(DETAIL)), { code: 'forbidden_role', status: 403 });
    });
  });
}
