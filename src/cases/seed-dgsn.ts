/**
 * Calibrated demo years: raw facts (cases, arrests, seizures, gangs, migration events, warrants,
 * complaints) whose totals equal given targets exactly, spread over Morocco's twelve regions and
 * the months with some seasonality, with heavy-tailed sizes. Pure and deterministic: the same
 * targets and seed give the same rows. The 2024 targets are DGSN's published results
 * (PRODUCT.md); the 2023 ones and every figure DGSN did not publish are invented (docs/report.md).
 */
import { createRandom, type Random, WeightedTable } from '../seed/random.ts';
import { REGION_CODES } from './report-labels.ts';

export interface YearTargets {
  cases: number;
  cleared: number;
  cybercrimeCases: number;
  arrests: number;
  violentArrests: number;
  gangsDismantled: number;
  gangMembersArrested: number;
  /** substance code → total in its base unit (grams, items, centimes) */
  seizures: Record<string, number>;
  internationalWarrants: number;
  nationalWarrants: number;
  complaints: number;
  smugglingNetworks: number;
  departuresPrevented: number;
}

export interface ProfileTargets {
  profile: string;
  seed: number;
  years: Record<number, YearTargets>;
}

export const DGSN_2024: ProfileTargets = {
  profile: 'dgsn-2024',
  seed: 2024,
  years: {
    // invented: a plausible year before, so that every figure has a year-on-year change
    2023: {
      cases: 731_804,
      cleared: 687_896,
      cybercrimeCases: 5_952,
      arrests: 198_512,
      violentArrests: 28_411,
      gangsDismantled: 903,
      gangMembersArrested: 1_482,
      seizures: { cannabis_resin: 108_450_000, cocaine: 1_512_000, heroin: 27_340, psychotropic_pills: 1_187_655, cash: 3_876_120_000, firearms: 574, vehicles: 2_031, boats: 121 },
      internationalWarrants: 902,
      nationalWarrants: 13_688,
      complaints: 10_377,
      smugglingNetworks: 109,
      departuresPrevented: 28_612,
    },
    // published by DGSN (PRODUCT.md) except arrests, heroin, cash, firearms, vehicles, boats, national warrants
    2024: {
      cases: 755_541,
      cleared: 717_764,
      cybercrimeCases: 8_333,
      arrests: 206_847,
      violentArrests: 29_959,
      gangsDismantled: 947,
      gangMembersArrested: 1_561,
      seizures: { cannabis_resin: 123_970_000, cocaine: 1_948_000, heroin: 31_760, psychotropic_pills: 1_412_386, cash: 4_213_650_000, firearms: 611, vehicles: 2_174, boats: 137 },
      internationalWarrants: 956,
      nationalWarrants: 14_205,
      complaints: 12_614,
      smugglingNetworks: 123,
      departuresPrevented: 32_449,
    },
  },
};

const R = REGION_CODES;
type Weights = readonly number[];
// population in millions (2024 census), Casablanca-Settat weighted up for its urban crime
const POPULATION: Weights = [4.03, 2.29, 4.47, 5.13, 2.53, 7.7, 4.89, 1.66, 3.02, 0.45, 0.45, 0.22];
const NORTH_AND_ATLANTIC: Weights = [9, 4, 2, 3, 0.5, 3, 1, 0.5, 1.5, 1, 2, 1.5];
const PORTS_AND_SOUTH: Weights = [3, 0.5, 0.3, 1, 0.2, 4, 0.5, 0.2, 1, 0.8, 2, 3];
const EAST_BORDER: Weights = [1, 8, 3, 1.5, 0.8, 2, 0.8, 1, 0.5, 0.2, 0.2, 0.1];
const DEPARTURE_COASTS: Weights = [6, 4, 0.3, 1, 0.1, 0.5, 0.3, 0.2, 2, 2.5, 3, 2];

// January … December
const FLAT: Weights = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
const SUMMER: Weights = [0.92, 0.88, 0.95, 0.97, 1.0, 1.06, 1.16, 1.18, 1.02, 0.98, 0.94, 0.94];
const HARVEST: Weights = [0.9, 0.85, 0.9, 0.9, 0.95, 1.0, 1.05, 1.15, 1.25, 1.2, 1.0, 0.85];
const CALM_SEAS: Weights = [0.55, 0.6, 0.8, 1.0, 1.15, 1.3, 1.45, 1.5, 1.35, 1.1, 0.75, 0.45];

interface CategoryShape {
  code: string;
  /** share of the cases that are not cybercrime */
  weight: number;
  clearance: number;
  regions: Weights;
  months: Weights;
  /** share of the non-violent arrests */
  arrestWeight: number;
}

const CATEGORIES: readonly CategoryShape[] = [
  { code: 'violent_crime', weight: 3.4, clearance: 0.97, regions: POPULATION, months: SUMMER, arrestWeight: 0 },
  { code: 'drug_trafficking', weight: 14, clearance: 0.99, regions: NORTH_AND_ATLANTIC, months: HARVEST, arrestWeight: 42 },
  { code: 'migrant_smuggling', weight: 0.45, clearance: 0.93, regions: DEPARTURE_COASTS, months: CALM_SEAS, arrestWeight: 3 },
  { code: 'terrorism', weight: 0.01, clearance: 0.9, regions: POPULATION, months: FLAT, arrestWeight: 0.05 },
  { code: 'fraud', weight: 9, clearance: 0.9, regions: POPULATION, months: FLAT, arrestWeight: 12 },
  { code: 'theft', weight: 38, clearance: 0.95, regions: POPULATION, months: SUMMER, arrestWeight: 28 },
  { code: 'other', weight: 35, clearance: 0.95, regions: POPULATION, months: SUMMER, arrestWeight: 15 },
];
const CYBER: CategoryShape = { code: 'cybercrime', weight: 0, clearance: 0.72, regions: [2, 0.8, 1.2, 2.5, 0.5, 4, 1.3, 0.3, 0.8, 0.1, 0.1, 0.1], months: FLAT, arrestWeight: 2 };
const ALL_CATEGORIES = [...CATEGORIES, CYBER];

interface SubstanceShape {
  /** typical seizure in base units, sets how many seizures make the total */
  mean: number;
  /** Pareto shape: lower means heavier tail */
  alpha: number;
  regions: Weights;
  categories: string[];
}
const SUBSTANCES: Record<string, SubstanceShape> = {
  cannabis_resin: { mean: 5_000, alpha: 1.2, regions: NORTH_AND_ATLANTIC, categories: ['drug_trafficking'] },
  cocaine: { mean: 2_000, alpha: 1.15, regions: PORTS_AND_SOUTH, categories: ['drug_trafficking'] },
  heroin: { mean: 250, alpha: 1.4, regions: NORTH_AND_ATLANTIC, categories: ['drug_trafficking'] },
  psychotropic_pills: { mean: 150, alpha: 1.3, regions: EAST_BORDER, categories: ['drug_trafficking'] },
  cash: { mean: 4_000_000, alpha: 1.3, regions: POPULATION, categories: ['drug_trafficking', 'fraud'] },
  firearms: { mean: 1.4, alpha: 2.5, regions: POPULATION, categories: ['violent_crime', 'terrorism'] },
  vehicles: { mean: 1.2, alpha: 3, regions: NORTH_AND_ATLANTIC, categories: ['drug_trafficking', 'migrant_smuggling', 'theft'] },
  boats: { mean: 1.1, alpha: 3, regions: DEPARTURE_COASTS, categories: ['drug_trafficking', 'migrant_smuggling'] },
};
const GANG_CATEGORIES = new WeightedTable(['drug_trafficking', 'theft', 'violent_crime', 'fraud', 'other'], [55, 20, 10, 10, 5]);
const WARRANT_CATEGORIES = new WeightedTable(['drug_trafficking', 'violent_crime', 'fraud', 'migrant_smuggling', 'terrorism', 'cybercrime'], [45, 20, 15, 10, 3, 7]);
const NATIONALITIES = new WeightedTable(['DZA', 'SEN', 'CIV', 'MLI', 'GIN', 'ESP', 'FRA', 'NGA', 'CMR', 'BEL', 'NLD'], [14, 12, 10, 9, 8, 8, 8, 7, 6, 5, 5]);
const AUTHORITIES = ['Parquet général de Rabat', 'Parquet général de Casablanca', 'Parquet général de Tanger', 'Parquet général de Fès', 'Parquet général de Marrakech'];
const COMPLAINT_KINDS = new WeightedTable(['online_fraud', 'sextortion', 'defamation', 'account_takeover', 'phishing', 'other'], [35, 20, 12, 15, 13, 5]);
const GIVEN = ['Mohamed', 'Youssef', 'Ahmed', 'Hamza', 'Omar', 'Karim', 'Rachid', 'Said', 'Mustapha', 'Hicham', 'Abdellatif', 'Nabil', 'Anas', 'Mehdi', 'Khalid', 'Ayoub', 'Soufiane', 'Driss', 'Fatima', 'Khadija'];
const FAMILY = ['El Amrani', 'Benali', 'El Idrissi', 'Bennani', 'Alaoui', 'Tazi', 'Chraibi', 'El Fassi', 'Ouazzani', 'Berrada', 'Lahlou', 'Naciri', 'Zeroual', 'Bouzid', 'El Khatib', 'Haddad', 'Ait Taleb', 'Amzil', 'Oukacha', 'Belhaj'];

/** Rows as the repository inserts them (numbers reference other rows of the same year). */
export interface CaseRow { n: number; c: string; r: string; o: string; s: string; d: string | null }
export interface ArrestRow { n: number; c: number; d: string; r: string; nat: string | null; f: boolean; w: boolean }
export interface SeizureRow { n: number; c: number; s: string; q: number; cur: string | null; d: string; r: string }
export interface GangRow { n: number; c: number; k: string; st: string; d: string | null; r: string; name: string }
export interface MemberRow { g: number; x: string; role: string; d: string | null; a: number | null }
export interface PersonSeed { externalId: string; name: string; gender: 'male' | 'female' }
export interface MigrationRow { n: number; c: number; d: string; r: string; p: number }
export interface WarrantRow { n: number; c: number; s: string; d: string; e: string | null; auth: string }
export interface ComplaintRow { n: number; c: number; d: string; r: string; cat: string }

export interface YearRows {
  year: number;
  cases: CaseRow[];
  arrests: ArrestRow[];
  seizures: SeizureRow[];
  gangs: GangRow[];
  persons: PersonSeed[];
  members: MemberRow[];
  migration: MigrationRow[];
  warrants: WarrantRow[];
  complaints: ComplaintRow[];
}

/** Splits `total` into integers that sum to it exactly, in proportion to `weights` (largest remainder). */
export function allocate(total: number, weights: Weights): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new Error('allocate: no positive weight');
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k][1]]++;
  return out;
}

/** `rows` positive integers summing to `total`, Pareto-distributed: many small, a few very large. */
export function heavyTailed(r: Random, total: number, rows: number, alpha: number): number[] {
  const k = Math.max(1, Math.min(rows, total));
  const raw = Array.from({ length: k }, () => Math.min((1 - r.next()) ** (-1 / alpha), 1e6));
  const scale = (total - k) / raw.reduce((a, b) => a + b, 0);
  // every row gets 1, the rest follows the draws; the rounding leftovers go to the largest
  const out = raw.map((x) => 1 + Math.floor(x * scale));
  let diff = total - out.reduce((a, b) => a + b, 0);
  const bySize = out.map((_, i) => i).sort((a, b) => out[b] - out[a]);
  for (let i = 0; diff > 0; i = (i + 1) % k, diff--) out[bySize[i]]++;
  return out;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Generates one year's rows for `t`. */
export function generateYear(year: number, t: YearTargets, seed: number, profile: string): YearRows {
  const r = createRandom(seed * 10_007 + year);
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year, 11, 31);
  const clamp = (ms: number) => Math.min(end, Math.max(start, ms));
  const within = (ms: number, days: number) => clamp(ms + Math.floor(r.next() ** 2 * days) * DAY);

  // cases: per category, per month × region cell, with exact totals
  const counts = new Map<string, number>();
  const others = allocate(t.cases - t.cybercrimeCases, CATEGORIES.map((c) => c.weight));
  CATEGORIES.forEach((c, i) => counts.set(c.code, others[i]));
  counts.set(CYBER.code, t.cybercrimeCases);
  const clearedBy = allocate(t.cleared, ALL_CATEGORIES.map((c) => counts.get(c.code)! * c.clearance));
  // a category never clears more cases than it has: move the excess to the largest
  ALL_CATEGORIES.forEach((c, i) => {
    const excess = clearedBy[i] - counts.get(c.code)!;
    if (excess > 0) {
      clearedBy[i] -= excess;
      const j = ALL_CATEGORIES.findIndex((x, k) => k !== i && counts.get(x.code)! - clearedBy[k] >= excess);
      if (j < 0) throw new Error('targets: more cleared cases than cases');
      clearedBy[j] += excess;
    }
  });

  const cases: CaseRow[] = [];
  const caseMs: number[] = [];
  const pools = new Map<string, number[][]>();
  ALL_CATEGORIES.forEach((cat, ci) => {
    const n = counts.get(cat.code)!;
    const cellWeights: number[] = [];
    for (let m = 0; m < 12; m++) for (let g = 0; g < 12; g++) cellWeights.push(cat.months[m] * cat.regions[g] * (Date.UTC(year, m + 1, 1) - Date.UTC(year, m, 1)));
    const cells = n > 0 ? allocate(n, cellWeights) : cellWeights.map(() => 0);
    const firstIndex = cases.length;
    const byRegion: number[][] = R.map(() => []);
    cells.forEach((k, cell) => {
      const m = Math.floor(cell / 12);
      const g = cell % 12;
      const days = (Date.UTC(year, m + 1, 1) - Date.UTC(year, m, 1)) / DAY;
      for (let i = 0; i < k; i++) {
        const ms = Date.UTC(year, m, 1 + Math.floor(r.next() * days));
        byRegion[g].push(cases.length);
        caseMs.push(ms);
        cases.push({ n: cases.length + 1, c: cat.code, r: R[g], o: iso(ms), s: 'open', d: null });
      }
    });
    // exactly clearedBy[ci] of this category's cases are cleared, the rest open or closed unsolved
    const idx = r.shuffle(Array.from({ length: n }, (_, i) => firstIndex + i));
    idx.forEach((i, k) => {
      const status = k < clearedBy[ci] ? 'solved' : r.chance(0.7) ? 'open' : 'closed';
      cases[i].s = status;
      if (status !== 'open') cases[i].d = iso(caseMs[i] + r.int(3, 150) * DAY);
    });
    pools.set(cat.code, byRegion);
  });

  /** A case of one of `categories` (falling back to any case), in a region drawn from `regions`. */
  const pickCase = (categories: readonly string[], regions: Weights = POPULATION): number => {
    const g = r.weighted(R.map((_, i) => i), regions);
    const lists = categories.map((c) => pools.get(c)?.[g] ?? []).filter((l) => l.length);
    if (lists.length) return r.pick(r.pick(lists));
    const anyInCategories = categories.flatMap((c) => (pools.get(c) ?? []).flat());
    if (anyInCategories.length) return r.pick(anyInCategories);
    return r.int(0, cases.length - 1);
  };

  // gangs dismantled, each with its arrested members (who are arrests too), and fugitives
  const arrests: ArrestRow[] = [];
  const addArrest = (caseIdx: number, ms: number): number => {
    const foreign = r.chance(0.06);
    arrests.push({ n: arrests.length + 1, c: caseIdx + 1, d: iso(ms), r: cases[caseIdx].r, nat: foreign ? NATIONALITIES.draw(r) : 'MAR', f: foreign, w: r.chance(0.01) });
    return arrests.length;
  };
  const gangs: GangRow[] = [];
  const persons: PersonSeed[] = [];
  const members: MemberRow[] = [];
  const arrestedPerGang = t.gangsDismantled ? allocate(t.gangMembersArrested, Array.from({ length: t.gangsDismantled }, () => (1 - r.next()) ** -0.8)) : [];
  const person = () => {
    const female = r.chance(0.08);
    const given = female ? r.pick(GIVEN.slice(-2)) : r.pick(GIVEN.slice(0, -2));
    persons.push({ externalId: `${profile}:${year}:p${persons.length + 1}`, name: `${given} ${r.pick(FAMILY)}`, gender: female ? 'female' : 'male' });
    return persons[persons.length - 1].externalId;
  };
  const gangArrests = new Map<string, number>();
  for (let i = 0; i < t.gangsDismantled; i++) {
    const category = GANG_CATEGORIES.draw(r);
    const c = pickCase([category], CATEGORIES.find((x) => x.code === category)?.regions);
    const ms = within(caseMs[c], 90);
    gangs.push({ n: gangs.length + 1, c: c + 1, k: 'criminal_gang', st: 'dismantled', d: iso(ms), r: cases[c].r, name: `Bande ${cases[c].r}-${year}-${i + 1}` });
    const fugitives = r.weighted([0, 1, 2, 3], [4, 3, 2, 1]);
    for (let k = 0; k < arrestedPerGang[i] + fugitives; k++) {
      const arrested = k < arrestedPerGang[i];
      const a = arrested ? addArrest(c, ms) : null;
      if (arrested) gangArrests.set(cases[c].c, (gangArrests.get(cases[c].c) ?? 0) + 1);
      members.push({ g: gangs.length, x: person(), role: k === 0 ? 'leader' : r.pick(['member', 'member', 'courier', 'lookout', 'financier']), d: a ? iso(ms) : null, a });
    }
  }
  // a few gangs still active (not counted), and the smuggling networks dismantled
  for (let i = 0; i < Math.ceil(t.gangsDismantled / 10); i++) {
    const c = pickCase(['drug_trafficking', 'theft']);
    gangs.push({ n: gangs.length + 1, c: c + 1, k: 'criminal_gang', st: 'active', d: null, r: cases[c].r, name: `Groupe ${cases[c].r}-${year}-${i + 1}` });
  }
  for (let i = 0; i < t.smugglingNetworks; i++) {
    const c = pickCase(['migrant_smuggling'], DEPARTURE_COASTS);
    gangs.push({ n: gangs.length + 1, c: c + 1, k: 'smuggling_network', st: 'dismantled', d: iso(within(caseMs[c], 60)), r: cases[c].r, name: `Réseau ${cases[c].r}-${year}-${i + 1}` });
  }

  // the other arrests: violent crime exactly, the rest by category weight, mostly in cleared cases
  const violentLeft = t.violentArrests - (gangArrests.get('violent_crime') ?? 0);
  const gangOther = [...gangArrests].filter(([k]) => k !== 'violent_crime').reduce((a, [, v]) => a + v, 0);
  const otherLeft = t.arrests - t.violentArrests - gangOther;
  if (violentLeft < 0 || otherLeft < 0) throw new Error('targets: fewer arrests than gang members arrested');
  const nonViolent = ALL_CATEGORIES.filter((c) => c.code !== 'violent_crime');
  const budgets = allocate(otherLeft, nonViolent.map((c) => c.arrestWeight * Math.max(1, counts.get(c.code)!)));
  const spread = (category: string, k: number) => {
    const cat = ALL_CATEGORIES.find((c) => c.code === category)!;
    for (let i = 0; i < k; i++) {
      let c = pickCase([category], cat.regions);
      if (cases[c].s !== 'solved' && r.chance(0.8)) c = pickCase([category], cat.regions);
      addArrest(c, within(caseMs[c], 30));
    }
  };
  spread('violent_crime', violentLeft);
  nonViolent.forEach((c, i) => spread(c.code, budgets[i]));

  const seizures: SeizureRow[] = [];
  for (const [code, total] of Object.entries(t.seizures)) {
    const shape = SUBSTANCES[code] ?? { mean: 1, alpha: 2, regions: POPULATION, categories: ['drug_trafficking'] };
    if (total <= 0) continue;
    for (const q of heavyTailed(r, total, Math.max(1, Math.round(total / shape.mean)), shape.alpha)) {
      const c = pickCase(shape.categories, shape.regions);
      seizures.push({ n: seizures.length + 1, c: c + 1, s: code, q, cur: code === 'cash' ? 'MAD' : null, d: iso(within(caseMs[c], 20)), r: cases[c].r });
    }
  }

  const migration: MigrationRow[] = [];
  if (t.departuresPrevented > 0) {
    for (const p of heavyTailed(r, t.departuresPrevented, Math.max(1, Math.round(t.departuresPrevented / 13)), 1.6)) {
      const c = pickCase(['migrant_smuggling'], DEPARTURE_COASTS);
      migration.push({ n: migration.length + 1, c: c + 1, d: iso(within(caseMs[c], 15)), r: cases[c].r, p });
    }
  }

  const warrants: WarrantRow[] = [];
  const warrant = (scope: string) => {
    const c = pickCase([WARRANT_CATEGORIES.draw(r)]);
    const ms = within(caseMs[c], 60);
    warrants.push({ n: warrants.length + 1, c: c + 1, s: scope, d: iso(ms), e: r.chance(0.4) ? iso(ms + r.int(10, 400) * DAY) : null, auth: r.pick(AUTHORITIES) });
  };
  for (let i = 0; i < t.internationalWarrants; i++) warrant('international');
  for (let i = 0; i < t.nationalWarrants; i++) warrant('national');

  // complaints received online come before the case they led to
  const complaints: ComplaintRow[] = [];
  for (let i = 0; i < t.complaints; i++) {
    const c = pickCase(r.chance(0.85) ? ['cybercrime'] : ['fraud'], CYBER.regions);
    complaints.push({ n: i + 1, c: c + 1, d: iso(clamp(caseMs[c] - r.int(0, 10) * DAY)), r: cases[c].r, cat: COMPLAINT_KINDS.draw(r) });
  }

  return { year, cases, arrests, seizures, gangs, persons, members, migration, warrants, complaints };
}
