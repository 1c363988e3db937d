import type { Route } from '../../app/router.tsx';

/** A query value when it is one of `list`, else nothing (a stale or hand-typed link). */
export const oneOf = <T extends string>(list: readonly T[], s: string | null): T | undefined =>
  (list as readonly string[]).includes(s ?? '') ? (s as T) : undefined;

/** The `year` filter of a list page's address, when it is a plausible year. */
export function yearOf(route: Route): number | undefined {
  const y = Number(route.query.get('year'));
  return Number.isInteger(y) && y >= 1900 && y <= 2999 ? y : undefined;
}

/** The years a filter offers: this one and the nine before (the calibrated demo years among them). */
export const recentYears = (now = new Date().getFullYear()): number[] => Array.from({ length: 10 }, (_, i) => now - i);

/** Western digits for Arabic-Indic (U+0660…) and Eastern Arabic-Indic (U+06F0…) ones, as typed on an Arabic keyboard. */
export const westernDigits = (s: string): string =>
  s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.codePointAt(0)! & 0xf));

export const MAX_PERSONS = 100_000;

/** A count of persons as typed (any digits): a whole number from 1 to 100,000, or why not. */
export function parsePersons(typed: string): { persons: number } | { problem: 'required' | 'not_whole' | 'out_of_range' } {
  const s = westernDigits(typed.trim());
  if (s === '') return { problem: 'required' };
  if (!/^\d+$/.test(s)) return { problem: 'not_whole' };
  const n = Number(s);
  return n >= 1 && n <= MAX_PERSONS ? { persons: n } : { problem: 'out_of_range' };
}
