/**
 * The annual report, pure: it folds the aggregate rows the repository reads (counts and sums
 * per year, month, region and category, straight from the raw facts) into the published
 * figures with their year-on-year change. Nothing here reads a stored total.
 */
import { normalizeRegion } from '../core/regions.ts';

export const REPORT_LANGS = ['ar', 'fr', 'en', 'es'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];
export const REPORT_FORMATS = ['json', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The years a report may cover (the schema refuses anything else with 400). */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/** One figure and the same figure a year earlier; `change` is (value − previous) / previous. */
export interface YearOnYear {
  value: number;
  previous: number;
  change: number | null;
}

export type Measure = 'mass' | 'count' | 'money';

export interface SubstanceTotal {
  substance: string;
  measure: Measure;
  /** Base unit: grams, items or minor currency units. */
  quantity: number;
  previous: number;
  change: number | null;
  seizures: number;
}

export interface AnnualReport {
  year: number;
  previousYear: number;
  generatedAt: string;
  /**
   * Whether any fact is recorded in the year (a case opened, an arrest, a seizure, a gang
   * dismantled, a migration event, a warrant, a complaint). A year without one is reported as
   * such by the desk, the CLI and the PDF, never as a page of zeros.
   */
  hasData: boolean;
  /** The report counts every case of the node whatever its handling code: it publishes counts, never records. */
  scope: 'node';
  cases: {
    total: YearOnYear;
    cleared: YearOnYear;
    /** cleared / total, in [0, 1]. */
    clearanceRate: YearOnYear;
    byCategory: Array<{ category: string; total: number; cleared: number; previous: number }>;
  };
  arrests: { total: YearOnYear; violentCrime: YearOnYear; byCategory: Array<{ category: string; count: number; previous: number }> };
  gangs: { dismantled: YearOnYear; membersArrested: YearOnYear };
  seizures: SubstanceTotal[];
  cybercrime: { cases: YearOnYear };
  warrants: { international: YearOnYear; national: YearOnYear };
  complaints: { online: YearOnYear };
  migration: { networksDismantled: YearOnYear; departuresPrevented: YearOnYear };
  byMonth: Array<{ month: number; cases: number; arrests: number; seizures: number; departuresPrevented: number }>;
  byRegion: Array<{ region: string; cases: number; cleared: number; arrests: number; seizures: number; gangsDismantled: number; departuresPrevented: number }>;
}

/** What the repository reads: grouped aggregates of the report year and the year before. */
export interface ReportRows {
  cases: Array<{ y: number; m: number; region: string; category: string; status: string; n: number }>;
  arrests: Array<{ y: number; m: number; region: string; category: string; n: number }>;
  seizures: Array<{ y: number; m: number; region: string; substance: string; quantity: number; n: number }>;
  gangs: Array<{ y: number; m: number; region: string; kind: string; n: number }>;
  gangMembersArrested: Array<{ y: number; n: number }>;
  migration: Array<{ y: number; m: number; region: string; kind: string; persons: number; n: number }>;
  warrants: Array<{ y: number; scope: string; n: number }>;
  complaints: Array<{ y: number; n: number }>;
  /** The substance catalogue, so a substance with no seizure still shows as 0. */
  substances: Array<{ code: string; measure: string }>;
  categories: string[];
}

export const VIOLENT = 'violent_crime';
export const CYBER = 'cybercrime';
/** The criminal gangs counted as "gangs dismantled". */
export const GANG_KINDS_COUNTED = ['criminal_gang'] as const;
/**
 * The trafficking kinds counted as "networks dismantled": migrant-smuggling networks and
 * human-trafficking networks, as the DGSN publishes them (one figure for both).
 */
export const NETWORK_KINDS = ['smuggling_network', 'trafficking_network'] as const;

/** The years with at least one fact, newest first; `latest` is the one the desk opens on (null: no fact at all). */
export interface ReportYears {
  years: number[];
  latest: number | null;
}

export function yoy(value: number, previous: number): YearOnYear {
  return { value, previous, change: previous === 0 ? null : (value - previous) / previous };
}

/**
 * A rate (in [0, 1]) changes by the difference in percentage points: 94 % → 95 % is +1 point,
 * not +1.06 %. `change` is null when the year before had no base for the rate.
 */
export function yoyRate(value: number, previous: number, previousBase: number): YearOnYear {
  return { value, previous, change: previousBase === 0 ? null : value - previous };
}

/**
 * The one rounding rule of a change, for every output (desk, PDF, CSV, CLI): to 0.1 % (three
 * decimals of the fraction), half away from zero. Formatters print it with at most one decimal.
 */
export function roundChange(change: number | null): number | null {
  if (change === null || !Number.isFinite(change)) return null;
  const r = Math.sign(change) * Math.round(Math.abs(change) * 1000 + 1e-9) / 1000;
  return r === 0 ? 0 : r;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Sums `pick(row)` over the rows of year `y` that pass `when`. */
function total<R extends { y: number }>(rows: readonly R[], y: number, pick: (r: R) => number, when: (r: R) => boolean = () => true): number {
  let s = 0;
  for (const r of rows) if (r.y === y && when(r)) s += pick(r);
  return s;
}

const n = (r: { n: number }) => r.n;

export function buildReport(year: number, rows: ReportRows, generatedAt: Date): AnnualReport {
  const prev = year - 1;
  const both = (pick: (y: number) => number) => yoy(pick(year), pick(prev));
  const casesIn = (y: number, when?: (r: ReportRows['cases'][number]) => boolean) => total(rows.cases, y, n, when);
  const cleared = (r: { status: string }) => r.status === 'solved';
  const gangsOf = (kinds: readonly string[]) => (y: number) => total(rows.gangs, y, n, (r) => kinds.includes(r.kind));
  const departures = (y: number) => total(rows.migration, y, (r) => r.persons, (r) => r.kind === 'departure_prevented');

  const categories = [...new Set([...rows.categories, ...rows.cases.map((r) => r.category), ...rows.arrests.map((r) => r.category)])];
  const substances = [...rows.substances];
  for (const s of rows.seizures) if (!substances.some((x) => x.code === s.substance)) substances.push({ code: s.substance, measure: 'count' });

  const byMonth = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, cases: 0, arrests: 0, seizures: 0, departuresPrevented: 0 }));
  const regions = new Map<string, AnnualReport['byRegion'][number]>();
  // a region stored as typed before the catalogue (Tanger, Fès …) counts with its region's code;
  // text nobody recognises is a region of its own, shown as typed
  const region = (stored: string) => {
    const code = normalizeRegion(stored).value;
    let r = regions.get(code);
    if (!r) regions.set(code, (r = { region: code, cases: 0, cleared: 0, arrests: 0, seizures: 0, gangsDismantled: 0, departuresPrevented: 0 }));
    return r;
  };
  for (const r of rows.cases.filter((x) => x.y === year)) {
    byMonth[r.m - 1].cases += r.n;
    region(r.region).cases += r.n;
    if (cleared(r)) region(r.region).cleared += r.n;
  }
  for (const r of rows.arrests.filter((x) => x.y === year)) {
    byMonth[r.m - 1].arrests += r.n;
    region(r.region).arrests += r.n;
  }
  for (const r of rows.seizures.filter((x) => x.y === year)) {
    byMonth[r.m - 1].seizures += r.n;
    region(r.region).seizures += r.n;
  }
  for (const r of rows.gangs.filter((x) => x.y === year)) region(r.region).gangsDismantled += r.n;
  for (const r of rows.migration.filter((x) => x.y === year && x.kind === 'departure_prevented')) {
    byMonth[r.m - 1].departuresPrevented += r.persons;
    region(r.region).departuresPrevented += r.persons;
  }

  const total24 = casesIn(year);
  const totalPrev = casesIn(prev);
  const cleared24 = casesIn(year, cleared);
  const clearedPrev = casesIn(prev, cleared);
  const any = (list: ReadonlyArray<{ y: number; n: number }>) => list.some((r) => r.y === year && r.n > 0);
  const hasData = [rows.cases, rows.arrests, rows.seizures, rows.gangs, rows.migration, rows.warrants, rows.complaints].some(any);
  return {
    year,
    previousYear: prev,
    generatedAt: generatedAt.toISOString(),
    hasData,
    scope: 'node',
    cases: {
      total: yoy(total24, totalPrev),
      cleared: yoy(cleared24, clearedPrev),
      clearanceRate: yoyRate(ratio(cleared24, total24), ratio(clearedPrev, totalPrev), totalPrev),
      byCategory: categories.map((c) => ({
        category: c,
        total: casesIn(year, (r) => r.category === c),
        cleared: casesIn(year, (r) => r.category === c && cleared(r)),
        previous: casesIn(prev, (r) => r.category === c),
      })),
    },
    arrests: {
      total: both((y) => total(rows.arrests, y, n)),
      violentCrime: both((y) => total(rows.arrests, y, n, (r) => r.category === VIOLENT)),
      byCategory: categories.map((c) => ({
        category: c,
        count: total(rows.arrests, year, n, (r) => r.category === c),
        previous: total(rows.arrests, prev, n, (r) => r.category === c),
      })),
    },
    gangs: { dismantled: both(gangsOf(GANG_KINDS_COUNTED)), membersArrested: both((y) => total(rows.gangMembersArrested, y, n)) },
    seizures: substances.map((s) => {
      const q = (y: number) => total(rows.seizures, y, (r) => r.quantity, (r) => r.substance === s.code);
      return {
        substance: s.code,
        measure: s.measure as Measure,
        quantity: q(year),
        previous: q(prev),
        change: yoy(q(year), q(prev)).change,
        seizures: total(rows.seizures, year, n, (r) => r.substance === s.code),
      };
    }),
    cybercrime: { cases: both((y) => casesIn(y, (r) => r.category === CYBER)) },
    warrants: {
      international: both((y) => total(rows.warrants, y, n, (r) => r.scope === 'international')),
      national: both((y) => total(rows.warrants, y, n, (r) => r.scope === 'national')),
    },
    complaints: { online: both((y) => total(rows.complaints, y, n)) },
    migration: { networksDismantled: both(gangsOf(NETWORK_KINDS)), departuresPrevented: both(departures) },
    byMonth,
    byRegion: [...regions.values()].sort((a, b) => b.cases - a.cases || a.region.localeCompare(b.region)),
  };
}

/** A headline figure as the CSV and PDF list it. */
export interface Figure {
  key: string;
  /** count | ratio | grams | items | minor (money, minor units) */
  unit: 'count' | 'ratio' | 'grams' | 'items' | 'minor';
  value: number;
  previous: number;
  change: number | null;
}

/** Every headline figure in the order of the published report. */
export function headlineFigures(r: AnnualReport): Figure[] {
  const f = (key: string, y: YearOnYear, unit: Figure['unit'] = 'count'): Figure => ({ key, unit, value: y.value, previous: y.previous, change: y.change });
  const unitOf = (m: Measure): Figure['unit'] => (m === 'mass' ? 'grams' : m === 'money' ? 'minor' : 'items');
  return [
    f('cases.total', r.cases.total),
    f('cases.cleared', r.cases.cleared),
    f('cases.clearanceRate', r.cases.clearanceRate, 'ratio'),
    f('arrests.total', r.arrests.total),
    f('arrests.violentCrime', r.arrests.violentCrime),
    f('gangs.dismantled', r.gangs.dismantled),
    f('gangs.membersArrested', r.gangs.membersArrested),
    ...r.seizures.map((s) => f(`seizures.${s.substance}`, yoy(s.quantity, s.previous), unitOf(s.measure))),
    f('cybercrime.cases', r.cybercrime.cases),
    f('warrants.international', r.warrants.international),
    f('warrants.national', r.warrants.national),
    f('complaints.online', r.complaints.online),
    f('migration.networksDismantled', r.migration.networksDismantled),
    f('migration.departuresPrevented', r.migration.departuresPrevented),
  ];
}
