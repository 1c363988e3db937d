/**
 * The seizure catalogue's units and their exact conversion. Quantities are stored as integers
 * in the substance's base unit (grams, items, minor currency units) so that a year's totals add
 * up exactly; the conversion is decimal arithmetic on the written digits, never floating point.
 */
import { invalid } from '../core/errors.ts';
import { LANGS, type Names } from '../core/countries.ts';

export const MEASURES = ['mass', 'count', 'money'] as const;
export type Measure = (typeof MEASURES)[number];

export const MASS_UNITS = ['t', 'kg', 'g'] as const;
export const COUNT_UNITS = ['items'] as const;
export type MassUnit = (typeof MASS_UNITS)[number];

/** Powers of ten from a unit to the base unit (grams, items). */
const MASS_SCALE: Record<MassUnit, number> = { t: 6, kg: 3, g: 0 };

/** ISO 4217 minor-unit exponents that are not 2. */
const CURRENCY_EXPONENT: Record<string, number> = { JPY: 0, KRW: 0, XOF: 0, XAF: 0, BHD: 3, KWD: 3, OMR: 3, TND: 3, LYD: 3, JOD: 3, IQD: 3 };
export const currencyExponent = (code: string) => CURRENCY_EXPONENT[code] ?? 2;

export interface QuantityInput {
  /** A decimal written with a dot ("123.97") or a number. */
  value: string | number;
  /** t | kg | g for mass, items for counts, an ISO 4217 code (MAD, EUR …) for money. */
  unit: string;
}

export interface BaseQuantity {
  /** Grams, items or minor currency units. */
  quantity: number;
  /** The currency, for money. */
  currency: string | null;
}

const DECIMAL_RE = /^(\d{1,18})(?:\.(\d{1,18}))?$/;
const CURRENCY_RE = /^[A-Z]{3}$/;

/** The unit's power of ten to the base unit, or undefined when it does not fit the measure. */
function scaleOf(measure: Measure, unit: string): number | undefined {
  if (measure === 'mass') return (MASS_UNITS as readonly string[]).includes(unit) ? MASS_SCALE[unit as MassUnit] : undefined;
  if (measure === 'count') return unit === 'items' ? 0 : undefined;
  return CURRENCY_RE.test(unit) ? currencyExponent(unit) : undefined;
}

/**
 * Converts a quantity to the substance's base unit, exactly.
 * @example toBaseQuantity('mass', { value: '123.97', unit: 't' }) // { quantity: 123970000, currency: null }
 * @example toBaseQuantity('money', { value: '1500.5', unit: 'MAD' }) // { quantity: 150050, currency: 'MAD' }
 */
export function toBaseQuantity(measure: Measure, input: QuantityInput): BaseQuantity {
  const scale = scaleOf(measure, input.unit);
  if (scale === undefined) {
    throw invalid('unit_mismatch', `The unit ${input.unit} does not measure a ${measure === 'count' ? 'count' : measure} (use ${unitsHint(measure)})`, {
      unit: input.unit,
      measure,
    });
  }
  // a number is read as its shortest decimal text (0.1 → "0.1"); exponent forms fail the pattern
  const text = typeof input.value === 'number' ? String(input.value) : input.value.trim();
  const m = DECIMAL_RE.exec(text);
  if (!m) throw invalid('invalid_quantity', 'A quantity is a positive decimal number written with a dot, such as 12.5', { value: String(input.value) });
  const [, whole, frac = ''] = m;
  const fracDigits = frac.replace(/0+$/, '');
  if (fracDigits.length > scale) {
    throw invalid('quantity_not_exact', `${text} ${input.unit} is not a whole number of ${baseUnitName(measure)}`, { value: text, unit: input.unit });
  }
  const base = BigInt(whole + fracDigits.padEnd(scale, '0'));
  if (base <= 0n) throw invalid('invalid_quantity', 'A quantity must be greater than zero', { value: text });
  if (base > BigInt(Number.MAX_SAFE_INTEGER)) throw invalid('quantity_too_large', 'The quantity is too large', { value: text, unit: input.unit });
  return { quantity: Number(base), currency: measure === 'money' ? input.unit : null };
}

const unitsHint = (m: Measure) => (m === 'mass' ? MASS_UNITS.join(', ') : m === 'count' ? 'items' : 'a currency code such as MAD');
const baseUnitName = (m: Measure) => (m === 'mass' ? 'grams' : m === 'count' ? 'items' : 'minor currency units');

/** Exact decimal text of `base / 10^scale`, trailing zeros dropped: 123970000, 6 → "123.97". */
export function scaleDown(base: number | bigint, scale: number): string {
  const b = BigInt(base);
  const neg = b < 0n;
  const digits = (neg ? -b : b).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Grams as exact tonnes: 123970000000 → "123970" (t); 1948000000 → "1948". */
export const gramsToTonnes = (grams: number | bigint) => scaleDown(grams, 6);
/** Grams as exact kilograms: 1500 → "1.5". */
export const gramsToKilograms = (grams: number | bigint) => scaleDown(grams, 3);

export interface DisplayQuantity {
  value: string;
  unit: string;
}

/**
 * The unit people read: tonnes from one tonne up, kilograms from one kilogram, grams below;
 * counts as items; money in its major unit.
 */
export function displayQuantity(measure: Measure, quantity: number | bigint, currency: string | null = null): DisplayQuantity {
  if (measure === 'count') return { value: BigInt(quantity).toString(), unit: 'items' };
  if (measure === 'money') return { value: scaleDown(quantity, currencyExponent(currency ?? 'MAD')), unit: currency ?? 'MAD' };
  const g = BigInt(quantity);
  if (g >= 1_000_000n) return { value: gramsToTonnes(g), unit: 't' };
  if (g >= 1_000n) return { value: gramsToKilograms(g), unit: 'kg' };
  return { value: g.toString(), unit: 'g' };
}

/** Catalogue labels must be given in the node's four languages, none blank. */
export function checkLabels(labels: Partial<Record<string, string>>): Names {
  const out = {} as Names;
  const missing = LANGS.filter((l) => !labels[l]?.trim());
  if (missing.length) throw invalid('labels_incomplete', 'Give the label in Arabic, French, English and Spanish', { missing });
  for (const l of LANGS) out[l] = labels[l]!.trim().replace(/\s+/g, ' ');
  return out;
}

export const CATALOGUE_CODE_RE = /^[a-z][a-z0-9_]{1,39}$/;
