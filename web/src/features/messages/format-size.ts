import { currentLocale } from '../../i18n/index.ts';

/** A byte count with its unit in the user's language (kB, MB), decimal prefixes as browsers show them. */
export function formatSize(bytes: number, locale = currentLocale()): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : bytes >= 1000 ? [bytes / 1000, 'kilobyte'] : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
