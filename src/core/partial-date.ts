import { invalid } from './errors.ts';

/** A date of birth as far as it is known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type PartialDate = string;

const RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isPartialDate(s: string): boolean {
  const m = RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  if (y < 1800 || y > 2200) return false;
  if (m[2] === undefined) return true;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return false;
  if (m[3] === undefined) return true;
  const d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

export function assertPartialDate(s: string, field: string): PartialDate {
  if (!isPartialDate(s)) {
    throw invalid('invalid_date', `${field} must be a real date written YYYY, YYYY-MM or YYYY-MM-DD`, { field, value: s });
  }
  return s;
}

/** A calendar date `YYYY-MM-DD` (review dates). */
export function assertFullDate(s: string, field: string): string {
  if (s.length !== 10 || !isPartialDate(s)) {
    throw invalid('invalid_date', `${field} must be a real date written YYYY-MM-DD`, { field, value: s });
  }
  return s;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthOf = (word: string) => {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 || (word.length > 3 && !/^[a-z]+\.?$/i.test(word)) ? undefined : i + 1;
};
const two = (n: number | string) => String(n).padStart(2, '0');

/**
 * A date of birth as lists write it, read to a PartialDate when it is a real one, else
 * undefined (`1968-13-30` stays what it was: not a date). Reads `YYYY-M-D` with one-digit
 * parts, `/` or `.` between them, a time after the day (`1984-02-01T00:00:00Z`), `YYYYMMDD`,
 * and English month names (`1 Feb 1984`, `February 1984`, `01-FEB-1984`). Day-first numeric
 * forms (`01/02/1984`) are not read: whether the month comes first there is a guess.
 *
 * @example
 * readPartialDate('1984-2-01') // '1984-02-01'
 * readPartialDate('1968-13-30') // undefined
 */
export function readPartialDate(input: string): PartialDate | undefined {
  const s = input.trim();
  if (isPartialDate(s)) return s;
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return checked([m[1], m[2] && two(m[2]), m[3] && two(m[3])]);
  m = /^(?:(\d{1,2})[\s-]+)?([A-Za-z]{3,}\.?),?[\s-]+(\d{4})$/.exec(s);
  if (m) {
    const month = monthOf(m[2]);
    return month ? checked([m[3], two(month), m[1] && two(m[1])]) : undefined;
  }
  return undefined;
}

function checked(parts: Array<string | undefined>): PartialDate | undefined {
  const [y, mo, d] = parts;
  const s = mo ? (d ? `${y}-${mo}-${d}` : `${y}-${mo}`) : y!;
  return isPartialDate(s) ? s : undefined;
}

export const toIsoDate = (d: Date) => d.toISOString().slice(0, 10);
