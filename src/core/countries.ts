import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import { COUNTRY_ALIASES, FORMER_COUNTRIES, type FormerCountry } from './country-aliases.ts';
import { invalid } from './errors.ts';
import { fold } from './text.ts';

for (const l of [ar, en, es, fr]) countries.registerLocale(l);

export const LANGS = ['ar', 'fr', 'en', 'es'] as const;
export type Lang = (typeof LANGS)[number];
export type Names = Record<Lang, string>;

/** ISO 3166-1 alpha-3 codes, plus XKX (Kosovo, used by INTERPOL and ICAO). */
export function isAlpha3(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && (code === 'XKX' || countries.isValid(code));
}

export function assertAlpha3(code: string, field = 'country'): string {
  if (!isAlpha3(code)) throw invalid('invalid_country', `${field} must be an ISO 3166-1 alpha-3 code`, { field, value: code });
  return code;
}

/**
 * What a country value of a list means:
 *  - `country`: a country of today (`former` when it was written as the country it once was: ZR, Zaire);
 *  - `former`: a country that split (SU, YU, CS …): it says nothing about a nationality today,
 *    so it must count neither for nor against a match;
 *  - `unknown`: not a country we can read.
 */
export type CountryReading =
  | { kind: 'country'; alpha3: string; former?: { code: string; name: string } }
  | { kind: 'former'; code: string; name: string; successors: readonly string[] }
  | { kind: 'unknown' };

/**
 * Reads a country as lists write it: alpha-2, alpha-3, ISO 3166-3 former codes, the English,
 * French, Spanish and Arabic names of i18n-iso-countries, UN and ISO long and short forms
 * ("Korea (the Republic of)", "Iran (Islamic Republic of)", "Kingdom of Morocco"), common
 * names (Syria, Laos, Brunei, East Timor) and former countries ("former Soviet Union").
 *
 * @example
 * readCountry('United Kingdom of Great Britain and Northern Ireland') // { kind: 'country', alpha3: 'GBR' }
 * readCountry('ZR') // { kind: 'country', alpha3: 'COD', former: { code: 'ZR', name: 'Zaire' } }
 * readCountry('YU') // { kind: 'former', code: 'YU', name: 'Yugoslavia', successors: ['BIH', …] }
 */
export function readCountry(input: string): CountryReading {
  const s = input.replace(/\s+/g, ' ').trim();
  if (!s) return UNKNOWN;
  let hit = cache.get(s);
  if (!hit) {
    if (cache.size >= 10_000) cache.clear();
    hit = read(s);
    cache.set(s, hit);
  }
  return hit;
}

/** Resolves a country as readCountry does to alpha-3, or undefined (unknown, or a former country that split). */
export function toAlpha3(input: string): string | undefined {
  const r = readCountry(input);
  return r.kind === 'country' ? r.alpha3 : undefined;
}

export function countryNames(alpha3: string): Names {
  const out = {} as Names;
  for (const l of LANGS) out[l] = countries.getName(alpha3, l) ?? alpha3;
  return out;
}

// ---- reading ---------------------------------------------------------------------------

const UNKNOWN: CountryReading = { kind: 'unknown' };
const cache = new Map<string, CountryReading>();

type Entry = { alpha3: string } | { former: FormerCountry };

/** Folded for lookup: apostrophes and "&" as words, dots dropped (U.S.A.), "St" as "saint". */
function keyOf(s: string): string {
  const k = fold(s.replace(/&/g, ' and ').replace(/['’‘`ʻʼ]/g, ' ').replace(/\./g, ''));
  return k.replace(/\bst\b/g, 'saint');
}

let tables: { codes: Map<string, Entry>; names: Map<string, Entry> } | undefined;

function build() {
  const codes = new Map<string, Entry>();
  for (const [a2, a3] of Object.entries(countries.getAlpha2Codes()).map(([a2]) => [a2, countries.alpha2ToAlpha3(a2)!] as const)) {
    const alpha3 = a2 === 'XK' ? 'XKX' : a3;
    codes.set(a2, { alpha3 });
    codes.set(alpha3, { alpha3 });
  }
  // UK: reserved by ISO for the United Kingdom; D: Germany in ICAO 9303 machine-readable zones
  for (const [code, alpha3] of [['UK', 'GBR'], ['D', 'DEU'], ['ROM', 'ROU'], ['XKK', 'XKX']] as const) codes.set(code, { alpha3 });
  for (const f of FORMER_COUNTRIES) for (const c of [f.alpha2, f.alpha3]) if (c && !codes.has(c)) codes.set(c, { former: f });

  const names = new Map<string, Entry>();
  const conflicted = new Set<string>();
  const add = (name: string, entry: Entry) => {
    const k = keyOf(name);
    if (!k || conflicted.has(k)) return;
    const had = names.get(k);
    if (had && !('alpha3' in had && 'alpha3' in entry && had.alpha3 === entry.alpha3)) {
      // one name, two countries in the package (en "Congo"): neither, unless an alias decides
      names.delete(k);
      conflicted.add(k);
      return;
    }
    names.set(k, entry);
  };
  for (const lang of ['en', 'fr', 'es', 'ar']) {
    for (const [a2, list] of Object.entries(countries.getNames(lang, { select: 'all' }) as Record<string, string[]>)) {
      const alpha3 = a2 === 'XK' ? 'XKX' : countries.alpha2ToAlpha3(a2)!;
      for (const n of list) add(n, { alpha3 });
    }
  }
  // hand-written forms decide over the package
  for (const [alpha3, list] of Object.entries(COUNTRY_ALIASES)) for (const n of list) names.set(keyOf(n), { alpha3 });
  for (const f of FORMER_COUNTRIES) for (const n of f.names) names.set(keyOf(n), { former: f });
  return { codes, names };
}

const ARTICLE = /^(?:the|le|la|les|l|el|los|las) /;
const FORMER = /^(?:the )?(?:former|formerly|ex|l ex|ancienne?|antigua|antiguo) /;
// "Republic of X", "Kingdom of the X", "République du X", "Reino de X", "جمهورية X", "دولة X"
const DESIGNATION = new RegExp(
  [
    '^(?:(?:federal|democratic|socialist|islamic|people s|peoples|united|independent|plurinational|bolivarian|arab|oriental|cooperative|co operative|hashemite|federative|state) )*' +
      '(?:republic|kingdom|state|principality|grand duchy|duchy|sultanate|emirate|federation|union|commonwealth|confederation) of (?:the )?',
    '^(?:republique|royaume|etat|principaute|grand duche|sultanat|emirat|federation|union)(?: (?:federale|democratique|islamique|populaire|arabe|socialiste|unie|cooperative|plurinational|bolivarienne|orientale|independant))* (?:de la|de l|du|des|de|d) ',
    '^(?:republica|reino|estado|principado|gran ducado|sultanato|emirato|federacion|mancomunidad|union)(?: (?:federal|democratica|islamica|popular|arabe|socialista|unida|cooperativa|plurinacional|bolivariana|oriental|independiente))* (?:de la|de los|de las|del|de) ',
    '^(?:جمهوريه|الجمهوريه|مملكه|المملكه|دوله|سلطنه|اماره|اتحاد) ',
  ].join('|'),
);
/** Names a designation may not be stripped down to: which country they mean depends on it. */
const AMBIGUOUS = new Set(['korea', 'congo', 'كوريا', 'الكونغو', 'coree', 'corea']);

function read(s: string): CountryReading {
  tables ??= build();
  const { codes, names } = tables;
  if (/^[A-Za-z]{1,3}$/.test(s)) {
    const up = s.toUpperCase();
    const e = codes.get(up);
    return e ? toReading(e, up) : UNKNOWN;
  }
  const keys = variants(s);
  const designated = (k: string) => {
    const rest = k.replace(DESIGNATION, '');
    return rest === k || AMBIGUOUS.has(rest) ? undefined : (names.get(rest) ?? names.get(rest.replace(ARTICLE, '')));
  };
  const e =
    keys.map((k) => names.get(k)).find(Boolean) ??
    keys.map(designated).find(Boolean) ??
    keys.map((k) => (FORMER.test(k) ? (names.get(k.replace(FORMER, '')) ?? designated(k.replace(FORMER, ''))) : undefined)).find(Boolean);
  return e ? toReading(e) : UNKNOWN;
}

function toReading(e: Entry, code?: string): CountryReading {
  if ('alpha3' in e) return { kind: 'country', alpha3: e.alpha3 };
  const f = e.former;
  const c = code ?? f.alpha2 ?? f.alpha3 ?? f.name;
  return f.today ? { kind: 'country', alpha3: f.today, former: { code: c, name: f.name } } : { kind: 'former', code: c, name: f.name, successors: f.successors ?? [] };
}

/**
 * The lookup keys of a name, most literal first: as written, inverted ("Korea, Republic of",
 * "Iran (Islamic Republic of)"), each also without a leading article, then without its brackets.
 */
function variants(s: string): string[] {
  const forms: string[] = [keyOf(s)];
  const comma = /^([^,]+),\s*(.+)$/.exec(s);
  if (comma) forms.push(keyOf(`${comma[2]} ${comma[1]}`));
  const paren = /^(.+?)\s*\((.+)\)$/.exec(s);
  if (paren) forms.push(keyOf(`${paren[2]} ${paren[1]}`));
  const out = forms.flatMap((k) => (ARTICLE.test(k) ? [k, k.replace(ARTICLE, '')] : [k]));
  if (paren) out.push(keyOf(paren[1]));
  return out;
}
