import type { NameKnowledge } from './knowledge.ts';
import { type NameToken, patronymToken } from './tokens.ts';
import { U32 } from './u32.ts';

const DF_MEMO_SIZE = 100_000;

/**
 * A 32-bit hash (FNV-1a) of a name's folded parts in order: equal for two names that are the same
 * after folding (case, diacritics, Arabic letter variants, spacing), so that the shortlist can
 * tell the exact name from the many that hold its parts. Two names of one hash are only ranked
 * alike before the cut: the full alignment decides what is exact (see explainPerson).
 */
export function nameHash(tokens: readonly NameToken[]): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < tokens.length; i++) {
    const f = tokens[i].fold;
    for (let c = 0; c < f.length; c++) h = Math.imul(h ^ f.charCodeAt(c), 0x01000193);
    h = Math.imul(h ^ 1, 0x01000193);
  }
  return h >>> 0;
}
export const KEY_IDS_MEMO_SIZE = 500_000;

/**
 * The keys of the person index and the names filed under them. Every name of every person is an
 * entry; each entry's parts are indexed under their folded form (f), their spelling-variant
 * clusters (c), their consonant skeletons (s), the name after an Abd- particle (p) and the
 * father's name after ben/ould (b). Keys are interned to ids; each entry records its key ids
 * (entryKeys from entryKeyStart) and each key its entries (postings), with how many live entries
 * hold it (df), which gives a part its rarity weight.
 *
 * The fields are the index's working memory, read directly by its hot loops (candidate step,
 * pair index, expansion): only the person index and its parts use this class.
 */
export class NamePostings {
  readonly knowledge: NameKnowledge;
  keyId = new Map<string, number>();
  /** Entry ids per key, ascending; frozen into typed arrays by freeze(), thawed on the next add. */
  postings: Array<number[] | Uint32Array> = [];
  df: number[] = [];
  entryPerson = new U32();
  entryKeyStart = new U32();
  entryKeys = new U32();
  /** per entry: nameHash of its parts */
  entryName = new U32();
  dead = new Set<number>();
  liveEntries = 0;
  /** Whether posting lists exist (after the first compact()); until then names only record their keys. */
  built = false;

  constructor(knowledge: NameKnowledge) {
    this.knowledge = knowledge;
  }

  /** Files a name of the person in `slot` under the keys of its parts; returns its entry id. */
  addEntry(slot: number, tokens: NameToken[]): number {
    const e = this.entryPerson.n;
    this.entryPerson.push(slot);
    this.entryKeyStart.push(this.entryKeys.n);
    this.entryName.push(nameHash(tokens));
    const keys = this.#keyScratchSet;
    keys.clear();
    // two parts written as one ("Benali Tazi" for "Ben Ali Tazi") need no keys of their own:
    // the query's part is split and met through the pair index (QueryExpander's splits)
    for (const t of tokens) for (const key of this.tokenKeyIds(t)) keys.add(key);
    for (const k of keys) {
      this.entryKeys.push(k);
      this.df[k]++;
      // a bulk load files nothing yet: compact() turns the names' keys into posting lists at once
      if (!this.built) continue;
      let list = this.postings[k];
      if (list instanceof Uint32Array) this.postings[k] = list = Array.from(list);
      list.push(e);
    }
    this.liveEntries++;
    return e;
  }

  /** Marks an entry removed: its keys count it no more (its postings go at the next freeze()). */
  removeEntry(e: number): void {
    this.dead.add(e);
    const end = this.keyEnd(e);
    for (let i = this.entryKeyStart.a[e]; i < end; i++) this.df[this.entryKeys.a[i]]--;
  }

  #keyScratchSet = new Set<number>();

  /**
   * The first filing: every live name's keys (entryKeys) turned into posting lists (a counting
   * sort by key, so names stay ascending in each list), all in one typed buffer. A bulk load
   * builds no list name by name: a million names would leave tens of millions of postings in
   * growing arrays for the garbage collector to walk.
   */
  build(): void {
    const keys = this.postings.length;
    const start = new Uint32Array(keys + 1);
    const ek = this.entryKeys.a;
    const starts = this.entryKeyStart.a;
    const n = this.entryPerson.n;
    const dead = this.dead;
    for (let e = 0; e < n; e++) {
      if (dead.has(e)) continue;
      const end = this.keyEnd(e);
      for (let x = starts[e]; x < end; x++) start[ek[x] + 1]++;
    }
    for (let k = 0; k < keys; k++) start[k + 1] += start[k];
    const post = new Uint32Array(start[keys]);
    const fill = start.slice(0, keys);
    for (let e = 0; e < n; e++) {
      if (dead.has(e)) continue;
      const end = this.keyEnd(e);
      for (let x = starts[e]; x < end; x++) post[fill[ek[x]]++] = e;
    }
    for (let k = 0; k < keys; k++) this.postings[k] = post.subarray(start[k], start[k + 1]);
    this.built = true;
  }

  /**
   * Freezes the lists that names added since have thawed into typed arrays, without the removed
   * names: 4 bytes a posting instead of 8, and nothing for the garbage collector to walk.
   */
  freeze(): void {
    for (let k = 0; k < this.postings.length; k++) {
      const list = this.postings[k];
      const live = this.dead.size ? Array.prototype.filter.call(list, (e: number) => !this.dead.has(e)) as number[] : list;
      this.postings[k] = live instanceof Uint32Array ? live : Uint32Array.from(live);
    }
  }

  /**
   * A posting list that holds every name made of exactly these parts: the shortest of their
   * folded keys' lists (every part files its folded key). Undefined when some part is on no name.
   */
  exactNameList(tokens: readonly NameToken[]): ArrayLike<number> | undefined {
    let best: ArrayLike<number> | undefined;
    for (const t of tokens) {
      const id = this.keyId.get(`f${t.fold}`);
      if (id === undefined) return undefined;
      const list = this.postings[id];
      if (!best || list.length < best.length) best = list;
    }
    return best;
  }

  keyEnd(e: number): number {
    return e + 1 < this.entryPerson.n ? this.entryKeyStart.a[e + 1] : this.entryKeys.n;
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
  tokenKeyIds(t: NameToken): number[] {
    const memo = t.stem === undefined ? t.fold : `${t.fold}\u0002${t.stem}`;
    let ids = this.#keyIdsOf.get(memo);
    if (ids === undefined) {
      ids = [...new Set(this.#tokenKeys(t).map((k) => this.intern(k)))];
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

  intern(key: string): number {
    let id = this.keyId.get(key);
    if (id === undefined) {
      id = this.postings.length;
      this.keyId.set(key, id);
      this.postings.push([]);
      this.df.push(0);
    }
    return id;
  }

  /** How common a name part is among the names (variants counted together). */
  dfOf(t: NameToken): number {
    const memo = this.#dfMemo.get(t.fold);
    if (memo !== undefined) return memo;
    let df = Math.max(this.df[this.keyId.get(`f${t.fold}`) ?? -1] ?? 0, this.df[this.keyId.get(`p${t.fold}`) ?? -1] ?? 0);
    for (const c of this.knowledge.clustersOf(t.fold)) df = Math.max(df, this.df[this.keyId.get(`c${c}`) ?? -1] ?? 0);
    if (this.#dfMemo.size >= DF_MEMO_SIZE) this.#dfMemo.clear();
    this.#dfMemo.set(t.fold, df);
    return df;
  }

  /** Frequencies of name parts looked up by queries and explanations; emptied by every change (see changed()). */
  #dfMemo = new Map<string, number>();

  /** A person is about to be added or removed: the remembered frequencies no longer hold. */
  changed(): void {
    if (this.#dfMemo.size) this.#dfMemo.clear();
  }

  skeletonDf(t: NameToken): number {
    let df = 0;
    for (const s of t.skeletons) df = Math.max(df, this.df[this.keyId.get(`s${s}`) ?? -1] ?? 0);
    return df;
  }

  /**
   * Rarity weight. A part nobody on the list is called is most likely a misspelling or another
   * rendering of a name that is there: it weighs as much as its typo neighbours and sound-alikes
   * (else it would outweigh every real part and alone decide the candidates).
   */
  weight(t: NameToken, estimatedDf = 0): number {
    // ould Ahmed is as common as Ahmed: it meets every Ahmed
    const father = patronymToken(t);
    const df = Math.max(this.dfOf(t), father ? this.dfOf(father) : 0, estimatedDf);
    return Math.log(1 + (this.liveEntries + 1) / (df + 1));
  }
}
