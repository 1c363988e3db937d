import type { NameKnowledge } from './knowledge.ts';
import type { PairIndex, Split } from './pair-index.ts';
import type { NamePostings } from './postings.ts';
import { phoneticScore, TOKEN_SCORES } from './score.ts';
import { ARABIC_ALPHABET, forEachEdit1, LATIN_ALPHABET, SKELETON_ALPHABET, undoubled } from './similarity.ts';
import { joinTokens, makeToken, mayJoinBySound, type NameToken, patronymToken } from './tokens.ts';

/**
 * Keys a query part may meet with their scores; check-only keys never bring candidates in.
 * `splits`: pair-index buckets of the two parts a part written without its space may stand for
 * ("Mohamedali": Mohamed, Ali), met at the joined score.
 */
export type Expansion = Map<number, number> & { checkOnly?: Set<number>; estimatedDf?: number; splits?: Split[] };

const MAX_TYPO_EXPANSIONS = 40;
/** A typo neighbour of a known part brings candidates in only if it is no more common than this (or 0.5 % of the names). */
const KNOWN_TYPO_GENERATES = 200;
/** Query parts whose vocabulary neighbours are remembered. */
const NEIGHBOUR_MEMO_SIZE = 50_000;

/**
 * What a query part may meet in the index: its own keys, its spelling variants, its typo
 * neighbours found in the vocabulary (not by scanning), its sound-alikes, the father's name of
 * ben/ould, its joins with the next or previous part, and its cuts into two known parts.
 */
export class QueryExpander {
  readonly #knowledge: NameKnowledge;
  readonly #store: NamePostings;
  readonly #pairs: PairIndex;

  constructor(knowledge: NameKnowledge, store: NamePostings, pairs: PairIndex) {
    this.#knowledge = knowledge;
    this.#store = store;
    this.#pairs = pairs;
  }

  /** The keys a query part may meet, each with the score that meeting it is worth. */
  expand(tokens: NameToken[], i: number): Expansion {
    const store = this.#store;
    const t = tokens[i];
    const out: Expansion = new Map();
    out.checkOnly = new Set();
    out.estimatedDf = 0;
    const put = (key: string, s: number, checkOnly = false) => {
      const id = store.keyId.get(key);
      if (id === undefined || (out.get(id) ?? 0) >= s) return;
      out.set(id, s);
      if (checkOnly) out.checkOnly!.add(id);
      else out.checkOnly!.delete(id);
    };
    put(`f${t.fold}`, TOKEN_SCORES.exact);
    put(`p${t.fold}`, TOKEN_SCORES.particle);
    const clusters = [...this.#knowledge.clustersOf(t.fold), ...(t.article ? this.#knowledge.clustersOf(t.fold.slice(2)) : [])];
    for (const c of clusters) put(`c${c}`, TOKEN_SCORES.variant);
    // the quick score assumes the kinder cross-script value; the full alignment decides.
    // One- and two-consonant skeletons (Youssef: SF) match half the list: when the dictionary
    // knows the part they only add to candidates found otherwise (or when nothing else is found).
    for (const s of t.skeletons) put(`s${s}`, phoneticScore(s.length, true), s.length <= 2 && clusters.length > 0);
    const known = store.keyId.has(`f${t.fold}`) || store.keyId.has(`p${t.fold}`) || clusters.length > 0;
    // a known part is looked at for typos only when it is rare (a common name is seldom a typo)
    const rareKnown = known && t.script === 'latin' && store.dfOf(t) <= Math.max(20, store.liveEntries / 1000);
    if (t.fold.length >= 4 && t.script !== 'other' && (!known || rareKnown)) {
      // typo neighbours (one edit, or doubled letters written once), found in the vocabulary,
      // not by scanning. Also for parts the list knows: at a million names a mistyped name is
      // often someone else's real one, and the typo must compete with the sound-alikes.
      // A common neighbour of a known part only adds to candidates found otherwise.
      const dedup = undoubled(t.fold);
      if (dedup !== t.fold) put(`f${dedup}`, TOKEN_SCORES.doubled);
      // each neighbour in the vocabulary once, in the order edits1 lists them
      for (const key of this.#neighbours('f', t.fold, t.script === 'arabic' ? ARABIC_ALPHABET : LATIN_ALPHABET, MAX_TYPO_EXPANSIONS)) {
        const id = store.keyId.get(key)!;
        const s = undoubled(key.slice(1)) === dedup ? TOKEN_SCORES.doubled : TOKEN_SCORES.typo1;
        put(key, s, known && store.df[id] > Math.max(KNOWN_TYPO_GENERATES, store.liveEntries / 200));
        if (!known) out.estimatedDf = Math.max(out.estimatedDf ?? 0, store.df[id]);
      }
    }
    if (!known) {
      for (const s of t.skeletons) {
        out.estimatedDf = Math.max(out.estimatedDf, store.df[store.keyId.get(`s${s}`) ?? -1] ?? 0);
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
      for (const c of this.#knowledge.clustersOf(father.fold)) put(`c${c}`, TOKEN_SCORES.variant * f);
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
    const keyId = this.#store.keyId;
    if (this.#neighbourVocabulary !== keyId.size) {
      this.#neighbourMemo.clear();
      this.#neighbourVocabulary = keyId.size;
    }
    const self = kind + base;
    let found = this.#neighbourMemo.get(self);
    if (found) return found;
    const out: string[] = [];
    forEachEdit1(base, alphabet, kind, (key) => {
      if (key === self || !keyId.has(key) || out.includes(key)) return false;
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
    if (!this.#pairs.filed || t.fold.length < 6 || t.script === 'other') return [];
    const known = (f: string) => this.#store.keyId.has(`f${f}`) || this.#knowledge.clustersOf(f).length > 0;
    const out: Split[] = [];
    for (let k = 3; k <= t.fold.length - 3; k++) {
      const left = t.fold.slice(0, k);
      const right = t.fold.slice(k);
      if (!known(left) || !known(right)) continue;
      const [l, r] = [makeToken(left, left), makeToken(right, right)];
      const buckets = new Set<number>();
      this.#pairs.buckets(l, r, buckets, false);
      out.push({ buckets: [...buckets], left: this.#pairs.identities(l, false), right: this.#pairs.identities(r, false) });
    }
    return out;
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
      for (const c of this.#knowledge.clustersOf(j.fold)) put(`c${c}`, TOKEN_SCORES.joined);
      // by sound only when one of the two is a fragment (ما يشو / Maychou) or a compound element
      // (عتيق الله / Atiqullah), as the alignment has it: two whole names that sound like a
      // third (Ousama Ali / Samuel) are not one name
      if (!mayJoinBySound(tokens[a], tokens[b])) continue;
      for (const s of j.skeletons) if (s.length >= 2) put(`s${s}`, TOKEN_SCORES.joined);
    }
  }
}
