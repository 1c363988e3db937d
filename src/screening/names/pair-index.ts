import type { Candidates } from './candidates.ts';
import type { NameKnowledge } from './knowledge.ts';
import { KEY_IDS_MEMO_SIZE, type NamePostings } from './postings.ts';
import { type NameToken, patronymToken } from './tokens.ts';
import { U32 } from './u32.ts';

/** Buckets of the pair index: a power of two, about two per name, at most PAIR_MAX_BUCKETS. Pairs that share one only add candidates. */
const PAIR_MIN_BUCKETS = 1 << 10;
const PAIR_MAX_BUCKETS = 1 << 22;
/** A name's first parts filed in pairs, and the keys a part is known by in them. */
export const MAX_PAIR_PARTS = 5;
const MAX_PAIR_IDENTITIES = 6;

/** A cut of a query part into two parts: their pair-index buckets, and the keys a name must hold for each half. */
export interface Split {
  buckets: number[];
  left: number[];
  right: number[];
}

/** A 32-bit hash of an unordered pair of key ids (its bucket is the hash under the index's mask). */
function pairHash(x: number, y: number): number {
  const [lo, hi] = x < y ? [x, y] : [y, x];
  let h = Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return h >>> 0;
}

/**
 * Pairs of parts. Every name also files itself under each pair of its parts, a part being
 * known by its spelling-variant clusters and its skeletons: "Mohamed Ali Hassan" under
 * (MHMT, L), (MHMT, HSN), (L, HSN), (cluster of Mohamed, HSN) … hashed into buckets. A query whose every heavy part is common (a third of the list is called Mohamed)
 * finds its candidates through its own pairs instead of walking those parts' long lists.
 * Until compact() (or the first search) the pairs wait as (hash, entry) rows; compact() files
 * them by bucket (#start/#post), and names added later wait in #late.
 */
export class PairIndex {
  readonly #knowledge: NameKnowledge;
  readonly #store: NamePostings;
  #rows = { bucket: new U32(), entry: new U32() };
  #mask = 0;
  #start: Uint32Array | undefined;
  #post = new Uint32Array(0);
  #late = new Map<number, number[]>();

  constructor(knowledge: NameKnowledge, store: NamePostings) {
    this.#knowledge = knowledge;
    this.#store = store;
  }

  /** Whether the pairs have been filed by bucket (after the first compact()). */
  get filed(): boolean {
    return this.#start !== undefined;
  }

  /**
   * Files every pair row by bucket (counting sort: entries stay ascending within a bucket). The
   * bucket count follows the number of names; when they have grown fourfold since the last
   * filing, every live name is filed anew under the larger count (`refile` hands each live name
   * of every person, in order, to the function it is given).
   */
  compact(refile: (file: (tokens: NameToken[], e: number) => void) => void): void {
    const dead = this.#store.dead;
    let rows = this.#rows;
    const buckets = Math.min(PAIR_MAX_BUCKETS, Math.max(PAIR_MIN_BUCKETS, 2 ** Math.ceil(Math.log2(this.#store.liveEntries * 2 + 1))));
    if (this.#start && buckets > (this.#mask + 1) * 4) {
      this.#rows = rows = { bucket: new U32(), entry: new U32() };
      this.#start = undefined;
      this.#late.clear();
      refile((tokens, e) => this.file(tokens, e));
      this.#mask = buckets - 1;
    } else if (this.#start) {
      // what was filed before, and what came since, become rows again (already under the mask)
      const start = this.#start;
      for (let b = 0; b <= this.#mask; b++) {
        for (let x = start[b]; x < start[b + 1]; x++) {
          rows.bucket.push(b);
          rows.entry.push(this.#post[x]);
        }
        const late = this.#late.get(b);
        if (late) for (const e of late) (rows.bucket.push(b), rows.entry.push(e));
      }
      this.#late.clear();
    } else this.#mask = buckets - 1;
    const mask = this.#mask;
    const count = mask + 1;
    const start = new Uint32Array(count + 1);
    const n = rows.bucket.n;
    const bucket = rows.bucket.a;
    const entry = rows.entry.a;
    for (let x = 0; x < n; x++) if (!dead.has(entry[x])) start[(bucket[x] & mask) + 1]++;
    for (let b = 0; b < count; b++) start[b + 1] += start[b];
    const post = new Uint32Array(start[count]);
    const fill = start.slice(0, count);
    for (let x = 0; x < n; x++) if (!dead.has(entry[x])) post[fill[bucket[x] & mask]++] = entry[x];
    // rows of one bucket arrive in entry order, except late ones: keep each bucket ascending
    for (let b = 0; b < count; b++) {
      const from = start[b];
      const to = start[b + 1];
      for (let x = from + 1; x < to; x++) {
        if (post[x] < post[x - 1]) {
          post.subarray(from, to).sort();
          break;
        }
      }
    }
    this.#start = start;
    this.#post = post;
    this.#rows = { bucket: new U32(), entry: new U32() };
  }

  /**
   * The keys a part is known by in pairs: its clusters and skeletons (its spelling when it has
   * neither), as key ids.
   */
  identities(t: NameToken, filing: boolean): number[] {
    let ids = this.#idsOf.get(t.fold);
    if (ids === undefined) {
      const keys = this.#knowledge.clustersOf(t.fold).map((c) => `c${c}`);
      if (t.article) for (const c of this.#knowledge.clustersOf(t.fold.slice(2))) keys.push(`c${c}`);
      for (const sk of t.skeletons) keys.push(`s${sk}`);
      // ould Ahmed pairs as Ahmed too (before its own skeletons, should the keys be too many)
      const father = patronymToken(t);
      if (father) keys.unshift(...this.#knowledge.clustersOf(father.fold).map((c) => `c${c}`), ...father.skeletons.map((sk) => `s${sk}`));
      if (keys.length === 0) keys.push(`f${t.fold}`);
      const chosen = [...new Set(keys)].slice(0, MAX_PAIR_IDENTITIES);
      // a query looks keys up and never adds any: a key no name has pairs with nothing
      if (!filing) return chosen.map((k) => this.#store.keyId.get(k)).filter((id) => id !== undefined);
      ids = chosen.map((k) => this.#store.intern(k));
      if (this.#idsOf.size >= KEY_IDS_MEMO_SIZE) this.#idsOf.clear();
      this.#idsOf.set(t.fold, ids);
    }
    return ids;
  }

  /** Pair identities per distinct folded part (interned: every id a name was filed under). */
  #idsOf = new Map<string, number[]>();

  /**
   * The pairs of identities of two parts (in either order): as 32-bit hashes while the rows wait
   * for their first filing, as buckets once filed.
   */
  buckets(a: NameToken, b: NameToken, into: Set<number>, filing: boolean) {
    this.#bucketsOf(this.identities(a, filing), this.identities(b, filing), into);
  }

  #bucketsOf(xa: number[], ya: number[], into: Set<number>) {
    const mask = this.#start ? this.#mask : 0xffffffff;
    for (const x of xa) for (const y of ya) into.add((pairHash(x, y) & mask) >>> 0);
  }

  /** Files name `e` under the pairs of its first parts. */
  file(tokens: NameToken[], e: number) {
    if (tokens.length < 2) return;
    const buckets = this.#bucketScratch;
    buckets.clear();
    const n = Math.min(tokens.length, MAX_PAIR_PARTS);
    const ids: number[][] = [];
    for (let i = 0; i < n; i++) ids.push(this.identities(tokens[i], true));
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) this.#bucketsOf(ids[i], ids[j], buckets);
    for (const b of buckets) {
      if (this.#start) {
        let late = this.#late.get(b);
        if (!late) this.#late.set(b, (late = []));
        late.push(e);
      } else {
        this.#rows.bucket.push(b);
        this.#rows.entry.push(e);
      }
    }
  }

  #bucketScratch = new Set<number>();

  /**
   * The names filed under a split's buckets that hold both halves (a bucket is shared by every
   * pair that hashes to it: the others are not this name written in two).
   */
  forSplit(split: Split, fn: (e: number) => void) {
    const store = this.#store;
    const ek = store.entryKeys.a;
    const starts = store.entryKeyStart.a;
    const last = store.entryPerson.n - 1;
    const holds = (e: number, ids: number[]) => {
      const end = e < last ? starts[e + 1] : store.entryKeys.n;
      for (let x = starts[e]; x < end; x++) if (ids.includes(ek[x])) return true;
      return false;
    };
    for (const b of split.buckets) this.#forBucket(b, (e) => holds(e, split.left) && holds(e, split.right) && fn(e));
  }

  /** The entries of a pair-index bucket, filed and late, one by one. */
  #forBucket(b: number, fn: (e: number) => void) {
    const start = this.#start!;
    const post = this.#post;
    for (let x = start[b]; x < start[b + 1]; x++) fn(post[x]);
    const late = this.#late.get(b);
    if (late) for (const e of late) fn(e);
  }

  /** Meets every name filed under a pair of the query's parts (with nothing credited yet). */
  meet(tokens: NameToken[], cand: Candidates) {
    const start = this.#start!;
    const post = this.#post;
    const buckets = new Set<number>();
    // a name files its first five parts; a query may give them in another order, so it looks one part further
    const n = Math.min(tokens.length, MAX_PAIR_PARTS + 1);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) this.buckets(tokens[i], tokens[j], buckets, false);
    for (const b of buckets) {
      cand.reserve(start[b + 1] - start[b]);
      for (let x = start[b]; x < start[b + 1]; x++) cand.meet(post[x]);
      const late = this.#late.get(b);
      if (late) for (const e of late) cand.meet(e);
    }
  }
}
