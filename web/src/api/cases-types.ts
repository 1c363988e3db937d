/** The shapes of the cases, gangs, network and report routes (docs/cases-api.md), as the desk consumes them. */
import type { Static } from 'typebox';
import type {
  ArrestSchema,
  CaseSchema,
  CategorySchema,
  GangSchema,
  GangSummarySchema,
  MemberSchema,
  PartySchema,
  SeizureSchema,
  SubstanceSchema,
} from '../../../src/cases/cases.schema.ts';
import type { EgoSchema, KeyPlayersSchema, PathSchema } from '../../../src/network/network.schema.ts';
import type { TlpLevel } from './types.ts';

export const CASE_STATUSES = ['open', 'solved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const PARTY_KINDS = ['person', 'group', 'vehicle', 'document', 'phone', 'address'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
/** Parties that are records (picked from the records list); phones and addresses are typed in. */
export const RECORD_PARTY_KINDS = ['person', 'group', 'vehicle', 'document'] as const;

export const MEASURES = ['mass', 'count', 'money'] as const;
export type Measure = (typeof MEASURES)[number];

// The wire shapes are the server's own schemas (types only), so the desk and the server cannot disagree.
export type CaseCategory = Static<typeof CategorySchema>;
export type Substance = Static<typeof SubstanceSchema>;
export type CaseView = Static<typeof CaseSchema>;
export type CaseSummary = CaseView;
export type CaseParty = Static<typeof PartySchema>;
export type Arrest = Static<typeof ArrestSchema>;
export type Seizure = Static<typeof SeizureSchema>;
export type GangSummary = Static<typeof GangSummarySchema>;
export type GangView = Static<typeof GangSchema>;
export type GangMember = Static<typeof MemberSchema>;

export interface NewParty {
  kind: PartyKind;
  recordId?: string;
  value?: string;
  role: string;
}

export interface NewCase {
  category: string;
  title: string;
  summary?: string;
  region: string;
  city?: string;
  openedOn: string;
  handling?: { tlp: TlpLevel; restrictedTo?: string[] };
}

export interface NewArrest {
  personRecordId?: string;
  arrestedOn: string;
  region: string;
  city?: string;
  place?: string;
  nationality?: string;
  internationalWarrant?: boolean;
}

/** Mass and count units; money is counted in a currency (its ISO 4217 code is the unit). */
export const SEIZURE_UNITS = ['t', 'kg', 'g', 'items'] as const;
export type SeizureUnit = (typeof SEIZURE_UNITS)[number];

export interface NewSeizure {
  substance: string;
  /** A decimal written with a dot, in `unit`; the server converts it exactly and refuses a unit that does not fit (`unit_mismatch`). */
  quantity: { value: string; unit: string };
  seizedOn: string;
  region: string;
  city?: string;
  place?: string;
}

export interface CaseListQuery {
  category?: string;
  status?: CaseStatus;
  region?: string;
  year?: number;
  mine?: boolean;
  limit?: number;
  cursor?: string;
}

export const GANG_KINDS = ['criminal_gang', 'smuggling_network', 'trafficking_network', 'terrorist_cell', 'other'] as const;
export type GangKind = (typeof GANG_KINDS)[number];
export const GANG_STATUSES = ['active', 'dismantled'] as const;
export type GangStatus = (typeof GANG_STATUSES)[number];

/* ---------- network ---------- */

export const NODE_KINDS = ['person', 'group', 'vehicle', 'document', 'phone', 'address', 'case', 'gang'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** The ego network around a node key: a record id, or case:<id>, gang:<id>, phone:<number>, address:<text>. */
export type NetworkGraph = Static<typeof EgoSchema>;
export type GraphNode = NetworkGraph['nodes'][number];
export type GraphEdge = NetworkGraph['edges'][number];
export type KeyPlayers = Static<typeof KeyPlayersSchema>;
export type KeyPlayer = KeyPlayers['items'][number];
export type NetworkPath = Static<typeof PathSchema>;

/* ---------- the annual report ---------- */

export type { AnnualReport, SubstanceTotal, YearOnYear } from '../../../src/cases/report.ts';
