import { casesApi } from '../../api/cases-client.ts';
import type { CaseCategory, Substance } from '../../api/cases-types.ts';
import { useLoad } from '../../api/use-load.ts';

export interface Catalogue {
  categories: CaseCategory[];
  substances: Substance[];
}

let cached: Promise<Catalogue> | null = null;

/** The case categories and the substances, read once per page load (the admin rarely extends them). */
export function loadCatalogue(): Promise<Catalogue> {
  cached ??= Promise.all([casesApi.categories(), casesApi.substances()]).then(([categories, substances]) => ({ categories, substances }));
  cached.catch(() => {
    cached = null; // a failed read is tried again next time
  });
  return cached;
}

/** Tests start from an empty cache. */
export function resetCatalogue(): void {
  cached = null;
}

export function useCatalogue() {
  return useLoad(loadCatalogue, []);
}
