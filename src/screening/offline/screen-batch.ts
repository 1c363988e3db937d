/**
 * Offline batch screening: a watchlist file and a query file in, one JSON line per query out,
 * with no server and no database (posts without a link, evaluation runs).
 *
 * Watchlist: `.jsonl` (`{"id","schema":"Person","names":[…],"birthDates":[…],"nationalities":[…],"gender"}`,
 * only names required; lines of another schema are ignored), `.csv` with those columns
 * (several values separated by `;`), or the UN Security Council consolidated list `.xml`
 * (persons only). Queries: `.jsonl` (`{"id","name","birthDate","nationality","gender"}`) or
 * `.csv` with those columns. Both are read as streams, one record per line, so files of any
 * size work. A line is skipped (and reported with its number) only when it has no usable
 * name or cannot be read at all: a date, a country or a gender that is not understood is
 * kept as given, reported as a warning and not screened on (see secondary-fields.ts).
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse/sync';
import { invalid } from '../../core/errors.ts';
import { detectScript } from '../../core/text.ts';
import { controlCharsIn, withoutControlChars } from '../../records/import/clean-text.ts';
import { parseUnSc } from '../../records/import/un-sc.ts';
import type { PersonData } from '../../records/record.ts';
import { type PersonEntry, PersonIndex } from '../names/person-index.ts';
import type { PersonMatch, PersonQuery } from '../screening.ts';
import { type FieldReading, type NotUnderstood, notUnderstoodText, readBirthDate, readGender, readNationality } from './secondary-fields.ts';

export interface BatchProblem {
  file: string;
  /** 1-based line number (for the UN list XML, the line of the record). */
  line: number | null;
  message: string;
  /** Whether the line (record) was skipped, or screened with a warning (a field kept as given, characters removed). */
  skipped: boolean;
}

export interface BatchQuery {
  id: string;
  line: number;
  query: PersonQuery;
  /** Fields of the query kept as given, not screened on. */
  notUnderstood?: NotUnderstood[];
}

/** What the batch needs from an index: PersonIndex, or a stand-in in tests. */
export interface BatchIndex {
  add(entry: PersonEntry): void;
  /** Called once after the watchlist is loaded (PersonIndex freezes its posting lists). */
  compact?(): void;
  search(q: PersonQuery, opts?: { limit?: number }): PersonMatch[];
}

export interface BatchStats {
  records: number;
  buildMs: number;
  queries: number;
  queryMs: number;
  qps: number;
  rssMb: number;
  /** Lines (records) skipped, in both files: only those without a usable name, or not readable at all. */
  skipped: number;
  /** Warnings, in both files: fields kept as given and not screened on, control characters removed. */
  warnings: number;
}

export type Format = 'jsonl' | 'csv' | 'xml';

export function formatOf(file: string, allowed: Format[]): Format {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  const format = ext === 'ndjson' ? 'jsonl' : (ext as Format | undefined);
  if (!format || !allowed.includes(format)) {
    throw invalid('unsupported_format', `${file}: the file name must end in ${allowed.map((f) => `.${f}`).join(', ')}`);
  }
  return format;
}

// ---- lines ----------------------------------------------------------------------------

export class LineError extends Error {}
const fail = (message: string): never => {
  throw new LineError(message);
};

async function* lines(file: string): AsyncGenerator<{ text: string; line: number }> {
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of rl) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim()) yield { text, line };
  }
}

/** One CSV line as fields; csv-parse only when the line has quotes. */
function csvFields(text: string): string[] {
  if (!text.includes('"')) return text.split(',');
  let rows: string[][];
  try {
    rows = parseCsv(text, { relax_column_count: true }) as string[][];
  } catch (e) {
    return fail(`not valid CSV: ${(e as Error).message.replace(/ at line \d+/, '')}`);
  }
  if (rows.length !== 1) fail('not valid CSV (a record must fit on one line)');
  return rows[0];
}

/** Records of a CSV file with a header row, as objects keyed by the (case-insensitive) header names. */
export async function* csvRecords(file: string, required: string[], known: string[], onProblem: (p: BatchProblem) => void): AsyncGenerator<{ record: Record<string, string>; line: number }> {
  let header: string[] | undefined;
  for await (const { text, line } of lines(file)) {
    if (!header) {
      header = csvFields(text).map((h) => h.trim());
      const lower = header.map((h) => h.toLowerCase());
      const missing = required.filter((r) => !lower.includes(r.toLowerCase()));
      if (missing.length) throw invalid('csv_header', `${file}: the header line must name the columns ${required.join(', ')} (missing ${missing.join(', ')})`);
      // canonical spelling of known columns
      header = header.map((h) => known.find((k) => k.toLowerCase() === h.toLowerCase()) ?? h);
      continue;
    }
    try {
      const fields = csvFields(text);
      if (fields.length !== header.length) fail(`${fields.length} fields where the header has ${header.length}`);
      const record: Record<string, string> = {};
      header.forEach((h, i) => (record[h] = fields[i].trim()));
      yield { record, line };
    } catch (e) {
      if (!(e instanceof LineError)) throw e;
      onProblem({ file, line, message: e.message, skipped: true });
    }
  }
}

export async function* jsonRecords(file: string, onProblem: (p: BatchProblem) => void): AsyncGenerator<{ record: Record<string, unknown>; line: number }> {
  for await (const { text: raw, line } of lines(file)) {
    // JSON has no place for a raw control character (a NUL byte in a name): removed, so that the line still reads
    const { text, removed } = withoutControlChars(raw);
    if (removed) onProblem({ file, line, message: `${removed} control character${removed === 1 ? '' : 's'} (${controlCharsIn(raw)}) removed`, skipped: false });
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      onProblem({ file, line, message: `not valid JSON: ${(e as Error).message}`, skipped: true });
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      onProblem({ file, line, message: 'not a JSON object', skipped: true });
      continue;
    }
    yield { record: value as Record<string, unknown>, line };
  }
}

// ---- fields ---------------------------------------------------------------------------------

const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/** Notes of one line: fields kept as given, characters removed. */
type Notes = string[];

function idOf(v: unknown, line: number, notes: Notes): string {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && v.trim()) return clean(v, 'id', notes);
  // a person without an id is still screened: the line number stands for it
  notes.push(`"id" is missing or empty: the line is known as "#${line}"`);
  return `#${line}`;
}

/** Text without control characters (a NUL byte in a name …), noted when there were any. */
function clean(s: string, field: string, notes: Notes): string {
  const { text, removed } = withoutControlChars(s);
  if (removed) notes.push(`"${field}": ${removed} control character${removed === 1 ? '' : 's'} (${controlCharsIn(s)}) removed`);
  return text.replace(/\s+/g, ' ').trim();
}

/** A list field: a JSON array of strings, one string, or (CSV) values separated by `;`. */
function listOf(v: unknown, field: string, notes: Notes): string[] {
  if (!present(v)) return [];
  const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(';') : fail(`"${field}" must be a list of strings`);
  return items.map((x) => {
    if (typeof x === 'object' && x !== null && typeof (x as { value?: unknown }).value === 'string') return clean((x as { value: string }).value, field, notes);
    if (typeof x === 'number' && Number.isFinite(x)) return String(x);
    if (typeof x !== 'string') return fail(`"${field}" must be a list of strings`);
    return clean(x, field, notes);
  }).filter(Boolean);
}

function stringOf(v: unknown, field: string, notes: Notes): string | undefined {
  if (!present(v)) return undefined;
  if (typeof v !== 'string' && typeof v !== 'number') return fail(`"${field}" must be a string`);
  return clean(String(v), field, notes) || undefined;
}

/** Keeps what is understood; what is not goes to `notUnderstood` (and a note). */
function understood<T>(r: FieldReading<T>, notUnderstood: NotUnderstood[], notes: Notes): T | undefined {
  if (r.notUnderstood) {
    notUnderstood.push(r.notUnderstood);
    notes.push(notUnderstoodText(r.notUnderstood));
  }
  return r.value;
}

/** A watchlist person with the secondary fields it could not read (kept, not screened on). */
export type WatchlistPerson = PersonEntry & { notUnderstood?: NotUnderstood[] };

/**
 * A watchlist person from a JSONL object or a CSV row; undefined for another schema. Throws
 * (the line is skipped) only when it has no name; `notes` receives what was kept as given.
 */
export function toPersonEntry(r: Record<string, unknown>, line = 0, notes: Notes = []): WatchlistPerson | undefined {
  const schema = stringOf(r.schema, 'schema', notes);
  if (schema && schema.toLowerCase() !== 'person') return undefined;
  const names = listOf(r.names, 'names', notes);
  if (names.length === 0) fail('"names" must hold at least one name');
  const id = idOf(r.id, line, notes);
  const notUnderstood: NotUnderstood[] = [];
  const birthDates = [...new Set(listOf(r.birthDates, 'birthDates', notes).flatMap((d) => understood(readBirthDate(d, 'birthDates', true), notUnderstood, notes) ?? []))];
  const nationalities = [...new Set(listOf(r.nationalities, 'nationalities', notes).flatMap((n) => understood(readNationality(n, 'nationalities'), notUnderstood, notes) ?? []))];
  const given = stringOf(r.gender, 'gender', notes);
  const gender = given ? understood(readGender(given), notUnderstood, notes) : undefined;
  return {
    id,
    names: [...new Set(names)].map((value, i) => ({ value, type: i === 0 ? 'primary' : 'alias', script: detectScript(value) })),
    ...(birthDates.length ? { birthDates } : {}),
    ...(nationalities.length ? { nationalities } : {}),
    ...(gender && gender !== 'unknown' ? { gender } : {}),
    ...(notUnderstood.length ? { notUnderstood } : {}),
  };
}

/** A query; throws (the line is skipped) only when it has no name. */
export function toQuery(r: Record<string, unknown>, line = 0, notes: Notes = []): { id: string; query: PersonQuery; notUnderstood?: NotUnderstood[] } {
  const name = stringOf(r.name, 'name', notes) ?? fail('"name" is missing or empty');
  const id = idOf(r.id, line, notes);
  const notUnderstood: NotUnderstood[] = [];
  const read = <T>(field: string, reader: (v: string, field: string) => FieldReading<T>) => {
    const v = stringOf(r[field], field, notes);
    return v ? understood(reader(v, field), notUnderstood, notes) : undefined;
  };
  const birthDate = read('birthDate', (v, f) => readBirthDate(v, f));
  const nationality = read('nationality', readNationality);
  const gender = read('gender', readGender);
  return {
    id,
    query: {
      name,
      ...(birthDate ? { birthDate } : {}),
      ...(nationality ? { nationality } : {}),
      ...(gender && gender !== 'unknown' ? { gender } : {}),
    },
    ...(notUnderstood.length ? { notUnderstood } : {}),
  };
}

// ---- readers -------------------------------------------------------------------------------------

const WATCHLIST_COLUMNS = ['id', 'schema', 'names', 'birthDates', 'nationalities', 'gender'];
const QUERY_COLUMNS = ['id', 'name', 'birthDate', 'nationality', 'gender'];

/** Watchlist persons, streamed; problems reported through onProblem. Duplicate ids are skipped. */
export async function* readWatchlist(file: string, onProblem: (p: BatchProblem) => void, counts = { otherSchema: 0 }): AsyncGenerator<WatchlistPerson> {
  const format = formatOf(file, ['jsonl', 'csv', 'xml']);
  if (format === 'xml') {
    for await (const item of parseUnSc(file, {
      onProblem: (p) => {
        // documents and entities do not take part in person screening
        if (p.position.startsWith('ENTITY') || p.position.includes('INDIVIDUAL_DOCUMENT')) return;
        const line = /at line (\d+)/.exec(p.position)?.[1];
        // only a lost individual counts as skipped; the rest (a field kept in remarks, a name dropped) are warnings
        const individual = p.position.startsWith('INDIVIDUAL') && !p.position.includes(' / ');
        const lost = !p.warning && individual && (/: skipped$/.test(p.message) || /^invalid person/.test(p.message));
        onProblem({ file, line: line ? Number(line) : null, message: `${p.position}: ${p.message}`, skipped: lost });
      },
    })) {
      if (item.kind !== 'person') {
        if (item.kind === 'group') counts.otherSchema++;
        continue;
      }
      const d = item.data as PersonData;
      yield {
        id: item.externalId,
        names: d.names.map((n) => ({ value: n.value, type: n.type, script: n.script })),
        ...(d.birthDates ? { birthDates: d.birthDates } : {}),
        ...(d.nationalities ? { nationalities: d.nationalities } : {}),
        ...(d.gender ? { gender: d.gender } : {}),
      };
    }
    return;
  }
  const firstLine = new Map<string, number>();
  const records = format === 'jsonl' ? jsonRecords(file, onProblem) : csvRecords(file, ['names'], WATCHLIST_COLUMNS, onProblem);
  for await (const { record, line } of records) {
    const notes: Notes = [];
    try {
      const entry = toPersonEntry(record, line, notes);
      if (!entry) {
        counts.otherSchema++;
        continue;
      }
      const seen = firstLine.get(entry.id);
      if (seen !== undefined) fail(`duplicate id "${entry.id}" (first on line ${seen})`);
      firstLine.set(entry.id, line);
      for (const message of notes) onProblem({ file, line, message, skipped: false });
      yield entry;
    } catch (e) {
      if (!(e instanceof LineError)) throw e;
      onProblem({ file, line, message: e.message, skipped: true });
    }
  }
}

/** Queries in file order, streamed; problems reported through onProblem. */
export async function* readQueries(file: string, onProblem: (p: BatchProblem) => void): AsyncGenerator<BatchQuery> {
  const format = formatOf(file, ['jsonl', 'csv']);
  const records = format === 'jsonl' ? jsonRecords(file, onProblem) : csvRecords(file, ['name'], QUERY_COLUMNS, onProblem);
  for await (const { record, line } of records) {
    const notes: Notes = [];
    try {
      const q = toQuery(record, line, notes);
      for (const message of notes) onProblem({ file, line, message, skipped: false });
      yield { ...q, line };
    } catch (e) {
      if (!(e instanceof LineError)) throw e;
      onProblem({ file, line, message: e.message, skipped: true });
    }
  }
}

// ---- the batch --------------------------------------------------------------------------------------

export interface ScreenBatchOptions {
  watchlist: string;
  queries: string;
  /** Candidates per query (default 10). */
  top?: number;
  /** Where the result lines go. */
  out: NodeJS.WritableStream;
  onProblem(p: BatchProblem): void;
  /** Progress notes (watchlist loaded …). */
  onInfo?(msg: string): void;
  createIndex?(): BatchIndex;
}

export interface ScreenBatchResult {
  stats: BatchStats;
  /** Lines (records) skipped as malformed, in both files. */
  skipped: number;
  /** Lines screened with a warning, in both files. */
  warnings: number;
}

/**
 * Loads the watchlist into an in-memory index, then screens the queries one by one in file
 * order, writing `{"queryId","matches":[…]}` lines as it goes (waiting when the output is
 * slower than the screening). A query or a candidate with fields that were not understood
 * carries them as `notUnderstood`.
 */
export async function screenBatch(opts: ScreenBatchOptions): Promise<ScreenBatchResult> {
  const top = opts.top ?? 10;
  let skipped = 0;
  let warnings = 0;
  const onProblem = (p: BatchProblem) => {
    if (p.skipped) skipped++;
    else warnings++;
    opts.onProblem(p);
  };
  const t0 = performance.now();
  const index: BatchIndex = opts.createIndex?.() ?? new PersonIndex();
  let records = 0;
  const counts = { otherSchema: 0 };
  // the few persons with fields kept as given, to show them beside their matches
  const keptOf = new Map<string, NotUnderstood[]>();
  for await (const { notUnderstood, ...entry } of readWatchlist(opts.watchlist, onProblem, counts)) {
    index.add(entry);
    if (notUnderstood) keptOf.set(entry.id, notUnderstood);
    records++;
  }
  index.compact?.();
  const buildMs = performance.now() - t0;
  opts.onInfo?.(`watchlist: ${records} persons indexed in ${(buildMs / 1000).toFixed(1)} s${counts.otherSchema ? ` (${counts.otherSchema} records that are not persons ignored)` : ''}`);

  const t1 = performance.now();
  let queries = 0;
  for await (const q of readQueries(opts.queries, onProblem)) {
    const matches = index.search(q.query, { limit: top }).slice(0, top);
    const line = JSON.stringify({
      queryId: q.id,
      ...(q.notUnderstood ? { notUnderstood: q.notUnderstood } : {}),
      matches: matches.map((m) => {
        const kept = keptOf.get(m.id);
        return { id: m.id, score: m.score, alert: m.alert, matchedName: m.matchedName, explanation: m.explanation, ...(kept ? { notUnderstood: kept } : {}) };
      }),
    });
    queries++;
    if (!opts.out.write(`${line}\n`)) await once(opts.out, 'drain');
  }
  const queryMs = performance.now() - t1;
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    stats: {
      records,
      buildMs: r1(buildMs),
      queries,
      queryMs: r1(queryMs),
      qps: queryMs > 0 ? Math.round((queries / queryMs) * 1000) : 0,
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
      skipped,
      warnings,
    },
    skipped,
    warnings,
  };
}
