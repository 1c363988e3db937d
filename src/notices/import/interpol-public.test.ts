import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { DB_TARGETS, describeOn, type TestNode, testServices } from '../../../test/db-targets.ts';
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
    assert.deepEqual(got.map((i) => i.entityId), ['2021/10452', '2024/20311', '2021/10452', '2018/64590', '2017/80023', '2019/33001']);
    assert.deepEqual(got[1].nationalities, ['MLI', 'CIV']);
    assert.equal(got[1].type, 'yellow');
    assert.deepEqual(got[4].nationalities, ['DZA', 'FRA']);
    assert.deepEqual(problems(parseInterpolPublic(PIPE)).map((p) => [p.position, p.warning ?? false]), [['line 7', false], ['line 8', false], ['line 9', true]]);
    // a date of birth that is no calendar day: the notice is kept, the date is not screened on
    assert.equal(got[5].birthDate, undefined);
    assert.deepEqual(got[5].notUnderstood, [{ field: 'date_of_birth', value: '1986/13/40', reason: 'not a real date written YYYY/MM/DD, YYYY/MM or YYYY' }]);
  });

  it('keeps a notice whose nationality is YU, the former Yugoslavia, as INTERPOL publishes it, with a warning', () => {
    const events = [...parseInterpolPublic('[{"entity_id": "2009/40872", "forename": "DRAGAN", "name": "PETROVIC", "date_of_birth": "1968/2/1", "nationalities": ["YU", "RS", "ZR"]}]')];
    const [item] = items(events);
    assert.deepEqual(item.nationalities, ['SRB', 'COD']);
    assert.equal(item.birthDate, '1968-02-01');
    assert.deepEqual(item.notUnderstood, [{ field: 'nationality', value: 'YU', reason: 'a former country (Yugoslavia) that is no single country today' }]);
    assert.deepEqual(problems(events), [
      { position: '[0]', message: 'notice 2009/40872: nationality "YU" not understood (a former country (Yugoslavia) that is no single country today): kept with the notice, not screened on', warning: true },
    ]);
  });

  it('removes control characters from names, with a warning', () => {
    const events = [...parseInterpolPublic('[{"entity_id": "2020/2", "forename": "OMAR\\u0000", "name": "FAR\\u001bOUK"}]')];
    assert.deepEqual([items(events)[0].forename, items(events)[0].name], ['OMAR', 'FAROUK']);
    assert.deepEqual(problems(events).map((p) => [p.message, p.warning]), [['notice 2020/2: control characters (U+0000, U+001B) removed', true]]);
  });

  it('reports broken JSON, unknown countries and missing ids instead of throwing', () => {
    assert.deepEqual(problems(parseInterpolPublic('{"_embedded": {"notices": [')).map((p) => p.position), ['line 1']);
    const qq = [...parseInterpolPublic('[{"entity_id": "2020/1", "name": "X", "nationalities": ["QQ"]}]')];
    assert.match(problems(qq)[0].message, /nationality "QQ" not understood \(not a country we know\)/);
    assert.equal(items(qq).length, 1, 'the notice is kept');
    assert.match(problems(parseInterpolPublic('[{"name": "X"}]'))[0].message, /entity_id/);
    assert.match(problems(parseInterpolPublic('[42]'))[0].message, /not a notice/);
  });
});

for (const target of DB_TARGETS) {
  describeOn(target, `INTERPOL public notices import on ${target.name}`, () => {
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
      assert.deepEqual(first.map((t) => [t.created, t.existing, t.duplicates, t.problems, t.warnings]), [[3, 0, 0, 1, 0], [1, 0, 0, 0, 0], [5, 0, 1, 2, 1]]);
      assert.deepEqual(seen, ['notices[3]', 'line 7', 'line 8', 'line 9']);
      const again = [
        await s.noticeImporter.run(root, parseInterpolPublic(LIST)),
        await s.noticeImporter.run(root, parseInterpolPublic(DETAIL)),
        await s.noticeImporter.run(root, parseInterpolPublic(PIPE)),
      ];
      assert.deepEqual(again.map((t) => [t.created, t.existing]), [[0, 3], [0, 1], [0, 5]]);
      const all = await s.notices.list(root, { limit: 100 });
      assert.equal(all.items.length, 9);
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
      assert.equal(log.length, 1 + 1 + 3);
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

    it("imports INTERPOL's red notice of a person whose nationality is YU, screens the subject and keeps YU with the notice", async () => {
      const seen: Array<[string, boolean]> = [];
      const notice = '{"entity_id": "2009/40872", "forename": "DRAGAN", "name": "PETROVIC\\u0000", "date_of_birth": "1968/03/12", "nationalities": ["YU"], "_links": {"self": {"href": "https://ws-public.interpol.int/notices/v1/red/2009-40872"}}}';
      const t = await s.noticeImporter.run(root, parseInterpolPublic(notice), { onProblem: (p) => seen.push([p.message, p.warning ?? false]) });
      assert.deepEqual([t.created, t.problems, t.warnings], [1, 0, 2]);
      assert.deepEqual(seen.map(([, w]) => w), [true, true]);
      const n = (await s.notices.list(root, { limit: 100 })).items.find((x) => x.subjectName === 'DRAGAN PETROVIC')!;
      assert.equal(n.type, 'red');
      const full = await s.notices.get(root, n.id);
      assert.equal(full.content.subject.nationalities, undefined);
      assert.match(full.content.circumstances ?? '', /nationality "YU" \(a former country \(Yugoslavia\)/);
      const found = await s.screening.screenPerson(border, { name: 'Dragan Petrovic', nationality: 'SRB' }, 'test');
      assert.equal(found.candidates[0]?.id, full.subjectRecordId);
      assert.equal(found.candidates[0].alert, true);
      assert.equal(found.candidates[0].explanation.nationality.effect, 'unknown');
    });

    it('refuses an import by a user without notice.import', async () => {
      await assert.rejects(s.noticeImporter.run(border, parseInterpolPublic(DETAIL)), { code: 'forbidden_role', status: 403 });
    });
  });
}
