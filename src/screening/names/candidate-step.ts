import type { Candidates } from './candidates.ts';
import type { Expansion } from './expansion.ts';
import type { PairIndex } from './pair-index.ts';
import type { NamePostings } from './postings.ts';
import { TOKEN_SCORES } from './score.ts';
import type { NameToken } from './tokens.ts';

/** Below this share of the query's weight a candidate is not worth scoring in full. */
const MIN_QUICK = 0.55;
/** Postings the candidate step may walk before it narrows to one part. */
const WALK_BUDGET = 60_000;
/**
 * Crediting a part walks its posting lists when they hold at most this many postings per name
 * met, else each name met reads its own keys (an A/B at 1M names with a harness not kept in the
 * repository: 6 beat 24 by about a fifth, 2 and 6 were level; the figures of record are
 * `npm run bench:screening`'s).
 */
const LIST_WALK_RATIO = 6;
/** Walking more postings than this for one part: the query looks for candidates through its pairs. */
const PAIR_PATH_WORK = 5_000;

/** What the candidate step leaves for the shortlist. */
export interface QuickScores {
  /** The stamp of the candidate table's marks that hold (the pair path may have started afresh). */
  qs: number;
  /** The quick score a name must reach to be shortlisted (0: the best few that share anything). */
  bar: number;
  /** How many persons to align in full and explain. */
  want: number;
}

/**
 * The candidate step of a search: the rarest parts select candidates, or the query's pairs when
 * every heavy part is common; the others only add to their score (MaxScore). What each name met
 * has scored is left in the candidate table (see Candidates).
 */
export class CandidateStep {
  readonly #store: NamePostings;
  readonly #pairs: PairIndex;
  readonly #cand: Candidates;
  readonly #plans: { pairs: number; walks: number };
  readonly #directMax: number | undefined;

  constructor(store: NamePostings, pairs: PairIndex, cand: Candidates, plans: { pairs: number; walks: number }, directMax: number | undefined) {
    this.#store = store;
    this.#pairs = pairs;
    this.#cand = cand;
    this.#plans = plans;
    this.#directMax = directMax;
  }

  #keyScores = new Float32Array(0);

  #keyScratch(): Float32Array {
    if (this.#keyScores.length < this.#store.postings.length) this.#keyScores = new Float32Array(this.#store.postings.length * 2);
    return this.#keyScores;
  }

  /**
   * Meets and quick-scores the names a query may match. `qs` is the query's stamp; `nextStamp`
   * hands out a new one when the pair path finds too little and starts afresh.
   */
  run(tokens: NameToken[], expansions: Expansion[], weights: number[], total: number, limit: number, stamp: number, nextStamp: () => number): QuickScores {
    let qs = stamp;
    // MaxScore: a candidate that reaches MIN_QUICK must meet one of the heaviest parts
    const order = tokens.map((_, i) => i).sort((a, b) => weights[b] - weights[a]);
    let rest = total;
    const essential: number[] = [];
    for (const i of order) {
      if (rest < MIN_QUICK * total) break;
      essential.push(i);
      rest -= weights[i];
    }
    // the names met so far and their scores: a small hash table that stays in the processor's
    // cache (see Candidates); `order` holds their slots in the order met
    const cand = this.#cand;
    const store = this.#store;
    cand.direct(store.entryPerson.n, this.#directMax);
    cand.begin(qs);
    const postings = store.postings;
    // Credits part i's agreement `s` to the name in slot `slot` (once per part: a better key
    // of the same part adds only the difference).
    // (The walks below repeat this per posting inline: they are the hot loop.)
    const credit = (slot: number, ts: number, weight: number, s: number) => {
      if (cand.tok[slot] !== ts) {
        cand.tok[slot] = ts;
        cand.best[slot] = s;
        cand.acc[slot] += weight * s;
      } else if (s > cand.best[slot]) {
        cand.acc[slot] += weight * (s - cand.best[slot]);
        cand.best[slot] = s;
      }
    };
    // Part i as two parts written in one: the names holding both halves, at the joined score;
    // `bring` adds those not met yet (few: a pair's names), else only those met are credited.
    const creditSplits = (i: number, bring: boolean) => {
      const splits = expansions[i].splits;
      if (!splits) return;
      const ts = qs * 64 + i;
      const weight = weights[i];
      const s = TOKEN_SCORES.joined;
      for (const split of splits) {
        this.#pairs.forSplit(split, (e) => {
          const slot = bring ? cand.meet(e) : cand.find(e);
          if (slot >= 0) credit(slot, ts, weight, s);
        });
      }
    };
    const generate = (i: number, checkOnly: boolean) => {
      const ts = qs * 64 + i;
      const weight = weights[i];
      const only = expansions[i].checkOnly!;
      for (const [key, s] of expansions[i]) {
        if (only.has(key) !== checkOnly) continue;
        const w = weight * s;
        const list = postings[key];
        cand.reserve(list.length);
        const { key: ck, stamp, acc, tok, best, order, mask, shift, mult } = cand;
        let n = cand.n;
        for (let x = 0; x < list.length; x++) {
          const e = list[x];
          let slot = Math.imul(e, mult) >>> shift;
          for (;;) {
            if (stamp[slot] !== qs) {
              stamp[slot] = qs;
              ck[slot] = e;
              acc[slot] = w;
              tok[slot] = ts;
              best[slot] = s;
              order[n++] = slot;
              break;
            }
            if (ck[slot] === e) {
              if (tok[slot] !== ts) {
                tok[slot] = ts;
                best[slot] = s;
                acc[slot] += w;
              } else if (s > best[slot]) {
                acc[slot] += weight * (s - best[slot]);
                best[slot] = s;
              }
              break;
            }
            slot = (slot + 1) & mask;
          }
        }
        cand.n = n;
      }
      if (!checkOnly) creditSplits(i, true);
    };
    let bar = MIN_QUICK * total;
    let fallback = false;
    // adds what the other parts agree to every entry met
    const creditOthers = () => {
      // what the parts still to credit could add at most: a name that cannot reach the bar even
      // with all of it is not worth reading (MaxScore, heaviest parts first)
      let rest = 0;
      for (const i of order) if (!(fallback && essential.includes(i))) rest += weights[i];
      for (const i of order) {
        const isEssential = essential.includes(i);
        if (isEssential && fallback) continue;
        const hopeless = bar - rest;
        rest -= weights[i];
        const ts = qs * 64 + i;
        const weight = weights[i];
        const exp: Map<number, number> = isEssential ? new Map([...expansions[i]].filter(([k]) => expansions[i].checkOnly!.has(k))) : expansions[i];
        if (exp.size === 0 && !(expansions[i].splits && !isEssential)) continue;
        const { key: ck, stamp, acc, tok, best, mask, shift, mult } = cand;
        const n = cand.n;
        let listWork = 0;
        for (const key of exp.keys()) listWork += postings[key].length;
        if (listWork <= n * LIST_WALK_RATIO) {
          for (const [key, s] of exp) {
            const list = postings[key];
            const w = weight * s;
            for (let x = 0; x < list.length; x++) {
              const e = list[x];
              let slot = Math.imul(e, mult) >>> shift;
              while (stamp[slot] === qs && ck[slot] !== e) slot = (slot + 1) & mask;
              if (stamp[slot] !== qs) continue;
              if (tok[slot] !== ts) {
                tok[slot] = ts;
                best[slot] = s;
                acc[slot] += w;
              } else if (s > best[slot]) {
                acc[slot] += weight * (s - best[slot]);
                best[slot] = s;
              }
            }
          }
        } else {
          // a typed score per key: thousands of candidates × their keys, one array read each
          const ks = this.#keyScratch();
          for (const [key, sc] of exp) ks[key] = sc;
          const ek = store.entryKeys.a;
          const starts = store.entryKeyStart.a;
          const last = store.entryPerson.n - 1;
          const lastEnd = store.entryKeys.n;
          const slots = cand.order;
          for (let t = 0; t < n; t++) {
            const slot = slots[t];
            if (acc[slot] < hopeless) continue;
            const e = ck[slot];
            let b = 0;
            const end = e < last ? starts[e + 1] : lastEnd;
            for (let x = starts[e]; x < end; x++) {
              const sc = ks[ek[x]];
              if (sc > b) b = sc;
            }
            if (b > 0) {
              if (tok[slot] !== ts) {
                tok[slot] = ts;
                best[slot] = b;
                acc[slot] += weight * b;
              } else if (b > best[slot]) {
                acc[slot] += weight * (b - best[slot]);
                best[slot] = b;
              }
            }
          }
          for (const key of exp.keys()) ks[key] = 0;
        }
        if (!isEssential) creditSplits(i, false);
      }
    };
    // When every heavy part is common (Hussein Saad Hussein), walking all their lists costs more
    // than the answer is worth: candidates come from the part with the least to walk, and the
    // other parts only add to them. A candidate must then share that part to be found.
    const work = (i: number) => {
      let n = 0;
      for (const [key] of expansions[i]) if (!expansions[i].checkOnly!.has(key)) n += postings[key].length;
      return n;
    };
    if (essential.length > 1 && essential.reduce((n, i) => n + work(i), 0) > WALK_BUDGET) {
      essential.sort((a, b) => work(a) - work(b));
      essential.length = 1;
    }
    const want = Math.max(limit + 3, 12);
    const generated = new Set<number>();
    const countPassing = (enough: number) => {
      let passing = 0;
      for (let t = 0; t < cand.n && passing < enough; t++) if (cand.acc[cand.order[t]] >= bar) passing++;
      return passing;
    };
    // Every heavy part is common: the names that hold two of the query's parts come from the
    // pair index, and every part is credited to them. Only if too few of them pass does the
    // cheapest part's list get walked (and then no other list: they are all long).
    const pairs = this.#pairs.filed && tokens.length >= 2 && essential.every((i) => work(i) > PAIR_PATH_WORK);
    let viaPairs = false;
    if (pairs) {
      this.#pairs.meet(tokens, cand);
      const heavy = [...essential];
      essential.length = 0;
      creditOthers();
      viaPairs = countPassing(want) >= want;
      if (!viaPairs) {
        // each part is credited once per entry: what the pairs found is forgotten, not credited twice
        essential.push(...heavy);
        qs = nextStamp();
        cand.begin(qs);
      }
    }
    if (viaPairs) this.#plans.pairs++;
    else this.#plans.walks++;
    if (!viaPairs) {
      for (const i of essential) {
        generate(i, false);
        generated.add(i);
      }
      // Few found: the names that hold two of the query's parts are candidates too (Uzzi Ala /
      // Uzi Alaa: two one-consonant skeletons, each of which alone meets half the list)
      if (!pairs && tokens.length >= 2 && cand.n < want * 4) this.#pairs.meet(tokens, cand);
      // nothing found through rarer keys: let the short skeletons find candidates after all
      fallback = cand.n < want;
      if (fallback) for (const i of essential) generate(i, true);
      creditOthers();
    }
    // Too little found through the heaviest parts (a part nobody on the list is called, a typo,
    // a part written in two): the other parts bring candidates in too. Not when every heavy
    // part is common: their lists are long, and the pairs have had their say.
    if (!pairs && generated.size < tokens.length && countPassing(want) < want) {
      for (const i of order) {
        if (generated.has(i)) continue;
        // (a part with a long list is common: what is missing is not there, and the pairs have been met)
        if (work(i) > WALK_BUDGET) continue;
        generate(i, false);
        generated.add(i);
      }
      // every entry again: crediting a part anew after another part was credited adds it
      // again (one stamp per entry), which lifts the entries the heavy parts found; the
      // ranking was tuned with it
      creditOthers();
    }

    // nothing reaches the bar: the best few that share anything are still worth showing
    if (countPassing(1) === 0) bar = 0;

    return { qs, bar, want };
  }
}
