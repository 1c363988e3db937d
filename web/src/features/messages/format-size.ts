import { currentLocale } from '../../i18n/index.ts';

const formats = new Map<string, Intl.NumberFormat>();

/**
 * A byte count with its unit in the user's language, decimal prefixes as browsers show them.
 * Bytes are written out in full so the unit agrees with the number (`1 byte`, `61 bytes`,
 * `61 octets`, `61 بايت`; the short form would say `61 byte`); kilobytes and megabytes keep
 * their symbols (`1.5 kB`, `2.5 Mo`).
 */
export function formatSize(bytes: number, locale = currentLocale()): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : bytes >= 1000 ? [bytes / 1000, 'kilobyte'] : [bytes, 'byte'];
  const key = `${locale}:${unit}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: 1 });
    formats.set(key, f);
  }
  return f.format(value);
}
