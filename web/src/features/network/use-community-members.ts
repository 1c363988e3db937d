import { useEffect, useRef, useState } from 'react';
import { type Coverage, nextPage } from './community-members.ts';
import { type CommunitiesView, type CommunityMember, networkApi } from './network-api.ts';

/** What is known of the communities' membership, as the pages arrive. */
export interface MembersState {
  /** node key → community id: the best-connected members at once, then every member fetched */
  members: ReadonlyMap<string, number>;
  /** the members known, with their kind and label, to bring a focused community into view */
  refs: ReadonlyMap<string, CommunityMember>;
  coverage: Coverage;
  loading: boolean;
  error: unknown;
}

const EMPTY: MembersState = { members: new Map(), refs: new Map(), coverage: new Map(), loading: false, error: null };

function seeded(view: CommunitiesView | null): MembersState {
  if (!view) return EMPTY;
  const members = new Map<string, number>();
  const refs = new Map<string, CommunityMember>();
  for (const c of view.communities) {
    for (const m of c.topMembers) {
      members.set(m.key, c.id);
      refs.set(m.key, { key: m.key, kind: m.kind, label: m.label });
    }
  }
  return { ...EMPTY, members, refs };
}

/**
 * Fetches the members of a finished job's communities, one page at a time (see `nextPage`): the
 * focused community first, then those with nodes on screen, within the colouring budget. A new
 * job, or none, starts again; pages of an earlier job are dropped.
 */
export function useCommunityMembers(jobId: string | null, view: CommunitiesView | null, focused: number | null, shown: ReadonlyMap<string, unknown>): MembersState {
  const [state, setState] = useState<MembersState>(EMPTY);
  // the loop reads the latest of these between pages
  const store = useRef<MembersState>(EMPTY);
  const focusedRef = useRef(focused);
  const shownRef = useRef(shown);
  focusedRef.current = focused;
  shownRef.current = shown;
  const generation = useRef(0);
  const pumping = useRef(-1);
  const abort = useRef<AbortController | null>(null);

  const publish = (next: MembersState) => {
    store.current = next;
    setState(next);
  };

  const pump = async () => {
    const mine = generation.current;
    if (!jobId || !view || pumping.current === mine) return;
    pumping.current = mine;
    const signal = abort.current?.signal;
    try {
      for (;;) {
        const s = store.current;
        const onScreen = new Set<number>();
        for (const key of shownRef.current.keys()) {
          const c = s.members.get(key);
          if (c !== undefined) onScreen.add(c);
        }
        const ask = nextPage(view.communities, s.coverage, focusedRef.current, onScreen);
        if (!ask) break;
        if (!s.loading) publish({ ...s, loading: true });
        const page = await networkApi.members(jobId, ask.community, ask.offset, ask.limit, signal);
        if (generation.current !== mine) return;
        const members = new Map(store.current.members);
        const refs = new Map(store.current.refs);
        for (const m of page.items) {
          members.set(m.key, ask.community);
          refs.set(m.key, m);
        }
        const coverage = new Map(store.current.coverage);
        coverage.set(ask.community, { seen: Math.min(ask.offset + ask.limit, page.total), total: page.total });
        publish({ members, refs, coverage, loading: true, error: null });
      }
      publish({ ...store.current, loading: false });
    } catch (error) {
      if (generation.current === mine) publish({ ...store.current, loading: false, error });
    } finally {
      if (pumping.current === mine) pumping.current = -1;
    }
  };

  // a new job's result: start from its best-connected members, then page through the rest
  useEffect(() => {
    generation.current++;
    abort.current?.abort();
    abort.current = new AbortController();
    publish(seeded(view));
    void pump();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pump reads the latest through refs
  }, [jobId, view]);

  // a newly focused community is fetched first; a failed page is tried again on the next focus
  useEffect(() => {
    void pump();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
  }, [focused]);

  useEffect(() => () => abort.current?.abort(), []);

  return state;
}
