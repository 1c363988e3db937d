import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NetworkGraph } from '../../api/cases-types.ts';
import { communityInView, FOCUS_SHOWN, MISSING_LINKED } from './community-view.ts';
import { emptyGraph, mergeGraph } from './graph-state.ts';
import type { Community, CommunityMember } from './network-api.ts';

const person = (key: string, degree = 1) => ({ key, kind: 'person' as const, label: key.toUpperCase(), degree });
const graph = (focus: string, keys: string[], pairs: string[]): NetworkGraph => ({
  focus,
  truncated: false,
  nodes: keys.map((k) => person(k)),
  edges: pairs.map((p) => ({ source: p.split('-')[0], target: p.split('-')[1], types: ['associate_of'] })),
});

/** The graph route: `m0`'s two steps, `m2`'s neighbour `m3`, `m4` hidden since; each call recorded. */
function mockGraphRoute() {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const q = new URL(url, 'http://desk').searchParams;
      const focus = q.get('focus')!;
      asked.push(`${focus}/${q.get('depth')}/${q.get('limit')}`);
      const answer: Record<string, NetworkGraph> = {
        m0: graph('m0', ['m0', 'm1', 'x'], ['m0-m1', 'm1-x']),
        m2: graph('m2', ['m2', 'm3'], ['m2-m3']),
      };
      if (!answer[focus] && focus !== 'm5' && focus !== 'm3') return new Response(JSON.stringify({ code: 'node_not_found', title: 'No such node' }), { status: 404, headers: { 'content-type': 'application/problem+json' } });
      return new Response(JSON.stringify(answer[focus] ?? graph(focus, [focus], [])), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  return asked;
}

const COMMUNITY: Community = { id: 3, size: 6, kinds: { person: 6 }, topMembers: [person('m0', 4)] };
const KEYS = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'];
const membership = new Map<string, number>([...KEYS.map((k) => [k, 3] as [string, number]), ['x', 9]]);
const known = new Map<string, CommunityMember>(KEYS.map((k) => [k, { key: k, kind: 'person', label: k.toUpperCase() }]));

describe('communityInView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('draws the best-connected member’s two steps, then the missing members with their links, leaving out the refused', async () => {
    const asked = mockGraphRoute();
    const add = await communityInView(COMMUNITY, membership, known, emptyGraph());
    const g = add(emptyGraph());
    expect(asked).toEqual([`m0/2/${FOCUS_SHOWN}`, 'm2/1/30', 'm3/1/30', 'm4/1/30', 'm5/1/30']);
    expect([...g.nodes.keys()].sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm5', 'x']);
    expect([...g.edges.keys()].sort()).toEqual(['m0|m1', 'm1|x', 'm2|m3']);
    expect([...g.expanded].sort()).toEqual(['m0', 'm2', 'm3', 'm5']);
  });

  it('adds the members beyond the linked few alone, and asks nothing of what is shown already', async () => {
    const many = Array.from({ length: MISSING_LINKED + 3 }, (_, i) => `n${i}`);
    const big: Community = { ...COMMUNITY, id: 4, size: many.length };
    const asked = mockGraphRoute();
    const shown = mergeGraph(emptyGraph(), graph('n0', ['n0'], []), 'n0');
    const add = await communityInView(
      { ...big, topMembers: [person('n0')] },
      new Map(many.map((k) => [k, 4])),
      new Map(many.map((k) => [k, { key: k, kind: 'person' as const, label: k }])),
      shown,
    );
    const g = add(shown);
    // n0 was expanded already; the first MISSING_LINKED missing are asked (refused here), the rest come alone
    expect(asked).toEqual(many.slice(1, 1 + MISSING_LINKED).map((k) => `${k}/1/30`));
    expect([...g.nodes.keys()].sort()).toEqual(['n0', ...many.slice(1 + MISSING_LINKED)].sort());
    expect(g.nodes.get('n7')).toMatchObject({ kind: 'person', label: 'n7', degree: 0 });
  });
});
