/**
 * Which page of which community's members the view fetches next (the members route of a finished
 * communities job), so that every member of the communities on screen is coloured, within a bound.
 */

/** Members asked per call (the route allows 2,000). */
export const MEMBERS_PAGE = 1000;
/** Colouring fetches at most this many members in all: past it, the colouring is partial and the panel says so. */
export const COLOUR_BUDGET = 3000;
/** A focused community is fetched up to this many members even when the colouring budget is spent. */
export const FOCUS_BUDGET = 2000;

/** How far a community's members were paged: `seen` keys from the start, of `total` when the job ran. */
export interface Paged {
  seen: number;
  total: number;
}
export type Coverage = ReadonlyMap<number, Paged>;
export interface PageRequest {
  community: number;
  offset: number;
  limit: number;
}

const pagedOf = (coverage: Coverage, c: { id: number; size: number }): Paged => coverage.get(c.id) ?? { seen: 0, total: c.size };

/** How far a focused community is fetched: all of it, or its first FOCUS_BUDGET members. */
export function focusLoaded(coverage: Coverage, c: { id: number; size: number }): boolean {
  const p = pagedOf(coverage, c);
  return p.seen >= Math.min(p.total, FOCUS_BUDGET);
}

/**
 * The next page to ask: the focused community's first, then the communities with a node on screen
 * (known from their best-connected members), then the others largest first, until COLOUR_BUDGET
 * members were paged in all. Null when there is nothing more to fetch.
 */
export function nextPage(
  communities: ReadonlyArray<{ id: number; size: number }>,
  coverage: Coverage,
  focused: number | null,
  onScreen: ReadonlySet<number>,
): PageRequest | null {
  const focus = focused === null ? undefined : communities.find((c) => c.id === focused);
  if (focus && !focusLoaded(coverage, focus)) {
    const p = pagedOf(coverage, focus);
    return { community: focus.id, offset: p.seen, limit: Math.min(MEMBERS_PAGE, Math.min(p.total, FOCUS_BUDGET) - p.seen) };
  }
  let spent = 0;
  for (const p of coverage.values()) spent += p.seen;
  if (spent >= COLOUR_BUDGET) return null;
  const ordered = [...communities.filter((c) => onScreen.has(c.id)), ...communities.filter((c) => !onScreen.has(c.id))];
  for (const c of ordered) {
    const p = pagedOf(coverage, c);
    if (p.seen < p.total) return { community: c.id, offset: p.seen, limit: Math.min(MEMBERS_PAGE, p.total - p.seen, COLOUR_BUDGET - spent) };
  }
  return null;
}

/** Members paged and in all, over the listed communities: the colouring is whole when they are equal. */
export function pagedTotals(communities: ReadonlyArray<{ id: number; size: number }>, coverage: Coverage): Paged {
  let seen = 0;
  let total = 0;
  for (const c of communities) {
    const p = pagedOf(coverage, c);
    seen += Math.min(p.seen, p.total);
    total += p.total;
  }
  return { seen, total };
}
