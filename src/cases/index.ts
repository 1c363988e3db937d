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

import type { CasesDeps } from './cases.service.ts';
import { CasesService } from './cases.service.ts';
import { CatalogueService } from './catalogue.service.ts';
import { FactsService } from './facts.service.ts';
import { GangsService } from './gangs.service.ts';

export interface CasesModule {
  cases: CasesService;
  facts: FactsService;
  gangs: GangsService;
  catalogue: CatalogueService;
}

/** The module's services over shared dependencies. */
export function casesModule(deps: CasesDeps): CasesModule {
  const cases = new CasesService(deps);
  return { cases, facts: new FactsService(deps, cases), gangs: new GangsService(deps, cases), catalogue: new CatalogueService(deps) };
}
