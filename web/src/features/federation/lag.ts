import type { Locale } from '../../api/types.ts';

const UNITS: Array<[unit: 'day' | 'hour' | 'minute' | 'second', seconds: number]> = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/**
 * How long the oldest waiting item has waited, in its largest whole unit, as the locale writes
 * it (`3 minutes`, `٣ دقائق`): Intl's unit formatting carries each language's plural forms.
 */
export function formatLag(locale: Locale, seconds: number): string {
  const [unit, size] = UNITS.find(([, s]) => seconds >= s) ?? UNITS[UNITS.length - 1];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(Math.floor(seconds / size));
}
