/**
 * Date of birth, nationality and gender as real lists write them. A value that is not
 * understood never costs a person their screening: it is kept as given, marked, and counts
 * neither for nor against a match (the engine only ever sees values it can compare).
 * Used by the offline batch and the HTTP batch alike.
 */
import { readCountry } from '../../core/countries.ts';
import { readPartialDate } from '../../core/partial-date.ts';

/** A secondary field kept as given because it was not understood; not screened on. */
export interface NotUnderstood {
  field: string;
  value: string;
  reason: string;
}

export interface FieldReading<T> {
  /** What the screening compares; absent when the value was not understood. */
  value?: T;
  notUnderstood?: NotUnderstood;
}

export const notUnderstoodText = (n: NotUnderstood) => `"${n.field}" value "${n.value}" not understood (${n.reason}): kept as given, not screened on`;

/**
 * A date of birth (`1984-2-01` is read as `1984-02-01`); with `ranges`, also `1968/1972`.
 *
 * @example
 * readBirthDate('1968-13-30', 'birthDate') // { notUnderstood: { field: 'birthDate', value: '1968-13-30', reason: 'not a real date …' } }
 */
export function readBirthDate(given: string, field: string, ranges = false): FieldReading<string> {
  const whole = readPartialDate(given);
  if (whole) return { value: whole };
  const parts = given.split('/').map((p) => p.trim());
  if (ranges && parts.length === 2) {
    const [from, to] = parts.map(readPartialDate);
    if (from && to && from.length === to.length && from <= to) return { value: `${from}/${to}` };
  }
  const reason = `not a real date written YYYY, YYYY-MM or YYYY-MM-DD${ranges ? ' (or a range YYYY/YYYY)' : ''}`;
  return { notUnderstood: { field, value: given, reason } };
}

/**
 * A nationality to alpha-3 (codes, names in four languages, formerly used codes mapped to the
 * country of today); a former country that split (SU, YU, CS) is kept and marked.
 */
export function readNationality(given: string, field: string): FieldReading<string> {
  const r = readCountry(given);
  if (r.kind === 'country') return { value: r.alpha3 };
  const reason =
    r.kind === 'former' ? `a former country (${r.name}) that is no single country today` : 'not a country we know (alpha-2, alpha-3, or a name in English, French, Spanish or Arabic)';
  return { notUnderstood: { field, value: given, reason } };
}

const GENDERS: Record<string, 'male' | 'female' | 'unknown'> = {
  m: 'male', male: 'male', man: 'male', masculine: 'male', masculin: 'male', homme: 'male', h: 'male', masculino: 'male', hombre: 'male', ذكر: 'male',
  f: 'female', female: 'female', woman: 'female', feminine: 'female', féminin: 'female', feminin: 'female', femme: 'female', femenino: 'female', mujer: 'female', أنثى: 'female', انثى: 'female',
  // ICAO 9303 writes X (or <) for an unspecified sex: nothing to compare, nothing wrong
  u: 'unknown', unknown: 'unknown', x: 'unknown', unspecified: 'unknown', '<': 'unknown', inconnu: 'unknown', desconocido: 'unknown',
};

/** male, female or unknown (M/F, and the words of four languages); anything else is kept and marked. */
export function readGender(given: string, field = 'gender'): FieldReading<'male' | 'female' | 'unknown'> {
  const g = GENDERS[given.trim().toLowerCase()];
  if (g) return { value: g };
  return { notUnderstood: { field, value: given, reason: 'the screening compares male and female only' } };
}
