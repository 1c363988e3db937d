import type { PersonQuery } from '../screening.ts';
import type { Candidates } from './candidates.ts';
import type { QuickScores } from './candidate-step.ts';
import { type PersonFacts, prepareFacts } from './facts.ts';
import type { PersonEntry } from './person-entry.ts';
import type { NamePostings } from './postings.ts';

/**
 * The `k` entries with the highest scores at or above `bar`, best first: a bounded min-heap,
 * so that a common name touching thousands of entries costs n·log k, not a full sort.
 */
function topByScore(entries: Int32Array, n: number, score: Float32Array, bar: number, k: number): number[] {
  const heap: number[] = [];
  const less = (a: number, b: number) => score[a] < score[b];
  for (let x = 0; x < n; x++) {
    const e = entries[x];
    if (score[e] < bar) continue;
    if (heap.length < k) {
      heap.push(e);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!less(heap[i], heap[p])) break;
        [heap[i], heap[p]] = [heap[p], heap[i]];
        i = p;
      }
    } else if (less(heap[0], e)) {
      heap[0] = e;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l], heap[m])) m = l;
        if (r < heap.length && less(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
  }
  return heap.sort((a, b) => score[b] - score[a]);
}

/**
 * From the names the candidate step met to the persons worth aligning in full: date of birth,
 * nationality and gender count before the cut (among a thousand persons of the same name, the
 * one born that day must reach the shortlist), then the best name of each person the caller may
 * see, best first.
 */
export class Shortlist {
  readonly #store: NamePostings;
  readonly #cand: Candidates;
  readonly #facts: PersonFacts;
  /** per person slot: the query that last computed its facts delta, and that delta */
  #slotStamp = new Int32Array(0);
  #slotFacts = new Float64Array(0);

  constructor(store: NamePostings, cand: Candidates, facts: PersonFacts) {
    this.#store = store;
    this.#cand = cand;
    this.#facts = facts;
  }

  /** Room for the facts memo of `persons` person slots. */
  ensureScratch(persons: number) {
    if (this.#slotStamp.length >= persons) return;
    const size = Math.max(1024, persons * 2);
    this.#slotStamp = new Int32Array(size);
    this.#slotFacts = new Float64Array(size);
  }

  /** Query stamps start again from 0. */
  resetStamps() {
    this.#slotStamp.fill(0);
  }

  /**
   * The shortlist as [person slot, entry] pairs, best first. `entryOf` gives the person of a slot.
   * `exact` is the nameHash of the query's parts and `exactList` a posting list every name made of
   * them is on (NamePostings.exactNameList): the persons of whom it is the exact name are
   * shortlisted as well, up to as many again, whatever their place. The quick score gives every
   * name that holds the query's parts the same score (Mohamed Ali X as Mohamed Ali), and the
   * exact name, which outscores them all once aligned, could be cut among them (issue 13).
   */
  pick(q: PersonQuery, nationality: string | undefined, quick: QuickScores, total: number, exact: number, exactList: ArrayLike<number> | undefined, entryOf: (slot: number) => PersonEntry, filter: ((id: string) => boolean) | undefined): Array<[number, number]> {
    const { qs, bar, want } = quick;
    const cand = this.#cand;
    const { acc, order: slots, key: entryOfSlot } = cand;
    const nMet = cand.n;
    let rank = acc;
    let rankBar = bar;
    if (q.birthDate || nationality || q.gender) {
      rank = cand.rank;
      rankBar = 0;
      const ep = this.#store.entryPerson.a;
      const slotStamp = this.#slotStamp;
      const slotFacts = this.#slotFacts;
      const facts = this.#facts;
      const prepared = prepareFacts(q.birthDate, nationality, q.gender);
      for (let t = 0; t < nMet; t++) {
        const s = slots[t];
        if (acc[s] < bar) {
          rank[s] = -1;
          continue;
        }
        const slot = ep[entryOfSlot[s]];
        let d: number;
        if (slotStamp[slot] === qs) d = slotFacts[slot];
        else {
          d = facts.delta(slot, prepared, entryOf);
          slotStamp[slot] = qs;
          slotFacts[slot] = d;
        }
        rank[s] = acc[s] + d * total;
      }
    }

    // the best name of each person the caller may see, best first, only as many as we explain
    const passing = topByScore(slots, nMet, rank, rankBar, want * 4);
    const shortlist: Array<[number, number]> = [];
    const taken = new Set<number>();
    const take = (s: number) => {
      const e = entryOfSlot[s];
      const slot = this.#store.entryPerson.a[e];
      if (taken.has(slot) || this.#store.dead.has(e)) return false;
      taken.add(slot);
      if (filter && !filter(entryOf(slot).id)) return false;
      shortlist.push([slot, e]);
      return true;
    };
    for (const s of passing) {
      if (shortlist.length >= want) break;
      take(s);
    }
    // the exact name's persons, best facts first (their names rank alike until the facts)
    const names = this.#store.entryName.a;
    const exactSlots: number[] = [];
    const list = exactList ?? [];
    for (let x = 0; x < list.length; x++) {
      const e = list[x];
      if (names[e] !== exact) continue;
      const s = cand.find(e);
      if (s >= 0 && rank[s] >= rankBar) exactSlots.push(s);
    }
    exactSlots.sort((a, b) => rank[b] - rank[a]);
    let added = 0;
    for (const s of exactSlots) {
      if (added >= want) break;
      if (take(s)) added++;
    }
    return shortlist;
  }
}
