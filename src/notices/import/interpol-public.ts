/**
 * INTERPOL's public notices, in the shapes found in the wild:
 *  - the public API's JSON: a list page `{_embedded: {notices: [...]}}`, one notice's detail
 *    object, or an array of either (fields `forename`, `name`, `date_of_birth` as `YYYY/MM/DD`
 *    or partial, `nationalities` as alpha-2 codes, `entity_id` as `YYYY/NNNNN`, and in the detail
 *    `sex_id`, `place_of_birth`, `arrest_warrants: [{charge, issuing_country_id}]`);
 *  - the pipe-separated export scrapers of that site produce, header
 *    `forename|date_of_birth|entity_id|nationalities|name|selfHref|imagesHref|thumbnailHref`,
 *    where nationalities may be `MA`, `MA,FR` or a list such as `['MA', 'FR']`.
 * Parsing only: each good notice is yielded as an item, each bad one as a problem with its line.
 */
import { toAlpha3 } from '../../core/countries.ts';
import { isPartialDate } from '../../core/partial-date.ts';

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
}

export interface ParseProblem {
  position: string;
  message: string;
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
  for (const [position, raw] of list) yield toEvent(position, raw);
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
    yield toEvent(position, row);
  }
}

/** `MA`, `MA,FR`, `MA FR`, `['MA', 'FR']`, `["MA"]` → ['MA', 'FR']. */
function splitList(s: string): string[] {
  return s
    .replace(/[[\]"']/g, ' ')
    .split(/[\s,;]+/)
    .filter(Boolean);
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().replace(/\s+/g, ' ') : undefined);

function toEvent(position: string, raw: unknown): ParseEvent {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { problem: { position, message: 'not a notice object' } };
  const r = raw as Record<string, any>;
  const entityId = text(r.entity_id);
  if (!entityId || !ENTITY_ID.test(entityId)) return { problem: { position, message: `entity_id must look like YYYY/NNNNN, found ${JSON.stringify(r.entity_id ?? null)}` } };
  const forename = text(r.forename);
  const name = text(r.name);
  if (!forename && !name) return { problem: { position, message: `notice ${entityId} has neither name nor forename` } };
  let birthDate: string | undefined;
  const dob = text(r.date_of_birth);
  if (dob) {
    birthDate = dob.replace(/\//g, '-');
    if (!isPartialDate(birthDate)) return { problem: { position, message: `notice ${entityId}: date_of_birth ${JSON.stringify(dob)} is not YYYY/MM/DD, YYYY/MM or YYYY` } };
  }
  const rawNat = Array.isArray(r.nationalities) ? r.nationalities : typeof r.nationalities === 'string' ? splitList(r.nationalities) : [];
  const nationalities: string[] = [];
  for (const c of rawNat) {
    const a3 = typeof c === 'string' ? toAlpha3(c) : undefined;
    if (!a3) return { problem: { position, message: `notice ${entityId}: unknown nationality ${JSON.stringify(c)}` } };
    if (!nationalities.includes(a3)) nationalities.push(a3);
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
    },
  };
}
