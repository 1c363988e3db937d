/**
 * Machine-readable zones (ICAO Doc 9303) turned into a screening query: the holder's name,
 * date of birth, nationality and sex plus the document number, with every failed check reported.
 * Parsing is the `mrz` package's; this module decides what a border desk needs from it.
 */
import { type Details, parse, type ParseResult } from 'mrz';
import { isAlpha3 } from '../core/countries.ts';

export interface MrzProblem {
  field: string;
  code: 'mrz_malformed' | 'check_digit_failed' | 'unknown_country' | 'invalid_date' | 'invalid_field';
  message: string;
}

/** A character the parser read as something else because the field only admits letters or only digits. */
export interface MrzCorrection {
  line: number;
  column: number;
  read: string;
  as: string;
}

export interface MrzResult {
  format: 'TD1' | 'TD2' | 'TD3' | 'FRENCH_NATIONAL_ID' | 'SWISS_DRIVING_LICENSE' | string;
  /** No problem at all; a specimen can be valid. */
  valid: boolean;
  /** An ICAO specimen of the fictional state Utopia (UTO): never a real traveller. */
  specimen: boolean;
  problems: MrzProblem[];
  corrections: MrzCorrection[];
  holder: {
    surname: string;
    givenNames: string;
    /** "GIVEN NAMES SURNAME", fillers turned into spaces. */
    name: string;
    /** `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the zone marks the day or month unknown. */
    birthDate: string | null;
    /** alpha-3; null for UTO, for codes that are not states (XXA stateless, UNO …) and when unreadable. */
    nationality: string | null;
    sex: 'male' | 'female' | null;
  };
  document: { number: string | null; issuingCountry: string | null; expiryDate: string | null; type: string | null };
}

/** ICAO 9303 Part 3 codes for issuers and nationalities with no ISO 3166 alpha-3 of their own. */
const ICAO_CODES: Record<string, string> = { D: 'DEU', GBD: 'GBR', GBN: 'GBR', GBO: 'GBR', GBP: 'GBR', GBS: 'GBR', RKS: 'XKX', XXK: 'XKX' };
const SPECIMEN_STATE = 'UTO';

/** Line lengths of the layouts the parser knows: TD1, TD2 and French ID, TD3, Swiss driving licence. */
const LAYOUTS = [[30, 30, 30], [36, 36], [44, 44], [9, 30, 30]];
const MRZ_CHARS = /^[A-Z0-9<]+$/;

export function parseMrz(text: string, today: Date = new Date()): MrzResult {
  const lines = splitLines(typeof text === 'string' ? text : '');
  const malformed = layoutProblem(lines);
  if (malformed) return emptyResult(guessFormat(lines), malformed);
  let parsed: ParseResult;
  try {
    // ICAO 9303 fixes each field's character set, so a letter in a digit field (or the reverse) is a
    // misread; the check digits still guard what the correction yields, and each one is reported
    parsed = parse(lines, { autocorrect: true });
  } catch (e) {
    return emptyResult(guessFormat(lines), { field: 'mrz', code: 'mrz_malformed', message: (e as Error).message });
  }
  return fromParsed(parsed, lines, today);
}

/**
 * Lines pasted with any whitespace; a zone pasted as one run, or with stray spaces inside lines,
 * is cut by the total length of a known layout.
 */
function splitLines(text: string): string[] {
  const tokens = text.toUpperCase().split(/\s+/).filter(Boolean);
  if (fitsLayout(tokens)) return tokens;
  const run = tokens.join('');
  const layout = LAYOUTS.find((l) => l.reduce((a, b) => a + b) === run.length);
  if (!layout) return tokens;
  let at = 0;
  return layout.map((n) => run.slice(at, (at += n)));
}

const fitsLayout = (lines: string[]) => LAYOUTS.some((l) => l.length === lines.length && l.every((n, i) => lines[i].length === n));

function layoutProblem(lines: string[]): MrzProblem | null {
  const problem = (message: string): MrzProblem => ({ field: 'mrz', code: 'mrz_malformed', message });
  if (lines.length === 0) return problem('The zone is empty: paste its 2 (TD2, TD3) or 3 (TD1) lines');
  if (lines.length < 2 || lines.length > 3) return problem(`An ICAO 9303 zone has 2 (TD2, TD3) or 3 (TD1) lines, not ${lines.length}`);
  for (const [i, line] of lines.entries()) {
    if (!MRZ_CHARS.test(line)) {
      const at = [...line].findIndex((c) => !/[A-Z0-9<]/.test(c));
      return problem(`Line ${i + 1} has "${line[at]}" at position ${at + 1}: a zone holds only A–Z, 0–9 and <`);
    }
  }
  if (fitsLayout(lines)) return null;
  const layout = LAYOUTS.find((l) => l.length === lines.length && l[0] === lines[0].length);
  const off = layout?.findIndex((n, i) => lines[i].length !== n) ?? -1;
  if (layout && off >= 0) {
    return problem(`Line ${off + 1} has ${lines[off].length} characters where a ${guessFormat(lines)} line has ${layout[off]}`);
  }
  return problem(`Lines of ${lines.map((l) => l.length).join(', ')} characters match no layout (TD1 3×30, TD2 2×36, TD3 2×44)`);
}

/** What the first line's length suggests, so a malformed zone still says what it looked like. */
function guessFormat(lines: string[]): string {
  switch (lines[0]?.length) {
    case 30:
      return 'TD1';
    case 36:
      return lines[0].startsWith('IDFRA') ? 'FRENCH_NATIONAL_ID' : 'TD2';
    case 44:
      return 'TD3';
    case 9:
      return 'SWISS_DRIVING_LICENSE';
    default:
      return 'unknown';
  }
}

function emptyResult(format: string, problem: MrzProblem): MrzResult {
  return {
    format,
    valid: false,
    specimen: false,
    problems: [problem],
    corrections: [],
    holder: { surname: '', givenNames: '', name: '', birthDate: null, nationality: null, sex: null },
    document: { number: null, issuingCountry: null, expiryDate: null, type: null },
  };
}

function fromParsed(parsed: ParseResult, lines: string[], today: Date): MrzResult {
  const detail = (field: string) => parsed.details.find((d) => d.field === field);
  const text = (field: string) => {
    const d = detail(field);
    return d ? correctedText(lines, d) : null;
  };
  const issuer = stateCode(text('issuingState'));
  const nationality = stateCode(text('nationality'));
  const specimen = issuer === SPECIMEN_STATE || nationality === SPECIMEN_STATE;
  const problems = parsed.details.filter((d) => !d.valid && !isAccepted(d, lines)).map(problemOf);
  const birth = dateOf(parsed.fields.birthDate, (yy) => (yy > today.getUTCFullYear() % 100 ? 1900 : 2000));
  const expiry = dateOf(parsed.fields.expirationDate, (yy) => (2000 + yy > today.getUTCFullYear() + 50 ? 1900 : 2000));
  if (birth === undefined) problems.push(dateProblem('birthDate', 'Birth date'));
  if (expiry === undefined) problems.push(dateProblem('expirationDate', 'Expiration date'));
  const surname = nameText(detail('lastName'));
  const givenNames = nameText(detail('firstName'));
  const sex = parsed.fields.sex;
  return {
    format: parsed.format,
    valid: problems.length === 0,
    specimen,
    problems,
    corrections: correctionsOf(parsed.details),
    holder: {
      surname,
      givenNames,
      name: [givenNames, surname].filter(Boolean).join(' '),
      birthDate: birth ?? null,
      nationality: countryOf(nationality),
      sex: sex === 'male' || sex === 'female' ? sex : null,
    },
    document: {
      number: parsed.documentNumber ?? detail('documentNumber')?.value ?? null,
      issuingCountry: countryOf(issuer),
      expiryDate: expiry ?? null,
      type: parsed.fields.documentCode ?? null,
    },
  };
}

/** The field's characters after the parser's own letter/digit corrections. */
function correctedText(lines: string[], d: Details): string {
  const { line, start, end } = d.ranges[0];
  const chars = [...lines[line].slice(start, end)];
  for (const c of d.autocorrect) chars[c.column - start] = c.corrected;
  return chars.join('');
}

const stateCode = (raw: string | null) => (raw ? raw.replace(/<+$/, '') : null);

function countryOf(code: string | null): string | null {
  if (!code || code === SPECIMEN_STATE) return null;
  return ICAO_CODES[code] ?? (isAlpha3(code) ? code : null);
}

/**
 * Failures that are not problems: the specimen state UTO, which the parser does not list, and
 * sex "X", the unspecified marker of ICAO 9303 (8th edition, Part 4) that the parser predates.
 */
function isAccepted(d: Details, lines: string[]): boolean {
  const raw = correctedText(lines, d);
  if (d.field === 'issuingState' || d.field === 'nationality') return stateCode(raw) === SPECIMEN_STATE;
  return d.field === 'sex' && raw === 'X';
}

function problemOf(d: Details): MrzProblem {
  const field = d.field ?? d.label;
  const where = `line ${d.line + 1}, position ${d.start + 1}`;
  const error = d.error ?? 'unreadable';
  const check = /invalid check digit: (.*)\. Must be (\d)/.exec(error);
  if (check) {
    return {
      field,
      code: 'check_digit_failed',
      message: `${d.label} failed: the zone has "${check[1]}" where the characters it protects give ${check[2]} (ICAO 9303 check digit, ${where})`,
    };
  }
  if (error.startsWith('invalid state code')) {
    return { field, code: 'unknown_country', message: `${d.label} "${error.split(': ')[1]}" is not an ICAO 9303 country code (${where})` };
  }
  return { field, code: 'invalid_field', message: `${d.label}: ${error} (${where})` };
}

function dateProblem(field: string, label: string): MrzProblem {
  return { field, code: 'invalid_date', message: `${label} is not a calendar date` };
}

/**
 * YYMMDD to an ISO date, the century chosen by `century(yy)`. `<<` for an unknown month or day
 * gives a partial date. Null when the field is absent or unreadable; undefined when its digits
 * name no calendar day (31 February), which the parser lets through.
 */
function dateOf(yymmdd: string | null | undefined, century: (yy: number) => number): string | null | undefined {
  if (!yymmdd || !/^\d\d/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const year = century(yy) + yy;
  const [mm, dd] = [yymmdd.slice(2, 4), yymmdd.slice(4, 6)];
  if (!/^\d\d$/.test(mm)) return String(year);
  if (!/^\d\d$/.test(dd)) return `${year}-${mm}`;
  const day = new Date(Date.UTC(year, Number(mm) - 1, Number(dd)));
  return day.getUTCMonth() === Number(mm) - 1 && day.getUTCDate() === Number(dd) ? `${year}-${mm}-${dd}` : undefined;
}

/** Names as read, even when the parser rejected a stray digit in them: screening still wants them. */
function nameText(d: Details | undefined): string {
  return (d?.value ?? '').replace(/</g, ' ').replace(/\s+/g, ' ').trim();
}

function correctionsOf(details: Details[]): MrzCorrection[] {
  const seen = new Map<string, MrzCorrection>();
  for (const d of details) {
    for (const c of d.autocorrect) {
      seen.set(`${c.line}:${c.column}`, { line: c.line + 1, column: c.column + 1, read: c.original, as: c.corrected });
    }
  }
  return [...seen.values()];
}
