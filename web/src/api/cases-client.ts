import type {
  AnnualReport,
  Arrest,
  CaseCategory,
  CaseListQuery,
  CaseParty,
  CaseSummary,
  CaseView,
  GangSummary,
  GangView,
  KeyPlayers,
  NetworkGraph,
  NetworkPath,
  NewArrest,
  NewCase,
  NewParty,
  NewSeizure,
  Seizure,
  Substance,
} from './cases-types.ts';
import { request } from './client.ts';
import type { Page } from './types.ts';

const seg = encodeURIComponent;

/** Lists the server may answer bare or wrapped in `{ items }`. */
const items = <T>(r: T[] | { items: T[] }): T[] => (Array.isArray(r) ? r : r.items);

/** The network whose key players are asked for. */
export type KeyPlayerScope = { caseId: string } | { gangId: string };

/** The PDF and CSV downloads are plain links: the browser sends the session cookie. */
export const annualReportUrl = (year: number, format: 'pdf' | 'csv', lang: string) =>
  `/api/v1/reports/annual/${seg(String(year))}?format=${format}&lang=${seg(lang)}`;

export const casesApi = {
  categories: async () => items(await request<CaseCategory[] | { items: CaseCategory[] }>('GET', '/catalogue/categories')),
  substances: async () => items(await request<Substance[] | { items: Substance[] }>('GET', '/catalogue/substances')),

  cases: ({ mine, ...q }: CaseListQuery) =>
    request<Page<CaseSummary>>('GET', '/cases', { query: { ...q, mine: mine ? 'true' : undefined }, personal: true }),
  case: (id: string) => request<CaseView>('GET', `/cases/${seg(id)}`, { personal: true }),
  createCase: (c: NewCase) => request<CaseView>('POST', '/cases', { body: c, personal: true }),
  parties: async (caseId: string) =>
    items(await request<CaseParty[] | { items: CaseParty[] }>('GET', `/cases/${seg(caseId)}/parties`, { personal: true })),
  addParty: (caseId: string, p: NewParty) => request<CaseParty>('POST', `/cases/${seg(caseId)}/parties`, { body: p, personal: true }),
  arrests: (caseId: string, q: { limit?: number; cursor?: string } = {}) =>
    request<Page<Arrest>>('GET', `/cases/${seg(caseId)}/arrests`, { query: q, personal: true }),
  addArrest: (caseId: string, a: NewArrest) => request<Arrest>('POST', `/cases/${seg(caseId)}/arrests`, { body: a, personal: true }),
  seizures: (caseId: string, q: { limit?: number; cursor?: string } = {}) =>
    request<Page<Seizure>>('GET', `/cases/${seg(caseId)}/seizures`, { query: q, personal: true }),
  addSeizure: (caseId: string, s: NewSeizure) => request<Seizure>('POST', `/cases/${seg(caseId)}/seizures`, { body: s, personal: true }),

  gangs: (q: { status?: string; kind?: string; region?: string; year?: number; limit?: number; cursor?: string }) =>
    request<Page<GangSummary>>('GET', '/gangs', { query: q, personal: true }),
  gang: (id: string) => request<GangView>('GET', `/gangs/${seg(id)}`, { personal: true }),
  dismantleGang: (id: string, body: { dismantledOn: string; version: number }) =>
    request<GangView>('POST', `/gangs/${seg(id)}/dismantle`, { body, personal: true }),

  /** The ego network around a node key (`case:<id>`, `gang:<id>` or a record id). */
  graph: (focus: string, opts: { depth?: number; limit?: number } = {}) =>
    request<NetworkGraph>('GET', '/network/graph', { query: { focus, depth: opts.depth, limit: opts.limit }, personal: true }),
  keyPlayers: (scope: KeyPlayerScope, limit = 10) =>
    request<KeyPlayers>('GET', '/network/key-players', { query: { ...scope, limit }, personal: true }),
  path: (from: string, to: string) => request<NetworkPath>('GET', '/network/path', { query: { from, to }, personal: true }),

  annualReport: (year: number) => request<AnnualReport>('GET', `/reports/annual/${seg(String(year))}`),
};
