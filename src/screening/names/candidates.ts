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
  /** the current search's stamp */
  qs = 0;
  #largest = 0;

  constructor() {
    this.#allocate(MIN_CAPACITY);
  }

  /** Starts a search (or starts one afresh) under stamp `qs` (which must be new). */
  begin(qs: number): void {
    // after a search that met a hundred thousand names, the next few thousand should fit in cache again
    this.#largest = Math.max(this.n, this.#largest >> 1);
    if (this.key.length > MIN_CAPACITY && this.#largest * 8 < this.key.length) {
      let size = MIN_CAPACITY;
      while (size < this.#largest * 4) size *= 2;
      this.#allocate(size);
    }
    this.qs = qs;
    this.n = 0;
  }

  /** Stamps start again from 0 (every slot empty). */
  resetStamps(): void {
    this.stamp.fill(0);
  }

  /** Room for `more` names beyond those met, the table at most half full (grown and refilled if needed). */
  reserve(more: number): void {
    const need = (this.n + more) * 2;
    if (need <= this.key.length) return;
    let size = this.key.length;
    while (size < need) size *= 2;
    const { key, acc, tok, best, rank, order, n } = this;
    this.#allocate(size);
    for (let t = 0; t < n; t++) {
      const from = order[t];
      const s = this.#free(key[from]);
      this.stamp[s] = this.qs;
      this.key[s] = key[from];
      this.acc[s] = acc[from];
      this.tok[s] = tok[from];
      this.best[s] = best[from];
      this.rank[s] = rank[from];
      this.order[t] = s;
    }
    this.n = n;
  }

  /** The slot of entry `e`, or -1 when this search has not met it. */
  find(e: number): number {
    const { key, stamp, mask, qs } = this;
    for (let s = Math.imul(e, GOLDEN) >>> this.shift; stamp[s] === qs; s = (s + 1) & mask) if (key[s] === e) return s;
    return -1;
  }

  /**
   * The slot of entry `e`, met now if it was not (then its scores are zero and it is the last
   * of `order`). Grows the table when needed: slots read before are then stale.
   */
  meet(e: number): number {
    const found = this.find(e);
    if (found >= 0) return found;
    if ((this.n + 1) * 2 > this.key.length) this.reserve(1);
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
    let s = Math.imul(e, GOLDEN) >>> this.shift;
    while (this.stamp[s] === this.qs) s = (s + 1) & this.mask;
    return s;
  }

  #allocate(size: number) {
    this.key = new Int32Array(size);
    this.stamp = new Int32Array(size);
    this.acc = new Float32Array(size);
    this.tok = new Int32Array(size);
    this.best = new Float32Array(size);
    this.rank = new Float32Array(size);
    this.order = new Int32Array(size >> 1);
    this.mask = size - 1;
    this.shift = 32 - Math.log2(size);
    this.n = 0;
  }
}

/** 2^32 / φ: multiplicative hashing spreads consecutive entry ids over the table. */
export const GOLDEN = 0x9e3779b1 | 0;
/**
 * Slots of an empty table: 32,768 (about 900 KB), half of which a search may fill before it
 * grows. (At 1M persons in a throwaway harness, 2^15 was a little faster than 2^13; the figures
 * of record are npm run bench:screening's.)
 */
const MIN_CAPACITY = 1 << 15;
