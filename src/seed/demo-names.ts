/**
 * How the demo's persons are named: the nationalities drawn (with their share of Latin-only,
 * Arabic-only and two-script records, and the language of the Latin spelling) and, per naming
 * style (Maghreb, Mauritania, Chad, West Africa, Mashriq, Europe), the primary name and the
 * aliases a file would hold: spelling variants, ben/ould structures, reversed order, typos.
 * Pure and seeded: every draw comes from the caller's Random.
 */
import type { Name } from '../records/record.ts';
import type { Gender, LatinName, NameEntry, NameKnowledge } from './names.ts';
import { type Random, WeightedTable } from './random.ts';

type Style = 'maghreb' | 'mauritania' | 'chad' | 'westafrica' | 'mashriq' | 'european';

export interface Profile {
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
export const DIASPORA: Record<string, { share: number; countries: string[] }> = {
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

export interface Context {
  profiles: WeightedTable<Profile>;
  byNat: Map<string, Profile>;
  pools: Map<string, Pools>;
}

const contexts = new WeakMap<NameKnowledge, Context>();

export function contextOf(k: NameKnowledge): Context {
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

export interface BuiltName {
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

export function buildName(r: Random, p: Profile, pools: Pools, gender: Gender): BuiltName {
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

export function toNames(r: Random, p: Profile, built: BuiltName): Name[] {
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
