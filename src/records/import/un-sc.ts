/**
 * Streaming reader for the UN Security Council consolidated sanctions list (XML, as
 * published at https://scsanctions.un.org/resources/xml/en/consolidated.xml).
 * Each INDIVIDUAL / ENTITY element is collected into a small tree on its own, turned into
 * import items and dropped, so memory stays flat whatever the size of the list.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { SaxesParser } from 'saxes';
import { readCountry } from '../../core/countries.ts';
import { isPartialDate, readPartialDate } from '../../core/partial-date.ts';
import { detectScript, hasReplacementChar } from '../../core/text.ts';
import type { DocumentData, GroupData, Name, PersonData, RecordData, RecordKind } from '../record.ts';
import { validateData } from '../record.ts';
import { controlCharsIn, withoutControlChars } from './clean-text.ts';
import type { ImportItem, ImportProblem } from './import-item.ts';

export interface UnScOptions {
  onProblem?(p: ImportProblem): void;
  onProgress?(bytesRead: number, totalBytes: number | undefined): void;
}

export const UN_SC_LEGAL_BASIS_CODE = 'unsc_consolidated_list';
const MAX_REMARKS = 4000;

/** `warning`: the record is imported all the same. */
type Report = (position: string, message: string, warning?: boolean) => void;

/** One element of a record, with its text and children; only built inside INDIVIDUAL / ENTITY. */
interface XmlElement {
  name: string;
  line: number;
  text: string;
  children: XmlElement[];
  /** Control characters removed from the text of the record (written as character references). */
  controls?: string;
}

/** Yields documents, then the person holding them, for each INDIVIDUAL; a group for each ENTITY. */
export async function* parseUnSc(input: NodeJS.ReadableStream | string, opts: UnScOptions = {}): AsyncGenerator<ImportItem> {
  const report: Report = (position, message, warning) => opts.onProblem?.({ position, message, ...(warning ? { warning } : {}) });
  const fileName = typeof input === 'string' ? input : undefined;
  const totalBytes = typeof input === 'string' ? (await stat(input)).size : undefined;
  const stream = typeof input === 'string' ? createReadStream(input) : input;
  const queue: ImportItem[] = [];
  const parser = recordParser((record) => queue.push(...toItems(record, report)), fileName);
  const decoder = new TextDecoder('utf-8');
  let bytesRead = 0;
  for await (const chunk of stream) {
    bytesRead += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    parser.write(withoutControls(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }), parser, report));
    opts.onProgress?.(bytesRead, totalBytes);
    yield* queue.splice(0);
  }
  parser.write(decoder.decode());
  parser.close();
  yield* queue.splice(0);
}

/**
 * XML 1.0 has no place for control characters, and a NUL would make PostgreSQL refuse the
 * record: removed before the parser sees them, with a warning naming the line.
 */
function withoutControls(text: string, parser: SaxesParser, report: Report): string {
  const { text: clean, removed } = withoutControlChars(text);
  if (removed) {
    const at = text.search(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
    const line = parser.line + (text.slice(0, at).match(/\n/g)?.length ?? 0);
    report(`line ${line}`, `${removed} control character${removed === 1 ? '' : 's'} (${controlCharsIn(text)}) removed`, true);
  }
  return clean;
}

/**
 * Without an error handler saxes throws on the first well-formedness error ("file:line:column:
 * message"): after one its recovery cannot be trusted, so the rest of the list would be guesswork.
 */
function recordParser(onRecord: (record: XmlElement) => void, fileName: string | undefined): SaxesParser {
  const parser = new SaxesParser({ position: true, fileName });
  const open: XmlElement[] = [];
  parser.on('opentag', (tag) => {
    if (open.length === 0 && tag.name !== 'INDIVIDUAL' && tag.name !== 'ENTITY') return;
    const node: XmlElement = { name: tag.name, line: parser.line, text: '', children: [] };
    open.at(-1)?.children.push(node);
    open.push(node);
  });
  const onText = (text: string) => {
    const current = open.at(-1);
    if (!current) return;
    const { text: clean, removed } = withoutControlChars(text);
    if (removed) open[0].controls = [open[0].controls, controlCharsIn(text)].filter(Boolean).join(', ');
    current.text += clean;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const node = open.pop();
    if (node && open.length === 0) onRecord(node);
  });
  return parser;
}

// ---- tree access -------------------------------------------------------------------

const childrenOf = (n: XmlElement, name: string) => n.children.filter((c) => c.name === name);
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const rawText = (n: XmlElement, name: string) => n.children.find((c) => c.name === name)?.text ?? '';
/** The element's text, whitespace collapsed; '' when the element is absent or empty. */
const field = (n: XmlElement, name: string) => clean(rawText(n, name));
/** Texts of `<list><item/>…</list>`, whether the list element comes once or several times. */
const values = (n: XmlElement, list: string, item: string) =>
  childrenOf(n, list)
    .flatMap((l) => childrenOf(l, item))
    .map((v) => clean(v.text))
    .filter(Boolean);
const unique = <T>(xs: T[]) => [...new Set(xs)];
const nonEmpty = <T>(xs: T[]) => (xs.length > 0 ? xs : undefined);
const withoutUndefined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The list's remarks, after what was kept as listed because it was not understood (never cut off). */
function remarksOf(text: string, kept: string[] = []): string | undefined {
  const parts = [kept.length ? `As listed, not understood (not screened on): ${kept.join('; ')}` : '', text.trim()].filter(Boolean);
  return parts.length ? parts.join('\n\n').slice(0, MAX_REMARKS) : undefined;
}

// ---- records -----------------------------------------------------------------------

interface RecordContext {
  externalId: string;
  where: string;
  report: Report;
  /** Values kept as listed because they were not understood, for the record's remarks. */
  kept: string[];
}

function toItems(record: XmlElement, report: Report): ImportItem[] {
  const ref = field(record, 'REFERENCE_NUMBER');
  const dataId = field(record, 'DATAID');
  const where = `${record.name} at line ${record.line} (${[ref, dataId && `DATAID ${dataId}`].filter(Boolean).join(', ') || 'no reference'})`;
  const externalId = ref || dataId;
  if (!externalId) {
    report(where, 'no REFERENCE_NUMBER nor DATAID: skipped');
    return [];
  }
  const ctx: RecordContext = { externalId, where, report, kept: [] };
  if (record.controls) report(where, `control characters (${record.controls}) removed`, true);
  // LISTED_ON sometimes carries a UTC offset: "2015-03-27-04:00"
  const base = {
    tlp: 'CLEAR' as const,
    legalBasisCode: UN_SC_LEGAL_BASIS_CODE,
    legalBasis: `UN Security Council sanctions list ${field(record, 'UN_LIST_TYPE')} (${externalId}), listed ${field(record, 'LISTED_ON').slice(0, 10)}`,
  };
  return record.name === 'INDIVIDUAL' ? personItems(record, ctx, base) : groupItems(record, ctx, base);
}

type Base = Pick<ImportItem, 'tlp' | 'legalBasisCode' | 'legalBasis'>;

function personItems(n: XmlElement, ctx: RecordContext, base: Base): ImportItem[] {
  const names = personNames(n, ctx);
  if (names.length === 0) {
    ctx.report(ctx.where, 'individual without any name: skipped');
    return [];
  }
  const person: PersonData = withoutUndefined({
    names,
    birthDates: nonEmpty(unique(childrenOf(n, 'INDIVIDUAL_DATE_OF_BIRTH').flatMap((d) => birthDate(d, ctx) ?? []))),
    placesOfBirth: nonEmpty(unique(childrenOf(n, 'INDIVIDUAL_PLACE_OF_BIRTH').map(placeOfBirth).filter(Boolean))),
    nationalities: nonEmpty(unique(values(n, 'NATIONALITY', 'VALUE').flatMap((c) => country(c, ctx, 'nationality') ?? []))),
    gender: genderOf(field(n, 'GENDER'), ctx),
    remarks: remarksOf(rawText(n, 'COMMENTS1'), ctx.kept),
  });
  if (!isValid('person', person, ctx)) return [];
  const documents = childrenOf(n, 'INDIVIDUAL_DOCUMENT')
    .flatMap((d) => documentOf(d, ctx) ?? [])
    .filter((d) => isValid('document', d, ctx))
    .map((data, i): ImportItem => ({ ...base, externalId: `${ctx.externalId}#doc${i + 1}`, kind: 'document', data }));
  const links = documents.map((d) => ({ type: 'holder_of' as const, toExternalId: d.externalId }));
  return [...documents, { ...base, externalId: ctx.externalId, kind: 'person', data: person, ...(links.length ? { links } : {}) }];
}

function groupItems(n: XmlElement, ctx: RecordContext, base: Base): ImportItem[] {
  // a few entities pack several official names into FIRST_NAME with ';'
  const [primary = '', ...others] = splitNames(field(n, 'FIRST_NAME'));
  const names = finishNames(
    [
      ...toNames(primary ? [primary] : [], 'primary'),
      ...toNames(others, 'alias', 'good'),
      ...toNames([field(n, 'NAME_ORIGINAL_SCRIPT')].filter(Boolean), 'original'),
      ...childrenOf(n, 'ENTITY_ALIAS').flatMap((a) => aliasNames(a, ctx, false)),
    ],
    ctx,
  );
  if (names.length === 0) {
    ctx.report(ctx.where, 'entity without any name: skipped');
    return [];
  }
  const group: GroupData = withoutUndefined({
    names,
    groupType: 'organisation' as const,
    countries: nonEmpty(unique(childrenOf(n, 'ENTITY_ADDRESS').flatMap((a) => country(field(a, 'COUNTRY'), ctx, 'country') ?? []))),
    remarks: remarksOf(rawText(n, 'COMMENTS1'), ctx.kept),
  });
  return isValid('group', group, ctx) ? [{ ...base, externalId: ctx.externalId, kind: 'group', data: group }] : [];
}

function isValid(kind: RecordKind, data: RecordData, ctx: RecordContext): boolean {
  try {
    validateData(kind, data);
    return true;
  } catch (err) {
    ctx.report(ctx.where, `invalid ${kind}: ${(err as Error).message}`);
    return false;
  }
}

// ---- names -------------------------------------------------------------------------

const NAME_PARTS = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'];
/** Persian/Urdu letters: an Arabic-script name with one of them is not Arabic (fa, ur, ps …). */
const PERSIAN_URDU = /[پچژگکیٹڈڑںےہ]/;
/** Arabic presentation forms, which some names are typed in. */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]+/g;

/**
 * QUALITY values in the list: individuals "Good" / "Low", entities "a.k.a." / "f.k.a.";
 * "" only comes with an empty ALIAS_NAME. A former name (f.k.a.) is a name the entity
 * really bore, so it is as reliable as an a.k.a.
 */
const QUALITY: Record<string, Name['quality']> = { Good: 'good', Low: 'low', 'a.k.a.': 'good', 'f.k.a.': 'good' };

function personNames(n: XmlElement, ctx: RecordContext): Name[] {
  // "na" stands for "not available" in one FOURTH_NAME
  const primary = NAME_PARTS.map((p) => field(n, p)).filter((p) => p && p !== 'na').join(' ');
  return finishNames(
    [
      ...toNames(primary ? [primary] : [], 'primary'),
      ...toNames([field(n, 'NAME_ORIGINAL_SCRIPT')].filter(Boolean), 'original'),
      ...childrenOf(n, 'INDIVIDUAL_ALIAS').flatMap((a) => aliasNames(a, ctx, true)),
    ],
    ctx,
  );
}

function aliasNames(alias: XmlElement, ctx: RecordContext, isPerson: boolean): Name[] {
  const texts = splitNames(field(alias, 'ALIAS_NAME')).map((v) => (isPerson ? lastFirstToFirstLast(v) : v));
  if (texts.length === 0) return [];
  const qualityText = field(alias, 'QUALITY');
  const quality = QUALITY[qualityText];
  if (!quality) ctx.report(ctx.where, `unknown alias QUALITY "${qualityText}"`, true);
  return toNames(texts, 'alias', quality);
}

function toNames(values: string[], type: Name['type'], quality?: Name['quality']): Name[] {
  return values.map((raw) => {
    const value = raw.replace(PRESENTATION_FORMS, (s) => s.normalize('NFKC'));
    const script = detectScript(value);
    const lang = script === 'Cyrl' ? 'ru' : script === 'Arab' && !PERSIAN_URDU.test(value) ? 'ar' : undefined;
    return withoutUndefined({ value, script, lang, type, quality });
  });
}

/** Drops names with replacement characters (text corrupted before it reached us) and repeats. */
function finishNames(names: Name[], ctx: RecordContext): Name[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    if (hasReplacementChar(n.value)) {
      ctx.report(ctx.where, `${n.type} name contains U+FFFD (text corrupted before it reached us): dropped`, true);
      return false;
    }
    if (seen.has(n.value)) return false;
    seen.add(n.value);
    return true;
  });
}

/**
 * One ALIAS_NAME may hold several names: "A; B; C", an enumeration "A b) B", or a
 * transliteration pair "أبو شيماء (Abu-Shaima; Abu- Shayma)" / "X (original script: Х)".
 */
function splitNames(text: string): string[] {
  return splitScriptPair(text)
    .flatMap((s) => s.split(/;|\s[a-z]\)\s/))
    .map((s) => s.replace(/^[\s),;]+|[\s(,;]+$/g, ''))
    .filter(Boolean);
}

function splitScriptPair(text: string): string[] {
  const m = /^([^()]+?)\s*\((?:original script:\s*)?(.+)\)[\s,;.]*$/.exec(text);
  if (!m) return [text];
  const [outer, inner] = [detectScript(m[1]), detectScript(m[2])];
  return outer !== inner && outer !== 'Zyyy' && inner !== 'Zyyy' ? [m[1], m[2]] : [text];
}

/**
 * "Ghailani, Ahmed" → "Ahmed Ghailani", also inside quotes ("\"ZUBEYR, Abu\""). Left alone:
 * anything but exactly one comma with words on both sides, text with digits or brackets
 * ("…, born in Kandahar on 01 Jan.1967", "Santos, III (third)") and generational suffixes.
 */
function lastFirstToFirstLast(alias: string): string {
  const quoted = /^(["“])(.*)(["”])$/.exec(alias);
  const [open, inner, close] = quoted ? [quoted[1], quoted[2], quoted[3]] : ['', alias, ''];
  const parts = inner.split(',').map((p) => p.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1] || /[\d()]/.test(inner)) return alias;
  if (/^(jr|sr|ii|iii|iv)\b/i.test(parts[1])) return alias;
  return `${open}${parts[1]} ${parts[0]}${close}`;
}

// ---- dates, places, countries ------------------------------------------------------

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD = new RegExp(`\\b(${MONTHS.join('|')})[a-z]*\\b`, 'g');

/**
 * DATE (exact), YEAR (exact or approximately) or FROM_YEAR/TO_YEAR (between). A few
 * dates are only in NOTE ("Nov. 1973", "Between Aug. and Sep. 1977") or give the month
 * there ("Sep." with YEAR 1958); other notes (Hijri dates, "30-35 years old") are reported.
 */
function birthDate(d: XmlElement, ctx: RecordContext): string | undefined {
  const [date, year, from, to, note] = ['DATE', 'YEAR', 'FROM_YEAR', 'TO_YEAR', 'NOTE'].map((f) => field(d, f));
  const value = date || (from && to ? (from === to ? from : `${from}/${to}`) : fromNote(note, year) ?? year);
  const where = `${ctx.where} / ${d.name} at line ${d.line}`;
  if (!value) {
    if (note) {
      ctx.kept.push(`date of birth "${note}"`);
      ctx.report(where, 'date of birth only in a NOTE that gives no month and year: kept in remarks, not screened on', true);
    }
    return undefined;
  }
  const parts = value.split('/').map((p) => readPartialDate(p));
  if (parts.every(Boolean) && (parts.length === 1 || parts[0]! <= parts[1]!)) return parts.join('/');
  ctx.kept.push(`date of birth "${value}"`);
  ctx.report(where, `date of birth "${value}" is not a real date or forward range: kept in remarks, not screened on`, true);
  return undefined;
}

function fromNote(note: string, year: string): string | undefined {
  const months = [...note.toLowerCase().matchAll(MONTH_WORD)].map((m) => String(MONTHS.indexOf(m[1]) + 1).padStart(2, '0'));
  const y = year || /\b(1[89]\d\d|20\d\d)\b/.exec(note)?.[1];
  if (!y || months.length === 0 || months.length > 2) return undefined;
  return months.map((m) => `${y}-${m}`).join('/');
}

function placeOfBirth(p: XmlElement): string {
  return ['CITY', 'STATE_PROVINCE', 'COUNTRY']
    .map((f) => field(p, f))
    .filter(Boolean)
    .join(', ');
}

function genderOf(text: string, ctx: RecordContext): PersonData['gender'] {
  const g = text.toLowerCase();
  if (g === 'male' || g === 'female') return g;
  if (g && g !== 'unknown') {
    ctx.kept.push(`gender "${text}"`);
    ctx.report(ctx.where, `gender "${text}" not understood: kept in remarks, not screened on`, true);
  }
  return undefined;
}

/**
 * Alpha-3 code of a country name (UN forms, former countries mapped to today's where there is
 * one), or undefined: kept in `kept` for the remarks and reported when it does not resolve.
 */
function country(name: string, ctx: RecordContext, what: string, kept = ctx.kept): string | undefined {
  if (!name) return undefined;
  // the list writes names, never codes: "na" (not available) must not become Namibia
  if (/^n\/?a$/i.test(name)) {
    ctx.report(ctx.where, `${what} "${name}" (not available): left out`, true);
    return undefined;
  }
  const r = name.length > 2 ? readCountry(name) : ({ kind: 'unknown' } as const);
  if (r.kind === 'country') return r.alpha3;
  const why = r.kind === 'former' ? `a former country (${r.name}) that is no single country today` : 'not a country we know';
  kept.push(`${what} "${name}"`);
  ctx.report(ctx.where, `${what} "${name}" not resolved (${why}): kept in remarks, not screened on`, true);
  return undefined;
}

// ---- documents ---------------------------------------------------------------------

/** First match wins; "other" before "national_id" so that "military identification" stays other. */
const DOCUMENT_TYPE_RULES: Array<[RegExp, DocumentData['type']]> = [
  [/passe?port|pasaporte/i, 'passport'],
  [/driving|driver/i, 'driving_licence'],
  [/certificate|\bration|alien|student|voter|social security|fiscal|residen|military|serviceman|fardc|other id/i, 'other'],
  [/identi|national number|tazkira|personalausweis|c[ée]dula/i, 'national_id'],
];

function documentOf(d: XmlElement, ctx: RecordContext): DocumentData | undefined {
  // the list writes an empty <INDIVIDUAL_DOCUMENT/> when there is none
  if (d.children.length === 0) return undefined;
  const [type1, type2] = [field(d, 'TYPE_OF_DOCUMENT'), field(d, 'TYPE_OF_DOCUMENT2')];
  // two documents have their number only in TYPE_OF_DOCUMENT2 ("… (tazkira) number 57388")
  const listed = field(d, 'NUMBER') || (/\d/.test(type2) ? type2 : '');
  const number = documentNumber(listed);
  if (!number) {
    ctx.report(`${ctx.where} / ${d.name} at line ${d.line}`, 'document number without digits: document skipped');
    return undefined;
  }
  // TYPE_OF_DOCUMENT2 often repeats TYPE_OF_DOCUMENT ("Passport", "passport ")
  const typeText = type2.toLowerCase() === type1.toLowerCase() ? type1 : [type1, type2].filter(Boolean).join('; ');
  const issued = field(d, 'ISSUING_COUNTRY') || field(d, 'COUNTRY_OF_ISSUE');
  const dateOf = (f: string) => {
    const v = field(d, f);
    return v.length === 10 && isPartialDate(v) ? v : undefined;
  };
  const kept: string[] = [];
  const issuingCountry = issued ? country(issued, ctx, 'issuing country', kept) : undefined;
  const remarks = [field(d, 'NOTE'), listed !== number ? `Number as listed: ${listed}` : '', kept.length ? `As listed, not understood: ${kept.join('; ')}` : ''].filter(Boolean).join('\n');
  return withoutUndefined({
    number,
    type: documentType([type2, listed, type1]),
    typeText: typeText || undefined,
    issuingCountry,
    status: 'unknown' as const,
    issueDate: dateOf('DATE_OF_ISSUE'),
    expiryDate: dateOf('DATE_OF_EXPIRY'),
    remarks: remarksOf(remarks),
  });
}

/** The most specific text first: TYPE_OF_DOCUMENT2, the prose around the number, TYPE_OF_DOCUMENT. */
function documentType(texts: string[]): DocumentData['type'] {
  for (const text of texts) {
    const rule = DOCUMENT_TYPE_RULES.find(([re]) => re.test(text));
    if (rule) return rule[1];
  }
  return 'other';
}

/**
 * Strips prose from a number: "Qatari passport number 00868774" → "00868774",
 * "381110042 (Expired 25 Jan. 2016)" → "381110042", "R00012098, South Sudan" → "R00012098".
 * Keeps the tokens with digits, and a short capital series just before them, which
 * belongs to the number ("D 000763", "OA 454044", "TR-P 614 166").
 */
function documentNumber(listed: string): string | undefined {
  const tokens = clean(listed.replace(/\([^)]*\)/g, ' ').split(',')[0]).split(' ');
  const first = tokens.findIndex((t) => /\d/.test(t));
  if (first < 0) return undefined;
  const series = first > 0 && /^[A-Z]{1,3}(-[A-Z]{1,2})?$/.test(tokens[first - 1]) ? [tokens[first - 1]] : [];
  return [...series, ...tokens.slice(first).filter((t) => /\d/.test(t))].join(' ');
}
