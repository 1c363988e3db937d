/**
 * Deterministic demo data: persons with Arabic and Latin names and their spelling
 * variants, travel documents, vehicles and criminal groups, each with provenance, as a
 * lazy stream of import items. Pure: no database, no clock, no Math.random.
 *
 * Order guarantee: an item is yielded before any item that links to it (group, then for
 * each person its documents and vehicles, then the person).
 */
import type { TlpLevel } from '../core/handling.ts';
import type { DocumentData, GroupData, Name, PersonData, VehicleData } from '../records/record.ts';
import type { ImportItem } from '../records/import/import-item.ts';
import { DEMO_AGENCIES, ncbCodeOf } from './agencies.ts';
import { loadNamePairs, type Gender, type LatinName, type NameEntry, type NameKnowledge } from './names.ts';
import { createRandom, type Random, WeightedTable } from './random.ts';

export const SCALE_PERSONS = { tiny: 300, small: 20_000, medium: 200_000, large: 1_000_000 } as const;
export type DemoScale = keyof typeof SCALE_PERSONS;

/** One group per this many persons (at least MIN_GROUPS). */
const PERSONS_PER_GROUP = 200;
const MIN_GROUPS = 3;

export const LEGAL_BASES = {
  interpol_rpd: "Processed under INTERPOL's Rules on the Processing of Data for international police cooperation.",
  national_law: 'Processed under national criminal procedure law for the prevention and investigation of crime.',
  judicial_decision: 'Processed on the basis of a judicial decision (warrant or court order) in a criminal case.',
  bilateral_agreement: 'Processed under a bilateral police cooperation agreement with the partner country.',
} as const;
type LegalBasisCode = keyof typeof LEGAL_BASES;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

// ---------------------------------------------------------------------------
// Nationalities and how their names are built

type Style = 'maghreb' | 'mauritania' | 'chad' | 'westafrica' | 'mashriq' | 'european';

interface Profile {
  nat: string;
  weight: number;
  style: Style;
  /** Shares of Latin-only, Arabic-only and Latin + Arabic-original records. */
  scripts: [number, number, number];
  /** Language of the Latin spelling (French-style Youssef, English-style Yusuf …). */
  lang: string;
  femaleShare: number;
  cities: string[];
}

const PROFILES: Profile[] = [
  { nat: 'MAR', weight: 32, style: 'maghreb', scripts: [0.4, 0.15, 0.45], lang: 'fr', femaleShare: 0.2, cities: ['Casablanca', 'Rabat', 'Fès', 'Tanger', 'Marrakech', 'Oujda', 'Nador', 'Tétouan', 'Agadir', 'Meknès', 'Kénitra', 'Laâyoune', 'Salé', 'Beni Mellal', 'Al Hoceïma'] },
  { nat: 'DZA', weight: 8, style: 'maghreb', scripts: [0.45, 0.15, 0.4], lang: 'fr', femaleShare: 0.18, cities: ['Alger', 'Oran', 'Constantine', 'Annaba', 'Tlemcen', 'Sétif', 'Blida', 'Batna'] },
  { nat: 'TUN', weight: 5, style: 'maghreb', scripts: [0.45, 0.15, 0.4], lang: 'fr', femaleShare: 0.18, cities: ['Tunis', 'Sfax', 'Sousse', 'Kairouan', 'Bizerte', 'Gabès'] },
  { nat: 'MRT', weight: 3, style: 'mauritania', scripts: [0.45, 0.1, 0.45], lang: 'fr', femaleShare: 0.15, cities: ['Nouakchott', 'Nouadhibou', 'Rosso', 'Kiffa', 'Zouérate'] },
  { nat: 'TCD', weight: 2, style: 'chad', scripts: [0.6, 0.1, 0.3], lang: 'fr', femaleShare: 0.12, cities: ["N'Djamena", 'Moundou', 'Abéché', 'Sarh'] },
  { nat: 'SEN', weight: 5, style: 'westafrica', scripts: [0.88, 0, 0.12], lang: 'fr', femaleShare: 0.2, cities: ['Dakar', 'Thiès', 'Touba', 'Saint-Louis', 'Kaolack', 'Ziguinchor', 'Mbour'] },
  { nat: 'MLI', weight: 4, style: 'westafrica', scripts: [0.88, 0, 0.12], lang: 'fr', femaleShare: 0.15, cities: ['Bamako', 'Sikasso', 'Ségou', 'Mopti', 'Kayes', 'Gao', 'Tombouctou'] },
  { nat: 'CIV', weight: 4, style: 'westafrica', scripts: [0.9, 0, 0.1], lang: 'fr', femaleShare: 0.2, cities: ['Abidjan', 'Bouaké', 'Daloa', 'Yamoussoukro', 'Korhogo', 'San-Pédro'] },
  { nat: 'NER', weight: 2, style: 'westafrica', scripts: [0.85, 0, 0.15], lang: 'fr', femaleShare: 0.12, cities: ['Niamey', 'Zinder', 'Maradi', 'Agadez', 'Tahoua'] },
  { nat: 'EGY', weight: 4, style: 'mashriq', scripts: [0.15, 0.4, 0.45], lang: 'en', femaleShare: 0.15, cities: ['Cairo', 'Alexandria', 'Giza', 'Port Said', 'Mansoura', 'Asyut'] },
  { nat: 'SYR', weight: 3, style: 'mashriq', scripts: [0.15, 0.4, 0.45], lang: 'en', femaleShare: 0.15, cities: ['Damascus', 'Aleppo', 'Homs', 'Latakia', 'Deir ez-Zor'] },
  { nat: 'IRQ', weight: 2, style: 'mashriq', scripts: [0.15, 0.4, 0.45], lang: 'en', femaleShare: 0.12, cities: ['Baghdad', 'Basra', 'Mosul', 'Erbil', 'Kirkuk'] },
  { nat: 'ESP', weight: 7, style: 'european', scripts: [1, 0, 0], lang: 'es', femaleShare: 0.2, cities: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Málaga', 'Algeciras', 'Almería', 'Ceuta', 'Melilla'] },
  { nat: 'FRA', weight: 7, style: 'european', scripts: [1, 0, 0], lang: 'fr', femaleShare: 0.2, cities: ['Paris', 'Marseille', 'Lyon', 'Toulouse', 'Lille', 'Bordeaux', 'Montpellier'] },
  { nat: 'BEL', weight: 3, style: 'european', scripts: [1, 0, 0], lang: 'fr', femaleShare: 0.2, cities: ['Bruxelles', 'Antwerpen', 'Liège', 'Gent', 'Charleroi'] },
  { nat: 'NLD', weight: 3, style: 'european', scripts: [1, 0, 0], lang: 'nl', femaleShare: 0.2, cities: ['Amsterdam', 'Rotterdam', 'Den Haag', 'Utrecht', 'Eindhoven'] },
  { nat: 'ITA', weight: 3, style: 'european', scripts: [1, 0, 0], lang: 'it', femaleShare: 0.2, cities: ['Roma', 'Milano', 'Napoli', 'Torino', 'Palermo'] },
  { nat: 'USA', weight: 3, style: 'european', scripts: [1, 0, 0], lang: 'en', femaleShare: 0.2, cities: ['New York', 'Los Angeles', 'Chicago', 'Houston', 'Miami'] },
];

/** Second nationalities of the diaspora (Moroccans in Spain, Algerians in France …). */
const DIASPORA: Record<string, { share: number; countries: string[] }> = {
  MAR: { share: 0.12, countries: ['ESP', 'FRA', 'BEL', 'NLD', 'ITA'] },
  DZA: { share: 0.1, countries: ['FRA'] },
  TUN: { share: 0.08, countries: ['FRA', 'ITA'] },
  SEN: { share: 0.05, countries: ['FRA', 'ITA', 'ESP'] },
  MLI: { share: 0.05, countries: ['FRA'] },
};

/** A name of either corpus: Arabic-origin entries carry Arabic, European ones do not. */
type AnyName = NameEntry | LatinName;
const arabicOf = (n: AnyName) => ('arabic' in n ? n.arabic : undefined);

interface Pools {
  male: WeightedTable<AnyName>;
  female: WeightedTable<AnyName>;
  family?: WeightedTable<AnyName>;
}

interface Context {
  profiles: WeightedTable<Profile>;
  byNat: Map<string, Profile>;
  pools: Map<string, Pools>;
}

const contexts = new WeakMap<NameKnowledge, Context>();

function contextOf(k: NameKnowledge): Context {
  const cached = contexts.get(k);
  if (cached) return cached;
  const pools = new Map<string, Pools>();
  for (const p of PROFILES) {
    const names: AnyName[] = p.style === 'european' ? k.european : k.arabicOrigin;
    const of = (pred: (n: AnyName) => boolean) => {
      const list = names.filter((n) => n.countries.includes(p.nat) && pred(n));
      // frequent names stay frequent without drowning the rest
      return list.length ? new WeightedTable(list, list.map((n) => ('count' in n ? Math.sqrt(n.count) + 1 : 1))) : undefined;
    };
    const male = of((n) => n.part === 'given' && n.gender === 'male');
    const female = of((n) => n.part === 'given' && n.gender === 'female');
    if (!male || !female) throw new Error(`No given names for ${p.nat}`);
    pools.set(p.nat, { male, female, family: of((n) => n.part === 'family') });
  }
  const ctx = { profiles: new WeightedTable(PROFILES, PROFILES.map((p) => p.weight)), byNat: new Map(PROFILES.map((p) => [p.nat, p])), pools };
  contexts.set(k, ctx);
  return ctx;
}

// ---------------------------------------------------------------------------
// Names

interface BuiltName {
  latin: string;
  arabic?: string;
  latinAliases: string[];
  arabicAliases: string[];
}

const upper = (s: string) => s.toLocaleUpperCase('fr');

function variantOf(r: Random, n: AnyName): string | undefined {
  if (!('variants' in n) || n.variants.length === 0) return undefined;
  return r.weighted(n.variants, n.variantWeights);
}

function drawDistinct(r: Random, table: WeightedTable<AnyName>, not: AnyName): AnyName {
  for (let i = 0; i < 4; i++) {
    const n = table.draw(r);
    if (n !== not) return n;
  }
  return table.draw(r);
}

function buildName(r: Random, p: Profile, pools: Pools, gender: Gender): BuiltName {
  const given = (gender === 'male' ? pools.male : pools.female).draw(r);
  const la: string[] = [];
  const aa: string[] = [];
  const g = given.latin;
  const gAr = arabicOf(given);
  switch (p.style) {
    case 'maghreb': {
      let famL: string;
      let famA: string;
      let family: AnyName | undefined;
      if (r.chance(0.12)) {
        // a patronymic family name: Ben Youssef / Benyoussef, بن يوسف
        const father = pools.male.draw(r);
        famL = r.chance(0.5) ? `Ben ${father.latin}` : `Ben${father.latin.toLowerCase()}`;
        famA = `بن ${arabicOf(father)}`;
      } else {
        family = pools.family!.draw(r);
        famL = family.latin;
        famA = arabicOf(family)!;
      }
      const gv = variantOf(r, given);
      const fv = family && variantOf(r, family);
      if (gv && r.chance(0.55)) la.push(`${gv} ${r.chance(0.3) && fv ? fv : famL}`);
      else if (fv && r.chance(0.4)) la.push(`${g} ${fv}`);
      if (r.chance(0.25)) la.push(`${upper(famL)} ${g}`);
      if (family && r.chance(0.15)) {
        const father = pools.male.draw(r);
        la.push(`${g} ben ${father.latin} ${famL}`);
        aa.push(`${gAr} بن ${arabicOf(father)} ${famA}`);
      }
      if (family && /^El /.test(famL) && r.chance(0.35)) {
        const rest = famL.slice(3);
        la.push(`${g} ${r.pick([`Al-${rest}`, rest, `El-${rest}`, `El${rest.toLowerCase()}`])}`);
      }
      if ('arabicVariants' in given && given.arabicVariants.length > 0 && r.chance(0.5)) aa.push(`${r.pick(given.arabicVariants)} ${famA}`);
      if (r.chance(0.08)) aa.push(`${famA} ${gAr}`);
      return { latin: `${g} ${famL}`, arabic: `${gAr} ${famA}`, latinAliases: la, arabicAliases: aa };
    }
    case 'mauritania': {
      const father = drawDistinct(r, pools.male, given);
      const [particle, particleAr] = gender === 'female' ? ['Mint', 'منت'] : ['Ould', 'ولد'];
      const f = father.latin;
      if (r.chance(0.3)) la.push(`${g} ${f}`);
      const gv = variantOf(r, given);
      const fv = variantOf(r, father);
      if ((gv || fv) && r.chance(0.45)) la.push(`${gv ?? g} ${particle} ${fv ?? f}`);
      if (r.chance(0.2)) la.push(`${upper(particle)} ${upper(f)} ${g}`);
      if (r.chance(0.12)) la.push(`${g} ${particle}-${f}`);
      if (r.chance(0.15)) aa.push(`${gAr} ${gender === 'female' ? 'بنت' : 'بن'} ${arabicOf(father)}`);
      return { latin: `${g} ${particle} ${f}`, arabic: `${gAr} ${particleAr} ${arabicOf(father)}`, latinAliases: la, arabicAliases: aa };
    }
    case 'chad': {
      // given name, father's name, sometimes grandfather's name
      const chain = [given, drawDistinct(r, pools.male, given)];
      if (r.chance(0.5)) chain.push(drawDistinct(r, pools.male, chain[1]));
      const latin = chain.map((n) => n.latin).join(' ');
      const rest = chain.slice(1).map((n) => n.latin).join(' ');
      const gv = variantOf(r, given);
      if (gv && r.chance(0.45)) la.push(`${gv} ${rest}`);
      if (chain.length === 3 && r.chance(0.3)) la.push(`${g} ${chain[1].latin}`);
      if (r.chance(0.2)) la.push(`${upper(chain[chain.length - 1].latin)} ${chain.slice(0, -1).map((n) => n.latin).join(' ')}`);
      return { latin, arabic: chain.map(arabicOf).join(' '), latinAliases: la, arabicAliases: aa };
    }
    case 'westafrica': {
      const family = pools.family!.draw(r);
      const second = gender === 'male' && r.chance(0.2) ? drawDistinct(r, pools.male, given) : undefined;
      const fam = family.latin;
      const givenPart = second ? `${g} ${second.latin}` : g;
      if (r.chance(0.3)) la.push(`${upper(fam)} ${givenPart}`);
      const gv = variantOf(r, given);
      if (gv && r.chance(0.3)) la.push(`${gv} ${fam}`);
      if (second && r.chance(0.5)) la.push(`${g} ${fam}`);
      const arabic = [given, second, family].filter((n): n is AnyName => n !== undefined).map(arabicOf).join(' ');
      return { latin: `${givenPart} ${fam}`, arabic, latinAliases: la, arabicAliases: aa };
    }
    case 'mashriq': {
      const family = pools.family!.draw(r);
      const father = r.chance(0.7) ? drawDistinct(r, pools.male, given) : undefined;
      const fam = family.latin;
      const mid = father ? ` ${father.latin}` : '';
      const gv = variantOf(r, given);
      if (gv && r.chance(0.5)) la.push(`${gv}${mid} ${fam}`);
      if (father && r.chance(0.3)) la.push(`${g} ${fam}`);
      if (/^Al-/.test(fam) && r.chance(0.4)) {
        const rest = fam.slice(3);
        la.push(`${g}${mid} ${r.pick([rest, `El-${rest}`, `al-${rest}`, `Al ${rest}`])}`);
      }
      if (r.chance(0.15)) la.push(`${upper(fam)} ${g}${mid}`);
      const famAr = arabicOf(family)!;
      if (father && r.chance(0.3)) aa.push(`${gAr} ${famAr}`);
      return { latin: `${g}${mid} ${fam}`, arabic: `${gAr}${father ? ` ${arabicOf(father)}` : ''} ${famAr}`, latinAliases: la, arabicAliases: aa };
    }
    case 'european': {
      const family = pools.family!.draw(r);
      let givenPart = g;
      let fam = family.latin;
      if (p.nat === 'FRA' && r.chance(0.15)) {
        // Jean-Luc, Marie-Sophie: the first element is nearly always one of a few
        const first = gender === 'male' ? r.pick(['Jean', 'Jean', 'Pierre', 'Marc']) : 'Marie';
        if (first !== g) {
          givenPart = `${first}-${g}`;
          if (r.chance(0.5)) la.push(`${first} ${g} ${fam}`);
        }
      }
      if (p.nat === 'ESP') {
        // two surnames, the second often dropped abroad
        fam = `${fam} ${drawDistinct(r, pools.family!, family).latin}`;
        if (r.chance(0.5)) la.push(`${givenPart} ${family.latin}`);
      }
      if (p.nat === 'USA' && r.chance(0.2)) la.push(`${givenPart} ${r.chars('ABCDEFGHJKLMNPRSTW', 1)}. ${fam}`);
      if (r.chance(0.25)) la.push(`${upper(fam)} ${givenPart}`);
      return { latin: `${givenPart} ${fam}`, latinAliases: la, arabicAliases: aa };
    }
  }
}

/** One swap of neighbouring letters: the typo a hurried data entry makes. */
function typo(r: Random, s: string): string | undefined {
  const positions: number[] = [];
  for (let i = 1; i < s.length - 1; i++) if (/\p{Ll}/u.test(s[i]) && /\p{Ll}/u.test(s[i + 1]) && s[i] !== s[i + 1]) positions.push(i);
  if (positions.length === 0) return undefined;
  const i = r.pick(positions);
  return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
}

const MAX_ALIASES = 4;

function toNames(r: Random, p: Profile, built: BuiltName): Name[] {
  const [latinOnly, arabicOnly] = p.scripts;
  const x = r.next();
  const mode = !built.arabic || x < latinOnly ? 'latin' : x < latinOnly + arabicOnly ? 'arabic' : 'both';
  const names: Name[] = [];
  const seen = new Set<string>();
  const add = (value: string, script: 'Latn' | 'Arab', type: Name['type'], quality?: 'low') => {
    if (seen.has(value) || (type === 'alias' && names.length > MAX_ALIASES)) return;
    seen.add(value);
    const name: Name = { value, script, lang: script === 'Arab' ? 'ar' : p.lang, type };
    if (quality) name.quality = quality;
    names.push(name);
  };
  if (mode === 'arabic') {
    add(built.arabic!, 'Arab', 'primary');
    for (const a of built.arabicAliases) add(a, 'Arab', 'alias');
    return names;
  }
  add(built.latin, 'Latn', 'primary');
  if (mode === 'both') add(built.arabic!, 'Arab', 'original');
  for (const a of built.latinAliases) add(a, 'Latn', 'alias');
  if (mode === 'both') for (const a of built.arabicAliases) add(a, 'Arab', 'alias');
  if (r.chance(0.04)) {
    const t = typo(r, built.latin);
    if (t) add(t, 'Latn', 'alias', 'low');
  }
  return names;
}

// ---------------------------------------------------------------------------
// Dates

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

interface Birth {
  year: number;
  month: number;
  day: number;
}

function birth(r: Random): Birth {
  // triangular around 1980: most persons of interest are 20 to 50
  const year = 1955 + Math.floor((r.next() + r.next()) * 25.5);
  const month = r.int(1, 12);
  return { year, month, day: r.int(1, daysIn(year, month)) };
}

function birthDateText(r: Random, b: Birth): string | undefined {
  const x = r.next();
  if (x < 0.6) return `${b.year}-${pad(b.month, 2)}-${pad(b.day, 2)}`;
  if (x < 0.85) return String(b.year);
  if (x < 0.95) return `${b.year}-${pad(b.month, 2)}`;
  return undefined;
}

/** A full date in [fromYear, toYear]; day at most 28 so that adding years stays valid. */
function fullDate(r: Random, fromYear: number, toYear: number): [number, number, number] {
  return [r.int(fromYear, toYear), r.int(1, 12), r.int(1, 28)];
}
const isoOf = ([y, m, d]: [number, number, number]) => `${y}-${pad(m, 2)}-${pad(d, 2)}`;

// ---------------------------------------------------------------------------
// Identifiers: a counter run through a bijection of [0, 10^n) so numbers look random
// yet never repeat within a format.

/** A few rounds of multiply / xor-shift on k bits: a bijection of [0, 2^k). */
function mixBits(x: number, k: number): number {
  const mask = k >= 32 ? -1 : (1 << k) - 1;
  const shift = Math.ceil(k / 2);
  for (let round = 0; round < 3; round++) {
    x = (Math.imul(x, 0x2c1b3c6d) + 0x297a2d39) & mask;
    x ^= x >>> shift;
  }
  return x >>> 0;
}

function serial(counter: number, digits: number): string {
  const n = Math.min(digits, 9);
  const mod = 10 ** n;
  const k = Math.ceil(Math.log2(mod));
  // cycle-walking keeps the bijection when 2^k overshoots 10^n
  let v = counter % mod;
  do v = mixBits(v, k);
  while (v >= mod);
  return pad(v, n).padStart(digits, '1');
}

const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const ALNUM = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';

interface DocCtx {
  r: Random;
  n: number;
  birth: Birth;
}

type DocFormat = (c: DocCtx) => string;

function belgianNationalNumber(c: DocCtx): string {
  const base = `${String(c.birth.year).slice(2)}${pad(c.birth.month, 2)}${pad(c.birth.day, 2)}${serial(c.n, 3)}`;
  // the check uses a leading 2 for those born from 2000
  const value = Number(c.birth.year >= 2000 ? `2${base}` : base);
  const check = 97 - (value % 97);
  return `${base.slice(0, 6)}-${base.slice(6)}-${pad(check, 2)}`;
}

function spanishDni(c: DocCtx): string {
  const digits = serial(c.n, 8);
  return digits + 'TRWAGMYFPDXBNJZSQVHLCKE'[Number(digits) % 23];
}

function egyptianNationalId(c: DocCtx): string {
  const b = c.birth;
  const century = b.year >= 2000 ? '3' : '2';
  return `${century}${String(b.year).slice(2)}${pad(b.month, 2)}${pad(b.day, 2)}${pad(c.r.int(1, 35), 2)}${serial(c.n, 4)}${c.r.int(1, 9)}`;
}

/** Plausible number patterns per issuing country; national ids only where the country issues one. */
const DOC_FORMATS: Record<string, { passport: DocFormat; national_id?: DocFormat }> = {
  MAR: { passport: (c) => c.r.chars(LETTERS, 2) + serial(c.n, 7), national_id: (c) => c.r.chars(LETTERS, c.r.chance(0.7) ? 2 : 1) + serial(c.n, 6) },
  DZA: { passport: (c) => serial(c.n, 9), national_id: (c) => serial(c.n, 9) },
  TUN: { passport: (c) => c.r.chars(LETTERS, 1) + serial(c.n, 6), national_id: (c) => c.r.pick(['0', '1']) + serial(c.n, 7) },
  MRT: { passport: (c) => c.r.chars(LETTERS, 1) + serial(c.n, 8), national_id: (c) => serial(c.n, 10) },
  TCD: { passport: (c) => c.r.chars(LETTERS, 1) + serial(c.n, 7), national_id: (c) => serial(c.n, 10) },
  SEN: { passport: (c) => 'A' + serial(c.n, 8), national_id: (c) => c.r.pick(['1', '2']) + c.r.digits(3) + serial(c.n, 9) },
  MLI: { passport: (c) => c.r.chars(LETTERS, 2) + serial(c.n, 7), national_id: (c) => c.r.digits(5) + serial(c.n, 9) + c.r.chars(LETTERS, 1) },
  CIV: { passport: (c) => c.r.digits(2) + c.r.chars(LETTERS, 2) + serial(c.n, 5), national_id: (c) => 'CI' + serial(c.n, 9) },
  NER: { passport: (c) => c.r.chars(LETTERS, 2) + serial(c.n, 7), national_id: (c) => serial(c.n, 9) },
  EGY: { passport: (c) => 'A' + serial(c.n, 8), national_id: egyptianNationalId },
  SYR: { passport: (c) => 'N' + serial(c.n, 9), national_id: (c) => serial(c.n, 11) },
  IRQ: { passport: (c) => 'A' + serial(c.n, 8), national_id: (c) => c.r.digits(3) + serial(c.n, 9) },
  ESP: { passport: (c) => c.r.chars(LETTERS, 3) + serial(c.n, 6), national_id: spanishDni },
  FRA: { passport: (c) => c.r.digits(2) + c.r.chars(LETTERS, 2) + serial(c.n, 5), national_id: (c) => c.r.chars(ALNUM, 3) + serial(c.n, 6) },
  BEL: { passport: (c) => c.r.chars(LETTERS, 2) + serial(c.n, 6), national_id: belgianNationalNumber },
  NLD: { passport: (c) => c.r.chars(LETTERS, 2) + c.r.chars(ALNUM, 2) + serial(c.n, 5), national_id: (c) => c.r.chars(LETTERS, 2) + c.r.chars(ALNUM, 2) + serial(c.n, 5) },
  ITA: { passport: (c) => c.r.chars(LETTERS, 2) + serial(c.n, 7), national_id: (c) => 'CA' + serial(c.n, 5) + c.r.chars(LETTERS, 2) },
  USA: { passport: (c) => (c.r.chance(0.5) ? c.r.chars(LETTERS, 1) + serial(c.n, 8) : serial(c.n, 9)) },
};

const DOC_STATUSES: DocumentData['status'][] = ['valid', 'stolen', 'lost', 'revoked'];
const DOC_STATUS_WEIGHTS = [85, 7, 5, 3];

/** Passport validity in years (Morocco: 5). */
const passportYears = (country: string) => (country === 'MAR' ? 5 : 10);

// ---------------------------------------------------------------------------
// Vehicles

interface Make {
  make: string;
  wmi: string[];
  models: string[];
}

const MAKES: Record<string, Make> = {
  dacia: { make: 'Dacia', wmi: ['UU1'], models: ['Logan', 'Sandero', 'Duster', 'Dokker'] },
  renault: { make: 'Renault', wmi: ['VF1'], models: ['Clio', 'Mégane', 'Kangoo', 'Master'] },
  peugeot: { make: 'Peugeot', wmi: ['VF3'], models: ['208', '301', '308', 'Partner', 'Boxer'] },
  citroen: { make: 'Citroën', wmi: ['VF7'], models: ['C3', 'C-Elysée', 'Berlingo', 'Jumper'] },
  vw: { make: 'Volkswagen', wmi: ['WVW'], models: ['Golf', 'Passat', 'Touareg', 'Polo'] },
  mercedes: { make: 'Mercedes-Benz', wmi: ['WDB', 'WDD'], models: ['C-Class', 'E-Class', 'Sprinter', 'Vito'] },
  bmw: { make: 'BMW', wmi: ['WBA'], models: ['3 Series', '5 Series', 'X5'] },
  audi: { make: 'Audi', wmi: ['WAU'], models: ['A4', 'A6', 'Q7'] },
  toyota: { make: 'Toyota', wmi: ['JTD', 'JTE', 'JTM'], models: ['Land Cruiser', 'Hilux', 'Corolla', 'Yaris', 'RAV4'] },
  hyundai: { make: 'Hyundai', wmi: ['KMH'], models: ['Accent', 'i10', 'Tucson'] },
  kia: { make: 'Kia', wmi: ['KNA'], models: ['Picanto', 'Sportage', 'Rio'] },
  fiat: { make: 'Fiat', wmi: ['ZFA'], models: ['Uno', 'Punto', 'Doblò', 'Panda'] },
  seat: { make: 'SEAT', wmi: ['VSS'], models: ['Ibiza', 'León'] },
  ford: { make: 'Ford', wmi: ['WF0'], models: ['Transit', 'Focus', 'Fiesta'] },
  landrover: { make: 'Land Rover', wmi: ['SAL'], models: ['Range Rover', 'Defender', 'Discovery'] },
  nissan: { make: 'Nissan', wmi: ['SJN', 'JN1'], models: ['Qashqai', 'Navara', 'Patrol'] },
  fordus: { make: 'Ford', wmi: ['1FT'], models: ['F-150', 'Explorer'] },
  chevrolet: { make: 'Chevrolet', wmi: ['1GC'], models: ['Silverado', 'Tahoe'] },
  toyotaus: { make: 'Toyota', wmi: ['4T1'], models: ['Camry', 'Corolla'] },
  honda: { make: 'Honda', wmi: ['1HG'], models: ['Accord', 'Civic'] },
  jeep: { make: 'Jeep', wmi: ['1C4'], models: ['Grand Cherokee', 'Wrangler'] },
};

const makeTable = (weights: Record<string, number>) => new WeightedTable(Object.keys(weights).map((k) => MAKES[k]), Object.values(weights));
const MAKES_BY_MARKET = {
  MAR: makeTable({ dacia: 20, renault: 12, peugeot: 12, citroen: 6, vw: 8, mercedes: 10, toyota: 6, hyundai: 8, kia: 5, fiat: 5, ford: 3, bmw: 2, audi: 2, landrover: 1, nissan: 2, seat: 2 }),
  EU: makeTable({ renault: 10, peugeot: 10, citroen: 6, vw: 12, mercedes: 8, bmw: 7, audi: 7, seat: 6, fiat: 6, ford: 6, toyota: 5, dacia: 5, landrover: 3, hyundai: 4, kia: 4, nissan: 3 }),
  SAHEL: makeTable({ toyota: 30, peugeot: 10, hyundai: 8, nissan: 8, mercedes: 8, renault: 6, kia: 5, ford: 5, landrover: 3 }),
  US: makeTable({ fordus: 10, chevrolet: 8, toyotaus: 8, honda: 7, jeep: 5 }),
};

const COLOURS = ['white', 'black', 'grey', 'silver', 'blue', 'red', 'beige', 'green', 'brown'];
const COLOUR_WEIGHTS = [30, 18, 16, 12, 8, 7, 4, 3, 2];

const VIN_VALUE: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN_CHARS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
/** Model-year codes 2005–2024 (ISO 3779 skips I, O, Q, U, Z and 0). */
const MODEL_YEARS = [...'56789ABCDEFGHJKLMNPR'];

/** A 17-character VIN with a valid check digit (position 9, North American rule). */
export function makeVin(r: Random, wmi: string, counter: number): string {
  const body = wmi + r.chars(VIN_CHARS, 5) + '0' + r.pick(MODEL_YEARS) + r.chars(VIN_CHARS, 1) + serial(counter, 6);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = body[i];
    sum += (ch >= '0' && ch <= '9' ? Number(ch) : VIN_VALUE[ch]) * VIN_WEIGHTS[i];
  }
  const check = sum % 11 === 10 ? 'X' : String(sum % 11);
  return body.slice(0, 8) + check + body.slice(9);
}

export const MOROCCAN_PLATE_LETTERS = ['أ', 'ب', 'د', 'ه', 'و', 'ط'];
const SENEGAL_REGIONS = ['DK', 'TH', 'SL', 'ZG', 'KL', 'LG', 'DB', 'FK', 'KD', 'MT', 'TC', 'KF'];
const ES_LETTERS = 'BCDFGHJKLMNPRSTVWXYZ';
const FR_LETTERS = 'ABCDEFGHJKLMNPQRSTVWXYZ';
const NL_LETTERS = 'BDFGHJKLNPRSTVXZ';

type PlateFormat = (r: Random, n: number) => string;

const PLATES: Record<string, { format: PlateFormat; market: keyof typeof MAKES_BY_MARKET }> = {
  // registration number, series letter, prefecture code: 12345-أ-6
  MAR: { format: (r, n) => `${(Number(serial(n, 5)) % 99999) + 1}-${r.pick(MOROCCAN_PLATE_LETTERS)}-${r.int(1, 89)}`, market: 'MAR' },
  ESP: { format: (r, n) => `${serial(n, 4)} ${r.chars(ES_LETTERS, 3)}`, market: 'EU' },
  FRA: { format: (r, n) => `${r.chars(FR_LETTERS, 2)}-${serial(n, 3)}-${r.chars(FR_LETTERS, 2)}`, market: 'EU' },
  SEN: { format: (r, n) => `${r.pick(SENEGAL_REGIONS)}-${serial(n, 4)}-${r.chars(LETTERS, r.chance(0.6) ? 1 : 2)}`, market: 'SAHEL' },
  BEL: { format: (r, n) => `${r.int(1, 2)}-${r.chars(FR_LETTERS, 3)}-${serial(n, 3)}`, market: 'EU' },
  NLD: { format: (r, n) => `${r.chars(NL_LETTERS, 1)}-${serial(n, 3)}-${r.chars(NL_LETTERS, 2)}`, market: 'EU' },
  ITA: { format: (r, n) => `${r.chars(FR_LETTERS, 2)} ${serial(n, 3)} ${r.chars(FR_LETTERS, 2)}`, market: 'EU' },
  USA: { format: (r, n) => `${r.int(1, 9)}${r.chars(FR_LETTERS, 3)}${serial(n, 3)}`, market: 'US' },
};

const VEHICLE_STATUSES: VehicleData['status'][] = ['stolen', 'wanted', 'seized', 'ok'];
const VEHICLE_STATUS_WEIGHTS = [55, 30, 10, 5];

// ---------------------------------------------------------------------------
// Provenance

interface Provenance {
  ownerAgencyCode: string;
  tlp: TlpLevel;
  restrictedToCodes?: string[];
  legalBasisCode: LegalBasisCode;
  legalBasis: string;
}

const MOROCCAN_OWNERS = new WeightedTable(['MAR-NCB', 'MAR-BNPJ', 'MAR-BORDER', 'MAR-DGST', 'MAR-CYBER'], [30, 14, 10, 6, 3]);
const FOREIGN_AGENCIES = DEMO_AGENCIES.filter((a) => a.country !== 'MAR').map((a) => a.code);
const ALL_AGENCIES = DEMO_AGENCIES.map((a) => a.code);
const TLPS = new WeightedTable<TlpLevel>(['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'], [3, 20, 60, 13, 4]);
const LEGAL_BASIS_CODES = new WeightedTable<LegalBasisCode>(['interpol_rpd', 'national_law', 'judicial_decision', 'bilateral_agreement'], [35, 35, 20, 10]);

function provenance(r: Random, nat?: string): Provenance {
  let owner: string;
  if (r.chance(0.63)) owner = MOROCCAN_OWNERS.draw(r);
  else {
    const ncb = nat && nat !== 'MAR' ? ncbCodeOf(nat) : undefined;
    owner = ncb && r.chance(0.6) ? ncb : r.pick(FOREIGN_AGENCIES);
  }
  const tlp = TLPS.draw(r);
  const legalBasisCode = LEGAL_BASIS_CODES.draw(r);
  const p: Provenance = { ownerAgencyCode: owner, tlp, legalBasisCode, legalBasis: LEGAL_BASES[legalBasisCode] };
  if (tlp === 'RED' || (tlp === 'AMBER+STRICT' && r.chance(0.5))) {
    const others = ALL_AGENCIES.filter((c) => c !== owner);
    p.restrictedToCodes = r.sample(others, r.int(1, 2));
  }
  return p;
}

// ---------------------------------------------------------------------------
// Groups

interface Place {
  fr: string;
  en: string;
  ar: string;
  country: string;
}

const PLACES: Place[] = [
  { fr: 'Nador', en: 'Nador', ar: 'الناظور', country: 'MAR' },
  { fr: 'Tanger', en: 'Tangier', ar: 'طنجة', country: 'MAR' },
  { fr: 'Tétouan', en: 'Tetouan', ar: 'تطوان', country: 'MAR' },
  { fr: 'Casablanca', en: 'Casablanca', ar: 'الدار البيضاء', country: 'MAR' },
  { fr: 'Oujda', en: 'Oujda', ar: 'وجدة', country: 'MAR' },
  { fr: 'Agadir', en: 'Agadir', ar: 'أكادير', country: 'MAR' },
  { fr: 'Laâyoune', en: 'Laayoune', ar: 'العيون', country: 'MAR' },
  { fr: 'Dakhla', en: 'Dakhla', ar: 'الداخلة', country: 'MAR' },
  { fr: 'Fès', en: 'Fez', ar: 'فاس', country: 'MAR' },
  { fr: 'Marrakech', en: 'Marrakesh', ar: 'مراكش', country: 'MAR' },
  { fr: 'Algésiras', en: 'Algeciras', ar: 'الجزيرة الخضراء', country: 'ESP' },
  { fr: 'Almería', en: 'Almería', ar: 'ألمرية', country: 'ESP' },
  { fr: 'Marseille', en: 'Marseille', ar: 'مرسيليا', country: 'FRA' },
  { fr: 'Anvers', en: 'Antwerp', ar: 'أنتويرب', country: 'BEL' },
  { fr: 'Rotterdam', en: 'Rotterdam', ar: 'روتردام', country: 'NLD' },
  { fr: 'Gênes', en: 'Genoa', ar: 'جنوة', country: 'ITA' },
  { fr: 'Bamako', en: 'Bamako', ar: 'باماكو', country: 'MLI' },
  { fr: 'Gao', en: 'Gao', ar: 'غاو', country: 'MLI' },
  { fr: 'Agadez', en: 'Agadez', ar: 'أغاديس', country: 'NER' },
  { fr: 'Nouakchott', en: 'Nouakchott', ar: 'نواكشوط', country: 'MRT' },
  { fr: 'Nouadhibou', en: 'Nouadhibou', ar: 'نواذيبو', country: 'MRT' },
  { fr: 'Dakar', en: 'Dakar', ar: 'داكار', country: 'SEN' },
  { fr: 'Abidjan', en: 'Abidjan', ar: 'أبيدجان', country: 'CIV' },
  { fr: "N'Djamena", en: "N'Djamena", ar: 'انجامينا', country: 'TCD' },
  { fr: 'Oran', en: 'Oran', ar: 'وهران', country: 'DZA' },
  { fr: 'Tamanrasset', en: 'Tamanrasset', ar: 'تمنراست', country: 'DZA' },
  { fr: 'Sfax', en: 'Sfax', ar: 'صفاقس', country: 'TUN' },
  { fr: 'Alexandrie', en: 'Alexandria', ar: 'الإسكندرية', country: 'EGY' },
];

interface Activity {
  en: string;
  fr: string;
  ar: string;
}

const ACTIVITIES: Activity[] = [
  { en: 'cannabis resin trafficking', fr: 'trafic de résine de cannabis', ar: 'الاتجار الدولي في المخدرات' },
  { en: 'cocaine trafficking', fr: 'trafic de cocaïne', ar: 'تهريب الكوكايين' },
  { en: 'psychotropic pills trafficking', fr: 'trafic de psychotropes', ar: 'الاتجار في الأقراص المهلوسة' },
  { en: 'migrant smuggling', fr: 'trafic de migrants', ar: 'تهريب المهاجرين' },
  { en: 'vehicle theft and resale', fr: 'vol et recel de véhicules', ar: 'سرقة السيارات' },
  { en: 'document forgery', fr: 'faux documents', ar: 'تزوير الوثائق' },
  { en: 'online fraud', fr: 'escroquerie en ligne', ar: 'النصب الإلكتروني' },
  { en: 'cigarette smuggling', fr: 'contrebande de cigarettes', ar: 'تهريب السجائر' },
  { en: 'fuel smuggling', fr: 'contrebande de carburant', ar: 'تهريب الوقود' },
];

/** Operation-style code names, the way the press and units refer to gangs. */
const CODE_NAMES: Array<{ fr: string; en: string; es: string; ar: string }> = [
  { fr: 'Bande du Scorpion', en: 'Scorpion gang', es: 'Banda del Escorpión', ar: 'العقرب' },
  { fr: 'Bande du Faucon', en: 'Falcon gang', es: 'Banda del Halcón', ar: 'الصقر' },
  { fr: 'Bande du Cobra', en: 'Cobra gang', es: 'Banda de la Cobra', ar: 'الكوبرا' },
  { fr: 'Bande du Loup', en: 'Wolf gang', es: 'Banda del Lobo', ar: 'الذئب' },
  { fr: 'Bande du Requin', en: 'Shark gang', es: 'Banda del Tiburón', ar: 'القرش' },
  { fr: 'Bande de la Vipère', en: 'Viper gang', es: 'Banda de la Víbora', ar: 'الأفعى' },
  { fr: 'Bande des Fantômes', en: 'Ghosts gang', es: 'Banda de los Fantasmas', ar: 'الأشباح' },
  { fr: "Bande de l'Aigle", en: 'Eagle gang', es: 'Banda del Águila', ar: 'النسر' },
  { fr: 'Bande du Renard', en: 'Fox gang', es: 'Banda del Zorro', ar: 'الثعلب' },
  { fr: 'Bande de la Tempête', en: 'Storm gang', es: 'Banda de la Tormenta', ar: 'العاصفة' },
  { fr: 'Bande du Chacal', en: 'Jackal gang', es: 'Banda del Chacal', ar: 'ابن آوى' },
  { fr: "Bande de l'Éclair", en: 'Lightning gang', es: 'Banda del Relámpago', ar: 'البرق' },
];

const GROUP_TYPES: GroupData['groupType'][] = ['gang', 'network', 'organisation'];

function distinct<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function buildGroup(r: Random, k: NameKnowledge, index: number): { data: GroupData; countries: string[] } {
  const type = r.weighted(GROUP_TYPES, [45, 40, 15]);
  const a = r.pick(PLACES);
  const b = r.pick(PLACES.filter((p) => p.country !== a.country));
  const activity = r.pick(ACTIVITIES);
  const names: Name[] = [];
  const withArabic = r.chance(0.5);
  let countries: string[];
  if (type === 'network') {
    countries = distinct([a.country, b.country]);
    names.push({ value: `Réseau ${a.fr}–${b.fr}`, script: 'Latn', lang: 'fr', type: 'primary' });
    names.push({ value: `${a.en}–${b.en} ${activity.en} network`, script: 'Latn', lang: 'en', type: 'alias' });
    if (withArabic) names.push({ value: `شبكة ${activity.ar} بين ${a.ar} و${b.ar}`, script: 'Arab', lang: 'ar', type: 'original' });
  } else if (type === 'gang') {
    countries = [a.country];
    const code = r.pick(CODE_NAMES);
    names.push({ value: `${code.fr} (${a.fr})`, script: 'Latn', lang: 'fr', type: 'primary' });
    names.push({ value: `${a.en} ${code.en}`, script: 'Latn', lang: 'en', type: 'alias' });
    if (a.country === 'ESP' || r.chance(0.2)) names.push({ value: `${code.es} (${a.fr})`, script: 'Latn', lang: 'es', type: 'alias' });
    if (withArabic) names.push({ value: `عصابة ${code.ar} ب${a.ar}`, script: 'Arab', lang: 'ar', type: 'original' });
  } else {
    // organisations are known by the family at their head
    const families = k.arabicOrigin.filter((n) => n.part === 'family' && n.countries.includes(a.country));
    const family = families.length ? r.pick(families) : r.pick(k.arabicOrigin.filter((n) => n.part === 'family'));
    countries = distinct([a.country, b.country, r.pick(PLACES).country]);
    names.push({ value: `Organisation ${family.latin}`, script: 'Latn', lang: 'fr', type: 'primary' });
    names.push({ value: `${family.latin} clan`, script: 'Latn', lang: 'en', type: 'alias' });
    if (withArabic) names.push({ value: `منظمة ${family.arabic}`, script: 'Arab', lang: 'ar', type: 'original' });
  }
  const remarks = `Demo group ${index}: suspected ${activity.en} (${countries.join(', ')}).`;
  return { data: { names, groupType: type, countries, remarks }, countries };
}

// ---------------------------------------------------------------------------
// Persons and their belongings

interface Counters {
  doc: number;
  veh: number;
}

function personItems(r: Random, ctx: Context, index: number, counters: Counters, preferredCountries: string[] | undefined, links: ImportItem['links']): ImportItem[] {
  const preferred = preferredCountries?.filter((c) => ctx.byNat.has(c));
  const profile = preferred?.length && r.chance(0.6) ? ctx.byNat.get(r.pick(preferred))! : ctx.profiles.draw(r);
  const nat = profile.nat;
  const pools = ctx.pools.get(nat)!;
  const gender: Gender = r.chance(profile.femaleShare) ? 'female' : 'male';
  const names = toNames(r, profile, buildName(r, profile, pools, gender));
  const b = birth(r);
  const prov = provenance(r, nat);
  const items: ImportItem[] = [];
  const personLinks: NonNullable<ImportItem['links']> = [...(links ?? [])];

  const nationalities = [nat];
  const diaspora = DIASPORA[nat];
  if (diaspora && r.chance(diaspora.share)) nationalities.push(r.pick(diaspora.countries));

  // documents: ~0.5 per person
  const formats = DOC_FORMATS[nat];
  const x = r.next();
  const docTypes: DocumentData['type'][] = x < 0.42 ? [formats.national_id && r.chance(0.45) ? 'national_id' : 'passport'] : x < 0.46 ? ['passport', formats.national_id ? 'national_id' : 'passport'] : [];
  let nationalIdNumber: string | undefined;
  for (const type of docTypes) {
    counters.doc++;
    const format = type === 'national_id' ? formats.national_id! : formats.passport;
    const number = format({ r, n: counters.doc, birth: b });
    if (type === 'national_id') nationalIdNumber = number;
    const data: DocumentData = { number, type, issuingCountry: nat, status: r.weighted(DOC_STATUSES, DOC_STATUS_WEIGHTS) };
    if (r.chance(0.6)) {
      const years = type === 'passport' ? passportYears(nat) : 10;
      // mostly documents still running, a few already expired
      const issued = fullDate(r, Math.min(2025, Math.max(b.year + 1, 2026 - years - (r.chance(0.1) ? 3 : 0))), 2025);
      data.issueDate = isoOf(issued);
      data.expiryDate = isoOf([issued[0] + years, issued[1], issued[2]]);
    }
    const externalId = `doc:${pad(counters.doc, 6)}`;
    items.push({ externalId, kind: 'document', data, ...prov });
    personLinks.push({ type: 'holder_of', toExternalId: externalId });
  }

  // vehicles: ~0.2 per person
  const v = r.next();
  const vehicleCount = v < 0.18 ? 1 : v < 0.19 ? 2 : 0;
  for (let i = 0; i < vehicleCount; i++) {
    counters.veh++;
    let plateCountry = PLATES[nat] ? nat : 'MAR';
    // Moroccans abroad drive home through Tanger-Med on European plates
    if (nat === 'MAR' && nationalities.length > 1 && r.chance(0.5)) plateCountry = nationalities[1];
    const plate = PLATES[plateCountry];
    const make = MAKES_BY_MARKET[plate.market].draw(r);
    const data: VehicleData = {
      plate: plate.format(r, counters.veh),
      plateCountry,
      make: make.make,
      model: r.pick(make.models),
      colour: r.weighted(COLOURS, COLOUR_WEIGHTS),
      status: r.weighted(VEHICLE_STATUSES, VEHICLE_STATUS_WEIGHTS),
    };
    if (r.chance(0.5)) data.vin = makeVin(r, r.pick(make.wmi), counters.veh);
    const externalId = `veh:${pad(counters.veh, 6)}`;
    items.push({ externalId, kind: 'vehicle', data, ...prov });
    personLinks.push({ type: 'owner_operator_of', toExternalId: externalId });
  }

  const person: PersonData = { names, nationalities, gender };
  const birthDate = birthDateText(r, b);
  if (birthDate) person.birthDates = [birthDate];
  if (r.chance(0.35)) person.placesOfBirth = [r.pick(profile.cities)];
  if (formats.national_id && r.chance(0.2)) {
    person.identifiers = [{ type: 'national_id', value: nationalIdNumber ?? formats.national_id({ r, n: 900_000 + index, birth: b }), country: nat }];
  }
  const item: ImportItem = { externalId: `person:${pad(index, 6)}`, kind: 'person', data: person, ...prov };
  if (personLinks.length) item.links = personLinks;
  items.push(item);
  return items;
}

/**
 * The demo records for a scale, lazily: persons (exactly SCALE_PERSONS[scale]) with about
 * 0.5 documents, 0.2 vehicles and one group per 200 persons. Same seed, same output.
 */
export function* demoRecords(scale: DemoScale, seed = 2026): Generator<ImportItem> {
  const total = SCALE_PERSONS[scale];
  const r = createRandom(seed);
  const k = loadNamePairs();
  const ctx = contextOf(k);
  const groups = Math.max(MIN_GROUPS, Math.round(total / PERSONS_PER_GROUP));
  const counters: Counters = { doc: 0, veh: 0 };
  let person = 0;
  for (let g = 1; g <= groups; g++) {
    // each group is followed by the block of persons its members come from
    const blockEnd = Math.round((g * total) / groups);
    const blockSize = blockEnd - person;
    const groupId = `group:${pad(g, 4)}`;
    const group = buildGroup(r, k, g);
    yield { externalId: groupId, kind: 'group', data: group.data, ...provenance(r) };
    const memberOffsets = new Set<number>();
    const wanted = Math.min(blockSize, r.int(3, 8));
    while (memberOffsets.size < wanted) memberOffsets.add(r.int(0, blockSize - 1));
    const members: string[] = [];
    for (let offset = 0; offset < blockSize; offset++) {
      person++;
      const isMember = memberOffsets.has(offset);
      let links: ImportItem['links'];
      if (isMember) {
        links = [{ type: 'member_of', toExternalId: groupId }];
        if (members.length > 0 && r.chance(0.4)) links.push({ type: 'associate_of', toExternalId: r.pick(members) });
        members.push(`person:${pad(person, 6)}`);
      }
      yield* personItems(r, ctx, person, counters, isMember ? group.countries : undefined, links);
    }
  }
}
