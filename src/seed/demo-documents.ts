/**
 * Dates of birth (full or partial, as files hold them) and identifiers: document numbers in each
 * issuing country's pattern, from a counter run through a bijection so that they look random yet
 * never repeat within a format. Pure and seeded.
 */
import type { DocumentData } from '../records/record.ts';
import type { Random } from './random.ts';

export const pad = (n: number, width: number) => String(n).padStart(width, '0');

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export interface Birth {
  year: number;
  month: number;
  day: number;
}

export function birth(r: Random): Birth {
  // triangular around 1980: most persons of interest are 20 to 50
  const year = 1955 + Math.floor((r.next() + r.next()) * 25.5);
  const month = r.int(1, 12);
  return { year, month, day: r.int(1, daysIn(year, month)) };
}

export function birthDateText(r: Random, b: Birth): string | undefined {
  const x = r.next();
  if (x < 0.6) return `${b.year}-${pad(b.month, 2)}-${pad(b.day, 2)}`;
  if (x < 0.85) return String(b.year);
  if (x < 0.95) return `${b.year}-${pad(b.month, 2)}`;
  return undefined;
}

/** A full date in [fromYear, toYear]; day at most 28 so that adding years stays valid. */
export function fullDate(r: Random, fromYear: number, toYear: number): [number, number, number] {
  return [r.int(fromYear, toYear), r.int(1, 12), r.int(1, 28)];
}
export const isoOf = ([y, m, d]: [number, number, number]) => `${y}-${pad(m, 2)}-${pad(d, 2)}`;

// ---------------------------------------------------------------------------
// Identifiers: a counter run through a bijection of [0, 10^n) so numbers look random
// yet never repeat within a format.

/** A few rounds of multiply / xor-shift on k bits: a bijection of [0, 2^k). */
function mixBits(x: number, k: number): number {
  const mask = k >= 32 ? -1 : (1 << k) - 1;
  const shift = Math.ceil(k / 2);
  for (let round = 0; round < 3; round++) {
    x = (Math.imul(x, 0x2c1b3c6d) + 0x297a2d39) & mask;
    x ^= x >>> shift;
  }
  return x >>> 0;
}

export function serial(counter: number, digits: number): string {
  const n = Math.min(digits, 9);
  const mod = 10 ** n;
  const k = Math.ceil(Math.log2(mod));
  // cycle-walking keeps the bijection when 2^k overshoots 10^n
  let v = counter % mod;
  do v = mixBits(v, k);
  while (v >= mod);
  return pad(v, n).padStart(digits, '1');
}

export const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const ALNUM = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';

interface DocCtx {
  r: Random;
  n: number;
  birth: Birth;
}

type DocFormat = (c: DocCtx) => string;

function belgianNationalNumber(c: DocCtx): string {
  const base = `${String(c.birth.year).slice(2)}${pad(c.birth.month, 2)}${pad(c.birth.day, 2)}${serial(c.n, 3)}`;
  // the check uses a leading 2 for those born from 2000
  const value = Number(c.birth.year >= 2000 ? `2${base}` : base);
  const check = 97 - (value % 97);
  return `${base.slice(0, 6)}-${base.slice(6)}-${pad(check, 2)}`;
}

function spanishDni(c: DocCtx): string {
  const digits = serial(c.n, 8);
  return digits + 'TRWAGMYFPDXBNJZSQVHLCKE'[Number(digits) % 23];
}

function egyptianNationalId(c: DocCtx): string {
  const b = c.birth;
  const century = b.year >= 2000 ? '3' : '2';
  return `${century}${String(b.year).slice(2)}${pad(b.month, 2)}${pad(b.day, 2)}${pad(c.r.int(1, 35), 2)}${serial(c.n, 4)}${c.r.int(1, 9)}`;
}

/** Plausible number patterns per issuing country; national ids only where the country issues one. */
export const DOC_FORMATS: Record<string, { passport: DocFormat; national_id?: DocFormat }> = {
  MAR: { passport: (c) => c.r.chars(LETTERS, 2) + serial(c.n, 7), national_id: (c) => c.r.chars(LETTERS, c.r.chance(0.7) ? 2 : 1) + serial(c.n, 6) },
  DZA: { passport: (c) => serial(c.n, 9), national_id: (c) => serial(c.n, 9) },
  TUN: { passport: (c) => c.r.chars(LETTERS, 1) + serial(c.n, 6), national_id: (c) => c.r.pick(['0', '1']) + serial(c.n, 7) },
  MRT: { passport: (c) => c.r.chars(LETTERS, 1) + serial(c.n, 8), national_id: (c) => serial(c.n, 10) },
  TCD: { passport: (c) => c.r.chars(LETTERS, 1) + serial(c.n, 7), national_id: (c) => serial(c.n, 10) },
  SEN: { passport: (c) => 'A' + serial(c.n, 8), national_id: (c) => c.r.pick(['1', '2']) + c.r.digits(3) + serial(c.n, 9) },
  MLI: { passport: (c) => c.r.chars(LETTERS, 2) + serial(c.n, 7), national_id: (c) => c.r.digits(5) + serial(c.n, 9) + c.r.chars(LETTERS, 1) },
  CIV: { passport: (c) => c.r.digits(2) + c.r.chars(LETTERS, 2) + serial(c.n, 5), national_id: (c) => 'CI' + serial(c.n, 9) },
  NER: { passport: (c) => c.r.chars(LETTERS, 2) + serial(c.n, 7), national_id: (c) => serial(c.n, 9) },
  EGY: { passport: (c) => 'A' + serial(c.n, 8), national_id: egyptianNationalId },
  SYR: { passport: (c) => 'N' + serial(c.n, 9), national_id: (c) => serial(c.n, 11) },
  IRQ: { passport: (c) => 'A' + serial(c.n, 8), national_id: (c) => c.r.digits(3) + serial(c.n, 9) },
  ESP: { passport: (c) => c.r.chars(LETTERS, 3) + serial(c.n, 6), national_id: spanishDni },
  FRA: { passport: (c) => c.r.digits(2) + c.r.chars(LETTERS, 2) + serial(c.n, 5), national_id: (c) => c.r.chars(ALNUM, 3) + serial(c.n, 6) },
  BEL: { passport: (c) => c.r.chars(LETTERS, 2) + serial(c.n, 6), national_id: belgianNationalNumber },
  NLD: { passport: (c) => c.r.chars(LETTERS, 2) + c.r.chars(ALNUM, 2) + serial(c.n, 5), national_id: (c) => c.r.chars(LETTERS, 2) + c.r.chars(ALNUM, 2) + serial(c.n, 5) },
  ITA: { passport: (c) => c.r.chars(LETTERS, 2) + serial(c.n, 7), national_id: (c) => 'CA' + serial(c.n, 5) + c.r.chars(LETTERS, 2) },
  USA: { passport: (c) => (c.r.chance(0.5) ? c.r.chars(LETTERS, 1) + serial(c.n, 8) : serial(c.n, 9)) },
};

export const DOC_STATUSES: DocumentData['status'][] = ['valid', 'stolen', 'lost', 'revoked'];
export const DOC_STATUS_WEIGHTS = [85, 7, 5, 3];

/** Passport validity in years (Morocco: 5). */
export const passportYears = (country: string) => (country === 'MAR' ? 5 : 10);
