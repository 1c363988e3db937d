import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn, type TestNode, testServices } from '../../test/db-targets.ts';
import type { Actor } from '../auth/roles.ts';
import { SCOPES } from '../auth/roles.ts';
import type { CreateRecordInput } from '../records/records.schema.ts';

const NAMES = { ar: 'أ', fr: 'f', en: 'e', es: 's' };
const basis = { legalBasisCode: 'interpol_rpd', legalBasis: 'RPD article 10' };
const person = (names: Array<{ value: string; type: string }>, extra: Record<string, unknown> = {}, handling?: CreateRecordInput['handling']): CreateRecordInput => ({
  kind: 'person',
  data: { names, ...extra } as any,
  ...basis,
  ...(handling ? { handling } : {}),
});

for (const target of DB_TARGETS) {
  describeOn(target, `screening service on ${target.name}`, () => {
    let s: TestNode;
    let owner: Actor;
    let other: Actor;
    let border: Actor;
    before(async () => {
      s = await testServices(target);
      const root = await s.seeder.consoleActor();
      const sen = await s.admin.createAgency(root, { code: 'SEN-NCB', country: 'SEN', kind: 'ncb', names: NAMES });
      owner = { userId: 'owner', agencyId: root.agencyId, roles: ['ncb_officer'], scopes: SCOPES, via: 'session' };
      other = { userId: 'other', agencyId: sen.id, roles: ['frontline'], scopes: SCOPES, via: 'session' };
      border = { userId: 'border', agencyId: root.agencyId, roles: ['frontline'], scopes: SCOPES, via: 'session' };
      await s.records.create(owner, person([{ value: 'Abdellatif Hammouchi', type: 'primary' }], { birthDates: ['1966'], nationalities: ['MAR'] }));
      await s.screening.start();
    });
    after(() => s.dispose());

    it('finds a Latin record from an Arabic-script query, with an explanation', async () => {
      const r = await s.screening.screenPerson(border, { name: 'عبد اللطيف الحموشي', birthDate: '1966' }, 'border check');
      const top = r.candidates[0];
      assert.equal(top.displayName, 'Abdellatif Hammouchi');
      assert.equal(top.alert, true);
      assert.equal(top.ownerAgencyCode, 'MAR-NCB');
      assert.deepEqual(top.explanation.tokens.map((t) => t.matched), ['Abdellatif', 'Hammouchi']);
      assert.equal(top.explanation.birthDate.effect, 'agrees');
    });

    it('follows a create, an update and a delete within one second', async () => {
      const t0 = performance.now();
      const rec = await s.records.create(owner, person([{ value: 'Youssef El Amrani', type: 'primary' }]));
      assert.equal((await s.screening.screenPerson(border, { name: 'Youcef Amrani' }, 'x')).candidates[0]?.id, rec.id);
      await s.records.update(owner, rec.id, { version: 1, data: { names: [{ value: 'Karim Bennani', type: 'primary' }] } as any });
      assert.equal((await s.screening.screenPerson(border, { name: 'Youcef Amrani' }, 'x')).candidates.some((c) => c.id === rec.id), false);
      assert.equal((await s.screening.screenPerson(border, { name: 'كريم بناني' }, 'x')).candidates[0]?.id, rec.id);
      await s.records.remove(owner, rec.id, 2);
      assert.equal((await s.screening.screenPerson(border, { name: 'Karim Bennani' }, 'x')).candidates.some((c) => c.id === rec.id), false);
      assert.ok(performance.now() - t0 < 1000);
    });

    it('never shows a candidate the user may not see', async () => {
      const secret = await s.records.create(owner, person([{ value: 'Rachid Tazi', type: 'primary' }], {}, { tlp: 'RED' }));
      assert.equal((await s.screening.screenPerson(border, { name: 'Rachid Tazi' }, 'x')).candidates[0]?.id, secret.id);
      assert.equal((await s.screening.screenPerson(other, { name: 'Rachid Tazi' }, 'x')).candidates.some((c) => c.id === secret.id), false);
    });

    it('drops a record from results once its review date has passed', async () => {
      const rec = await s.records.create(owner, { ...person([{ value: 'Omar Chraibi', type: 'primary' }]), reviewDate: '2026-06-01' });
      assert.equal((await s.screening.screenPerson(border, { name: 'Omar Chraibi' }, 'x')).candidates[0]?.id, rec.id);
      s.clock.set('2026-06-02T08:00:00Z');
      try {
        assert.equal((await s.screening.screenPerson(border, { name: 'Omar Chraibi' }, 'x')).candidates.some((c) => c.id === rec.id), false);
      } finally {
        s.clock.set('2026-03-01T09:00:00Z');
      }
    });

    it('audits every search with its purpose and the records it returned', async () => {
      const r = await s.screening.screenPerson(border, { name: 'Abdellatif Hammouchi' }, 'passenger check flight AT 801');
      const dpo: Actor = { ...owner, roles: ['dpo'] };
      const log = await s.audit.list(dpo, { subjectId: r.candidates[0].id, action: 'screening.person' }, {}, 'review');
      assert.equal(log.items[0].purpose, 'passenger check flight AT 801');
      assert.equal(log.items[0].actorUserId, 'border');
    });

    it('refuses roles without screening and invalid queries with stable codes', async () => {
      await assert.rejects(s.screening.screenPerson({ ...border, roles: ['commander'] }, { name: 'x' }, ''), { code: 'forbidden_role' });
      await assert.rejects(s.screening.screenPerson(border, { name: 'x', birthDate: '1970-13-45' }, ''), { code: 'invalid_date' });
      await assert.rejects(s.screening.screenPerson(border, { name: 'x', nationality: 'Atlantis' }, ''), { code: 'invalid_nationality' });
      await assert.rejects(s.screening.screenPerson(border, { name: '   ' }, ''), { code: 'validation_failed' });
    });

    it('finds a stolen passport despite OCR confusions, with its holder', async () => {
      const holder = await s.records.create(owner, person([{ value: 'Said Alaoui', type: 'primary' }]));
      const doc = await s.records.create(owner, { kind: 'document', data: { number: 'AB1234567', type: 'passport', issuingCountry: 'MAR', status: 'stolen' } as any, ...basis });
      await s.records.createLink(owner, { fromId: holder.id, toId: doc.id, type: 'holder_of' });
      const r = await s.screening.screenDocument(border, { number: 'A8 1234S67', issuingCountry: 'MA' }, 'x');
      assert.equal(r.candidates[0].id, doc.id);
      assert.equal(r.candidates[0].how, 'ocr');
      assert.equal(r.candidates[0].status, 'stolen');
      assert.deepEqual(r.candidates[0].holder, { id: holder.id, displayName: 'Said Alaoui' });
    });

    it('finds a Moroccan plate written with its Arabic letter from its Latin rendering', async () => {
      const v = await s.records.create(owner, { kind: 'vehicle', data: { plate: '12345-أ-6', plateCountry: 'MAR', status: 'stolen' } as any, ...basis });
      const r = await s.screening.screenVehicle(border, { plate: '12345 A 6', country: 'MAR' }, 'x');
      assert.equal(r.candidates[0].id, v.id);
      assert.equal(r.candidates[0].alert, true);
    });

    it('screens the holder and the document of a passport zone in one call', async () => {
      await s.records.create(owner, person([{ value: 'Anna Maria Eriksson', type: 'primary' }], { birthDates: ['1974-08-12'], gender: 'female' }));
      const r = await s.screening.screenMrz(border, { mrz: 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10' }, 'x');
      assert.equal(r.parsed.specimen, true);
      assert.equal(r.persons[0].displayName, 'Anna Maria Eriksson');
      assert.equal(r.persons[0].explanation.birthDate.effect, 'agrees');
    });

    it('screens a batch, reporting rows that do not validate', async () => {
      const r = await s.screening.screenBatch(
        border,
        [
          { id: 'r1', name: 'Abdellatif Hammouchi' },
          { id: 'r2', name: 'Nobody Atall', birthDate: '1999-02-30' },
          { id: 'r3', name: 'Said Alaoui', nationality: 'MA' },
        ],
        5,
        'manifest',
      );
      assert.deepEqual(r.results.map((x) => x.rowId), ['r1', 'r2', 'r3']);
      assert.equal(r.results[0].candidates[0].alert, true);
      assert.deepEqual(r.problems, [
        {
          rowId: 'r2',
          code: 'invalid_date',
          message: '"birthDate" value "1999-02-30" not understood (not a real date written YYYY, YYYY-MM or YYYY-MM-DD): kept as given, not screened on; screened without birthDate',
          warning: true,
        },
      ]);
      assert.deepEqual([r.skipped, r.warnings], [0, 1]);
    });

    it('screens batch rows as real lists write them, marking the fields it does not understand, and skips only rows without a name', async () => {
      const wanted = await s.records.create(owner, person([{ value: 'Dragan Jovanovic', type: 'primary' }], { birthDates: ['1968-03-12'], nationalities: ['SRB'], gender: 'male' }));
      const r = await s.screening.screenBatch(
        border,
        [
          { id: 'b1', name: 'Dragan Jovanovic', nationality: 'YU', gender: 'other', birthDate: '1968-13-30' },
          { id: 'b2', name: 'Dragan Jovanovic', nationality: 'former Soviet Union' },
          { id: 'b3', name: 'Dragan Jovanovic', nationality: 'Serbia', birthDate: '1968-3-12', gender: 'M' },
          { id: 'b4', name: 'Abdellatif Hammouchi', nationality: 'Kingdom of Morocco' },
          { id: 'b5', name: 'Dragan\u0000 Jovanovic' },
          { id: 'b6', name: ' \u0000 ', nationality: 'Syria' },
        ],
        5,
        'manifest',
      );
      assert.deepEqual(r.results.map((x) => x.rowId), ['b1', 'b2', 'b3', 'b4', 'b5']);
      const by = new Map(r.results.map((x) => [x.rowId, x]));
      for (const id of ['b1', 'b2', 'b3', 'b5']) assert.equal(by.get(id)!.candidates[0]?.id, wanted.id, id);
      assert.deepEqual(by.get('b1')!.notUnderstood?.map((n) => [n.field, n.value]), [['birthDate', '1968-13-30'], ['nationality', 'YU'], ['gender', 'other']]);
      // not understood: neither for nor against
      const b1 = by.get('b1')!.candidates[0].explanation;
      assert.deepEqual([b1.birthDate.effect, b1.nationality.effect, b1.gender.effect], ['unknown', 'unknown', 'unknown']);
      assert.equal(by.get('b1')!.candidates[0].alert, true);
      assert.equal(by.get('b2')!.candidates[0].explanation.nationality.effect, 'unknown');
      const b3 = by.get('b3')!.candidates[0].explanation;
      assert.deepEqual([b3.birthDate.effect, b3.nationality.effect, b3.gender.effect], ['agrees', 'agrees', 'agrees']);
      assert.equal(by.get('b3')!.notUnderstood, undefined);
      assert.equal(by.get('b4')!.candidates[0].explanation.nationality.effect, 'agrees');
      assert.deepEqual(r.problems.filter((p) => !p.warning), [{ rowId: 'b6', code: 'validation_failed', message: 'A name is required' }]);
      assert.deepEqual(
        r.problems.filter((p) => p.warning).map((p) => [p.rowId, p.code]),
        [['b1', 'invalid_date'], ['b1', 'invalid_nationality'], ['b1', 'invalid_gender'], ['b2', 'invalid_nationality'], ['b5', 'control_characters_removed'], ['b6', 'control_characters_removed']],
      );
      assert.deepEqual([r.skipped, r.warnings], [1, 6]);
    });
  });
}
