import type { Module } from '../app/module.ts';
import { DEMO_STEPS } from '../seed/steps.ts';
import { casesCommands } from './cases.cli.ts';
import { CasesRepo } from './cases.repo.ts';
import { casesRoutes } from './cases.routes.ts';
import * as m0011 from './migrations/0011_region_codes.ts';
import * as m0004 from './migrations/0004_cases.ts';
import { reportCommands } from './report.cli.ts';
import { ReportRepo } from './report.repo.ts';
import { reportRoutes } from './report.routes.ts';
import { ReportService } from './report.service.ts';
import { SeedRepo } from './seed.repo.ts';
import { DEMO_PROFILE, demoYears, seedDemoParties } from './seed-demo.ts';
import { ProfileSeeder } from './seed.service.ts';
import { type CasesModule, casesModule as buildCases } from './services.ts';

declare module '../app/module.ts' {
  interface Services {
    cases: CasesModule;
    reports: ReportService;
    /** Calibrated demo years (`ribat seed --profile dgsn-2024`). */
    profileSeeder: ProfileSeeder;
  }
}

/** Cases, arrests, seizures, gangs, warrants, complaints, migration events and the annual report. */
export const casesModule: Module = {
  name: 'cases',
  migrations: { '0004_cases': m0004, '0011_region_codes': m0011 },
  build: ({ conn: { db }, audit, bus, clock, ids, records, importer }) => ({
    cases: buildCases({ db, repo: new CasesRepo(), audit, bus, clock, ids, records }),
    reports: new ReportService(db, new ReportRepo(), audit, clock),
    profileSeeder: new ProfileSeeder(db, new SeedRepo(), importer, audit, clock),
  }),
  routes: (s) => async (api) => {
    await api.register(casesRoutes, { cases: s.cases });
    await api.register(reportRoutes, { reports: s.reports });
  },
  commands: [...casesCommands, ...reportCommands],
  /**
   * The current year and the one before, scaled from DGSN's, then parties in their cases (the
   * tiny scale, for tests, has none). Each part is seeded once.
   */
  async seed(s, { scale, onProgress }) {
    if (scale === 'tiny') return;
    const year = s.clock.now().getUTCFullYear();
    if (!(await s.profileSeeder.isSeeded(DEMO_PROFILE))) {
      const r = await s.profileSeeder.seed(await s.seeder.consoleActor(), demoYears(year), { onProgress: (p) => p.done === p.total && onProgress?.(`demo facts ${year - 1}–${year}: ${p.done} rows`) });
      onProgress?.(`demo facts ${r.years.join(', ')}: ${r.rows.cases} cases, ${r.rows.arrests} arrests, ${r.rows.gangs} gangs in ${r.seconds} s`);
    }
    if (!(await s.seeder.stepDone(DEMO_STEPS.caseParties))) {
      const r = await seedDemoParties(s, year);
      await s.seeder.markStep(DEMO_STEPS.caseParties, { parties: r.parties, withParties: r.cases, cases: Object.entries(r.refs) });
      onProgress?.(`demo case parties: ${r.parties} parties in ${r.cases} cases`);
    }
  },
};
