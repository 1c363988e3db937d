/**
 * The part of the data an analysis looks at: the case or gang the view was opened from, a region,
 * or everything the user may see. Communities, dismantling and shared persons accept all four; key
 * players need a case, a gang or a region (the server answers `scope_required` otherwise).
 */
export type AnalysisScope = { kind: 'case'; caseId: string } | { kind: 'gang'; gangId: string } | { kind: 'region'; region: string } | { kind: 'all' };

export const scopeKey = (s: AnalysisScope): string =>
  s.kind === 'case' ? `case:${s.caseId}` : s.kind === 'gang' ? `gang:${s.gangId}` : s.kind === 'region' ? `region:${s.region}` : 'all';

/** Key players are ranked on a bounded network, never on everything. */
export const isBounded = (s: AnalysisScope): boolean => s.kind !== 'all';

/** The scope as the routes take it in a JSON body: `{ caseIds: [id] }`, `{ region }`, or nothing for everything. */
export function scopeBody(s: AnalysisScope): { region?: string; caseIds?: string[]; gangIds?: string[] } {
  switch (s.kind) {
    case 'case':
      return { caseIds: [s.caseId] };
    case 'gang':
      return { gangIds: [s.gangId] };
    case 'region':
      return { region: s.region };
    case 'all':
      return {};
  }
}

/** The same in a query string, where one id is a plain value (the server reads it as a one-item list). */
export function scopeQuery(s: AnalysisScope): { region?: string; caseIds?: string; gangIds?: string } {
  const b = scopeBody(s);
  return { region: b.region, caseIds: b.caseIds?.[0], gangIds: b.gangIds?.[0] };
}

export function keyPlayersQuery(s: AnalysisScope): { caseId?: string; gangId?: string; region?: string } {
  switch (s.kind) {
    case 'case':
      return { caseId: s.caseId };
    case 'gang':
      return { gangId: s.gangId };
    case 'region':
      return { region: s.region };
    case 'all':
      return {};
  }
}
