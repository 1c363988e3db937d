import type { Locale } from '../api/types.ts';
import { alpha3ToAlpha2 } from './countries.ts';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

export function formatNumber(locale: Locale, n: number): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

/** A measure with a fixed number of decimals, in the locale's digits: modularity `1` → `1.00`, `0.8712` → `0.87`. */
export function formatDecimal(locale: Locale, n: number, digits = 2): string {
  return cached(`dec:${locale}:${digits}`, () => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })).format(n);
}

/**
 * An identifier that happens to be a number (a community id, a row number used as a name): as a
 * plain string, never grouped (`5130`, not `5,130`).
 */
export const formatId = (id: number | string): string => String(id);

/** A calendar date `YYYY-MM-DD`: formatted in UTC so it never shifts by a day. */
export function formatDate(locale: Locale, isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return cached(`d:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(d);
}

export function formatDateTime(locale: Locale, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return cached(`dt:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' })).format(d);
}

/** A partial date of birth: `1970`, `1970-05` or `1970-05-12`, shown with only the parts known. */
export function formatPartialDate(locale: Locale, s: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(s);
  if (!m) return s;
  if (m[3]) return formatDate(locale, s);
  const d = new Date(Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, 1));
  const opts: Intl.DateTimeFormatOptions = m[2] ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { year: 'numeric', timeZone: 'UTC' };
  return cached(`p:${locale}:${m[2] ? 'ym' : 'y'}`, () => new Intl.DateTimeFormat(locale, opts)).format(d);
}

/** An ISO 3166-1 alpha-3 code as a country name in `locale`; the code itself when unknown. */
export function countryName(locale: Locale, alpha3: string): string {
  const a2 = alpha3ToAlpha2(alpha3);
  if (!a2) return alpha3;
  try {
    return cached(`r:${locale}`, () => new Intl.DisplayNames(locale, { type: 'region' })).of(a2) ?? alpha3;
  } catch {
    return alpha3; // an engine without region names
  }
}

/** An ISO 15924 script code (Latn, Arab …) named in `locale`. */
export function scriptName(locale: Locale, script: string): string {
  try {
    return cached(`s:${locale}`, () => new Intl.DisplayNames(locale, { type: 'script' })).of(script) ?? script;
  } catch {
    return script;
  }
}

/**
 * Wraps a value interpolated into a sentence in Unicode first-strong isolates (FSI…PDI),
 * the plain-text <bdi>: a Latin name inside Arabic text (or the reverse) keeps its order.
 */
export const isolate = (s: string): string => `\u2068${s}\u2069`;

/** A score in [0, 1] as a whole percentage: `0.874` → `87%` (`٨٧٪` in Arabic digits where the locale uses them). */
export function formatPercent(locale: Locale, score: number): string {
  return cached(`pc:${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(score);
}

/** A change of score, in percentage points with its sign: `0.05` → `+5%`, `-0.1` → `-10%`, `0` → `0%`. */
export function formatDelta(locale: Locale, delta: number): string {
  return cached(
    `dl:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
  ).format(delta);
}

/** A duration in milliseconds, with the unit in the user's language: `3.4 ms`. */
export function formatMs(locale: Locale, ms: number): string {
  const digits = ms < 10 ? 1 : 0;
  return cached(
    `ms:${locale}:${digits}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: digits }),
  ).format(ms);
}

/** A longer duration: milliseconds below one second, else seconds with one decimal. */
export function formatDuration(locale: Locale, ms: number): string {
  if (ms < 1000) return formatMs(locale, Math.round(ms));
  return cached(
    `sec:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }),
  ).format(ms / 1000);
}

/** A year without grouping (`2024`, not `2,024`), in the locale's digits. */
export function formatYear(locale: Locale, year: number): string {
  return cached(`y:${locale}`, () => new Intl.NumberFormat(locale, { useGrouping: false })).format(year);
}

/** A relative change `(value - previous) / previous` with its sign: `+40%`, `−3.5%`; null when there is no base. */
export function formatChange(locale: Locale, value: number, previous: number | null | undefined): string | null {
  if (previous == null || previous === 0) return null;
  return cached(
    `ch:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
  ).format((value - previous) / previous);
}
