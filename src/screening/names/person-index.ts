import { toAlpha3 } from '../../core/countries.ts';
import type { PersonMatch, PersonQuery } from '../screening.ts';
import { CandidateStep } from './candidate-step.ts';
import { Candidates } from './candidates.ts';
import { explainPerson } from './explain.ts';
import { QueryExpander } from './expansion.ts';
import { PersonFacts } from './facts.ts';
import { type NameKnowledge, loadNameKnowledge } from './knowledge.ts';
import { PairIndex } from './pair-index.ts';
import type { Person, PersonEntry } from './person-entry.ts';
import { NamePostings, nameHash } from './postings.ts';
import type { PairMemo } from './score.ts';
import { Shortlist } from './shortlist.ts';
import { nameTokens } from './tokens.ts';

export type { PersonEntry } from './person-entry.ts';

export interface SearchOptions {
  limit?: number;
  /** Candidates the caller may not see (handling codes) are dropped before ranking. */
  filter?: (id: string) => boolean;
}

/**
 * The in-memory person watchlist. Every name of every person is an entry; each entry's parts
 * are indexed under their folded form (f), their spelling-variant clusters (c) and their
 * consonant skeletons (s) (NamePostings), and each entry is filed under the pairs of its parts
 * (PairIndex). A query part expands to the keys it may meet (QueryExpander: typo neighbours
 * found in the vocabulary, not by scanning, and its cuts into two known parts), the rarest parts
 * select candidates, or the query's pairs when every heavy part is common; the others only add
 * to their score (CandidateStep, MaxScore), the facts rank namesakes before the cut (Shortlist),
 * and the best few persons are aligned in full and explained (explainPerson).
 */
export class PersonIndex {
  readonly knowledge: NameKnowledge;
  readonly #store: NamePostings;
  readonly #pairs: PairIndex;
  readonly #expander: QueryExpander;
  #persons: Person[] = [];
  #facts = new PersonFacts();
  #slotOf = new Map<string, number>();
  #livePersons = 0;
  /** the names the current search has met, with their scores so far (see Candidates) */
  #cand = new Candidates();
  readonly #step: CandidateStep;
  readonly #shortlist: Shortlist;
  #stamp = 0;

  /** `directMax`: names up to which each gets its own candidate slot (see Candidates.direct; 0 always hashes). */
  constructor(knowledge: NameKnowledge = loadNameKnowledge(), opts: { directMax?: number } = {}) {
    this.knowledge = knowledge;
    this.#store = new NamePostings(knowledge);
    this.#pairs = new PairIndex(knowledge, this.#store);
    this.#expander = new QueryExpander(knowledge, this.#store, this.#pairs);
    this.#step = new CandidateStep(this.#store, this.#pairs, this.#cand, this.plans, opts.directMax);
    this.#shortlist = new Shortlist(this.#store, this.#cand, this.#facts);
  }

  /** How searches found their candidates: through pairs of parts, or by walking parts' lists. */
  readonly plans = { pairs: 0, walks: 0 };

  get size(): number {
    return this.#livePersons;
  }

  get entries(): number {
    return this.#store.liveEntries;
  }

  get vocabulary(): number {
    return this.#store.keyId.size;
  }

  has(id: string): boolean {
    return this.#slotOf.has(id);
  }

  /** Adds a person, replacing any person with the same id. */
  add(p: PersonEntry): void {
    this.remove(p.id);
    this.#store.changed();
    const slot = this.#persons.length;
    const person: Person = { entry: p, names: [] };
    this.#persons.push(person);
    this.#slotOf.set(p.id, slot);
    this.#facts.set(slot, p);
    this.#livePersons++;
    for (const n of p.names) {
      const tokens = nameTokens(n.value);
      if (tokens.length === 0) continue;
      const e = this.#store.addEntry(slot, tokens);
      this.#pairs.file(tokens, e);
      person.names.push(e);
    }
  }

  remove(id: string): boolean {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return false;
    this.#store.changed();
    const person = this.#persons[slot];
    for (const e of person.names) this.#store.removeEntry(e);
    this.#store.liveEntries -= person.names.length;
    person.names = [];
    this.#slotOf.delete(id);
    this.#livePersons--;
    return true;
  }

  /**
   * Files what was added. The first call builds every posting list at once (NamePostings.build);
   * later calls freeze the lists that names added since have thawed into typed arrays, without
   * the removed names: 4 bytes a posting instead of 8, and nothing for the garbage collector to
   * walk. Run after a bulk load (the first search runs it if nobody did).
   */
  compact(): void {
    if (!this.#store.built) this.#store.build();
    else this.#store.freeze();
    this.#compactPairs();
  }

  #compactPairs() {
    this.#pairs.compact((file) => {
      for (const person of this.#persons) {
        let k = 0;
        for (const n of person.names.length ? person.entry.names : []) {
          const tokens = nameTokens(n.value);
          if (tokens.length) file(tokens, person.names[k++]);
        }
      }
    });
  }

  search(q: PersonQuery, opts: SearchOptions = {}): PersonMatch[] {
    const limit = Math.max(1, Math.min(opts.limit ?? 10, 100));
    const tokens = nameTokens(q.name);
    if (tokens.length === 0 || this.#store.liveEntries === 0) return [];
    if (!this.#store.built) this.compact();
    if (!this.#pairs.filed) this.#compactPairs();
    this.#shortlist.ensureScratch(this.#persons.length);
    if (this.#stamp > 2 ** 30 / 64) {
      this.#cand.resetStamps();
      this.#shortlist.resetStamps();
      this.#stamp = 0;
    }
    // the stamp of this query's marks; the pair path, when it finds too little, starts afresh with a new one
    const qs = ++this.#stamp;
    const expansions = tokens.map((_, i) => this.#expander.expand(tokens, i));
    const weights = tokens.map((t, i) => this.#store.weight(t, expansions[i].estimatedDf));
    const total = weights.reduce((a, b) => a + b, 0);
    const quick = this.#step.run(tokens, expansions, weights, total, limit, qs, () => ++this.#stamp);

    const nationality = q.nationality ? toAlpha3(q.nationality) : undefined;
    const entryOf = (slot: number) => this.#persons[slot].entry;
    const shortlist = this.#shortlist.pick(q, nationality, quick, total, nameHash(tokens), this.#store.exactNameList(tokens), entryOf, opts.filter);

    const memo: PairMemo = [];
    const ctx = { store: this.#store, cand: this.#cand, livePersons: this.#livePersons };
    const explained = shortlist.map(([slot]) => explainPerson(ctx, tokens, weights, this.#persons[slot], q, nationality, memo));
    // names held at NOT_EXACT_MAX keep the order of the scores they had below it
    explained.sort((a, b) => b.match.score - a.match.score || b.beforeCap - a.beforeCap);
    return explained.slice(0, limit).map((x) => x.match);
  }
}
