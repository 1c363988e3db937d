/**
 * A passenger manifest (CSV with a header row: id,name,birthDate,nationality,gender) to the
 * rows the batch endpoint takes, and the results back to a CSV to download.
 */
import type { BatchRow, BatchScreeningResult, Gender, PersonCandidate } from '../../api/types.ts';
import { CsvError, parseCsv, toCsv } from './csv.ts';

export const MANIFEST_COLUMNS = ['id', 'name', 'birthDate', 'nationality', 'gender'] as const;
export const MANIFEST_SAMPLE = [
  'id,name,birthDate,nationality,gender',
  'P001,Mohamed Ben Ali,1980-04-12,MA,male',
  'P002,"El Idrissi, Fatima Zahra",1992,MAR,female',
  'P003,يوسف الحمداوي,1975-11,Morocco,',
].join('\n');

/** Rows per request: small enough for a steady progress bar, large enough to be quick. */
export const CHUNK_SIZE = 500;
/** What one manifest may hold in the browser. */
export const MAX_ROWS = 100_000;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a plausible month and day. */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** What the batch endpoint accepts per row (longer and the whole request is refused). */
export const ROW_LIMITS = { id: 100, name: 300, nationality: 60 } as const;

export type ManifestProblemCode =
  | 'missing_id'
  | 'missing_name'
  | 'duplicate_id'
  | 'too_long'
  | 'invalid_gender'
  | 'invalid_birth_date'
  | 'invalid_nationality';

/** A line of the file the desk could not use as it is (the line number counts the header as 1). */
export interface ManifestProblem {
  line: number;
  code: ManifestProblemCode;
  rowId?: string;
}

export type ManifestError =
  | { code: 'empty' }
  | { code: 'missing_columns'; columns: string[] }
  | { code: 'unterminated_quote'; line: number }
  | { code: 'too_many_rows'; max: number };

export type Manifest = { ok: true; rows: BatchRow[]; problems: ManifestProblem[] } | { ok: false; error: ManifestError };

/** Header names are matched without case, spaces, dashes or underscores: `Birth_Date` is `birthDate`. */
const canon = (s: string) => s.trim().toLowerCase().replace(/[\s_-]/g, '');

const GENDERS: Record<string, Gender> = { male: 'male', m: 'male', female: 'female', f: 'female' };

export function readManifest(text: string): Manifest {
  let table: string[][];
  try {
    table = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) return { ok: false, error: { code: 'unterminated_quote', line: e.line } };
    throw e;
  }
  if (table.length === 0) return { ok: false, error: { code: 'empty' } };
  const header = table[0].map(canon);
  const at = Object.fromEntries(MANIFEST_COLUMNS.map((c) => [c, header.indexOf(canon(c))])) as Record<(typeof MANIFEST_COLUMNS)[number], number>;
  const missing = (['id', 'name'] as const).filter((c) => at[c] === -1);
  if (missing.length) return { ok: false, error: { code: 'missing_columns', columns: missing } };
  if (table.length - 1 > MAX_ROWS) return { ok: false, error: { code: 'too_many_rows', max: MAX_ROWS } };

  const rows: BatchRow[] = [];
  const problems: ManifestProblem[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < table.length; r++) {
    const cells = table[r];
    const get = (i: number) => (i === -1 ? '' : (cells[i] ?? '').trim());
    const line = r + 1;
    const id = get(at.id);
    const name = get(at.name).replace(/\s+/g, ' ');
    if (!id) {
      problems.push({ line, code: 'missing_id' });
      continue;
    }
    if (!name) {
      problems.push({ line, code: 'missing_name', rowId: id });
      continue;
    }
    if (id.length > ROW_LIMITS.id || name.length > ROW_LIMITS.name) {
      problems.push({ line, code: 'too_long', rowId: id.slice(0, 40) });
      continue;
    }
    if (seen.has(id)) {
      problems.push({ line, code: 'duplicate_id', rowId: id });
      continue;
    }
    seen.add(id);
    // a passenger is screened even when a detail is unusable: without that detail, and said so
    const row: BatchRow = { id, name };
    const birthDate = get(at.birthDate);
    if (birthDate && PARTIAL_DATE.test(birthDate)) row.birthDate = birthDate;
    else if (birthDate) problems.push({ line, code: 'invalid_birth_date', rowId: id });
    const nationality = get(at.nationality);
    if (nationality.length >= 2 && nationality.length <= ROW_LIMITS.nationality) row.nationality = nationality;
    else if (nationality) problems.push({ line, code: 'invalid_nationality', rowId: id });
    const gender = get(at.gender);
    if (gender) {
      const g = GENDERS[gender.toLowerCase()];
      // screened without it rather than not at all
      if (g) row.gender = g;
      else problems.push({ line, code: 'invalid_gender', rowId: id });
    }
    rows.push(row);
  }
  return { ok: true, rows, problems };
}

/**
 * The row again without the detail the server refused it for (a date that is no calendar day,
 * a country it does not know), so that the passenger is still screened on the name; null when
 * the refusal is about something else.
 */
export function withoutRefused(row: BatchRow, code: string): BatchRow | null {
  const { birthDate, nationality, ...rest } = row;
  if (code === 'invalid_date' && birthDate !== undefined) return { ...rest, ...(nationality !== undefined && { nationality }) };
  if ((code === 'invalid_nationality' || code === 'invalid_country') && nationality !== undefined)
    return { ...rest, ...(birthDate !== undefined && { birthDate }) };
  return null;
}

export function chunks<T>(items: readonly T[], size = CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A secondary field (date of birth, nationality, gender) the server kept as given but could
 * not read: the row was screened on the rest (src/screening/offline/secondary-fields.ts).
 */
export interface NotUnderstood {
  field: string;
  value: string;
  /** The server's own words (English), for a tooltip. */
  reason: string;
}

/** A problem the batch endpoint reports for one row; `warning` when the row was screened all the same. */
export interface BatchProblem {
  rowId: string;
  code: string;
  message: string;
  warning?: boolean;
}

/**
 * The batch endpoint's answer as src/screening/screening.routes.ts describes it, with what the
 * shared type leaves out: per result the fields not understood, and the totals of rows skipped
 * (no name) and of warnings (optional here, for a server that does not send them).
 */
export type BatchAnswer = Omit<BatchScreeningResult, 'results' | 'problems'> & {
  results: Array<{ rowId: string; notUnderstood?: NotUnderstood[]; candidates: PersonCandidate[] }>;
  problems: BatchProblem[];
  skipped?: number;
  warnings?: number;
};

/** One manifest row with what the screening found for it. */
export interface RowResult {
  row: BatchRow;
  /** Best first, as the server ranks them. */
  candidates: PersonCandidate[];
  best: PersonCandidate | undefined;
  alert: boolean;
  /** Details the server kept but did not screen on. */
  notUnderstood: readonly NotUnderstood[];
}

export function rowResult(row: BatchRow, candidates: PersonCandidate[], notUnderstood: readonly NotUnderstood[] = []): RowResult {
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  return { row, candidates: sorted, best: sorted[0], alert: sorted.some((c) => c.alert), notUnderstood };
}

/** Alerts first, then rows with candidates, each by best score; rows with nothing keep the manifest's order. */
export function sortResults(results: readonly RowResult[]): RowResult[] {
  const rank = (r: RowResult) => (r.alert ? 0 : r.best ? 1 : 2);
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || (b.r.best?.score ?? 0) - (a.r.best?.score ?? 0) || a.i - b.i)
    .map(({ r }) => r);
}

export interface BatchSummary {
  rows: number;
  alerts: number;
  withCandidates: number;
}

export function summarise(results: readonly RowResult[]): BatchSummary {
  return {
    rows: results.length,
    alerts: results.filter((r) => r.alert).length,
    withCandidates: results.filter((r) => r.best).length,
  };
}

export const RESULT_COLUMNS = ['id', 'name', 'bestCandidateId', 'bestScore', 'alert', 'matchedName', 'problem', 'notUnderstood'] as const;

/**
 * The results as a CSV file, in manifest order (UTF-8 with a byte-order mark so spreadsheets
 * read Arabic names right). Scores are plain decimals (0.9312) for machines, not formatted for
 * a language. The `problem` column holds the codes of problems the server reported for the row
 * (screened without a detail, or not screened at all: then an empty best candidate is no "no hit");
 * the last one the details the server kept but did not screen on, as `field=value` joined by `; `.
 */
export function resultsCsv(results: readonly RowResult[], problems: ReadonlyMap<string, ReadonlyArray<{ code: string }>> = new Map()): string {
  const body = results.map((r) => [
    r.row.id,
    r.row.name,
    r.best?.id ?? '',
    r.best ? Number(r.best.score.toFixed(4)) : '',
    r.alert,
    r.best?.matchedName ?? '',
    (problems.get(r.row.id) ?? []).map((p) => p.code).join(' '),
    r.notUnderstood.map((n) => `${n.field}=${n.value}`).join('; '),
  ]);
  return `\uFEFF${toCsv([[...RESULT_COLUMNS], ...body])}`;
}

/** Offers text as a file download (a Blob behind a temporary link). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
