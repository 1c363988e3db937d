/**
 * Query sets for the screening benchmark, each ~1,000 queries, each knowing the person it
 * should find (none for the non-matching set):
 *   a     Arabic → Latin: the Arabic rendering of an evaluation person whose record holds only Latin names
 *   a_un  the same with real names: the Arabic original of a UN list person whose record lost its Arabic names
 *   b     Latin alias: the whole name re-spelt with attested spellings the record does not hold
 *   c     variant: one part re-spelt with another attested spelling of the same Arabic part
 *   d     typo: one edit (substitution, deletion, transposition, doubling, or two parts joined)
 *   e     order: "Last, First", last first, or reversed
 *   f     non-matching: plausible names that no record holds, not even loosely (checked), for the alert rate
 *   g     near namesakes: drawn like f, but every part is one edit, a doubled letter or a final h
 *         away from a part of one listed name (Davies Marcel / Davis Marcel): sets c and d require
 *         finding such names, so their alerts are reported apart from set f's
 * Sets a, a_un, b and c only use held-out name parts (see watchlist.ts). Half of every set
 * carries the person's date of birth, nationality (as alpha-3, alpha-2 or English name) and
 * gender; the other half is the name alone.
 *
 * A query also accepts any other person one of whose names holds every part of the queried
 * name (same Arabic parts, any spelling): "Mohamed Ali" cannot tell two Mohamed Alis apart.
 */
import countries from 'i18n-iso-countries';
import { countryNames } from '../../src/core/countries.ts';
import { fold } from '../../src/core/text.ts';
import type { PersonEntry } from '../../src/screening/names/person-index.ts';
import type { PersonQuery } from '../../src/screening/screening.ts';
import {
  arabicKey,
  type NameParts,
  type Part,
  pick,
  prng,
  randomBirthDates,
  randomGender,
  randomNationalities,
  spell,
  spellPart,
  type SynthTruth,
  titleCase,
  type Watchlist,
} from './watchlist.ts';

export type SetId = 'a' | 'a_un' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';
export const SETS: SetId[] = ['a', 'a_un', 'b', 'c', 'd', 'e', 'f', 'g'];
/** The sets without an expected person: what they measure is how many alerts they raise. */
export const ALERT_SETS: ReadonlySet<SetId> = new Set(['f', 'g']);
export const SET_LABELS: Record<SetId, string> = {
  a: 'a. Arabic → Latin (held-out)',
  a_un: 'a′. Arabic → Latin (UN list, real)',
  b: 'b. Latin alias (held-out)',
  c: 'c. attested variant (held-out)',
  d: 'd. one typo',
  e: 'e. order / "Last, First"',
  f: 'f. non-matching',
  g: 'g. near namesakes',
};

export interface BenchQuery {
  id: string;
  set: SetId;
  query: PersonQuery;
  /** The person the query was made from (undefined for set f). */
  expected?: string;
  /** The name it was made from. */
  source?: string;
  /** Name-part keys of the queried name (see nameKeys). */
  keys: string[];
  /** Persons that count as found: `expected` and those holding every queried part (filled by scanWatchlist). */
  accept: Set<string>;
}

// ---- name keys ---------------------------------------------------------------------------

const PARTICLE_KEYS = new Set(['بن', 'ابن', 'ولد', 'ال', 'بنت']);
// longest first: Abdelmoneim is abdel + moneim, not abd + elmoneim
const ABD_WORD = /^(abd|abdel|abdul|abdal|abdoul|abdou|abdu)$/;
const ABD_JOINED = /^(abdoul|abdel|abdul|abdal|abdou|abder|abdur|abdes|abdu|abd)(.{3,})$/;
const stripAl = (k: string) => k.replace(/^ال/, '');

/**
 * The identity of a name: the Arabic part behind each word (Latin spellings through the
 * pairs), particles dropped, "Abd al-X" as one part. Sorted, without repeats.
 */
export function nameKeys(value: string, parts: NameParts): string[] {
  return [...new Set(nameParts(value, parts).map((p) => p.key))].sort();
}

/** Each part of a name, particles dropped, "Abd al-X" as one: its identity key and its folded spelling. */
function nameParts(value: string, parts: NameParts): Array<{ key: string; spelling: string }> {
  const out: Array<{ key: string; spelling: string }> = [];
  for (const w of fold(value).split(' ')) {
    if (!w) continue;
    const { key: k, spelling } = wordPart(w, parts);
    if (PARTICLE_KEYS.has(k)) continue;
    const last = out.at(-1);
    if (last?.key === 'عبد') out[out.length - 1] = { key: `عبد+${stripAl(k)}`, spelling: `abd${spelling}` };
    else out.push({ key: k, spelling });
  }
  return out;
}

const WORD_PARTS = new Map<string, { key: string; spelling: string }>();

/** One folded word's identity key (the Arabic part behind it) and spelling. */
function wordPart(w: string, parts: NameParts): { key: string; spelling: string } {
  let hit = WORD_PARTS.get(w);
  if (hit) return hit;
  let k: string;
  let spelling = w;
  if (/[\u0600-\u06ff]/.test(w)) k = arabicKey(w);
  else if (ABD_WORD.test(w)) k = 'عبد';
  else {
    const known = parts.latinToKey.get(w);
    const joined = !known ? ABD_JOINED.exec(w) : null;
    if (joined) {
      const rest = parts.latinToKey.get(joined[2]) ?? parts.latinToKey.get(`al${joined[2]}`) ?? joined[2];
      k = `عبد+${stripAl(rest)}`;
      spelling = `abd${joined[2].replace(/^(al|el)(?=.{3})/, '')}`;
    } else {
      const article = !known ? /^(al|el)(.{3,})$/.exec(w) : null;
      k = known ?? (article && parts.latinToKey.get(article[2])) ?? w;
    }
  }
  // al-Saleh is Saleh: the article does not make another name
  if (k.length > 4 && k.startsWith('ال')) k = k.slice(2);
  // عبدالرحمن written as one word is Abd al-Rahman
  const abd = /^عبد(?:ال)?([^+].+)$/.exec(k);
  if (abd) k = `عبد+${abd[1]}`;
  if (/[\u0600-\u06ff]/.test(spelling)) spelling = spelling.replace(/^ال(?=.{3})/, '');
  hit = { key: k, spelling };
  if (WORD_PARTS.size > 1_000_000) WORD_PARTS.clear();
  WORD_PARTS.set(w, hit);
  return hit;
}

// ---- loose equality: what sets c and d require an engine to find ---------------------------

const undoubled = (s: string) => s.replace(/(.)\1+/gu, '$1');
const SIGNATURES = new Map<string, string[]>();

/** A spelling and, from four letters on, each of its one-letter deletions (doubled letters and a final h aside). */
function signatures(s: string): string[] {
  let out = SIGNATURES.get(s);
  if (out) return out;
  const n = undoubled(s).replace(/(?<=..)[hه]$/u, '');
  out = [n];
  if (n.length >= 4) for (let i = 0; i < n.length; i++) out.push(n.slice(0, i) + n.slice(i + 1));
  if (SIGNATURES.size > 500_000) SIGNATURES.clear();
  SIGNATURES.set(s, out);
  return out;
}

const PART_SIGNATURES = new Map<string, string[]>();

/**
 * A part's signatures: two parts are loosely equal when their keys or their spellings share
 * one (one substitution, insertion, deletion or transposition apart, or the same but for
 * doubled letters and a final h; an "Abd al-X" part is loosely X too).
 */
function partSignatures(p: { key: string; spelling: string }): string[] {
  const id = `${p.key}\u0001${p.spelling}`;
  let out = PART_SIGNATURES.get(id);
  if (!out) {
    // "Abd al-Ghafar" is loosely "Ghafar": the name without its Abd- particle, as engines read it
    const stems = p.key.startsWith('عبد+') ? [...signatures(p.key.slice(4)), ...(p.spelling.startsWith('abd') ? signatures(p.spelling.slice(3)) : [])] : [];
    out = [...new Set([...signatures(p.key), ...signatures(p.spelling), ...stems])];
    if (PART_SIGNATURES.size > 500_000) PART_SIGNATURES.clear();
    PART_SIGNATURES.set(id, out);
  }
  return out;
}


// ---- facts --------------------------------------------------------------------------------

function nationalityForm(rng: () => number, a3: string): string {
  const r = rng();
  if (r < 0.5) return a3;
  if (r < 0.8) return countries.alpha3ToAlpha2(a3) ?? a3;
  return countryNames(a3).en;
}

function birthDateForm(rng: () => number, d: string): string {
  const first = d.split('/')[0];
  return first.length === 10 && rng() < 0.3 ? first.slice(0, 4) : first;
}

function factsOf(rng: () => number, e: PersonEntry): Omit<PersonQuery, 'name'> {
  const out: Omit<PersonQuery, 'name'> = {};
  if (e.birthDates?.length) out.birthDate = birthDateForm(rng, pick(rng, e.birthDates));
  if (e.nationalities?.length) out.nationality = nationalityForm(rng, pick(rng, e.nationalities));
  if (e.gender === 'male' || e.gender === 'female') out.gender = e.gender;
  return out;
}

function randomFacts(rng: () => number): Omit<PersonQuery, 'name'> {
  const out: Omit<PersonQuery, 'name'> = {};
  const bd = randomBirthDates(rng);
  if (bd) out.birthDate = birthDateForm(rng, bd[0]);
  const nat = randomNationalities(rng, rng() < 0.85);
  if (nat) out.nationality = nationalityForm(rng, nat[0]);
  const g = randomGender(rng);
  if (g === 'male' || g === 'female') out.gender = g;
  return out;
}

// ---- edits -------------------------------------------------------------------------------

const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const ARABIC = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';

/** Arabic letters a typist may drop the hamza from, and the endings written either way. */
export function arabicTypingVariant(s: string): string {
  return s.replace(/[أإآ]/g, 'ا').replace(/ة(?=\s|$)/g, 'ه').replace(/ى(?=\s|$)/g, 'ي');
}

type Edit = 'substitution' | 'deletion' | 'transposition' | 'doubling' | 'joined';
const EDITS: Array<[Edit, number]> = [
  ['substitution', 30],
  ['deletion', 25],
  ['transposition', 20],
  ['doubling', 15],
  ['joined', 10],
];

function weighted<T>(rng: () => number, xs: Array<[T, number]>): T {
  let x = rng() * xs.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of xs) if ((x -= w) < 0) return v;
  return xs[0][0];
}

/** One edit on one word of at least 4 letters (or two adjacent words joined); undefined when none applies. */
export function typo(rng: () => number, name: string): { value: string; edit: Edit } | undefined {
  const words = name.split(' ');
  const edit = weighted(rng, EDITS);
  if (edit === 'joined') {
    if (words.length < 3) return undefined;
    const i = Math.floor(rng() * (words.length - 1));
    return { value: [...words.slice(0, i), words[i] + words[i + 1], ...words.slice(i + 2)].join(' '), edit };
  }
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => [...w].length >= 4 && /^\p{L}+$/u.test(w));
  if (candidates.length === 0) return undefined;
  const [w, wi] = pick(rng, candidates);
  const chars = [...w];
  const arabic = /[\u0600-\u06ff]/.test(w);
  const alphabet = arabic ? ARABIC : LATIN;
  // keep the first letter: people rarely mistype it, and every matcher relies on it a little
  const i = 1 + Math.floor(rng() * (chars.length - 1));
  switch (edit) {
    case 'substitution': {
      let c = chars[i];
      while (c.toLowerCase() === chars[i].toLowerCase()) c = pick(rng, [...alphabet]);
      chars[i] = chars[i] === chars[i].toUpperCase() && !arabic ? c.toUpperCase() : c;
      break;
    }
    case 'deletion':
      chars.splice(i, 1);
      break;
    case 'transposition': {
      const j = Math.min(i, chars.length - 2);
      if (chars[j] === chars[j + 1]) return undefined;
      [chars[j], chars[j + 1]] = [chars[j + 1], chars[j]];
      break;
    }
    case 'doubling':
      chars.splice(i, 0, chars[i]);
      break;
  }
  const out = [...words];
  out[wi] = chars.join('');
  const value = out.join(' ');
  return value === name ? undefined : { value, edit };
}

/** Words that belong with the next one: "Abdul Latif", "Abu Hurayrah", "al Masri" move as one. */
const BOUND = /^(abd|abdel|abdul|abdal|abdoul|abd-al|abd-el|abu|abou|abo|al|el|ال|عبد|ابو|أبو)$/i;

function reorder(rng: () => number, name: string): string | undefined {
  const words: string[] = [];
  for (const w of name.split(' ').filter(Boolean)) {
    if (words.length && BOUND.test(words.at(-1)!.split(' ').at(-1)!)) words[words.length - 1] += ` ${w}`;
    else words.push(w);
  }
  if (words.length < 2) return undefined;
  const arabic = /[\u0600-\u06ff]/.test(name);
  // "X ben Y Z" reversed word by word is no one's name: such names only move the family name first
  const particle = words.some((w) => /^(ben|bin|ibn|ould|bint|bent|بن|ولد|بنت)$/i.test(w));
  const r = rng() * (particle ? 0.7 : 1);
  let out: string;
  if (r < 0.4 && !arabic) out = `${words.at(-1)}, ${words.slice(0, -1).join(' ')}`;
  else if (r < 0.7) out = [words.at(-1), ...words.slice(0, -1)].join(' ');
  else out = [...words].reverse().join(' ');
  return out === name ? undefined : out;
}

// ---- query sets ----------------------------------------------------------------------------

const latinFold = (s: string) => fold(s).replace(/ /g, '');

/** Spellings of part i stored in any of the person's Latin names (folded). */
function storedSpellings(t: SynthTruth, i: number): Set<string> {
  return new Set(t.latinNames.map((n) => n.spellings[i]).filter(Boolean).map(latinFold));
}

/** An attested spelling of the part that the record does not hold, if there is one. */
function unstoredSpelling(rng: () => number, p: Part, stored: Set<string>): string | undefined {
  if (p.kind !== 'name' && p.kind !== 'abd') return undefined;
  for (let tries = 0; tries < 12; tries++) {
    const s = p.kind === 'abd' ? spellPart(rng, p) : titleCase(spell(rng, p.token!));
    if (!stored.has(latinFold(s))) return s;
  }
  const alt = p.token!.spellings.find((s) => !stored.has(latinFold(s)));
  return alt && p.kind === 'name' ? titleCase(alt) : undefined;
}

export interface QueryOptions {
  perSet?: number;
  seed?: number;
  /** Share of each set that carries date of birth, nationality and gender. */
  withFacts?: number;
}

export function buildQueries(wl: Watchlist, parts: NameParts, opts: QueryOptions = {}): BenchQuery[] {
  const perSet = opts.perSet ?? 1000;
  const withFacts = opts.withFacts ?? 0.5;
  const rng = prng((opts.seed ?? 7) ^ wl.size);
  const byId = new Map<string, PersonEntry>();
  const entryOf = (id: string) => {
    let e = byId.get(id);
    if (!e) {
      e = wl.entries.find((x) => x.id === id)!;
      byId.set(id, e);
    }
    return e;
  };
  // synthetic ids are `syn-<index>`, UN persons come first: find them without a scan
  const indexOf = new Map<string, number>();
  wl.entries.forEach((e, i) => e.id.startsWith('un-') && indexOf.set(e.id, i));
  const entry = (id: string) => (id.startsWith('syn-') ? wl.entries[Number(id.slice(4))] : (wl.entries[indexOf.get(id) ?? -1] ?? entryOf(id)));

  const out: BenchQuery[] = [];
  const counts = new Map<SetId, number>();
  const add = (set: SetId, name: string, e: PersonEntry | undefined, source?: string) => {
    const facts = rng() < withFacts ? (e ? factsOf(rng, e) : randomFacts(rng)) : {};
    const keys = nameKeys(source ?? name, parts);
    counts.set(set, (counts.get(set) ?? 0) + 1);
    out.push({ id: `${set}-${String(counts.get(set)).padStart(4, '0')}`, set, query: { name, ...facts }, expected: e?.id, source, keys, accept: new Set(e ? [e.id] : []) });
  };
  const shuffled = <T>(xs: T[]) => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  const evalPersons = shuffled(wl.evalTruth);

  // a: Arabic rendering of a Latin-only evaluation person
  let n = 0;
  for (const t of evalPersons) {
    if (n >= perSet) break;
    if (!t.latinOnly || !t.arabicName || nameKeys(t.arabicName, parts).length < 2) continue;
    const name = rng() < 0.2 ? arabicTypingVariant(t.arabicName) : t.arabicName;
    add('a', name, entry(t.id), t.arabicName);
    n++;
  }
  // a′: real Arabic originals of UN persons
  for (const u of wl.unArabicTargets.slice(0, perSet)) add('a_un', u.arabic, entry(u.id), u.arabic);

  // b: the whole name re-spelt (at least two parts, or every part of a two-part name) with spellings the record lacks
  n = 0;
  for (const t of evalPersons) {
    if (n >= perSet) break;
    if (t.latinNames.length === 0) continue;
    const spellings = t.latinNames[0].spellings.map((s, i) => s || spellPart(rng, t.parts[i]));
    let changed = 0;
    const re = t.parts.map((p, i) => {
      if (p.kind === 'ben') return pick(rng, ['ben', 'bin', 'ibn']);
      const alt = unstoredSpelling(rng, p, storedSpellings(t, i));
      if (alt) changed++;
      return alt ?? spellings[i];
    });
    const nameParts = t.parts.filter((p) => p.kind === 'name' || p.kind === 'abd').length;
    if (changed < Math.min(2, nameParts)) continue;
    // a third of the time without the father's name
    const short = t.parts.length >= 3 && rng() < 0.3;
    const kept = short ? re.filter((_, i) => i === 0 || i === re.length - 1) : re;
    const name = kept.join(' ');
    if (t.latinNames.some((x) => latinFold(x.value) === latinFold(name))) continue;
    add('b', name, entry(t.id), name);
    n++;
  }
  // c: one part re-spelt, the rest as in the primary name
  n = 0;
  for (const t of shuffled(evalPersons)) {
    if (n >= perSet) break;
    if (t.latinNames.length === 0) continue;
    const primary = t.latinNames[0];
    const idx = shuffled(t.parts.map((_, i) => i).filter((i) => primary.spellings[i] && (t.parts[i].kind === 'name' || t.parts[i].kind === 'abd')));
    let done = false;
    for (const i of idx) {
      const alt = unstoredSpelling(rng, t.parts[i], storedSpellings(t, i));
      if (!alt) continue;
      const sp = [...primary.spellings];
      sp[i] = alt;
      const name = sp.filter(Boolean).join(' ');
      add('c', name, entry(t.id), name);
      done = true;
      break;
    }
    if (done) n++;
  }
  // d, e: any person, any name of two words or more (Latin preferred for typos)
  const randomEntry = () => wl.entries[Math.floor(rng() * wl.entries.length)];
  const nameOf = (e: PersonEntry, latinFirst: boolean) => {
    const multi = e.names.filter((x) => x.value.trim().split(/\s+/).length >= 2);
    const latin = multi.filter((x) => !/[\u0600-\u06ff]/.test(x.value));
    const from = latinFirst && latin.length && rng() < 0.9 ? latin : multi;
    return from.length ? pick(rng, from).value.trim().replace(/\s+/g, ' ') : undefined;
  };
  for (n = 0; n < perSet; ) {
    const e = randomEntry();
    const src = nameOf(e, true);
    const t = src && nameKeys(src, parts).length >= 2 && typo(rng, src);
    if (!t) continue;
    add('d', t.value, e, src);
    n++;
  }
  for (n = 0; n < perSet; ) {
    const e = randomEntry();
    const src = nameOf(e, rng() < 0.85);
    const r = src && nameKeys(src, parts).length >= 2 && reorder(rng, src);
    if (!r) continue;
    add('e', r, e, src);
    n++;
  }
  // f: candidates (more than needed: scanWatchlist drops those that some record holds)
  // at 1M persons about six candidates in seven are some record's name, exactly or loosely,
  // at 5M about 93 in 100: 50,000 draws leave some 3,400 (drawing and checking them at 5M took
  // 9 min in one run; the bench prints it as "query sets checked … in N s")
  const fDraws = perSet * Math.min(50, Math.max(12, Math.round(wl.entries.length / 40_000)));
  for (n = 0; n < fDraws; n++) {
    const arab = rng() < 0.85;
    const ps: Part[] = [];
    const tok = (pool: NameParts['arabicPool']) => {
      const t = pool.sample(rng);
      return { kind: 'name' as const, token: t, ar: t.ar };
    };
    if (arab) {
      ps.push(rng() < 0.08 ? (() => {
        const t = parts.abdTargets.sample(rng);
        return { kind: 'abd' as const, token: t, ar: `عبد ${t.ar}` };
      })() : tok(parts.arabicPool));
      if (rng() < 0.6) {
        if (rng() < 0.25) ps.push({ kind: 'ben', ar: 'بن' });
        ps.push(tok(parts.arabicPool));
      }
      ps.push(tok(parts.arabicPool));
    } else {
      ps.push(tok(parts.globalPool));
      if (rng() < 0.25) ps.push(tok(parts.globalPool));
      ps.push(tok(parts.globalPool));
    }
    const name = rng() < 0.2 ? ps.map((p) => p.ar).join(' ') : ps.map((p) => spellPart(rng, p)).join(' ');
    if (new Set(nameKeys(name, parts)).size < 2) {
      n--;
      continue;
    }
    add('f', name, undefined, name);
  }
  return out;
}

// ---- one pass over the watchlist -------------------------------------------------------------

const subsets = (keys: string[], min: number): string[] => {
  const out: string[] = [];
  const n = keys.length;
  for (let m = 1; m < 1 << n; m++) {
    const s = keys.filter((_, i) => m & (1 << i));
    if (s.length >= min) out.push(s.join('|'));
  }
  return out;
};

/**
 * Fills each query's `accept` with every person one of whose names holds all the queried
 * parts; drops non-matching candidates that some record name contains, or that contain a
 * record name of two parts or more. Candidates that some record name holds only loosely (see
 * partSignatures) become set g. Keeps `perSet` of sets f and g. Returns how many were dropped and moved.
 */
export function scanWatchlist(wl: Watchlist, parts: NameParts, queries: BenchQuery[], perSet = 1000): { queries: BenchQuery[]; droppedNonMatching: number; nearNamesakes: number; ms: number } {
  const t0 = performance.now();
  const rarity = (k: string) => parts.byKey.get(k)?.count ?? 0;
  const byRarest = new Map<string, BenchQuery[]>();
  const fSubsets = new Map<string, BenchQuery[]>();
  const conflicts = new Set<BenchQuery>();
  const near = new Set<BenchQuery>();
  for (const q of queries) {
    if (q.keys.length === 0) continue;
    const rarestKey = q.keys.reduce((a, b) => (rarity(b) < rarity(a) ? b : a));
    (byRarest.get(rarestKey) ?? byRarest.set(rarestKey, []).get(rarestKey)!).push(q);
    if (q.set === 'f') for (const s of subsets(q.keys, 2)) (fSubsets.get(s) ?? fSubsets.set(s, []).get(s)!).push(q);
  }
  for (const e of wl.entries) {
    for (const name of e.names) {
      const keys = nameKeys(name.value, parts);
      if (keys.length === 0) continue;
      const have = new Set(keys);
      for (const k of keys) {
        const qs = byRarest.get(k);
        if (!qs) continue;
        for (const q of qs) {
          if (!q.keys.every((x) => have.has(x))) continue;
          if (q.set === 'f') conflicts.add(q);
          else q.accept.add(e.id);
        }
      }
      if (keys.length >= 2) for (const q of fSubsets.get(keys.join('|')) ?? []) conflicts.add(q);
    }
  }
  // a second pass for the candidates left: does some record name hold each of their parts loosely?
  // Every distinct part of the list gets a number, every name the numbers of its parts, and every
  // part number the names that hold it; a candidate's part is then the set of part numbers
  // loosely equal to it, and the names holding its rarest part are checked for the others.
  const partId = new Map<string, number>();
  const partSigs: string[][] = [];
  const holders: number[][] = [];
  const nameStart: number[] = [0];
  const partsOfNames: number[] = [];
  const idOf = (p: { key: string; spelling: string }) => {
    const k = `${p.key}\u0001${p.spelling}`;
    let id = partId.get(k);
    if (id === undefined) {
      id = partSigs.length;
      partId.set(k, id);
      partSigs.push(partSignatures(p));
      holders.push([]);
    }
    return id;
  };
  for (const e of wl.entries) {
    for (const name of e.names) {
      const n = nameStart.length - 1;
      for (const p of nameParts(name.value, parts)) {
        const id = idOf(p);
        if (holders[id].at(-1) !== n) holders[id].push(n);
        partsOfNames.push(id);
      }
      nameStart.push(partsOfNames.length);
    }
  }
  const bySig = new Map<string, number[]>();
  partSigs.forEach((sigs, id) => {
    for (const sig of sigs) (bySig.get(sig) ?? bySig.set(sig, []).get(sig)!).push(id);
  });
  for (const q of queries) {
    if (q.set !== 'f' || q.keys.length === 0 || conflicts.has(q)) continue;
    const alike = nameParts(q.source ?? q.query.name, parts).map((p) => {
      const ids = new Set<number>();
      for (const sig of partSignatures(p)) for (const id of bySig.get(sig) ?? []) ids.add(id);
      let work = 0;
      for (const id of ids) work += holders[id].length;
      return { ids, work };
    });
    if (alike.some((a) => a.ids.size === 0)) continue;
    const first = alike.reduce((a, b) => (b.work < a.work ? b : a));
    const others = alike.filter((a) => a !== first);
    found: for (const id of first.ids) {
      for (const n of holders[id]) {
        const ids = partsOfNames.slice(nameStart[n], nameStart[n + 1]);
        if (others.every((o) => ids.some((x) => o.ids.has(x)))) {
          near.add(q);
          break found;
        }
      }
    }
  }
  let kept = 0;
  let keptNear = 0;
  const result: BenchQuery[] = [];
  for (const q of queries) {
    if (q.set !== 'f') result.push(q);
    else if (conflicts.has(q)) continue;
    else if (near.has(q)) {
      if (keptNear++ < perSet) result.push({ ...q, set: 'g', id: q.id.replace(/^f/, 'g') });
    } else if (kept++ < perSet) result.push(q);
  }
  return { queries: result, droppedNonMatching: conflicts.size, nearNamesakes: near.size, ms: performance.now() - t0 };
}
