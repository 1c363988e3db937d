import { arabicSegments, latinSkeletons, type Segments } from './skeleton.ts';

export type Script = 'latin' | 'arabic' | 'other';

/** One part of a name, ready for matching. */
export interface NameToken {
  /** As written (after joining a particle to the next part). */
  raw: string;
  /** Folded: lowercase, no diacritics, Arabic letter variants unified. */
  fold: string;
  script: Script;
  /** Consonant skeletons (several for Arabic letters with two readings, and with or without the article). */
  skeletons: string[];
  /** The part began with the article al-/el-/ال (kept, since Alaoui is al-ʿAlawi). */
  article: boolean;
  /** The skeletons with their vowels, to tell Mahmoud from Mohamed across scripts. */
  segments: Segments[];
  /** After an Abd- particle, the name it is joined to (Abdul Ghafar: ghafar), often written alone. */
  stem?: string;
  /**
   * After ben/bin/ibn/bint/ould (ولد, بن), the father's name it is joined to (Youssef ould Ahmed:
   * ahmed): the same name, often written without the particle.
   */
  patronym?: string;
}

const ABD_PARTICLES = new Set(['abd', 'abdel', 'abdul', 'abdoul', 'abdal', 'abdu', 'عبد']);
const PATRONYMIC_PARTICLES = new Set(['ben', 'bin', 'ibn', 'bent', 'bint', 'ould', 'wuld', 'بن', 'ابن', 'بنت', 'ولد']);

/** The father's name of a part joined to ben/ould, as a part of its own (its skeletons shared and cached). */
export function patronymToken(t: NameToken): NameToken | undefined {
  if (t.patronym === undefined) return undefined;
  let p = PATRONYMS.get(t.patronym);
  if (!p) {
    p = makeToken(t.patronym, t.patronym);
    if (PATRONYMS.size >= 50_000) PATRONYMS.clear();
    PATRONYMS.set(t.patronym, p);
  }
  return p;
}
const PATRONYMS = new Map<string, NameToken>();

const LATIN_FOLD_EXTRA: Record<string, string> = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ı': 'i' };
const ARABIC_FOLD: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ے': 'ي', 'ئ': 'ي', 'ؤ': 'و', 'ک': 'ك', 'ڪ': 'ك', 'ھ': 'ه', 'ہ': 'ه', 'ۀ': 'ه',
};
const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF\u0750-\u077F]/;

/**
 * Particles that belong to the next part: ben/bin/ibn Ali, Ould Ahmed, Abu Bakr, Abd al-Latif,
 * El Amrani, and European de/van/von. Joined with it, "Ben Ali" meets "Benali" and
 * "Abd al-Latif" meets "Abdellatif".
 */
const LATIN_PARTICLES = new Set([
  'ben', 'bin', 'ibn', 'bent', 'bint', 'ould', 'wuld', 'ag', 'ait', 'abu', 'abou', 'abo', 'bou', 'abd', 'abdel', 'abdul', 'abdoul', 'abdal', 'abdu',
  'el', 'al', 'ad', 'ar', 'as', 'at', 'ash', 'an', 'az', 'ed', 'er', 'es', 'ul', 'ol',
  'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'mac', 'mc',
]);
const ARABIC_PARTICLES = new Set(['بن', 'ابن', 'بنت', 'ولد', 'ابو', 'بو', 'عبد', 'ال', 'ال', 'اب', 'ابي']);

/**
 * Second elements of compound names, written apart or joined: Atiq Allah / Atiqullah,
 * Hossam al-Din / Hossameddine, عبد الله. Two parts read as one by sound hold when one of them
 * is such an element (or a fragment of two letters).
 */
const COMPOUND_ELEMENTS = new Set(['الله', 'اله', 'الدين', 'allah', 'ullah', 'ulla', 'alla', 'ollah', 'eddine', 'eddin', 'uddin', 'uddine', 'addin', 'aldin', 'eldin', 'aldeen', 'uddeen', 'deen', 'din']);

/** Two adjacent parts may be one name written in two, by sound: a fragment, or a compound element. */
export function mayJoinBySound(a: NameToken, b: NameToken): boolean {
  return Math.min(a.fold.length, b.fold.length) <= 2 || COMPOUND_ELEMENTS.has(a.fold) || COMPOUND_ELEMENTS.has(b.fold);
}

export function scriptOf(s: string): Script {
  if (ARABIC_LETTER.test(s)) return 'arabic';
  return /[a-z]/.test(s) ? 'latin' : 'other';
}

/** Folds one word: Latin to plain lowercase ASCII where possible, Arabic to base letters. */
export function foldWord(w: string): string {
  let out = FOLDS.get(w);
  if (out === undefined) {
    out = fold(w);
    if (FOLDS.size >= WORD_CACHE_SIZE) FOLDS.clear();
    FOLDS.set(w, out);
  }
  return out;
}

// A watchlist of a million names is made of some tens of thousands of distinct words: each is
// folded and cut into skeletons once, not once per name it appears in.
const WORD_CACHE_SIZE = 300_000;
const FOLDS = new Map<string, string>();

function fold(w: string): string {
  let s = w.normalize('NFKD').toLowerCase();
  s = s.replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '');
  s = s.replace(/[ßæœøłđı]/g, (c) => LATIN_FOLD_EXTRA[c] ?? c);
  s = s.replace(/[\u0621-\u06ff]/g, (c) => ARABIC_FOLD[c] ?? c);
  s = s.replace(/[٠-٩۰-۹]/g, '');
  return s.replace(/[^\p{L}]/gu, '');
}

/** Splits a name into words, as written and folded: spaces, commas, hyphens, dots, apostrophes and brackets separate. */
export function words(name: string): Array<{ raw: string; fold: string }> {
  // one pass, no regular expression: every record name goes through here when the index is built
  const s = PRINTABLE_ASCII.test(name) ? name : name.normalize('NFC');
  const out: Array<{ raw: string; fold: string }> = [];
  // the word runs from `start` to the separator, after `joined` (its parts before an apostrophe that joins)
  let start = 0;
  let joined = '';
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if (!isSeparator(c)) continue;
    // an apostrophe inside a word marks an ayn or a hamza (Sa'd, Ma'in, Naqi'a): it joins; after
    // a single letter it elides (d'Souza, l'Oranaise, O'Brien) and separates
    if (APOSTROPHES.has(c) && joined.length + i - start >= 2 && i + 1 < s.length && isLetter(s, i - 1) && isLetter(s, i - 2) && isLetter(s, i + 1)) {
      joined += s.slice(start, i);
      start = i + 1;
      continue;
    }
    const raw = joined + s.slice(start, i);
    if (raw) {
      const fold = foldWord(raw);
      if (fold) out.push({ raw, fold });
    }
    joined = '';
    start = i + 1;
  }
  return out;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const APOSTROPHES = new Set([...`'’‘\`ʻʼʿʾ`].map((c) => c.charCodeAt(0)));
const SEPARATORS = new Set([...`,;.-_/()[]{}"“”«»`].map((c) => c.charCodeAt(0)));
const LETTER = /^\p{L}$/u;

function isSeparator(c: number): boolean {
  if (c <= 32) return true;
  if (c < 127) return SEPARATORS.has(c) || APOSTROPHES.has(c);
  return (
    SEPARATORS.has(c) ||
    APOSTROPHES.has(c) ||
    (c >= 0x2010 && c <= 0x2015) ||
    // the other white space \s knows
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function isLetter(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // (a letter outside the basic plane is two code units: it reads as no letter here, as it did in the pattern)
  return LETTER.test(s[i]);
}

function isArticle(fold: string, script: Script): boolean {
  if (script === 'arabic') return fold.startsWith('ال') && fold.length >= 4;
  return (fold.startsWith('al') || fold.startsWith('el')) && fold.length >= 5;
}

function segmentsOf(fold: string, script: Script, article = isArticle(fold, script)): Segments[] {
  const of = (f: string) => (script === 'arabic' ? arabicSegments(f) : script === 'latin' ? latinSkeletons(f) : []);
  const all = article ? [...of(fold), ...of(fold.slice(2))] : of(fold);
  const seen = new Set<string>();
  return all.filter((s) => s.skeleton && !seen.has(s.skeleton) && (seen.add(s.skeleton), true));
}

export function skeletonsOf(fold: string, script: Script): string[] {
  return segmentsOf(fold, script).map((s) => s.skeleton);
}

/** What a folded part's script, article and skeletons are: computed once per distinct fold. */
interface FoldInfo {
  script: Script;
  skeletons: string[];
  article: boolean;
  segments: Segments[];
}
const FOLD_INFO = new Map<string, FoldInfo>();

function foldInfo(fold: string): FoldInfo {
  let info = FOLD_INFO.get(fold);
  if (info === undefined) {
    const script = scriptOf(fold);
    const segments = segmentsOf(fold, script);
    info = { script, skeletons: segments.map((s) => s.skeleton), article: isArticle(fold, script), segments };
    if (FOLD_INFO.size >= WORD_CACHE_SIZE) FOLD_INFO.clear();
    FOLD_INFO.set(fold, info);
  }
  return info;
}

/** A fresh token (callers set its stem); its skeleton arrays are shared and never changed. */
export function makeToken(raw: string, fold: string): NameToken {
  const { script, skeletons, article, segments } = foldInfo(fold);
  return { raw, fold, script, skeletons, article, segments };
}

/**
 * The matchable parts of a name. Particles are joined to the part after them (a chain:
 * "Abd al Latif" → "abdallatif"); a trailing particle stays alone.
 */
export function nameTokens(name: string, cached = false): NameToken[] {
  if (!cached) return tokenize(name);
  const hit = TOKEN_CACHE.get(name);
  if (hit) return hit;
  const tokens = tokenize(name);
  if (TOKEN_CACHE.size >= TOKEN_CACHE_SIZE) TOKEN_CACHE.clear();
  TOKEN_CACHE.set(name, tokens);
  return tokens;
}

// Record names are tokenised again each time they reach a shortlist; common ones do often.
const TOKEN_CACHE = new Map<string, NameToken[]>();
const TOKEN_CACHE_SIZE = 50_000;

function tokenize(name: string): NameToken[] {
  const out: NameToken[] = [];
  let pending = '';
  let pendingRaw: string[] = [];
  for (const w of words(name)) {
    const particle = (scriptOf(w.fold) === 'arabic' ? ARABIC_PARTICLES : LATIN_PARTICLES).has(w.fold);
    if (particle) {
      pending += w.fold;
      pendingRaw.push(w.raw);
      continue;
    }
    const t = makeToken(pendingRaw.length ? [...pendingRaw, w.raw].join(' ') : w.raw, pending + w.fold);
    if (pendingRaw.length > 0 && ABD_PARTICLES.has(foldWord(pendingRaw[0])) && w.fold.length >= 3) t.stem = w.fold;
    else if (pendingRaw.length > 0 && PATRONYMIC_PARTICLES.has(foldWord(pendingRaw[0]))) {
      // what follows the particle, with any article or second particle (ben el Amrani: elamrani)
      const father = pending.slice(foldWord(pendingRaw[0]).length) + w.fold;
      if (father.length >= 3) t.patronym = father;
    }
    out.push(t);
    pending = '';
    pendingRaw = [];
  }
  if (pending) out.push(makeToken(pendingRaw.join(' '), pending));
  return out;
}

/**
 * The joined token of every adjacent pair (`[i]` joins parts i and i+1). Cached per token array,
 * so the record names of a shortlist (tokenised through the cache) are joined once, not per query.
 */
export function adjacentJoins(tokens: NameToken[]): NameToken[] {
  let out = JOINS.get(tokens);
  if (!out) {
    out = [];
    for (let i = 0; i + 1 < tokens.length; i++) out.push(joinTokens(tokens[i], tokens[i + 1]));
    JOINS.set(tokens, out);
  }
  return out;
}
const JOINS = new WeakMap<NameToken[], NameToken[]>();

const NO_ARTICLE = new Map<string, FoldInfo>();

/** A token standing for two adjacent parts written together ("Mohamedali" for "Mohamed Ali"). */
export function joinTokens(a: NameToken, b: NameToken): NameToken {
  const t = makeToken(`${a.raw} ${b.raw}`, a.fold + b.fold);
  // "Ali Hmam" joined is not the article al- before "ihmam"
  if (t.article && !a.article) {
    let info = NO_ARTICLE.get(t.fold);
    if (info === undefined) {
      const segments = segmentsOf(t.fold, t.script, false);
      info = { script: t.script, article: false, segments, skeletons: segments.map((s) => s.skeleton) };
      if (NO_ARTICLE.size >= WORD_CACHE_SIZE) NO_ARTICLE.clear();
      NO_ARTICLE.set(t.fold, info);
    }
    return { ...t, ...info };
  }
  return t;
}
