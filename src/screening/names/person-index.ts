import { toAlpha3 } from '../../core/countries.ts';
import { ALERT_THRESHOLD, type PersonMatch, type PersonQuery } from '../screening.ts';
import { Candidates } from './candidates.ts';
import { PersonFacts, prepareFacts } from './facts.ts';
import { type NameKnowledge, loadNameKnowledge } from './knowledge.ts';
import { type Alignment, align, birthDateEffect, explainAlignment, commonNamePenalty, type PairMemo, genderEffect, nationalityEffect, phoneticScore, round, TOKEN_SCORES } from './score.ts';
import { ARABIC_ALPHABET, forEachEdit1, LATIN_ALPHABET, SKELETON_ALPHABET, undoubled } from './similarity.ts';
import { joinTokens, makeToken, mayJoinBySound, type NameToken, nameTokens, patronymToken } from './tokens.ts';

export interface PersonEntry {
  id: string;
  names: Array<{ value: string; type?: 'primary' | 'alias' | 'original' | string; script?: string }>;
  birthDates?: string[];
  nationalities?: string[];
  gender?: 'male' | 'female' | 'unknown' | string;
}

export interface SearchOptions {
  limit?: number;
  /** Candidates the caller may not see (handling codes) are dropped before ranking. */
  filter?: (id: string) => boolean;
}

interface Person {
  entry: PersonEntry;
  /** Entry (name) ids of this person. */
  names: number[];
}

/** A growable Uint32 buffer: per-name data stays in typed memory, not in objects. */
class U32 {
  a = new Uint32Array(1024);
  n = 0;
  push(v: number) {
    if (this.n === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}

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

/** Keys a query part may meet with their scores; check-only keys never bring candidates in. */
/**
 * Keys a query part may meet with their scores; check-only keys never bring candidates in.
 * `splits`: pair-index buckets of the two parts a part written without its space may stand for
 * ("Mohamedali": Mohamed, Ali), met at the joined score.
 */
type Expansion = Map<number, number> & { checkOnly?: Set<number>; estimatedDf?: number; splits?: Split[] };

/** A cut of a query part into two parts: their pair-index buckets, and the keys a name must hold for each half. */
interface Split {
  buckets: number[];
  left: number[];
  right: number[];
}

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
const MAX_TYPO_EXPANSIONS = 40;
/** A typo neighbour of a known part brings candidates in only if it is no more common than this (or 0.5 % of the names). */
const KNOWN_TYPO_GENERATES = 200;
const DF_MEMO_SIZE = 100_000;
const KEY_IDS_MEMO_SIZE = 500_000;
/** Query parts whose vocabulary neighbours are remembered. */
const NEIGHBOUR_MEMO_SIZE = 50_000;
/** Buckets of the pair index: a power of two, about two per name, at most PAIR_MAX_BUCKETS. Pairs that share one only add candidates. */
const PAIR_MIN_BUCKETS = 1 << 10;
const PAIR_MAX_BUCKETS = 1 << 22;
/** A name's first parts filed in pairs, and the keys a part is known by in them. */
const MAX_PAIR_PARTS = 5;
const MAX_PAIR_IDENTITIES = 6;
/** Walking more postings than this for one part: the query looks for candidates through its pairs. */
const PAIR_PATH_WORK = 5_000;

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
 * The in-memory person watchlist. Every name of every person is an entry; each entry's parts
 * are indexed under their folded form (f), their spelling-variant clusters (c) and their
 * consonant skeletons (s), and each entry is filed under the pairs of its parts (the pair
 * index). A query part expands to the keys it may meet (with typo neighbours found in the
 * vocabulary, not by scanning, and its cuts into two known parts), the rarest parts select
 * candidates, or the query's pairs when every heavy part is common; the others only add to
 * their score (MaxScore), and the best few persons are aligned in full and explained.
 */
export class PersonIndex {
  readonly knowledge: NameKnowledge;
  #keyId = new Map<string, number>();
  /** Entry ids per key, ascending; frozen into typed arrays by compact(), thawed on the next add. */
  #postings: Array<number[] | Uint32Array> = [];
  #df: number[] = [];
  /**
   * Pairs of parts. Every name also files itself under each pair of its parts, a part being
   * known by its spelling-variant clusters and its skeletons: "Mohamed Ali Hassan" under
   * (MHMT, L), (MHMT, HSN), (L, HSN), (cluster of Mohamed, HSN) … hashed into buckets. A query whose every heavy part is common (a third of the list is called Mohamed)
   * finds its candidates through its own pairs instead of walking those parts' long lists.
   * Until compact() (or the first search) the pairs wait as (hash, entry) rows; compact() files
   * them by bucket (#pairStart/#pairPost), and names added later wait in #pairLate.
   */
  #pairRows = { bucket: new U32(), entry: new U32() };
  #pairMask = 0;
  #pairStart: Uint32Array | undefined;
  #pairPost = new Uint32Array(0);
  #pairLate = new Map<number, number[]>();
  #entryPerson = new U32();
  #entryKeyStart = new U32();
  #entryKeys = new U32();
  #dead = new Set<number>();
  #persons: Person[] = [];
  #facts = new PersonFacts();
  #slotOf = new Map<string, number>();
  #livePersons = 0;
  #liveEntries = 0;
  /** the names the current search has met, with their scores so far (see Candidates) */
  #cand = new Candidates();
  /** per person slot: the query that last computed its facts delta, and that delta */
  #slotStamp = new Int32Array(0);
  #slotFacts = new Float64Array(0);
  #stamp = 0;

  readonly #directMax: number | undefined;

  /** `directMax`: names up to which each gets its own candidate slot (see Candidates.direct; 0 always hashes). */
  constructor(knowledge: NameKnowledge = loadNameKnowledge(), opts: { directMax?: number } = {}) {
    this.knowledge = knowledge;
    this.#directMax = opts.directMax;
  }

  /** How searches found their candidates: through pairs of parts, or by walking parts' lists. */
  readonly plans = { pairs: 0, walks: 0 };

  get size(): number {
    return this.#livePersons;
  }

  get entries(): number {
    return this.#liveEntries;
  }

  get vocabulary(): number {
    return this.#keyId.size;
  }

  has(id: string): boolean {
    return this.#slotOf.has(id);
  }

  /** Adds a person, replacing any person with the same id. */
  add(p: PersonEntry): void {
    this.remove(p.id);
    if (this.#dfMemo.size) this.#dfMemo.clear();
    const slot = this.#persons.length;
    const person: Person = { entry: p, names: [] };
    this.#persons.push(person);
    this.#slotOf.set(p.id, slot);
    this.#facts.set(slot, p);
    this.#livePersons++;
    for (const n of p.names) {
      const tokens = nameTokens(n.value);
      if (tokens.length === 0) continue;
      const e = this.#entryPerson.n;
      this.#entryPerson.push(slot);
      this.#entryKeyStart.push(this.#entryKeys.n);
      const keys = this.#keyScratchSet;
      keys.clear();
      // two parts written as one ("Benali Tazi" for "Ben Ali Tazi") need no keys of their own:
      // the query's part is split and met through the pair index (#splitBuckets)
      for (const t of tokens) for (const key of this.#tokenKeyIds(t)) keys.add(key);
      for (const k of keys) {
        this.#entryKeys.push(k);
        this.#df[k]++;
        // a bulk load files nothing yet: compact() turns the names' keys into posting lists at once
        if (!this.#postingsBuilt) continue;
        let list = this.#postings[k];
        if (list instanceof Uint32Array) this.#postings[k] = list = Array.from(list);
        list.push(e);
      }
      this.#filePairs(tokens, e);
      person.names.push(e);
      this.#liveEntries++;
    }
  }

  remove(id: string): boolean {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return false;
    if (this.#dfMemo.size) this.#dfMemo.clear();
    const person = this.#persons[slot];
    for (const e of person.names) {
      this.#dead.add(e);
      const end = this.#keyEnd(e);
      for (let i = this.#entryKeyStart.a[e]; i < end; i++) this.#df[this.#entryKeys.a[i]]--;
    }
    this.#liveEntries -= person.names.length;
    person.names = [];
    this.#slotOf.delete(id);
    this.#livePersons--;
    return true;
  }

  /**
   * Files what was added. The first call builds every posting list at once (#buildPostings);
   * later calls freeze the lists that names added since have thawed into typed arrays, without
   * the removed names: 4 bytes a posting instead of 8, and nothing for the garbage collector to
   * walk. Run after a bulk load (the first search runs it if nobody did).
   */
  compact(): void {
    if (!this.#postingsBuilt) {
      this.#buildPostings();
      this.#compactPairs();
      return;
    }
    for (let k = 0; k < this.#postings.length; k++) {
      const list = this.#postings[k];
      const live = this.#dead.size ? Array.prototype.filter.call(list, (e: number) => !this.#dead.has(e)) as number[] : list;
      this.#postings[k] = live instanceof Uint32Array ? live : Uint32Array.from(live);
    }
    this.#compactPairs();
  }

  /**
   * The first filing: every live name's keys (#entryKeys) turned into posting lists (a counting
   * sort by key, so names stay ascending in each list), all in one typed buffer. A bulk load
   * builds no list name by name: a million names would leave tens of millions of postings in
   * growing arrays for the garbage collector to walk.
   */
  #buildPostings() {
    const keys = this.#postings.length;
    const start = new Uint32Array(keys + 1);
    const ek = this.#entryKeys.a;
    const starts = this.#entryKeyStart.a;
    const n = this.#entryPerson.n;
    const dead = this.#dead;
    for (let e = 0; e < n; e++) {
      if (dead.has(e)) continue;
      const end = this.#keyEnd(e);
      for (let x = starts[e]; x < end; x++) start[ek[x] + 1]++;
    }
    for (let k = 0; k < keys; k++) start[k + 1] += start[k];
    const post = new Uint32Array(start[keys]);
    const fill = start.slice(0, keys);
    for (let e = 0; e < n; e++) {
      if (dead.has(e)) continue;
      const end = this.#keyEnd(e);
      for (let x = starts[e]; x < end; x++) post[fill[ek[x]]++] = e;
    }
    for (let k = 0; k < keys; k++) this.#postings[k] = post.subarray(start[k], start[k + 1]);
    this.#postingsBuilt = true;
  }

  /** Whether posting lists exist (after the first compact()); until then names only record their keys. */
  #postingsBuilt = false;

  /**
   * Files every pair row by bucket (counting sort: entries stay ascending within a bucket). The
   * bucket count follows the number of names; when they have grown fourfold since the last
   * filing, every live name is filed anew under the larger count.
   */
  #compactPairs() {
    const dead = this.#dead;
    let rows = this.#pairRows;
    const buckets = Math.min(PAIR_MAX_BUCKETS, Math.max(PAIR_MIN_BUCKETS, 2 ** Math.ceil(Math.log2(this.#liveEntries * 2 + 1))));
    if (this.#pairStart && buckets > (this.#pairMask + 1) * 4) {
      this.#pairRows = rows = { bucket: new U32(), entry: new U32() };
      this.#pairStart = undefined;
      this.#pairLate.clear();
      for (const person of this.#persons) {
        let k = 0;
        for (const n of person.names.length ? person.entry.names : []) {
          const tokens = nameTokens(n.value);
          if (tokens.length) this.#filePairs(tokens, person.names[k++]);
        }
      }
      this.#pairMask = buckets - 1;
    } else if (this.#pairStart) {
      // what was filed before, and what came since, become rows again (already under the mask)
      const start = this.#pairStart;
      for (let b = 0; b <= this.#pairMask; b++) {
        for (let x = start[b]; x < start[b + 1]; x++) {
          rows.bucket.push(b);
          rows.entry.push(this.#pairPost[x]);
        }
        const late = this.#pairLate.get(b);
        if (late) for (const e of late) (rows.bucket.push(b), rows.entry.push(e));
      }
      this.#pairLate.clear();
    } else this.#pairMask = buckets - 1;
    const mask = this.#pairMask;
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
    this.#pairStart = start;
    this.#pairPost = post;
    this.#pairRows = { bucket: new U32(), entry: new U32() };
  }

  /**
   * The keys a part is known by in pairs: its clusters and skeletons (its spelling when it has
   * neither), as key ids.
   */
  #pairIdentities(t: NameToken, filing: boolean): number[] {
    let ids = this.#pairIdsOf.get(t.fold);
    if (ids === undefined) {
      const keys = this.knowledge.clustersOf(t.fold).map((c) => `c${c}`);
      if (t.article) for (const c of this.knowledge.clustersOf(t.fold.slice(2))) keys.push(`c${c}`);
      for (const sk of t.skeletons) keys.push(`s${sk}`);
      // ould Ahmed pairs as Ahmed too (before its own skeletons, should the keys be too many)
      const father = patronymToken(t);
      if (father) keys.unshift(...this.knowledge.clustersOf(father.fold).map((c) => `c${c}`), ...father.skeletons.map((sk) => `s${sk}`));
      if (keys.length === 0) keys.push(`f${t.fold}`);
      const chosen = [...new Set(keys)].slice(0, MAX_PAIR_IDENTITIES);
      // a query looks keys up and never adds any: a key no name has pairs with nothing
      if (!filing) return chosen.map((k) => this.#keyId.get(k)).filter((id) => id !== undefined);
      ids = chosen.map((k) => this.#intern(k));
      if (this.#pairIdsOf.size >= KEY_IDS_MEMO_SIZE) this.#pairIdsOf.clear();
      this.#pairIdsOf.set(t.fold, ids);
    }
    return ids;
  }

  /** Pair identities per distinct folded part (interned: every id a name was filed under). */
  #pairIdsOf = new Map<string, number[]>();

  /**
   * The pairs of identities of two parts (in either order): as 32-bit hashes while the rows wait
   * for their first filing, as buckets once filed.
   */
  #pairBuckets(a: NameToken, b: NameToken, into: Set<number>, filing: boolean) {
    this.#pairBucketsOf(this.#pairIdentities(a, filing), this.#pairIdentities(b, filing), into);
  }

  #pairBucketsOf(xa: number[], ya: number[], into: Set<number>) {
    const mask = this.#pairStart ? this.#pairMask : 0xffffffff;
    for (const x of xa) for (const y of ya) into.add((pairHash(x, y) & mask) >>> 0);
  }

  #filePairs(tokens: NameToken[], e: number) {
    if (tokens.length < 2) return;
    const buckets = this.#bucketScratch;
    buckets.clear();
    const n = Math.min(tokens.length, MAX_PAIR_PARTS);
    const ids: number[][] = [];
    for (let i = 0; i < n; i++) ids.push(this.#pairIdentities(tokens[i], true));
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) this.#pairBucketsOf(ids[i], ids[j], buckets);
    for (const b of buckets) {
      if (this.#pairStart) {
        let late = this.#pairLate.get(b);
        if (!late) this.#pairLate.set(b, (late = []));
        late.push(e);
      } else {
        this.#pairRows.bucket.push(b);
        this.#pairRows.entry.push(e);
      }
    }
  }

  #bucketScratch = new Set<number>();
  #keyScratchSet = new Set<number>();

  #keyEnd(e: number): number {
    return e + 1 < this.#entryPerson.n ? this.#entryKeyStart.a[e + 1] : this.#entryKeys.n;
  }

  #tokenKeys(t: NameToken): string[] {
    const keys = [`f${t.fold}`];
    for (const c of this.knowledge.clustersOf(t.fold)) keys.push(`c${c}`);
    if (t.article) for (const c of this.knowledge.clustersOf(t.fold.slice(2))) keys.push(`c${c}`);
    for (const s of t.skeletons) keys.push(`s${s}`);
    if (t.stem) keys.push(`p${t.stem}`);
    // ould Ahmed is also filed under the father's name, on a key of its own (b): a query for
    // Ahmed looks there, and the lists of Ahmed and its variants stay as long as they were
    if (t.patronym !== undefined) keys.push(`b${t.patronym}`);
    return keys;
  }

  /**
   * The key ids of a part, interned once per distinct part: a million names repeat a few tens of
   * thousands of parts, and building their key strings is most of the cost of adding a name.
   */
  #tokenKeyIds(t: NameToken): number[] {
    const memo = t.stem === undefined ? t.fold : `${t.fold}\u0002${t.stem}`;
    let ids = this.#keyIdsOf.get(memo);
    if (ids === undefined) {
      ids = [...new Set(this.#tokenKeys(t).map((k) => this.#intern(k)))];
      this.#remember(memo, ids);
    }
    return ids;
  }

  #remember(memo: string, ids: number[]) {
    if (this.#keyIdsOf.size >= KEY_IDS_MEMO_SIZE) this.#keyIdsOf.clear();
    this.#keyIdsOf.set(memo, ids);
  }

  /** Key ids per distinct part (and per adjacent pair of parts); ids never change once interned. */
  #keyIdsOf = new Map<string, number[]>();

  #intern(key: string): number {
    let id = this.#keyId.get(key);
    if (id === undefined) {
      id = this.#postings.length;
      this.#keyId.set(key, id);
      this.#postings.push([]);
      this.#df.push(0);
    }
    return id;
  }

  /** How common a name part is among the names (variants counted together). */
  #dfOf(t: NameToken): number {
    const memo = this.#dfMemo.get(t.fold);
    if (memo !== undefined) return memo;
    let df = Math.max(this.#df[this.#keyId.get(`f${t.fold}`) ?? -1] ?? 0, this.#df[this.#keyId.get(`p${t.fold}`) ?? -1] ?? 0);
    for (const c of this.knowledge.clustersOf(t.fold)) df = Math.max(df, this.#df[this.#keyId.get(`c${c}`) ?? -1] ?? 0);
    if (this.#dfMemo.size >= DF_MEMO_SIZE) this.#dfMemo.clear();
    this.#dfMemo.set(t.fold, df);
    return df;
  }

  /** Frequencies of name parts looked up by queries and explanations; emptied by every change. */
  #dfMemo = new Map<string, number>();

  #skeletonDf(t: NameToken): number {
    let df = 0;
    for (const s of t.skeletons) df = Math.max(df, this.#df[this.#keyId.get(`s${s}`) ?? -1] ?? 0);
    return df;
  }

  /**
   * Rarity weight. A part nobody on the list is called is most likely a misspelling or another
   * rendering of a name that is there: it weighs as much as its typo neighbours and sound-alikes
   * (else it would outweigh every real part and alone decide the candidates).
   */
  #weight(t: NameToken, estimatedDf = 0): number {
    // ould Ahmed is as common as Ahmed: it meets every Ahmed
    const father = patronymToken(t);
    const df = Math.max(this.#dfOf(t), father ? this.#dfOf(father) : 0, estimatedDf);
    return Math.log(1 + (this.#liveEntries + 1) / (df + 1));
  }

  /** The keys a query part may meet, each with the score that meeting it is worth. */
  #expand(tokens: NameToken[], i: number): Expansion {
    const t = tokens[i];
    const out: Expansion = new Map();
    out.checkOnly = new Set();
    out.estimatedDf = 0;
    const put = (key: string, s: number, checkOnly = false) => {
      const id = this.#keyId.get(key);
      if (id === undefined || (out.get(id) ?? 0) >= s) return;
      out.set(id, s);
      if (checkOnly) out.checkOnly!.add(id);
      else out.checkOnly!.delete(id);
    };
    put(`f${t.fold}`, TOKEN_SCORES.exact);
    put(`p${t.fold}`, TOKEN_SCORES.particle);
    const clusters = [...this.knowledge.clustersOf(t.fold), ...(t.article ? this.knowledge.clustersOf(t.fold.slice(2)) : [])];
    for (const c of clusters) put(`c${c}`, TOKEN_SCORES.variant);
    // the quick score assumes the kinder cross-script value; the full alignment decides.
    // One- and two-consonant skeletons (Youssef: SF) match half the list: when the dictionary
    // knows the part they only add to candidates found otherwise (or when nothing else is found).
    for (const s of t.skeletons) put(`s${s}`, phoneticScore(s.length, true), s.length <= 2 && clusters.length > 0);
    const known = this.#keyId.has(`f${t.fold}`) || this.#keyId.has(`p${t.fold}`) || clusters.length > 0;
    // a known part is looked at for typos only when it is rare (a common name is seldom a typo)
    const rareKnown = known && t.script === 'latin' && this.#dfOf(t) <= Math.max(20, this.#liveEntries / 1000);
    if (t.fold.length >= 4 && t.script !== 'other' && (!known || rareKnown)) {
      // typo neighbours (one edit, or doubled letters written once), found in the vocabulary,
      // not by scanning. Also for parts the list knows: at a million names a mistyped name is
      // often someone else's real one, and the typo must compete with the sound-alikes.
      // A common neighbour of a known part only adds to candidates found otherwise.
      const dedup = undoubled(t.fold);
      if (dedup !== t.fold) put(`f${dedup}`, TOKEN_SCORES.doubled);
      // each neighbour in the vocabulary once, in the order edits1 lists them
      for (const key of this.#neighbours('f', t.fold, t.script === 'arabic' ? ARABIC_ALPHABET : LATIN_ALPHABET, MAX_TYPO_EXPANSIONS)) {
        const id = this.#keyId.get(key)!;
        const s = undoubled(key.slice(1)) === dedup ? TOKEN_SCORES.doubled : TOKEN_SCORES.typo1;
        put(key, s, known && this.#df[id] > Math.max(KNOWN_TYPO_GENERATES, this.#liveEntries / 200));
        if (!known) out.estimatedDf = Math.max(out.estimatedDf ?? 0, this.#df[id]);
      }
    }
    if (!known) {
      for (const s of t.skeletons) {
        out.estimatedDf = Math.max(out.estimatedDf, this.#df[this.#keyId.get(`s${s}`) ?? -1] ?? 0);
        if (s.length < 4) continue;
        const score = phoneticScore(s.length) - 0.2;
        for (const key of this.#neighbours('s', s, SKELETON_ALPHABET, Infinity)) put(key, score);
      }
    }
    // Ahmed meets ould Ahmed, and ould Ahmed meets Ahmed and its variants, a little below what
    // Ahmed would
    const f = TOKEN_SCORES.patronymOneSide;
    // (lower in the quick score than in the alignment: the names that hold Ahmed itself must not
    // lose their place in the shortlist to the many that hold ben Ahmed)
    put(`b${t.fold}`, TOKEN_SCORES.particle);
    const father = patronymToken(t);
    if (father) {
      put(`f${father.fold}`, f);
      put(`b${father.fold}`, TOKEN_SCORES.variant);
      for (const c of this.knowledge.clustersOf(father.fold)) put(`c${c}`, TOKEN_SCORES.variant * f);
    }
    this.#joinedKeys(tokens, i, put);
    const splits = this.#splitBuckets(t);
    if (splits.length) out.splits = splits;
    return out;
  }

  /**
   * The keys one edit from `kind + base` that some name has, in the order edits1 lists them, at
   * most `limit`. Remembered per part until the vocabulary grows (a key is never forgotten, so
   * only a new key can add a neighbour): a query's parts are mostly parts queried before.
   */
  #neighbours(kind: 'f' | 's', base: string, alphabet: string, limit: number): string[] {
    if (this.#neighbourVocabulary !== this.#keyId.size) {
      this.#neighbourMemo.clear();
      this.#neighbourVocabulary = this.#keyId.size;
    }
    const self = kind + base;
    let found = this.#neighbourMemo.get(self);
    if (found) return found;
    const out: string[] = [];
    forEachEdit1(base, alphabet, kind, (key) => {
      if (key === self || !this.#keyId.has(key) || out.includes(key)) return false;
      out.push(key);
      return out.length >= limit;
    });
    found = out;
    if (this.#neighbourMemo.size >= NEIGHBOUR_MEMO_SIZE) this.#neighbourMemo.clear();
    this.#neighbourMemo.set(self, found);
    return found;
  }

  #neighbourMemo = new Map<string, string[]>();
  #neighbourVocabulary = -1;

  /**
   * A part that may be two parts written without a space (Mohamedali, AbdellatifHammouchi,
   * محمدعلي): every cut into two parts the list or the dictionary knows, as the pair-index
   * buckets of those two parts. Empty before the first compact().
   */
  #splitBuckets(t: NameToken): Split[] {
    if (!this.#pairStart || t.fold.length < 6 || t.script === 'other') return [];
    const known = (f: string) => this.#keyId.has(`f${f}`) || this.knowledge.clustersOf(f).length > 0;
    const out: Split[] = [];
    for (let k = 3; k <= t.fold.length - 3; k++) {
      const left = t.fold.slice(0, k);
      const right = t.fold.slice(k);
      if (!known(left) || !known(right)) continue;
      const [l, r] = [makeToken(left, left), makeToken(right, right)];
      const buckets = new Set<number>();
      this.#pairBuckets(l, r, buckets, false);
      out.push({ buckets: [...buckets], left: this.#pairIdentities(l, false), right: this.#pairIdentities(r, false) });
    }
    return out;
  }

  /**
   * The names filed under a split's buckets that hold both halves (a bucket is shared by every
   * pair that hashes to it: the others are not this name written in two).
   */
  #forSplit(split: Split, fn: (e: number) => void) {
    const ek = this.#entryKeys.a;
    const starts = this.#entryKeyStart.a;
    const last = this.#entryPerson.n - 1;
    const holds = (e: number, ids: number[]) => {
      const end = e < last ? starts[e + 1] : this.#entryKeys.n;
      for (let x = starts[e]; x < end; x++) if (ids.includes(ek[x])) return true;
      return false;
    };
    for (const b of split.buckets) this.#forBucket(b, (e) => holds(e, split.left) && holds(e, split.right) && fn(e));
  }

  /** The entries of a pair-index bucket, filed and late, one by one. */
  #forBucket(b: number, fn: (e: number) => void) {
    const start = this.#pairStart!;
    const post = this.#pairPost;
    for (let x = start[b]; x < start[b + 1]; x++) fn(post[x]);
    const late = this.#pairLate.get(b);
    if (late) for (const e of late) fn(e);
  }

  /**
   * "Mohamed Ali" may be written "Mohamedali", "ما يشو" for "Maychou": the joined form is a key
   * of both parts it joins.
   */
  #joinedKeys(tokens: NameToken[], i: number, put: (key: string, s: number) => void) {
    for (const [a, b] of [[i, i + 1], [i - 1, i]]) {
      if (a < 0 || b >= tokens.length) continue;
      const j = joinTokens(tokens[a], tokens[b]);
      put(`f${j.fold}`, TOKEN_SCORES.joined);
      for (const c of this.knowledge.clustersOf(j.fold)) put(`c${c}`, TOKEN_SCORES.joined);
      // by sound only when one of the two is a fragment (ما يشو / Maychou) or a compound element
      // (عتيق الله / Atiqullah), as the alignment has it: two whole names that sound like a
      // third (Ousama Ali / Samuel) are not one name
      if (!mayJoinBySound(tokens[a], tokens[b])) continue;
      for (const s of j.skeletons) if (s.length >= 2) put(`s${s}`, TOKEN_SCORES.joined);
    }
  }

  #keyScores = new Float32Array(0);

  #keyScratch(): Float32Array {
    if (this.#keyScores.length < this.#postings.length) this.#keyScores = new Float32Array(this.#postings.length * 2);
    return this.#keyScores;
  }

  #ensureScratch() {
    if (this.#slotStamp.length >= this.#persons.length) return;
    const size = Math.max(1024, this.#persons.length * 2);
    this.#slotStamp = new Int32Array(size);
    this.#slotFacts = new Float64Array(size);
  }

  search(q: PersonQuery, opts: SearchOptions = {}): PersonMatch[] {
    const limit = Math.max(1, Math.min(opts.limit ?? 10, 100));
    const tokens = nameTokens(q.name);
    if (tokens.length === 0 || this.#liveEntries === 0) return [];
    if (!this.#postingsBuilt) this.compact();
    if (!this.#pairStart) this.#compactPairs();
    this.#ensureScratch();
    if (this.#stamp > 2 ** 30 / 64) {
      this.#cand.resetStamps();
      this.#slotStamp.fill(0);
      this.#stamp = 0;
    }
    // the stamp of this query's marks; the pair path, when it finds too little, starts afresh with a new one
    let qs = ++this.#stamp;
    const expansions = tokens.map((_, i) => this.#expand(tokens, i));
    const weights = tokens.map((t, i) => this.#weight(t, expansions[i].estimatedDf));
    const total = weights.reduce((a, b) => a + b, 0);


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
    cand.direct(this.#entryPerson.n, this.#directMax);
    cand.begin(qs);
    const postings = this.#postings;
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
        this.#forSplit(split, (e) => {
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
          const ek = this.#entryKeys.a;
          const starts = this.#entryKeyStart.a;
          const last = this.#entryPerson.n - 1;
          const lastEnd = this.#entryKeys.n;
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
    const pairs = this.#pairStart !== undefined && tokens.length >= 2 && essential.every((i) => work(i) > PAIR_PATH_WORK);
    let viaPairs = false;
    if (pairs) {
      this.#meetPairs(tokens);
      const heavy = [...essential];
      essential.length = 0;
      creditOthers();
      viaPairs = countPassing(want) >= want;
      if (!viaPairs) {
        // each part is credited once per entry: what the pairs found is forgotten, not credited twice
        essential.push(...heavy);
        qs = ++this.#stamp;
        cand.begin(qs);
      }
    }
    if (viaPairs) this.plans.pairs++;
    else this.plans.walks++;
    if (!viaPairs) {
      for (const i of essential) {
        generate(i, false);
        generated.add(i);
      }
      // Few found: the names that hold two of the query's parts are candidates too (Uzzi Ala /
      // Uzi Alaa: two one-consonant skeletons, each of which alone meets half the list)
      if (!pairs && tokens.length >= 2 && cand.n < want * 4) this.#meetPairs(tokens);
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

    // Date of birth, nationality and gender count before the cut: among a thousand persons of
    // the same name, the one born that day must reach the shortlist.
    const nationality = q.nationality ? toAlpha3(q.nationality) : undefined;
    const { acc, order: slots, key: entryOfSlot } = cand;
    const nMet = cand.n;
    let rank = acc;
    let rankBar = bar;
    if (q.birthDate || nationality || q.gender) {
      rank = cand.rank;
      rankBar = 0;
      const ep = this.#entryPerson.a;
      const slotStamp = this.#slotStamp;
      const slotFacts = this.#slotFacts;
      const facts = this.#facts;
      const prepared = prepareFacts(q.birthDate, nationality, q.gender);
      const entryOf = (slot: number) => this.#persons[slot].entry;
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
    for (const s of passing) {
      if (shortlist.length >= want) break;
      const e = entryOfSlot[s];
      const slot = this.#entryPerson.a[e];
      if (taken.has(slot) || this.#dead.has(e)) continue;
      taken.add(slot);
      if (opts.filter && !opts.filter(this.#persons[slot].entry.id)) continue;
      shortlist.push([slot, e]);
    }

    const memo: PairMemo = [];
    const matches = shortlist.map(([slot]) => this.#explain(tokens, weights, this.#persons[slot], q, nationality, memo));
    matches.sort((a, b) => b.score - a.score);
    return matches.slice(0, limit);
  }

  /** Meets every name filed under a pair of the query's parts (with nothing credited yet). */
  #meetPairs(tokens: NameToken[]) {
    const start = this.#pairStart!;
    const post = this.#pairPost;
    const buckets = new Set<number>();
    // a name files its first five parts; a query may give them in another order, so it looks one part further
    const n = Math.min(tokens.length, MAX_PAIR_PARTS + 1);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) this.#pairBuckets(tokens[i], tokens[j], buckets, false);
    const cand = this.#cand;
    for (const b of buckets) {
      cand.reserve(start[b + 1] - start[b]);
      for (let x = start[b]; x < start[b + 1]; x++) cand.meet(post[x]);
      const late = this.#pairLate.get(b);
      if (late) for (const e of late) cand.meet(e);
    }
  }

  #explain(tokens: NameToken[], weights: number[], person: Person, q: PersonQuery, nationality: string | undefined, memo: PairMemo): PersonMatch {
    const p = person.entry;
    let best: { n: PersonEntry['names'][number]; alignment: Alignment; rTokens: NameToken[] } | undefined;
    let k = 0;
    for (const n of p.names) {
      const rTokens = nameTokens(n.value, true);
      if (rTokens.length === 0) continue;
      // a name that shares no key with the query (never met by this query) cannot be the best one
      if (this.#cand.find(person.names[k++]) < 0) continue;
      const rWeights = rTokens.map((t) => this.#weight(t));
      const a = align(this.knowledge, tokens, weights, rTokens, rWeights, memo);
      if (!best || a.nameScore > best.alignment.nameScore) best = { n, alignment: a, rTokens };
    }
    const b = { ...best!, a: explainAlignment(best!.alignment, tokens, weights, best!.rTokens) };
    // how many people of this name the list would hold by chance
    let expected = this.#livePersons;
    // a part matched only by its sound is as common as every name that sounds like it
    b.a.tokens.forEach((t, i) => {
      if (t.matched === null) return;
      const df = t.how === 'phonetic' ? Math.max(this.#dfOf(tokens[i]), this.#skeletonDf(tokens[i])) : this.#dfOf(tokens[i]);
      expected *= Math.min(1, (df + 1) / (this.#liveEntries + 1));
    });
    const penalty = commonNamePenalty(expected);
    const birthDate = birthDateEffect(q.birthDate, p.birthDates);
    const nat = nationalityEffect(nationality, p.nationalities);
    const gender = genderEffect(q.gender, p.gender);
    const score = round(Math.max(0, Math.min(1, b.a.nameScore - penalty + birthDate.delta + nat.delta + gender.delta)));
    return {
      id: p.id,
      score,
      alert: score >= ALERT_THRESHOLD,
      matchedName: b.n.value,
      explanation: {
        matchedName: { value: b.n.value, type: b.n.type ?? 'primary', script: b.n.script ?? (b.rTokens[0].script === 'arabic' ? 'Arab' : 'Latn') },
        nameScore: round(b.a.nameScore),
        commonNamePenalty: round(penalty),
        tokens: b.a.tokens,
        unmatchedRecordTokens: b.a.unmatchedRecordTokens,
        birthDate,
        nationality: nat,
        gender,
      },
    };
  }
}
