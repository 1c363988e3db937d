/** The cases module's public surface: the report, network and seed modules use these. */
export { CasesRepo, visibleSql } from './cases.repo.ts';
export type { ArrestRow, CaseRow, ComplaintRow, GangRow, MigrationEventRow, SeizureRow, StoredCase, StoredGang, Viewer, WarrantRow } from './cases.repo.ts';
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
