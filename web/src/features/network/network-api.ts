/** The analysis routes of the network module (communities jobs, dismantling, shared persons), as the view calls them. */
import type { Static } from 'typebox';
import type { CommunitiesViewSchema, DismantleSchema, JobSchema, MembersSchema, SharedSchema } from '../../../../src/network/network.schema.ts';
import type { KeyPlayers } from '../../api/cases-types.ts';
import { request } from '../../api/client.ts';
import { type AnalysisScope, keyPlayersQuery, scopeBody, scopeQuery } from './scope.ts';

// The wire shapes are the server's own schemas (types only), as in api/cases-types.ts.
export type CommunitiesView = Static<typeof CommunitiesViewSchema>;
export type Community = CommunitiesView['communities'][number];
export type CommunitiesJob = Static<typeof JobSchema>;
export type DismantleResult = Static<typeof DismantleSchema>;
export type ComponentsSummary = DismantleResult['before'];
export type MembersPage = Static<typeof MembersSchema>;
export type CommunityMember = MembersPage['items'][number];
/** The network a dismantling runs on: a scope (everything when it is `all`), or one community of a finished job. */
export type DismantleOn = { scope: AnalysisScope } | { jobId: string; community: number };
export type SharedBy = Static<typeof SharedSchema>['items'][number]['by'];
export type SharedPerson = Static<typeof SharedSchema>['items'][number];
export const SHARED_BY: readonly SharedBy[] = ['gangs', 'countries', 'communities'];

const seg = encodeURIComponent;

export const networkApi = {
  /** Always asked as a job (202), so that the view can show the worker's progress. */
  startCommunities: (scope: AnalysisScope) =>
    request<CommunitiesJob | CommunitiesView>('POST', '/network/communities', { body: { ...scopeBody(scope), async: true }, personal: true }),
  job: (id: string, signal?: AbortSignal) => request<CommunitiesJob>('GET', `/network/jobs/${seg(id)}`, { signal }),
  /** Key players of the scope, or of one community of a finished job. */
  keyPlayers: (on: { scope: AnalysisScope } | { jobId: string; community: number }, limit = 10) =>
    request<KeyPlayers>('GET', '/network/key-players', {
      query: 'scope' in on ? { ...keyPlayersQuery(on.scope), limit } : { jobId: on.jobId, community: on.community, limit },
      personal: true,
    }),
  /** A page of one community's members, ordered by key (`limit` at most 2,000); hidden members are left out of `items`. */
  members: (jobId: string, community: number, offset: number, limit: number, signal?: AbortSignal) =>
    request<MembersPage>('GET', `/network/jobs/${seg(jobId)}/communities/${community}/members`, { query: { offset, limit }, personal: true, signal }),
  /** Everything the user may see is asked with no scope at all (an empty one is not the same to the server next to a job). */
  dismantle: (nodes: string[], on: DismantleOn) =>
    request<DismantleResult>('POST', '/network/dismantle', {
      body: 'jobId' in on ? { nodes, jobId: on.jobId, community: on.community } : on.scope.kind === 'all' ? { nodes } : { nodes, scope: scopeBody(on.scope) },
      personal: true,
    }),
  shared: (by: SharedBy, scope: AnalysisScope, limit = 100) =>
    request<{ items: SharedPerson[] }>('GET', '/network/shared', { query: { by, ...scopeQuery(scope), limit }, personal: true }),
};
