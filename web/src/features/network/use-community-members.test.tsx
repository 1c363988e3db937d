import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COLOUR_BUDGET } from './community-members.ts';
import type { CommunitiesView } from './network-api.ts';
import { useCommunityMembers } from './use-community-members.ts';

const JOB = '6b0c3c5e-1f7a-4c39-9d0e-6f1d2a3b4c5d';

/** Communities of `sizes` (largest first), each with one best-connected member `c<id>-0`. */
function viewOf(sizes: Record<number, number>): CommunitiesView {
  return {
    scope: {},
    nodes: 0,
    edges: 0,
    count: Object.keys(sizes).length,
    modularity: 0.5,
    communities: Object.entries(sizes).map(([id, size]) => ({ id: Number(id), size, kinds: { person: size }, topMembers: [{ key: `c${id}-0`, kind: 'person', label: `c${id}-0`, degree: 3 }] })),
  };
}

/** The members route over `sizes`: keys `c<id>-<i>` (sorted as the server sorts them), `hidden` left out of the pages. */
function mockMembers(sizes: Record<number, number>, hidden: ReadonlySet<string> = new Set(), status = 200) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const u = new URL(url, 'http://desk');
      const community = Number(/communities\/(\d+)\/members/.exec(u.pathname)![1]);
      const offset = Number(u.searchParams.get('offset'));
      const limit = Number(u.searchParams.get('limit'));
      asked.push(`${community}:${offset}+${limit}`);
      if (status !== 200) return new Response(JSON.stringify({ code: 'job_not_found', title: 'No such job' }), { status, headers: { 'content-type': 'application/problem+json' } });
      const keys = Array.from({ length: sizes[community] }, (_, i) => `c${community}-${i}`).sort();
      const items = keys
        .slice(offset, offset + limit)
        .filter((k) => !hidden.has(k))
        .map((key) => ({ key, kind: 'person', label: key }));
      return new Response(JSON.stringify({ community, total: keys.length, offset, items }), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  return asked;
}

const membersOf = (m: ReadonlyMap<string, number>, id: number) => [...m].filter(([, c]) => c === id).length;

describe('useCommunityMembers', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('fetches every member of small communities, those on screen first, leaving out the ones now hidden', async () => {
    const sizes = { 0: 30, 1: 12 };
    const asked = mockMembers(sizes, new Set(['c1-5']));
    const shown = new Map([['c1-0', {}]]);
    const view = viewOf(sizes);
    const { result } = renderHook(() => useCommunityMembers(JOB, view, null, shown));
    // the best-connected members are known at once
    expect(result.current.members.get('c0-0')).toBe(0);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(asked).toEqual(['1:0+12', '0:0+30']);
    expect(membersOf(result.current.members, 0)).toBe(30);
    expect(membersOf(result.current.members, 1)).toBe(11);
    expect(result.current.members.has('c1-5')).toBe(false);
    expect(result.current.refs.get('c0-17')).toEqual({ key: 'c0-17', kind: 'person', label: 'c0-17' });
    expect(result.current.coverage.get(1)).toEqual({ seen: 12, total: 12 });
    expect(result.current.error).toBeNull();
  });

  it('stops at the colouring budget, then fetches a focused community beyond it', async () => {
    const sizes = { 0: 2500, 1: 1200, 2: 40 };
    const asked = mockMembers(sizes);
    const view = viewOf(sizes);
    const shown = new Map();
    const { result, rerender } = renderHook(({ focused }) => useCommunityMembers(JOB, view, focused, shown), { initialProps: { focused: null as number | null } });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(asked).toEqual(['0:0+1000', '0:1000+1000', '0:2000+500', '1:0+500']);
    expect(result.current.members.size).toBe(COLOUR_BUDGET + 1); // and community 2's best-connected member
    rerender({ focused: 2 });
    await waitFor(() => expect(membersOf(result.current.members, 2)).toBe(40));
    rerender({ focused: 1 });
    await waitFor(() => expect(membersOf(result.current.members, 1)).toBe(1200));
    expect(asked.slice(4)).toEqual(['2:0+40', '1:500+700']);
  });

  it('says why when a page is refused, and starts again with a new job', async () => {
    const sizes = { 0: 5 };
    mockMembers(sizes, new Set(), 404);
    const view = viewOf(sizes);
    const shown = new Map();
    const { result, rerender } = renderHook(({ job }) => useCommunityMembers(job, view, null, shown), { initialProps: { job: JOB as string | null } });
    await waitFor(() => expect(result.current.error).toBeTruthy());
    expect((result.current.error as { code?: string }).code).toBe('job_not_found');
    expect(result.current.loading).toBe(false);
    rerender({ job: null });
    await waitFor(() => expect(result.current.error).toBeNull());
    expect([...result.current.members.keys()]).toEqual(['c0-0']);
  });
});
