/** Shapes the network service and its jobs both speak (kept apart so neither imports the other). */
import type { Community } from './analysis.ts';

export interface ScopeInput {
  region?: string;
  caseIds?: string[];
  gangIds?: string[];
}

export interface CommunitiesView {
  scope: ScopeInput;
  nodes: number;
  edges: number;
  count: number;
  modularity: number;
  communities: Community[];
}
