/**
 * Seizure quantities. The server stores integers in the substance's base unit (grams, items,
 * minor currency units) and converts what it is sent exactly (src/cases/catalogue.ts); the desk
 * offers only the units that fit the substance's measure, shows the exact base quantity before
 * sending, and writes stored quantities in the largest readable unit (123,970,000 g → 123.97 t).
 */
import type { Measure, SeizureUnit } from '../../api/cases-types.ts';
import type { Locale } from '../../api/types.ts';

/** Money has no unit list: its unit is the currency (ISO 4217), typed in. */
export const UNITS_BY_MEASURE: Readonly<Record<Exclude<Measure, 'money'>, readonly SeizureUnit[]>> = {
  mass: ['t', 'kg', 'g'],
  count: ['items'],
};

export const unitsFor = (measure: Measure): readonly SeizureUnit[] => (measure === 'money' ? [] : UNITS_BY_MEASURE[measure]);
export const defaultUnit = (measure: Measure): SeizureUnit => (measure === 'count' ? 'items' : 'kg');

/** Powers of ten from a unit to its base unit. */
const SCALE: Readonly<Record<SeizureUnit, number>> = { t: 6, kg: 3, g: 0, items: 0 };

/** A currency's minor-unit exponent as the platform knows it (MAD 2, TND 3, XOF 0). */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Arabic-Indic and Persian digits to ASCII; the Arabic decimal separator and a decimal comma to a point; no grouping. */
export function normalizeDecimal(text: string): string {
  return text
    .trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u066b,]/g, '.')
    .replace(/[\u066c\s\u00a0\u202f]/g, '');
}

export type QuantityProblem = 'required' | 'not_a_number' | 'not_positive' | 'too_precise';

/**
 * The quantity typed, as base units, exactly (decimal string arithmetic, no float), or why it
 * cannot be: `1.5` t → 1,500,000 g; `0.0004` kg → too precise (below a gram).
 * `scale` is the power of ten from the unit to the base unit.
 */
export function toBaseUnits(text: string, scale: number): { base: bigint; value: string } | { problem: QuantityProblem } {
  const s = normalizeDecimal(text);
  if (s === '') return { problem: 'required' };
  const m = /^(\d{1,18})(?:\.(\d{1,18}))?$/.exec(s);
  if (!m) return { problem: 'not_a_number' };
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > scale) return { problem: 'too_precise' };
  const base = BigInt(m[1] + fraction.padEnd(scale, '0'));
  if (base <= 0n) return { problem: 'not_positive' };
  return { base, value: fraction ? `${m[1]}.${fraction}` : m[1] };
}

export const scaleOf = (unit: SeizureUnit): number => SCALE[unit];

/** The message key of a quantity in a unit, `{{n}}` being the formatted number. */
export const UNIT_VALUE_KEYS: Readonly<Record<SeizureUnit, string>> = {
  t: 'cases.units.value.t',
  kg: 'cases.units.value.kg',
  g: 'cases.units.value.g',
  items: 'cases.units.value.items',
};

export const UNIT_NAME_KEYS: Readonly<Record<SeizureUnit, string>> = {
  t: 'cases.units.name.t',
  kg: 'cases.units.name.kg',
  g: 'cases.units.name.g',
  items: 'cases.units.name.items',
};

/** A stored mass or count as `{ unit, value }`: tonnes from a tonne up, kilograms from a kilogram up, else grams. */
export function displayUnit(measure: Exclude<Measure, 'money'>, base: number): { unit: SeizureUnit; value: number } {
  if (measure === 'count') return { unit: 'items', value: base };
  if (base >= 1_000_000) return { unit: 't', value: base / 1_000_000 };
  if (base >= 1_000) return { unit: 'kg', value: base / 1_000 };
  return { unit: 'g', value: base };
}

/** The number of a quantity in the locale's digits, with up to six decimals (a gram in tonnes). */
export function formatQuantityNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);
}

/** An amount of money in minor units, in the locale's currency format: 150050 MAD → `1 500,50 MAD`. */
export function formatMoney(locale: Locale, minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** digits);
  } catch {
    return `${formatQuantityNumber(locale, minor / 10 ** digits)} ${currency}`;
  }
}

/** From this size a headline figure is written in compact notation (`1.4M`, `١٫٤ مليون`) so it fits its card. */
export const COMPACT_FROM = 1_000_000;

/** A number for a headline card: compact from a million (at most one decimal), else in full (at most three decimals). */
export function formatHeadline(locale: Locale, value: number): string {
  if (Math.abs(value) < COMPACT_FROM) return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** An amount of money for a headline card: compact from a million units of the currency. */
export function formatMoneyHeadline(locale: Locale, minor: number, currency: string): string {
  const major = minor / 10 ** currencyDigits(currency);
  if (Math.abs(major) < COMPACT_FROM) return formatMoney(locale, minor, currency);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(major);
  } catch {
    return `${formatHeadline(locale, major)} ${currency}`;
  }
}
