/**
 * INTERPOL's public notices, in the shapes found in the wild:
 *  - the public API's JSON: a list page `{_embedded: {notices: [...]}}`, one notice's detail
 *    object, or an array of either (fields `forename`, `name`, `date_of_birth` as `YYYY/MM/DD`
 *    or partial, `nationalities` as alpha-2 codes, `entity_id` as `YYYY/NNNNN`, and in the detail
 *    `sex_id`, `place_of_birth`, `arrest_warrants: [{charge, issuing_country_id}]`);
 *  - the pipe-separated export scrapers of that site produce, header
 *    `forename|date_of_birth|entity_id|nationalities|name|selfHref|imagesHref|thumbnailHref`,
 *    where nationalities may be `MA`, `MA,FR` or a list such as `['MA', 'FR']`.
 * Parsing only: each notice with an id and a name is yielded as an item, the rest as problems
 * with their line. A date of birth or a nationality the parser cannot read (`YU`, the former
 * Yugoslavia, in INTERPOL's own notices) never loses the notice: it is kept as published in
 * `notUnderstood`, reported as a warning, and not screened on.
 */
import { readCountry, toAlpha3 } from '../../core/countries.ts';
import { readPartialDate } from '../../core/partial-date.ts';
import { controlCharsIn, withoutControlChars } from '../../records/import/clean-text.ts';

export interface PublicNoticeItem {
  /** `line 12` or `notices[3]`. */
  position: string;
  entityId: string;
  /** From the notice's own link when it says; otherwise the importer's default. */
  type?: 'red' | 'yellow';
  forename?: string;
  name?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  birthDate?: string;
  /** alpha-3 */
  nationalities: string[];
  gender?: 'male' | 'female';
  placeOfBirth?: string;
  charges: Array<{ charge: string; issuingCountry?: string }>;
  /** Fields as published that were not understood: kept with the notice, not screened on. */
  notUnderstood?: Array<{ field: string; value: string; reason: string }>;
}

export interface ParseProblem {
  position: string;
  message: string;
  /** The notice is imported all the same (a field kept as published, a character removed). */
  warning?: boolean;
}

export type ParseEvent = { item: PublicNoticeItem } | { problem: ParseProblem };

const ENTITY_ID = /^\d{4}\/\d{1,7}$/;
const PIPE_COLUMNS = ['forename', 'date_of_birth', 'entity_id', 'nationalities', 'name', 'selfHref', 'imagesHref', 'thumbnailHref'];

export function* parseInterpolPublic(text: string): Generator<ParseEvent> {
  const body = text.replace(/^\uFEFF/, '');
  const first = body.trimStart()[0];
  if (first === '{' || first === '[') yield* parseJson(body);
  else yield* parsePipe(body);
}

function* parseJson(text: string): Generator<ParseEvent> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    yield { problem: { position: 'line 1', message: `not valid JSON: ${(e as Error).message}` } };
    return;
  }
  const list: Array<[string, unknown]> = [];
  const collect = (v: unknown, at: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => collect(x, `${at}[${i}]`));
    else if (v && typeof v === 'object' && '_embedded' in v) {
      const notices = (v as { _embedded?: { notices?: unknown } })._embedded?.notices;
      if (Array.isArray(notices)) notices.forEach((x, i) => list.push([`${at ? `${at}.` : ''}notices[${i}]`, x]));
      else list.push([at || 'document', undefined]);
    } else list.push([at || 'document', v]);
  };
  collect(doc, '');
  for (const [position, raw] of list) yield* toEvent(position, raw);
}

function* parsePipe(text: string): Generator<ParseEvent> {
  const lines = text.split(/\r?\n/);
  let columns = PIPE_COLUMNS;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) continue;
    const cells = line.split('|').map((c) => c.trim());
    if (i === 0 && cells.includes('entity_id')) {
      columns = cells;
      continue;
    }
    const position = `line ${i + 1}`;
    if (cells.length !== columns.length) {
      yield { problem: { position, message: `expected ${columns.length} fields separated by |, found ${cells.length}` } };
      continue;
    }
    const row: Record<string, unknown> = {};
    columns.forEach((c, j) => (row[c] = cells[j]));
    row.nationalities = splitList(String(row.nationalities ?? ''));
    yield* toEvent(position, row);
  }
}

/** `MA`, `MA,FR`, `MA FR`, `['MA', 'FR']`, `["MA"]` → ['MA', 'FR']. */
function splitList(s: string): string[] {
  return s
    .replace(/[[\]"']/g, ' ')
    .split(/[\s,;]+/)
    .filter(Boolean);
}

/**
 * A text field, whitespace collapsed, without control characters (a NUL would make PostgreSQL
 * refuse the batch): the ones removed are added to `removed`.
 */
function textOf(v: unknown, removed: string[]): string | undefined {
  if (typeof v !== 'string') return undefined;
  const { text, removed: n } = withoutControlChars(v);
  if (n) removed.push(controlCharsIn(v));
  return text.trim() ? text.trim().replace(/\s+/g, ' ') : undefined;
}

function* toEvent(position: string, raw: unknown): Generator<ParseEvent> {
  const removedControls: string[] = [];
  const e = toItem(position, raw, (v) => textOf(v, removedControls));
  if ('item' in e) {
    const warn = (message: string) => ({ problem: { position, message: `notice ${e.item.entityId}: ${message}`, warning: true } });
    if (removedControls.length) yield warn(`control characters (${[...new Set(removedControls)].join(', ')}) removed`);
    for (const n of e.item.notUnderstood ?? []) yield warn(`${n.field} ${JSON.stringify(n.value)} not understood (${n.reason}): kept with the notice, not screened on`);
  }
  yield e;
}

function toItem(position: string, raw: unknown, text: (v: unknown) => string | undefined): ParseEvent {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { problem: { position, message: 'not a notice object' } };
  const r = raw as Record<string, any>;
  const entityId = text(r.entity_id);
  if (!entityId || !ENTITY_ID.test(entityId)) return { problem: { position, message: `entity_id must look like YYYY/NNNNN, found ${JSON.stringify(r.entity_id ?? null)}` } };
  const forename = text(r.forename);
  const name = text(r.name);
  if (!forename && !name) return { problem: { position, message: `notice ${entityId} has neither name nor forename` } };
  const notUnderstood: NonNullable<PublicNoticeItem['notUnderstood']> = [];
  const dob = text(r.date_of_birth);
  const birthDate = dob ? readPartialDate(dob) : undefined;
  if (dob && !birthDate) notUnderstood.push({ field: 'date_of_birth', value: dob, reason: 'not a real date written YYYY/MM/DD, YYYY/MM or YYYY' });
  const rawNat = Array.isArray(r.nationalities) ? r.nationalities : typeof r.nationalities === 'string' ? splitList(r.nationalities) : [];
  const nationalities: string[] = [];
  for (const c of rawNat) {
    const given = typeof c === 'string' || typeof c === 'number' ? text(String(c)) : undefined;
    if (!given) continue;
    const country = readCountry(given);
    if (country.kind === 'country') {
      if (!nationalities.includes(country.alpha3)) nationalities.push(country.alpha3);
      continue;
    }
    const reason = country.kind === 'former' ? `a former country (${country.name}) that is no single country today` : 'not a country we know';
    notUnderstood.push({ field: 'nationality', value: given, reason });
  }
  const sex = text(r.sex_id)?.toUpperCase();
  const charges = (Array.isArray(r.arrest_warrants) ? r.arrest_warrants : [])
    .map((w: Record<string, unknown>) => ({ charge: text(w?.charge) ?? text(w?.charge_translation), issuingCountry: typeof w?.issuing_country_id === 'string' ? toAlpha3(w.issuing_country_id) : undefined }))
    .filter((w: { charge?: string }) => w.charge) as PublicNoticeItem['charges'];
  const href = String(text(r.selfHref) ?? text(r._links?.self?.href) ?? '');
  const type = /\/yellow\//.test(href) ? 'yellow' : /\/red\//.test(href) ? 'red' : undefined;
  return {
    item: {
      position,
      entityId,
      ...(type ? { type } : {}),
      ...(forename ? { forename } : {}),
      ...(name ? { name } : {}),
      ...(birthDate ? { birthDate } : {}),
      nationalities,
      ...(sex === 'M' ? { gender: 'male' as const } : sex === 'F' ? { gender: 'female' as const } : {}),
      ...(text(r.place_of_birth) ? { placeOfBirth: text(r.place_of_birth) } : {}),
      charges,
      ...(notUnderstood.length ? { notUnderstood } : {}),
    },
  };
}
