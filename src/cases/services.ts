/** The cases module's services, built over shared dependencies (routes and wiring import this, not index.ts). */
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
