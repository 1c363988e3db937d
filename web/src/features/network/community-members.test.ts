import { describe, expect, it } from 'vitest';
import { COLOUR_BUDGET, FOCUS_BUDGET, focusLoaded, MEMBERS_PAGE, nextPage, pagedTotals } from './community-members.ts';

// largest first, as the server lists them
const LISTED = [
  { id: 4, size: 2500 },
  { id: 1, size: 1200 },
  { id: 7, size: 40 },
];
const none = new Set<number>();

describe('nextPage', () => {
  it('pages through the communities largest first, one page at most, and stops at the colouring budget', () => {
    expect(nextPage(LISTED, new Map(), null, none)).toEqual({ community: 4, offset: 0, limit: MEMBERS_PAGE });
    expect(nextPage(LISTED, new Map([[4, { seen: 2000, total: 2500 }]]), null, none)).toEqual({ community: 4, offset: 2000, limit: 500 });
    const after4 = new Map([[4, { seen: 2500, total: 2500 }]]);
    // only what is left of the budget is asked
    expect(nextPage(LISTED, after4, null, none)).toEqual({ community: 1, offset: 0, limit: COLOUR_BUDGET - 2500 });
    const spent = new Map([...after4, [1, { seen: COLOUR_BUDGET - 2500, total: 1200 }]]);
    expect(nextPage(LISTED, spent, null, none)).toBeNull();
  });

  it('fetches the communities with a node on screen before the larger ones', () => {
    expect(nextPage(LISTED, new Map(), null, new Set([7]))).toEqual({ community: 7, offset: 0, limit: 40 });
    expect(nextPage(LISTED, new Map([[7, { seen: 40, total: 40 }]]), null, new Set([7]))).toEqual({ community: 4, offset: 0, limit: MEMBERS_PAGE });
  });

  it('fetches a focused community first, up to its own budget even once the colouring budget is spent', () => {
    const spent = new Map([
      [4, { seen: 2500, total: 2500 }],
      [1, { seen: 500, total: 1200 }],
    ]);
    expect(nextPage(LISTED, spent, null, none)).toBeNull();
    expect(nextPage(LISTED, spent, 1, none)).toEqual({ community: 1, offset: 500, limit: 700 });
    const big = [{ id: 9, size: 50_000 }];
    expect(nextPage(big, new Map([[9, { seen: FOCUS_BUDGET - 300, total: 50_000 }]]), 9, none)).toEqual({ community: 9, offset: FOCUS_BUDGET - 300, limit: 300 });
    expect(focusLoaded(new Map([[9, { seen: FOCUS_BUDGET, total: 50_000 }]]), big[0])).toBe(true);
  });

  it('asks nothing when every community is paged, and counts the paged members against all', () => {
    const all = new Map(LISTED.map((c) => [c.id, { seen: c.size, total: c.size }]));
    expect(nextPage(LISTED, all, 7, none)).toBeNull();
    expect(pagedTotals(LISTED, all)).toEqual({ seen: 3740, total: 3740 });
    expect(pagedTotals(LISTED, new Map([[1, { seen: 1000, total: 1200 }]]))).toEqual({ seen: 1000, total: 3740 });
  });
});
