/** Bringing a focused community into the graph view, once its members are known. */
import { casesApi } from '../../api/cases-client.ts';
import { type GraphState, mergeGraph } from './graph-state.ts';
import type { Community, CommunityMember } from './network-api.ts';

/** A focused community is drawn with at most this many of its members... */
export const FOCUS_SHOWN = 300;
/** ...of which this many, missing from its best-connected member's neighbourhood, come with their own links. */
export const MISSING_LINKED = 5;

/**
 * What to add to the view for a focused community: its best-connected member's neighbourhood
 * (two steps), then its members still missing, the first MISSING_LINKED with their own links and
 * the others alone (a click on one brings its links), up to FOCUS_SHOWN members in view. A member
 * whose neighbourhood is refused (hidden since the job ran) is left out. The answer applies to the
 * graph as it is when it arrives.
 */
export async function communityInView(
  c: Community,
  membership: ReadonlyMap<string, number>,
  known: ReadonlyMap<string, CommunityMember>,
  shown: GraphState,
): Promise<(s: GraphState) => GraphState> {
  const top = c.topMembers[0];
  const ego = top && !shown.expanded.has(top.key) ? await casesApi.graph(top.key, { depth: 2, limit: FOCUS_SHOWN }) : null;
  const seen = ego && top ? mergeGraph(shown, ego, top.key) : shown;
  const mine = [...known.values()].filter((m) => membership.get(m.key) === c.id);
  const room = FOCUS_SHOWN - mine.filter((m) => seen.nodes.has(m.key)).length;
  const missing = mine.filter((m) => !seen.nodes.has(m.key)).slice(0, Math.max(0, room));
  const linked = missing.slice(0, MISSING_LINKED);
  const around = await Promise.allSettled(linked.map((m) => casesApi.graph(m.key, { depth: 1, limit: 30 })));
  const refused = new Set(linked.filter((_m, i) => around[i].status === 'rejected').map((m) => m.key));
  return (s) => {
    let acc = ego && top ? mergeGraph(s, ego, top.key) : s;
    around.forEach((r, i) => {
      if (r.status === 'fulfilled') acc = mergeGraph(acc, r.value, linked[i].key);
    });
    const lone = missing.filter((m) => !acc.nodes.has(m.key) && !refused.has(m.key)).map((m) => ({ ...m, degree: 0 }));
    return lone.length ? mergeGraph(acc, { focus: top?.key ?? '', truncated: false, nodes: lone, edges: [] }) : acc;
  };
}
