import { FACTORS, factsDelta } from './score.ts';

/**
 * Date of birth, nationality and gender of every person of an index, in typed arrays indexed by
 * person slot: ranking a thousand namesakes by their facts reads a few numbers each, instead of
 * following each person's object to its strings (factsDelta, which stays the definition: a
 * person this layout cannot hold exactly, or a query date it cannot read, goes through it).
 *
 * Per slot: up to two birth dates or ranges (from and to as numbers at their own precision,
 * YYYY, YYYYMM or YYYYMMDD, and the precision as 4, 7 or 10 characters), up to two nationalities
 * (interned codes) and a gender code.
 */
export class PersonFacts {
  #from = new Int32Array(0);
  #to = new Int32Array(0);
  #len = new Uint8Array(0);
  #nat = new Uint16Array(0);
  #gender = new Uint8Array(0);
  /** 1: this person's facts are read through factsDelta. */
  #slow = new Uint8Array(0);
  #codes = new Map<string, number>();

  /** Records the facts of the person in `slot` (slots are handed out in order). */
  set(slot: number, p: { birthDates?: readonly string[]; nationalities?: readonly string[]; gender?: string }): void {
    this.#room(slot);
    let slow = false;
    const dates = p.birthDates ?? [];
    if (dates.length > 2) slow = true;
    for (let k = 0; k < 2; k++) {
      const d = k < dates.length ? readRange(dates[k]) : undefined;
      if (k < dates.length && !d) slow = true;
      this.#from[slot * 2 + k] = d?.from ?? 0;
      this.#to[slot * 2 + k] = d?.to ?? 0;
      this.#len[slot * 2 + k] = d?.len ?? 0;
    }
    const nats = p.nationalities ?? [];
    if (nats.length > 2) slow = true;
    for (let k = 0; k < 2; k++) this.#nat[slot * 2 + k] = k < nats.length ? this.#code(nats[k]) : 0;
    this.#gender[slot] = p.gender && p.gender !== 'unknown' ? this.#code(p.gender) : 0;
    if (this.#codes.size >= 0xffff) slow = true;
    this.#slow[slot] = slow ? 1 : 0;
  }

  /**
   * The facts delta of the person in `slot` for a prepared query (see prepare()): the same
   * number factsDelta gives for the person's entry, which `entry` returns when needed.
   */
  delta(slot: number, q: PreparedFacts, entryOf: (slot: number) => Parameters<typeof factsDelta>[3]): number {
    if (q.slow || this.#slow[slot]) return factsDelta(q.birthDate, q.nationality, q.gender, entryOf(slot));
    let d = 0;
    if (q.len && this.#len[slot * 2]) {
      let best: number = BIRTH_CONFLICT;
      for (let k = 0; k < 2; k++) {
        const len = this.#len[slot * 2 + k];
        if (!len) break;
        const from = this.#from[slot * 2 + k];
        const to = this.#to[slot * 2 + k];
        const n = Math.min(q.len, len);
        const qp = prefix(q.date, q.len, n);
        if (qp >= prefix(from, len, n) && qp <= prefix(to, len, n)) {
          const same = q.len === len && from === to && q.date === from;
          const e = same ? (q.len === 10 ? BIRTH_FULL : BIRTH_SAME_PARTIAL) : BIRTH_PARTIAL;
          if (e > best) best = e;
        } else {
          const y = prefix(q.date, q.len, 4);
          const years = Math.min(Math.abs(y - prefix(from, len, 4)), Math.abs(y - prefix(to, len, 4)));
          if (years <= 1 && BIRTH_NEAR > best) best = BIRTH_NEAR;
        }
      }
      d += best;
    }
    if (q.nationality !== undefined && this.#nat[slot * 2]) {
      const code = this.#codes.get(q.nationality) ?? -1;
      d += this.#nat[slot * 2] === code || this.#nat[slot * 2 + 1] === code ? NATIONALITY_AGREES : NATIONALITY_CONFLICTS;
    }
    if (q.gender !== undefined && this.#gender[slot] && this.#gender[slot] !== (this.#codes.get(q.gender) ?? -1)) d += GENDER_CONFLICTS;
    return d;
  }

  #code(s: string): number {
    let c = this.#codes.get(s);
    if (c === undefined) {
      c = this.#codes.size + 1;
      if (c > 0xffff) return 0;
      this.#codes.set(s, c);
    }
    return c;
  }

  #room(slot: number) {
    if (slot < this.#gender.length) return;
    const size = Math.max(1024, (slot + 1) * 2);
    const grow = <T extends Int32Array | Uint8Array | Uint16Array>(a: T, per: number, make: (n: number) => T): T => {
      const b = make(size * per);
      b.set(a);
      return b;
    };
    this.#from = grow(this.#from, 2, (n) => new Int32Array(n));
    this.#to = grow(this.#to, 2, (n) => new Int32Array(n));
    this.#len = grow(this.#len, 2, (n) => new Uint8Array(n));
    this.#nat = grow(this.#nat, 2, (n) => new Uint16Array(n));
    this.#gender = grow(this.#gender, 1, (n) => new Uint8Array(n));
    this.#slow = grow(this.#slow, 1, (n) => new Uint8Array(n));
  }
}

/** A query's facts, read once per query. */
export interface PreparedFacts {
  birthDate?: string;
  nationality?: string;
  gender?: string;
  /** the birth date as a number at its precision, and that precision (0: none) */
  date: number;
  len: number;
  /** a birth date this layout cannot read: every person goes through factsDelta */
  slow: boolean;
}

export function prepareFacts(birthDate: string | undefined, nationality: string | undefined, gender: string | undefined): PreparedFacts {
  const d = birthDate ? readDate(birthDate) : undefined;
  nationality ||= undefined;
  gender ||= undefined;
  return { birthDate, nationality, gender, date: d?.value ?? 0, len: d?.len ?? 0, slow: birthDate !== undefined && birthDate !== '' && !d };
}

const { birthFull: BIRTH_FULL, birthSamePartial: BIRTH_SAME_PARTIAL, birthPartial: BIRTH_PARTIAL, birthNear: BIRTH_NEAR, birthConflict: BIRTH_CONFLICT } = FACTORS;
const { nationalityAgrees: NATIONALITY_AGREES, nationalityConflicts: NATIONALITY_CONFLICTS, genderConflicts: GENDER_CONFLICTS } = FACTORS;

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** YYYY, YYYY-MM or YYYY-MM-DD as a number at its precision (1970, 197005, 19700512). */
function readDate(s: string): { value: number; len: number } | undefined {
  const m = DATE.exec(s);
  if (!m) return undefined;
  if (m[3] !== undefined) return { value: Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]), len: 10 };
  if (m[2] !== undefined) return { value: Number(m[1]) * 100 + Number(m[2]), len: 7 };
  return { value: Number(m[1]), len: 4 };
}

/** A date or a range "from/to" whose two ends have the same precision (else undefined). */
function readRange(s: string): { from: number; to: number; len: number } | undefined {
  const parts = s.split('/');
  if (parts.length > 2) return undefined;
  const from = readDate(parts[0]);
  const to = parts.length === 2 ? readDate(parts[1]) : from;
  if (!from || !to || from.len !== to.len) return undefined;
  return { from: from.value, to: to.value, len: from.len };
}

/** A date number of precision `len` cut to precision `n` (n ≤ len). */
function prefix(value: number, len: number, n: number): number {
  if (n >= len) return value;
  if (len === 10) return n === 7 ? Math.floor(value / 100) : Math.floor(value / 10000);
  return Math.floor(value / 100);
}
