/** The cases module's public surface: the report, network and seed modules use these. */
export { CasesRepo } from './cases.repo.ts';
export type { CaseRow, StoredCase } from './cases.repo.ts';
export type { ArrestRow, ComplaintRow, MigrationEventRow, SeizureRow, WarrantRow } from './facts.repo.ts';
export type { GangRow, StoredGang } from './gangs.repo.ts';
export { type Viewer, visibleSql } from './handling.repo.ts';
export { CasesService } from './cases.service.ts';
export type { CasesDeps, RecordLookup } from './cases.service.ts';
export { FactsService } from './facts.service.ts';
export { GangsService } from './gangs.service.ts';
export { CatalogueService } from './catalogue.service.ts';
export { casesRoutes } from './cases.routes.ts';
export { casesCommands } from './cases.cli.ts';
export * from './case.ts';
export * from './catalogue.ts';

export { type CasesModule, casesModule } from './services.ts';
