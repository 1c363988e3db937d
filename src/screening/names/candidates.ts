/**
 * The names one search has met, with what each has scored so far: an open-addressing hash
 * table (linear probing, at most half full) keyed by entry id, in typed arrays.
 *
 * Why not arrays indexed by entry id: at a million persons those are tens of megabytes, and
 * every name a posting list mentions cost a cache miss in each of them. A search meets a few
 * thousand names; their table fits in the processor's cache, and a name that was not met is
 * known to be absent after a probe or two of it.
 *
 * A slot belongs to the current search when its stamp is the search's: starting a search, or
 * starting afresh within one, empties the table without writing to it.
 */
export class Candidates {
  /** entry id per slot */
  key = new Int32Array(0);
  /** the search a slot belongs to */
  stamp = new Int32Array(0);
  /** quick score so far */
  acc = new Float32Array(0);
  /** the last query part credited (search stamp × 64 + part), and what it gave */
  tok = new Int32Array(0);
  best = new Float32Array(0);
  /** the rank the shortlist is cut by (the quick score with the facts' delta) */
  rank = new Float32Array(0);
  /** slots in the order their names were met, `n` of them */
  order = new Int32Array(0);
  n = 0;
  mask = 0;
  shift = 32;
  /**
   * A slot's home is Math.imul(entry, mult) >>> shift: GOLDEN and the table's bits when hashing;
   * 1 and 0 when the table has a slot per entry of the index (see direct()).
   */
  mult = GOLDEN;
  #direct: Table | undefined;
  /** the current search's stamp */
  qs = 0;
  /**
   * Two tables: a small one that every search starts in and that stays in cache, and a large
   * one for the searches that meet tens of thousands of names, kept at the largest size needed
   * so far. Allocating and dropping megabytes per large search made the garbage collector
   * stop the world for seconds at 5M persons.
   */
  #small: Table;
  #large: Table | undefined;

  constructor() {
    this.#small = table(MIN_CAPACITY);
    this.#use(this.#small);
  }

  /**
   * A small index (at most DIRECT_MAX names) gets a slot per name: its home is the name itself,
   * never shared, so no probe ever runs on. Arrays as long as such a list still fit in the
   * processor's cache, and there they beat hashing (at 50k persons the hashed table cost about a
   * third of the queries per second). `entries` is one more than the highest entry id.
   */
  direct(entries: number, max = DIRECT_MAX): void {
    if (entries > max) {
      this.#direct = undefined;
      return;
    }
    const size = Math.max(1024, 2 ** Math.ceil(Math.log2(entries + 1)));
    // every name may be met: `order` as long as the table
    if (!this.#direct || this.#direct.key.length < size) this.#direct = table(size, size);
  }

  /** Starts a search (or starts one afresh) under stamp `qs` (which must be new), in the small (or direct) table. */
  begin(qs: number): void {
    const start = this.#direct ?? this.#small;
    if (this.key !== start.key) this.#use(start);
    this.qs = qs;
    this.n = 0;
  }

  /** Stamps start again from 0 (every slot empty). */
  resetStamps(): void {
    this.#small.stamp.fill(0);
    this.#large?.stamp.fill(0);
    this.#direct?.stamp.fill(0);
  }

  /** Room for `more` names beyond those met, the table at most half full (moved to the large table if needed). */
  reserve(more: number): void {
    const need = (this.n + more) * 2;
    if (need <= this.key.length || this.mult === 1) return;
    let size = Math.max(this.#large?.key.length ?? 0, this.key.length * 2);
    while (size < need) size *= 2;
    // the names met so far, in the order met, move to the large table (grown if it must be)
    const from: Table = { key: this.key, stamp: this.stamp, acc: this.acc, tok: this.tok, best: this.best, rank: this.rank, order: this.order };
    const n = this.n;
    if (!this.#large || this.#large.key.length < size) this.#large = table(size);
    this.#use(this.#large);
    for (let t = 0; t < n; t++) {
      const old = from.order[t];
      const s = this.#free(from.key[old]);
      this.stamp[s] = this.qs;
      this.key[s] = from.key[old];
      this.acc[s] = from.acc[old];
      this.tok[s] = from.tok[old];
      this.best[s] = from.best[old];
      this.rank[s] = from.rank[old];
      this.order[t] = s;
    }
    this.n = n;
  }

  /** The slot of entry `e`, or -1 when this search has not met it. */
  find(e: number): number {
    const { key, stamp, mask, qs } = this;
    for (let s = Math.imul(e, this.mult) >>> this.shift; stamp[s] === qs; s = (s + 1) & mask) if (key[s] === e) return s;
    return -1;
  }

  /**
   * The slot of entry `e`, met now if it was not (then its scores are zero and it is the last
   * of `order`). Grows the table when needed: slots read before are then stale.
   */
  meet(e: number): number {
    const found = this.find(e);
    if (found >= 0) return found;
    if ((this.n + 1) * 2 > this.key.length && this.mult !== 1) this.reserve(1);
    const s = this.#free(e);
    this.stamp[s] = this.qs;
    this.key[s] = e;
    this.acc[s] = 0;
    this.tok[s] = 0;
    this.best[s] = 0;
    this.order[this.n++] = s;
    return s;
  }

  /** The first slot after the home of `e` that this search has not taken (e must be absent). */
  #free(e: number): number {
    let s = Math.imul(e, this.mult) >>> this.shift;
    while (this.stamp[s] === this.qs) s = (s + 1) & this.mask;
    return s;
  }

  #use(t: Table) {
    this.key = t.key;
    this.stamp = t.stamp;
    this.acc = t.acc;
    this.tok = t.tok;
    this.best = t.best;
    this.rank = t.rank;
    this.order = t.order;
    this.mask = t.key.length - 1;
    const direct = t === this.#direct;
    this.shift = direct ? 0 : 32 - Math.log2(t.key.length);
    this.mult = direct ? 1 : GOLDEN;
  }
}

interface Table {
  key: Int32Array<ArrayBuffer>;
  stamp: Int32Array<ArrayBuffer>;
  acc: Float32Array<ArrayBuffer>;
  tok: Int32Array<ArrayBuffer>;
  best: Float32Array<ArrayBuffer>;
  rank: Float32Array<ArrayBuffer>;
  order: Int32Array<ArrayBuffer>;
}

function table(size: number, orders = size >> 1): Table {
  return {
    key: new Int32Array(size),
    stamp: new Int32Array(size),
    acc: new Float32Array(size),
    tok: new Int32Array(size),
    best: new Float32Array(size),
    rank: new Float32Array(size),
    order: new Int32Array(orders),
  };
}

/** 2^32 / φ: multiplicative hashing spreads consecutive entry ids over the table. */
export const GOLDEN = 0x9e3779b1 | 0;
/**
 * Slots of an empty table: 32,768 (about 900 KB), half of which a search may fill before it
 * grows. (At 1M persons in a throwaway harness, 2^15 was a little faster than 2^13; the figures
 * of record are npm run bench:screening's.)
 */
const MIN_CAPACITY = 1 << 15;
/** Names up to which an index gives each name its own slot (about 70,000 persons): 2^17 slots, 3 MB. */
const DIRECT_MAX = 1 << 17;
