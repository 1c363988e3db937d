import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn, type TestNode, testServices } from '../../test/db-targets.ts';
import { DEMO_PROFILE } from './seed-demo.ts';

for (const target of DB_TARGETS) {
  describeOn(target, `the first-start demo facts on ${target.name}`, () => {
    let s: TestNode;
    before(async () => {
      s = await testServices(target);
      await s.seeder.seed('tiny');
    });
    after(() => s?.dispose());

    const partyCount = async () => Number((await s.conn.db.selectFrom('caseParties').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const seedStep = (scale: 'tiny' | 'small') => {
      const cases = s.modules.find((m) => m.name === 'cases')!;
      return cases.seed!(s, { scale });
    };

    it('fills the current year and the one before, so that every fact page and the report have rows, and their cases have parties', async () => {
      await seedStep('tiny');
      assert.equal(await s.profileSeeder.isSeeded(DEMO_PROFILE), false, 'the tiny scale (tests) seeds no facts');
      await seedStep('small');
      const actor = await s.seeder.consoleActor();
      const year = s.clock.now().getUTCFullYear();
      const { report } = await s.reports.render(actor, year, 'json', 'en', 'check');
      const r = report as any;
      assert.equal(r.hasData, true);
      for (const [name, f] of Object.entries({
        cases: r.cases.total,
        cleared: r.cases.cleared,
        arrests: r.arrests.total,
        dismantled: r.gangs.dismantled,
        membersArrested: r.gangs.membersArrested,
        internationalWarrants: r.warrants.international,
        complaints: r.complaints.online,
        departuresPrevented: r.migration.departuresPrevented,
      }) as Array<[string, { value: number; previous: number }]>) {
        assert.ok(f.value > 0, `${name} this year`);
        assert.ok(f.previous > 0, `${name} the year before`);
      }
      assert.ok(r.seizures.length >= 5, 'several substances seized');
      // a second start seeds nothing twice
      const before = (await s.reports.render(actor, year, 'json', 'en', 'check')).report as any;
      const partiesBefore = await partyCount();
      await seedStep('small');
      const again = (await s.reports.render(actor, year, 'json', 'en', 'check')).report as any;
      assert.equal(again.cases.total.value, before.cases.total.value);
      assert.equal(await partyCount(), partiesBefore);
    });

    it('puts persons, groups, phones and addresses in the cases, and the gangs\' members in their case', async () => {
      const analyst = await s.seeder.demoActor('analyst');
      const firstPage = (await s.cases.cases.list(analyst, { limit: 20 })).items;
      for (const c of firstPage) {
        const parties = await s.cases.cases.parties(analyst, c.id);
        assert.ok(parties.some((p) => p.kind === 'person'), `${c.reference} has a person`);
      }
      const { items: gangs } = await s.cases.gangs.list(analyst, { status: 'dismantled', kind: 'criminal_gang' });
      const gang = await s.cases.gangs.get(analyst, gangs[0].id);
      const parties = await s.cases.cases.parties(analyst, gang.caseId!);
      for (const m of gang.members) assert.ok(parties.some((p) => p.recordId === m.personRecordId), `member ${m.displayName} is a party of the gang's case`);
      const byKind = await s.conn.db.selectFrom('caseParties').select('kind').distinct().execute();
      const kinds = new Set(byKind.map((r) => r.kind));
      for (const kind of ['person', 'group', 'phone', 'address']) assert.ok(kinds.has(kind), `a ${kind} among the parties`);
    });
  });
}
