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

export const toIsoDate = (d: Date) => d.toISOString().slice(0, 10);
