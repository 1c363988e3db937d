/** The report and calibrated-seed part of the cases module, as main.ts wires it. */
export { ReportRepo } from './report.repo.ts';
export { ReportService } from './report.service.ts';
export { SeedRepo } from './seed.repo.ts';
export { ProfileSeeder } from './seed.service.ts';
export type { AnnualReport } from './report.ts';
