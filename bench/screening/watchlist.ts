/**
 * A scaled, deterministic person watchlist for the screening benchmark, built from real name
 * parts: the persons of the UN Security Council consolidated list (as published) and
 * synthetic persons composed from the Wikidata Latin↔Arabic person-name token pairs (CC0),
 * sampled by their attested frequency so that common names are common.
 *
 * A fixed fifth of the Arabic name parts (by a hash of the folded Arabic part) is held apart:
 * `heldOutPair` leaves them out of the engine's spelling knowledge, and an evaluation pool of
 * persons built only from held-out parts is what the cross-script and spelling-variant query
 * sets target (see queries.ts), so that those sets measure generalisation, not memory.
 */
import { readFileSync } from 'node:fs';
import { fold } from '../../src/core/text.ts';
import { parseUnSc } from '../../src/records/import/un-sc.ts';
import type { PersonEntry } from '../../src/screening/names/person-index.ts';

export const TSV_PATH = 'fixtures/wikidata-en-ar-person-name-tokens.tsv';
export const UN_PATH = 'fixtures/un-sc-consolidated-2026-05-08.xml';

// ---- deterministic randomness ------------------------------------------------------

/** mulberry32: small, fast, good enough for sampling. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, 32 bits. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const pick = <T>(rng: () => number, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

/** Weighted sampling by a cumulative table and binary search. */
export class Sampler<T> {
  readonly items: T[];
  #cum: Float64Array;
  constructor(items: T[], weight: (t: T) => number) {
    this.items = items;
    this.#cum = new Float64Array(items.length);
    let s = 0;
    items.forEach((t, i) => (this.#cum[i] = s += weight(t)));
  }
  get size() {
    return this.items.length;
  }
  sample(rng: () => number): T {
    const x = rng() * this.#cum[this.#cum.length - 1];
    let lo = 0;
    let hi = this.#cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

// ---- name parts from the token pairs -------------------------------------------------

/** One Arabic name part and its attested Latin spellings (noise filtered), most frequent first. */
export interface Token {
  /** As written in the pairs, letters joined: محمد */
  ar: string;
  /** Folded Arabic: the identity of the part across spellings. */
  key: string;
  count: number;
  spellings: string[];
  spellingCounts: number[];
  heldOut: boolean;
}

/** Folded Arabic with hamza seats dropped: the held-out hash must not split what a matcher merges. */
export const arabicKey = (arabic: string) => fold(arabic.replace(/ /g, '')).replace(/[ءئؤ]/g, '').replace(/ /g, '');

/** Structural parts: never held out (rules, not spelling knowledge, must handle them). */
const STRUCTURAL = new Set(['بن', 'ابن', 'ولد', 'ابو', 'عبد', 'ال', 'اال', 'بنت']);
/** Titles, ordinals, countries, particles of European names that the pairs align as "names". */
const NOT_A_NAME = new Set(
  ('i ii iii iv v vi vii viii ix x xi xii xiii xiv xv jr sr st de di da du des del della der den van von la le el al of ' +
    'prince princess king queen emperor empress saint sir lord lady duke duchess archduke archduchess count countess baron baroness pope sheikh ' +
    'austria portugal denmark hungary sweden france spain england italy prussia bavaria russia').split(' '),
);

export const isHeldOutKey = (key: string) => !STRUCTURAL.has(key) && fnv1a(key) % 5 === 0;
/** For `loadNameKnowledge({ exclude })`: leaves out every pair whose Arabic part is held out. */
export const heldOutPair = (_latin: string, arabicSpaced: string) => isHeldOutKey(arabicKey(arabicSpaced));

/** Letters that transliterations of European names hardly use: a part with one is of Arabic origin. */
const ARABIC_ORIGIN = /[عحقصضظذءئؤة]/;

const latinFold = (s: string) => fold(s).replace(/ /g, '');

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = t;
    }
  }
  return prev[b.length];
}

// ---- a sanity check of the pairs, independent of any matcher ----------------------------

/** Strong consonants of an Arabic part, one class letter each; weak letters (alef, waw, ya, ha, ayn, hamza) dropped. */
const AR_CLASS: Record<string, string> = {
  ب: 'B', ت: 'T', ط: 'T', ث: 'T', ج: 'J', د: 'D', ض: 'D', ذ: 'D', ر: 'R', ز: 'Z', ظ: 'Z', س: 'S', ص: 'S', ش: 'S',
  غ: 'G', ف: 'F', ق: 'K', ك: 'K', ل: 'L', م: 'M', ن: 'N', خ: 'K', پ: 'B', چ: 'S', ژ: 'J', گ: 'G', ڤ: 'F', ک: 'K',
};
/** Classes a transliteration may swap: ث s/t, ج g/j/z, ذ d/z, ق g/k, ص/س z, خ h (dropped) or k. */
const SAME_CLASS = new Set(['TS', 'ST', 'JG', 'GJ', 'JZ', 'ZJ', 'DZ', 'ZD', 'KG', 'GK', 'SZ', 'ZS', 'TD', 'DT', 'BF', 'FB']);

function arabicConsonants(ar: string): string {
  let out = '';
  for (const c of ar) out += AR_CLASS[c] ?? '';
  return out.replace(/(.)\1+/g, '$1');
}

function latinConsonants(latin: string): string {
  let s = latinFold(latin);
  s = s.replace(/sch|sh|ch|tch/g, 'S').replace(/th/g, 'T').replace(/dh/g, 'D').replace(/kh/g, 'K').replace(/gh/g, 'G').replace(/ph/g, 'F').replace(/dj|dsch/g, 'J');
  s = s.replace(/c(?=[eiy])/g, 's').replace(/ck/g, 'k').replace(/[cq]/g, 'k').replace(/x/g, 'ks').replace(/p/g, 'b').replace(/v/g, 'f');
  s = s.replace(/[aeiouyhw]/g, '').toUpperCase();
  return s.replace(/(.)\1+/g, '$1');
}

function classDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = prev[j];
      const same = a[i - 1] === b[j - 1] || SAME_CLASS.has(a[i - 1] + b[j - 1]);
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (same ? 0 : 1));
      diag = t;
    }
  }
  return prev[b.length];
}

/** Whether a Latin spelling plausibly renders an Arabic part: strong consonants agree within one edit. */
export function plausibleRendering(latin: string, arabic: string): boolean {
  const l = latinConsonants(latin);
  const forms = [arabicConsonants(arabic)];
  if (arabic.startsWith('ال')) forms.push(arabicConsonants(arabic.slice(2)));
  return forms.some((a) => {
    const d = classDistance(a, l);
    return Math.max(a.length, l.length) <= 2 ? d === 0 : d <= 1;
  });
}

export interface NameParts {
  tokens: Token[];
  byKey: Map<string, Token>;
  /** Folded Latin spelling → Arabic key (each Latin spelling is paired with one Arabic part). */
  latinToKey: Map<string, string>;
  /** Parts of Arabic origin, by frequency. */
  arabicPool: Sampler<Token>;
  /** The held-out parts of Arabic origin, by frequency. */
  heldOutPool: Sampler<Token>;
  /** Every name part, by frequency. */
  globalPool: Sampler<Token>;
  /** Second parts of "Abd al-…" compounds (al-Rahman, al-Latif …). */
  abdTargets: Sampler<Token>;
  stats: { pairs: number; parts: number; arabicOrigin: number; heldOut: number; heldOutArabicOrigin: number };
}

const DIVINE = 'rahman rahim latif aziz qader kader karim hamid majid malik salam sattar moneim wahab razzaq halim hakim jalil ghani hafid hadi nasser jabbar qadir fattah wahid samad'.split(' ');

export function loadNameParts(tsvPath = TSV_PATH): NameParts {
  const byKey = new Map<string, { ar: string; arCount: number; sp: Map<string, number> }>();
  const latinToKey = new Map<string, string>();
  let pairs = 0;
  for (const line of readFileSync(tsvPath, 'utf8').split('\n')) {
    const [latin, arabicSpaced, countRaw] = line.split('\t');
    if (!latin || !arabicSpaced) continue;
    pairs++;
    const count = Number(countRaw) || 1;
    const key = arabicKey(arabicSpaced);
    const lf = latinFold(latin);
    if (!key || !lf) continue;
    if (!latinToKey.has(lf)) latinToKey.set(lf, key);
    let t = byKey.get(key);
    if (!t) byKey.set(key, (t = { ar: arabicSpaced.replace(/ /g, ''), arCount: 0, sp: new Map() }));
    if (count > t.arCount) {
      t.ar = arabicSpaced.replace(/ /g, '');
      t.arCount = count;
    }
    // letters (with diacritics), apostrophes and hyphens only; one letter is an initial
    if (!/^[\p{L}\p{M}'ʿʾ`’-]{2,}$/u.test(latin)) continue;
    t.sp.set(latin, (t.sp.get(latin) ?? 0) + count);
  }
  const tokens: Token[] = [];
  for (const [key, t] of byKey) {
    const all = [...t.sp].sort((a, b) => b[1] - a[1]);
    if (all.length === 0 || NOT_A_NAME.has(latinFold(all[0][0]))) continue;
    // alignment noise: keep plausible renderings seen often, or close to the usual spelling
    const sorted = all.filter(([l]) => plausibleRendering(l, t.ar));
    if (sorted.length === 0) continue;
    const top = latinFold(sorted[0][0]);
    const kept = sorted.filter(([l, c], i) => {
      if (i === 0) return true;
      const d = levenshtein(latinFold(l), top) / Math.max(top.length, latinFold(l).length);
      return c >= 5 ? d <= 0.5 : c >= 2 ? d <= 0.45 : d <= 0.34;
    });
    tokens.push({
      ar: t.ar,
      key,
      count: kept.reduce((s, [, c]) => s + c, 0),
      spellings: kept.map(([l]) => l),
      spellingCounts: kept.map(([, c]) => c),
      heldOut: isHeldOutKey(key),
    });
  }
  tokens.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  const arabic = tokens.filter((t) => ARABIC_ORIGIN.test(t.ar) && !STRUCTURAL.has(t.key));
  const weight = (t: Token) => t.count;
  const abd = tokens.filter((t) => t.key.startsWith('ال') && DIVINE.includes(latinFold(t.spellings[0]).replace(/^(al|el)-?/, '')));
  const parts: NameParts = {
    tokens,
    byKey: new Map(tokens.map((t) => [t.key, t])),
    latinToKey,
    arabicPool: new Sampler(arabic, weight),
    heldOutPool: new Sampler(
      arabic.filter((t) => t.heldOut),
      weight,
    ),
    globalPool: new Sampler(
      tokens.filter((t) => !STRUCTURAL.has(t.key)),
      weight,
    ),
    abdTargets: new Sampler(abd, weight),
    stats: {
      pairs,
      parts: tokens.length,
      arabicOrigin: arabic.length,
      heldOut: tokens.filter((t) => t.heldOut).length,
      heldOutArabicOrigin: arabic.filter((t) => t.heldOut).length,
    },
  };
  return parts;
}

// ---- persons ---------------------------------------------------------------------------

/** A part of a synthetic person's name: a name token, a particle or an "Abd al-…" compound. */
export interface Part {
  kind: 'name' | 'ben' | 'ould' | 'abd';
  /** The name token (for 'abd', the al-… part). */
  token?: Token;
  /** Arabic rendering. */
  ar: string;
}

/** What the query sets need to know about an evaluation person. */
export interface SynthTruth {
  id: string;
  parts: Part[];
  /** The stored Latin names, and the Latin spelling used for each part in each of them. */
  latinNames: Array<{ value: string; spellings: string[] }>;
  arabicName?: string;
  latinOnly: boolean;
}

export interface Watchlist {
  size: number;
  entries: PersonEntry[];
  /** Evaluation persons (all name parts held out): targets of query sets a, b, c. */
  evalTruth: SynthTruth[];
  /** UN persons whose Arabic-script names were removed from the record, with those names. */
  unArabicTargets: Array<{ id: string; arabic: string }>;
  stats: { un: number; synthetic: number; arabicCulture: number; evalPool: number; latinOnly: number; both: number; arabicOnly: number; names: number; nameChars: number };
}

export const titleCase = (s: string) => s.replace(/(^|[\s-])(\p{L})/gu, (_, a, b) => a + b.toUpperCase());

const ARAB_NAT: Array<[string, number]> = [
  ['MAR', 30], ['DZA', 12], ['TUN', 8], ['EGY', 8], ['SYR', 5], ['IRQ', 5], ['LBY', 4], ['MRT', 3], ['SAU', 3], ['YEM', 3], ['JOR', 2],
  ['LBN', 2], ['SDN', 2], ['PSE', 1], ['FRA', 4], ['ESP', 3], ['BEL', 2], ['NLD', 1], ['DEU', 1], ['ITA', 1], ['SEN', 1], ['MLI', 1],
  ['NER', 1], ['TUR', 1], ['PAK', 1], ['AFG', 1], ['SOM', 1],
];
const GLOBAL_NAT: Array<[string, number]> = [
  ['FRA', 10], ['ESP', 8], ['GBR', 8], ['USA', 8], ['DEU', 7], ['ITA', 6], ['RUS', 4], ['NLD', 3], ['BEL', 3], ['PRT', 3], ['SWE', 2],
  ['POL', 2], ['BRA', 2], ['CAN', 2], ['IRL', 1], ['GRC', 1], ['ROU', 1], ['UKR', 1], ['ARG', 1], ['MEX', 1], ['COL', 1], ['NGA', 1],
  ['MAR', 2], ['DZA', 1],
];
export const arabNationality = new Sampler(ARAB_NAT, ([, w]) => w);
export const globalNationality = new Sampler(GLOBAL_NAT, ([, w]) => w);

const pad2 = (n: number) => String(n).padStart(2, '0');
export function randomBirthDates(rng: () => number): string[] | undefined {
  const r = rng();
  if (r < 0.1) return undefined;
  const one = () => {
    const y = 1945 + Math.floor(rng() * 62);
    const m = 1 + Math.floor(rng() * 12);
    const d = 1 + Math.floor(rng() * 28);
    const k = rng();
    return k < 0.7 ? `${y}-${pad2(m)}-${pad2(d)}` : k < 0.76 ? `${y}-${pad2(m)}` : `${y}`;
  };
  const first = one();
  return rng() < 0.05 ? [...new Set([first, one()])] : [first];
}

export function randomNationalities(rng: () => number, arab: boolean): string[] | undefined {
  const r = rng();
  if (r < 0.1) return undefined;
  const s = arab ? arabNationality : globalNationality;
  const first = s.sample(rng)[0];
  return r > 0.94 ? [...new Set([first, s.sample(rng)[0]])] : [first];
}

export function randomGender(rng: () => number): PersonEntry['gender'] | undefined {
  const r = rng();
  return r < 0.75 ? 'male' : r < 0.95 ? 'female' : undefined;
}

/** A spelling of the token weighted by its attested frequency. */
export function spell(rng: () => number, t: Token): string {
  const total = t.spellingCounts.reduce((a, b) => a + b, 0);
  let x = rng() * total;
  for (let i = 0; i < t.spellings.length; i++) {
    x -= t.spellingCounts[i];
    if (x < 0) return t.spellings[i];
  }
  return t.spellings[0];
}

const BEN_W = new Sampler([['ben', 290], ['bin', 151], ['ibn', 60]] as Array<[string, number]>, ([, w]) => w);
const ABD_STYLE = new Sampler(
  [
    [(x: string) => `Abdel ${titleCase(x)}`, 30],
    [(x: string) => `Abdul ${titleCase(x)}`, 30],
    [(x: string) => `Abd al-${titleCase(x)}`, 15],
    [(x: string) => `Abd el-${titleCase(x)}`, 5],
    [(x: string) => `Abdel${x.toLowerCase()}`, 10],
    [(x: string) => `Abdul${x.toLowerCase()}`, 10],
  ] as Array<[(x: string) => string, number]>,
  ([, w]) => w,
);

/** The Latin spelling of one part (particles and compounds in one of their usual forms). */
export function spellPart(rng: () => number, p: Part): string {
  switch (p.kind) {
    case 'ben':
      return BEN_W.sample(rng)[0];
    case 'ould':
      return 'ould';
    case 'abd':
      return titleCase(ABD_STYLE.sample(rng)[0](spell(rng, p.token!).replace(/^(al|el)-?/i, '')));
    default:
      return titleCase(spell(rng, p.token!));
  }
}

const renderLatin = (spellings: string[]) => spellings.join(' ');

/** Arabic parts of a person of Arabic culture: given [ben|ould father] family. */
function arabicParts(rng: () => number, pool: Sampler<Token>, abd: Sampler<Token>): Part[] {
  const parts: Part[] = [];
  const nameTok = (): Part => {
    const t = pool.sample(rng);
    return { kind: 'name', token: t, ar: t.ar };
  };
  if (rng() < 0.08 && abd.size > 0) {
    const t = abd.sample(rng);
    parts.push({ kind: 'abd', token: t, ar: `عبد ${t.ar}` });
  } else parts.push(nameTok());
  if (rng() < 0.7) {
    const r = rng();
    if (r < 0.25) parts.push({ kind: 'ben', ar: 'بن' });
    else if (r < 0.3) parts.push({ kind: 'ould', ar: 'ولد' });
    parts.push(nameTok());
  }
  parts.push(nameTok());
  return parts;
}

function globalParts(rng: () => number, pool: Sampler<Token>): Part[] {
  const n = rng() < 0.25 ? 3 : 2;
  return Array.from({ length: n }, () => {
    const t = pool.sample(rng);
    return { kind: 'name' as const, token: t, ar: t.ar };
  });
}

/** UN list persons, as PersonEntry (read once, shared by every size). */
export async function loadUnPersons(file = UN_PATH): Promise<PersonEntry[]> {
  const out: PersonEntry[] = [];
  for await (const item of parseUnSc(file)) {
    if (item.kind !== 'person') continue;
    const d = item.data as import('../../src/records/record.ts').PersonData;
    out.push({
      id: `un-${item.externalId}`,
      names: d.names.map((n) => ({ value: n.value, type: n.type, script: n.script })),
      ...(d.birthDates ? { birthDates: d.birthDates } : {}),
      ...(d.nationalities ? { nationalities: d.nationalities } : {}),
      ...(d.gender ? { gender: d.gender } : {}),
    });
  }
  return out;
}

export const SIZES: Record<string, number> = { '50k': 50_000, '100k': 100_000, '1m': 1_000_000, '5m': 5_000_000 };

/**
 * `size` persons: every UN list person, then synthetic ones (70 % of Arabic culture, 8 % of
 * those an evaluation person made of held-out parts only; 30 % drawn from every name part).
 */
export function generateWatchlist(size: number, parts: NameParts, un: PersonEntry[], seed = 20260508): Watchlist {
  const rng = prng(seed ^ size);
  const entries: PersonEntry[] = new Array(size);
  const evalTruth: SynthTruth[] = [];
  const unArabicTargets: Watchlist['unArabicTargets'] = [];
  const stats = { un: 0, synthetic: 0, arabicCulture: 0, evalPool: 0, latinOnly: 0, both: 0, arabicOnly: 0, names: 0, nameChars: 0 };
  let n = 0;
  for (const p of un) {
    if (n >= size) break;
    const arabicNames = p.names.filter((x) => x.script === 'Arab');
    // half of the UN persons with an Arabic-script name lose it: their real Arabic name becomes a query
    if (arabicNames.length > 0 && arabicNames.length < p.names.length && fnv1a(p.id) % 2 === 0) {
      const original = arabicNames.find((x) => x.type === 'original') ?? arabicNames[0];
      unArabicTargets.push({ id: p.id, arabic: original.value });
      entries[n++] = { ...p, names: p.names.filter((x) => x.script !== 'Arab') };
    } else entries[n++] = p;
    stats.un++;
  }
  while (n < size) {
    const id = `syn-${String(n).padStart(7, '0')}`;
    const arab = rng() < 0.7;
    const isEval = arab && rng() < 0.08;
    const personParts = arab ? arabicParts(rng, isEval ? parts.heldOutPool : parts.arabicPool, parts.abdTargets) : globalParts(rng, parts.globalPool);
    const r = rng();
    const script = arab ? (r < 0.5 ? 'latin' : r < 0.9 ? 'both' : 'arabic') : r < 0.6 ? 'latin' : r < 0.95 ? 'both' : 'arabic';
    const names: PersonEntry['names'] = [];
    const latinNames: SynthTruth['latinNames'] = [];
    const arabicName = personParts.map((p) => p.ar).join(' ');
    if (script !== 'arabic') {
      const spellings = personParts.map((p) => spellPart(rng, p));
      const value = renderLatin(spellings);
      names.push({ value, type: 'primary', script: 'Latn' });
      latinNames.push({ value, spellings });
      const aliases = rng() < 0.5 ? 0 : rng() < 0.6 ? 1 : 2;
      for (let a = 0; a < aliases; a++) {
        const sp = personParts.map((p) => spellPart(rng, p));
        // an alias sometimes leaves out the father's name
        const short = personParts.length >= 3 && rng() < 0.3;
        const kept = short ? sp.filter((_, i) => i === 0 || i === sp.length - 1) : sp;
        const v = renderLatin(kept);
        if (names.some((x) => x.value === v)) continue;
        names.push({ value: v, type: 'alias', script: 'Latn' });
        latinNames.push({ value: v, spellings: short ? sp.map((s, i) => (i === 0 || i === sp.length - 1 ? s : '')) : sp });
      }
    }
    if (script !== 'latin') names.push({ value: arabicName, type: script === 'arabic' ? 'primary' : 'original', script: 'Arab' });
    const bd = randomBirthDates(rng);
    const nat = randomNationalities(rng, arab);
    const g = randomGender(rng);
    entries[n++] = { id, names, ...(bd ? { birthDates: bd } : {}), ...(nat ? { nationalities: nat } : {}), ...(g ? { gender: g } : {}) };
    if (isEval) evalTruth.push({ id, parts: personParts, latinNames, arabicName, latinOnly: script === 'latin' });
    stats.synthetic++;
    if (arab) stats.arabicCulture++;
    if (isEval) stats.evalPool++;
    stats[script === 'latin' ? 'latinOnly' : script === 'both' ? 'both' : 'arabicOnly']++;
  }
  for (const e of entries) {
    stats.names += e.names.length;
    for (const x of e.names) stats.nameChars += x.value.length;
  }
  return { size, entries, evalTruth, unArabicTargets, stats };
}
