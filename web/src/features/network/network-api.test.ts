import { afterEach, describe, expect, it, vi } from 'vitest';
import { networkApi } from './network-api.ts';

const ANSWER = { removed: [], unknown: [], before: { nodes: 0, edges: 0, components: 0, largestComponent: 0, sizes: [] }, after: { nodes: 0, edges: 0, components: 0, largestComponent: 0, sizes: [] } };

function recordCalls(body: unknown) {
  const calls: Array<{ url: string; body: unknown; purpose: string | null }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, body: init.body ? JSON.parse(String(init.body)) : undefined, purpose: new Headers(init.headers).get('x-purpose') });
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  return calls;
}

const JOB = '6b0c3c5e-1f7a-4c39-9d0e-6f1d2a3b4c5d';

describe('networkApi', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('dismantles within a scope, within a job’s community, or over everything with no scope at all', async () => {
    const calls = recordCalls(ANSWER);
    await networkApi.dismantle(['p1'], { scope: { kind: 'gang', gangId: 'g1' } });
    await networkApi.dismantle(['p1', 'p2'], { jobId: JOB, community: 3 });
    await networkApi.dismantle(['p1'], { scope: { kind: 'all' } });
    expect(calls.map((c) => c.body)).toEqual([{ nodes: ['p1'], scope: { gangIds: ['g1'] } }, { nodes: ['p1', 'p2'], jobId: JOB, community: 3 }, { nodes: ['p1'] }]);
    expect(calls.every((c) => c.url === '/api/v1/network/dismantle' && c.purpose)).toBe(true);
  });

  it('asks a page of a community’s members with its purpose', async () => {
    const calls = recordCalls({ community: 0, total: 3, offset: 1000, items: [] });
    await networkApi.members(JOB, 0, 1000, 500);
    expect(calls[0].url).toBe(`/api/v1/network/jobs/${JOB}/communities/0/members?offset=1000&limit=500`);
    expect(calls[0].purpose).toBeTruthy();
  });
});
