import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn, type TestNode, testServices } from '../../test/db-targets.ts';
import type { Actor } from '../auth/roles.ts';
import { type ProfileTargets, type YearTargets } from './seed-dgsn.ts';
import { SeedRepo, type SeedStamp } from './seed.repo.ts';
import { readPdf } from './pdf-text.test-helper.ts';
import type { AnnualReport } from './report.ts';

const Y2024: YearTargets = {
  cases: 600,
  cleared: 570,
  cybercrimeCases: 21,
  arrests: 160,
  violentArrests: 40,
  gangsDismantled: 6,
  gangMembersArrested: 10,
  seizures: { cannabis_resin: 5_000_000, cocaine: 200_000, psychotropic_pills: 3_001, cash: 12_345_600, boats: 3 },
  internationalWarrants: 7,
  nationalWarrants: 12,
  complaints: 25,
  smugglingNetworks: 3,
  departuresPrevented: 150,
};
const Y2023: YearTargets = { ...Y2024, cases: 500, cleared: 460, cybercrimeCases: 15, arrests: 140, violentArrests: 35, gangsDismantled: 5, gangMembersArrested: 7, seizures: { cannabis_resin: 4_000_000, cocaine: 100_000 }, complaints: 20, departuresPrevented: 120 };
const SMALL: ProfileTargets = { profile: 'calib-test', seed: 7, years: { 2023: Y2023, 2024: Y2024 } };

/** Every figure the calibration promises, read off a report. */
function figures(r: AnnualReport) {
  const q = (s: string) => r.seizures.find((x) => x.substance === s)?.quantity ?? 0;
  return {
    cases: r.cases.total.value,
    cleared: r.cases.cleared.value,
    cybercrimeCases: r.cybercrime.cases.value,
    arrests: r.arrests.total.value,
    violentArrests: r.arrests.violentCrime.value,
    gangsDismantled: r.gangs.dismantled.value,
    gangMembersArrested: r.gangs.membersArrested.value,
    seizures: Object.fromEntries(r.seizures.filter((s) => s.quantity > 0).map((s) => [s.substance, q(s.substance)])),
    internationalWarrants: r.warrants.international.value,
    nationalWarrants: r.warrants.national.value,
    complaints: r.complaints.online.value,
    smugglingNetworks: r.migration.networksDismantled.value,
    departuresPrevented: r.migration.departuresPrevented.value,
  };
}

for (const target of DB_TARGETS) {
  describeOn(target, `annual report over calibrated data on ${target.name}`, () => {
    let s: TestNode;
    let root: Actor;
    before(async () => {
      s = await testServices(target);
      root = await s.seeder.consoleActor();
      await s.profileSeeder.seed(root, SMALL, { batchSize: 97 });
    });
    after(() => s.dispose());
    const commander = () => ({ ...root, roles: ['commander' as const], via: 'session' as const });

    it('reproduces every target of both years exactly', async () => {
      const r = await s.reports.annual(commander(), 2024);
      assert.deepEqual(figures(r), Y2024);
      const prev = await s.reports.annual(commander(), 2023);
      assert.deepEqual(figures(prev), Y2023);
      assert.equal(r.cases.total.previous, 500);
      assert.equal(r.cybercrime.cases.change, (21 - 15) / 15);
      assert.equal(r.byMonth.reduce((a, m) => a + m.cases, 0), 600);
      assert.equal(r.byRegion.reduce((a, g) => a + g.cases, 0), 600);
      assert.ok(r.byRegion.length > 0 && r.byRegion.length <= 12);
    });

    it('says which years have data, newest first, and marks a year without any fact', async () => {
      assert.deepEqual(await s.reports.years(commander()), { years: [2024, 2023], latest: 2024 });
      assert.equal((await s.reports.annual(commander(), 2024)).hasData, true);
      const empty = await s.reports.annual(commander(), 2025);
      assert.equal(empty.hasData, false);
      assert.equal(empty.cases.total.previous, 600, 'its year before still has data');
      await assert.rejects(s.reports.years({ ...root, roles: ['frontline'], via: 'session' }), (e: any) => e.code === 'forbidden_role');
      const audited = await s.conn.db.selectFrom('auditLog').select('action').where('action', '=', 'report.years').execute();
      assert.equal(audited.length, 1);
      // the PDF of that year says so, and names the years that have data
      const pdf = await s.reports.render(commander(), 2025, 'pdf', 'en');
      const text = readPdf(pdf.body as Buffer).runs.map((r) => r.text);
      assert.ok(text.includes('No fact is recorded on this node for 2025: the report has no figures.'));
      assert.ok(text.includes('Years with data: 2024, 2023'));
    });

    it('counts a dismantled trafficking network among the networks dismantled', async () => {
      const analyst = { ...root, roles: ['analyst' as const], via: 'session' as const };
      const before = (await s.reports.annual(commander(), 2024)).migration.networksDismantled.value;
      const g = await s.cases.gangs.create(analyst, { name: 'Traite du détroit', kind: 'trafficking_network', region: 'MA-01' });
      await s.cases.gangs.dismantle(analyst, g.id, { version: g.version, dismantledOn: '2024-09-12' });
      const r = await s.reports.annual(commander(), 2024);
      assert.equal(r.migration.networksDismantled.value, before + 1);
      assert.equal(r.gangs.dismantled.value, Y2024.gangsDismantled, 'not a criminal gang');
      await s.conn.db.deleteFrom('gangs').where('id', '=', g.id).execute();
      assert.equal((await s.reports.annual(commander(), 2024)).migration.networksDismantled.value, before);
    });

    it('moves by exactly one added fact, and back when it is removed', async () => {
      const before = figures(await s.reports.annual(commander(), 2024));
      const stamp: SeedStamp = { source: 'calib-test', key: 'calib-test/2024', reference: 'CALIB-2024-', agencyId: root.agencyId, userId: root.userId, at: s.clock.now() };
      const repo = new SeedRepo();
      const db = s.conn.db;
      const violentCase = await db.selectFrom('cases').select('reference').where('category', '=', 'violent_crime').where('source', '=', 'calib-test').where('openedOn', '>=', '2024-01-01').executeTakeFirstOrThrow();
      const c = Number(violentCase.reference.slice(-7));
      const extra = { key: 'calib-test/2024-extra', reference: 'XTRA-2024-' };
      const x: SeedStamp = { ...stamp, ...extra };
      // facts of the extra stamp point at cases of their own key: give it one case, copied
      await repo.insertCases(db, x, [{ n: 1, c: 'violent_crime', r: 'MA-06', o: '2023-12-31', s: 'solved', d: '2024-01-10' }]);
      await repo.insertArrests(db, x, [{ n: 1, c: 1, d: '2024-05-04', r: 'MA-06', nat: 'MAR', f: false, w: false }]);
      await repo.insertSeizures(db, x, [{ n: 1, c: 1, s: 'cannabis_resin', q: 1_500, cur: null, d: '2024-06-01', r: 'MA-01' }]);
      await repo.insertGangs(db, x, [{ n: 1, c: 1, k: 'criminal_gang', st: 'dismantled', d: '2024-07-01', r: 'MA-06', name: 'Test' }]);
      const persons = await db.selectFrom('records').select('externalId').where('source', '=', 'calib-test').limit(2).execute();
      const used = await db.selectFrom('gangMembers').select('personRecordId').execute();
      assert.ok(used.length > 0 && persons.length === 2);
      await repo.insertMembers(db, x, persons.map((p, i) => ({ g: 1, x: p.externalId!, role: 'member', d: i === 0 ? '2024-07-01' : null, a: i === 0 ? 1 : null })));
      await repo.insertComplaints(db, x, [{ n: 1, c: 1, d: '2024-02-02', r: 'MA-04', cat: 'phishing' }]);
      const moved = figures(await s.reports.annual(commander(), 2024));
      assert.equal(c > 0, true);
      assert.deepEqual(moved, {
        ...before,
        arrests: before.arrests + 1,
        violentArrests: before.violentArrests + 1,
        gangsDismantled: before.gangsDismantled + 1,
        gangMembersArrested: before.gangMembersArrested + 1,
        seizures: { ...before.seizures, cannabis_resin: before.seizures.cannabis_resin + 1_500 },
        complaints: before.complaints + 1,
      });
      // a second arrested member, then remove everything again
      await db.updateTable('gangMembers').set({ arrestedOn: '2024-07-02' }).where('arrestedOn', 'is', null).where('gangId', 'in', db.selectFrom('gangs').select('id').where('name', '=', 'Test')).execute();
      assert.equal(figures(await s.reports.annual(commander(), 2024)).gangMembersArrested, before.gangMembersArrested + 2);
      await db.deleteFrom('gangs').where('name', '=', 'Test').execute();
      await db.deleteFrom('complaints').where('caseId', 'in', db.selectFrom('cases').select('id').where('reference', '=', 'XTRA-2024-0000001')).execute();
      await db.deleteFrom('cases').where('reference', '=', 'XTRA-2024-0000001').execute();
      assert.deepEqual(figures(await s.reports.annual(commander(), 2024)), before);
    });

    it('refuses to seed a profile twice unless forced, and --force gives the same figures', async () => {
      await assert.rejects(s.profileSeeder.seed(root, SMALL), (e: any) => e.code === 'already_seeded');
      const r = await s.profileSeeder.seed(root, SMALL, { force: true });
      assert.equal(r.wiped, 1100);
      assert.deepEqual(figures(await s.reports.annual(commander(), 2024)), Y2024);
    });

    it('lets a commander, analyst and DPO read the report and refuses a frontline officer; audits the read', async () => {
      for (const role of ['analyst', 'dpo'] as const) await s.reports.annual({ ...root, roles: [role], via: 'session' }, 2024);
      await assert.rejects(s.reports.annual({ ...root, roles: ['frontline'], via: 'session' }, 2024), (e: any) => e.code === 'forbidden_role');
      await assert.rejects(s.reports.annual(commander(), 1200), (e: any) => e.code === 'invalid_year');
      const audited = await s.conn.db.selectFrom('auditLog').select('action').where('action', '=', 'report.read').execute();
      assert.ok(audited.length >= 3);
    });

    it('names regions in the report’s language in the CSV and the PDF, counts a region stored as a name under its code, shows other text as typed', async () => {
      const analyst = { ...root, roles: ['analyst' as const], via: 'session' as const };
      const db = s.conn.db;
      const before = (await s.reports.annual(commander(), 2024)).byRegion;
      const named = await s.cases.cases.create(analyst, { category: 'theft', title: 'Typed before the catalogue', region: 'MA-09', openedOn: '2024-03-03' });
      const typed = await s.cases.cases.create(analyst, { category: 'theft', title: 'A district', region: 'Quartier Talborjt', openedOn: '2024-03-03' });
      await db.updateTable('cases').set({ region: 'Agadir' }).where('id', '=', named.id).execute();
      const r = await s.reports.annual(commander(), 2024);
      const cases = (rows: AnnualReport['byRegion'], region: string) => rows.find((g) => g.region === region)?.cases ?? 0;
      assert.equal(cases(r.byRegion, 'MA-09'), cases(before, 'MA-09') + 1, 'Agadir counts in Souss-Massa');
      assert.equal(cases(r.byRegion, 'Quartier Talborjt'), 1);
      assert.ok(!r.byRegion.some((g) => g.region === 'Agadir'));

      const csv = (await s.reports.render(commander(), 2024, 'csv', 'fr')).body as string;
      const labels = csv.split('\r\n').filter((l) => l.startsWith('cases_by_region,')).map((l) => l.split(',')[2]);
      assert.ok(labels.includes('Souss-Massa') && labels.includes('Quartier Talborjt'), labels.join(' | '));
      assert.ok(labels.every((l) => !/^MA-/.test(l)), labels.join(' | '));
      const pdf = readPdf((await s.reports.render(commander(), 2024, 'pdf', 'es')).body as Buffer).runs.map((x) => x.text).join(' ');
      assert.ok(pdf.includes('Sus-Masa') && pdf.includes('Quartier Talborjt'));
      assert.ok(!pdf.includes('MA-'));
      await db.deleteFrom('cases').where('id', 'in', [named.id, typed.id]).execute();
    });
  });
}
