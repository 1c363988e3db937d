import { describe, expect, it } from 'vitest';
import type { NetworkGraph } from '../../api/cases-types.ts';
import { COMMUNITY_COLOURS, communityColours, emptyGraph, fallsApart, mergeGraph, OTHER_COMMUNITY_COLOUR } from './graph-state.ts';

/** A graph from `a-b` pairs; every node a person. */
function graphOf(pairs: string[], lone: string[] = []): ReturnType<typeof emptyGraph> {
  const keys = new Set([...pairs.flatMap((p) => p.split('-')), ...lone]);
  const g: NetworkGraph = {
    focus: [...keys][0],
    truncated: false,
    nodes: [...keys].map((key) => ({ key, kind: 'person', label: key, degree: 0 })),
    edges: pairs.map((p) => {
      const [source, target] = p.split('-');
      return { source, target, types: ['associate_of'] };
    }),
  };
  return mergeGraph(emptyGraph(), g);
}

describe('fallsApart', () => {
  it('cuts off the smaller pieces of a star whose broker is removed, keeping the largest', () => {
    // b is the broker between {a1, a2, a3} and {c1}; d-e is another part, untouched
    const g = graphOf(['a1-a2', 'a2-a3', 'a3-b', 'b-c1', 'd-e']);
    expect([...fallsApart(g, new Set(['b']))].sort()).toEqual(['c1']);
  });

  it('cuts off nothing when the network holds together without them, or nobody is removed', () => {
    const ring = graphOf(['a-b', 'b-c', 'c-d', 'd-a']);
    expect(fallsApart(ring, new Set(['a'])).size).toBe(0);
    expect(fallsApart(ring, new Set()).size).toBe(0);
  });

  it('takes each broken part on its own and ignores keys not shown', () => {
    const g = graphOf(['a-x', 'x-b', 'b-b2', 'c-y', 'y-d', 'd-d2'], ['lone']);
    expect([...fallsApart(g, new Set(['x', 'y', 'not-shown']))].sort()).toEqual(['a', 'c']);
  });
});

describe('communityColours', () => {
  it('colours each known member by its community’s rank, grey beyond the palette, nothing for unknown ids', () => {
    const members = new Map([
      ['p1', 7],
      ['p2', 3],
      ['p3', 99],
      ['p4', 42],
    ]);
    const ranks = new Map([
      [7, 0],
      [3, 1],
      [99, COMMUNITY_COLOURS.length],
    ]);
    expect(communityColours(members, ranks)).toEqual(
      new Map([
        ['p1', COMMUNITY_COLOURS[0]],
        ['p2', COMMUNITY_COLOURS[1]],
        ['p3', OTHER_COMMUNITY_COLOUR],
      ]),
    );
  });
});
