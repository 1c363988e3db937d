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

    const seedStep = (scale: 'tiny' | 'small') => {
      const cases = s.modules.find((m) => m.name === 'cases')!;
      return cases.seed!(s, { scale });
    };

    it('fills the current year and the one before, so that every fact page and the report have rows', async () => {
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
      await seedStep('small');
      const again = (await s.reports.render(actor, year, 'json', 'en', 'check')).report as any;
      assert.equal(again.cases.total.value, before.cases.total.value);
    });
  });
}
