/**
 * Travel-document screening: number normalisation, OCR-tolerant keys and an in-memory index
 * sized for tens of millions of stolen and lost documents (INTERPOL's SLTD holds over 68 M).
 * Per document the index keeps a few array slots and one map entry per lookup key; no object.
 */
import { toAlpha3 } from '../core/countries.ts';
import { fold } from '../core/text.ts';
import { ALERT_THRESHOLD, type DocumentHow, type DocumentMatch } from './screening.ts';

const SCORES: Record<DocumentHow, number> = { exact: 1, ocr: 0.85, prefix: 0.75 };
const DEFAULT_LIMIT = 10;

// ---------------------------------------------------------------- normalisation

/** Already normal: most records take this path, which keeps building 10 M entries fast. */
const CLEAN = /^[A-Z0-9]+$/;
/**
 * Labels that sit between prose and the number ("passport no. A123", "CIN BK123456"). "NO 1234567"
 * reads as a label too; the series-prefix match still finds a record NO1234567, at a lower score.
 */
const LABELS = new Set(['no', 'nos', 'nr', 'nro', 'num', 'id', 'cin']);
const HAS_DIGIT = /[0-9]/;
const LATIN_PREFIX = /^[a-z]{1,3}$/;

/**
 * The document number inside what a source wrote: "Qatari passport number 00868774" → 00868774,
 * "Libya B/002210" → B002210, "SE 012820" → SE012820, "٦٥٤٧٨١" → 654781. Letters in front of the
 * digits stay when they are a series prefix (at most three Latin letters); longer words are prose.
 */
export function normaliseDocumentNumber(raw: string): string {
  const trimmed = raw.trim();
  if (CLEAN.test(trimmed)) return trimmed;
  const joined = separateNumberSign(numberSegment(trimmed)).replace(JOINER, '');
  const tokens = fold(joined).split(' ').filter(Boolean);
  return numberTokens(tokens).join('').toUpperCase();
}

/** A dash, dot or slash between two letters or digits joins the parts of one number ("07-CZG", "B/002210"). */
const JOINER = /(?<=[\p{L}\p{N}])[-./](?=[\p{L}\p{N}])/gu;

/** Drops remarks in brackets and picks the comma/colon part that holds digits ("R00005943, South Sudan"). */
function numberSegment(raw: string): string {
  const segments = raw.replace(/\([^)]*\)/g, ' ').split(/[,;:]/);
  return segments.find((s) => /\p{Nd}/u.test(s)) ?? segments.join(' ');
}

/**
 * "N° 12", "No.12", "Nr.12", "No34409": the sign becomes the label "no". Without a dot, only the
 * capitalised word is a sign: "NO123" and "no123" may be a number with an NO series.
 */
function separateNumberSign(s: string): string {
  return s.replace(/[Nn]\s*[°º]/g, ' no ').replace(/\b(?:N[or]\.?|[Nn][OoRr]\.)(?=\s*\p{Nd})/gu, ' no ');
}

/**
 * Without a digit, the words after the last label ("passport no. CFGHJKLMN"). Otherwise walks left
 * from the last token with a digit, keeping digit groups ("96 03 464086") and up to
 * three letters of series prefix; stops at a word. A label between two digit groups is skipped
 * so that a series and number stay together ("8208 No. 555627").
 */
function numberTokens(tokens: string[]): string[] {
  let end = tokens.length - 1;
  while (end >= 0 && !HAS_DIGIT.test(tokens[end])) end--;
  if (end < 0) return tokens.slice(tokens.findLastIndex((t) => LABELS.has(t)) + 1);
  const kept = [tokens[end]];
  let prefixLetters = 0;
  for (let i = end - 1; i >= 0; i--) {
    const t = tokens[i];
    if (HAS_DIGIT.test(t) && prefixLetters === 0) kept.unshift(t);
    else if (LABELS.has(t) && i > 0 && HAS_DIGIT.test(tokens[i - 1]) && prefixLetters === 0) continue;
    else if (!LABELS.has(t) && LATIN_PREFIX.test(t) && prefixLetters + t.length <= 3) {
      prefixLetters += t.length;
      kept.unshift(t);
    } else break;
  }
  return kept;
}

const OCR_DIGIT: Record<string, string> = { O: '0', Q: '0', I: '1', L: '1', S: '5', B: '8', Z: '2', G: '6' };

/** Folds the letters OCR and tired eyes confuse with digits, so "AB1O34S67" and "A81034567" share a key. */
export function ocrKey(normalised: string): string {
  return normalised.replace(/[OQILSBZG]/g, (c) => OCR_DIGIT[c]);
}

const SERIES_PREFIX = /^[A-Z]{1,3}(?=[0-9])/;
const MIN_BARE_LENGTH = 6;

/** "AB1234567" → "1234567": the number without its letter series, when enough is left to be specific. */
export function withoutPrefix(normalised: string): string | null {
  const m = SERIES_PREFIX.exec(normalised);
  if (!m || normalised.length - m[0].length < MIN_BARE_LENGTH) return null;
  return normalised.slice(m[0].length);
}

// ---------------------------------------------------------------- compact storage, shared with vehicles.ts

export type Slots = number | number[];

/**
 * A string-keyed map sharded on the key's last character: one V8 Map holds at most 2^24
 * entries, and smaller maps rehash in shorter pauses while an index grows.
 */
export class ShardedMap<V> {
  private readonly shards: Map<string, V>[] = Array.from({ length: 32 }, () => new Map());

  private shard(key: string): Map<string, V> {
    return this.shards[key.charCodeAt(key.length - 1) & 31];
  }

  get(key: string): V | undefined {
    return this.shard(key).get(key);
  }

  has(key: string): boolean {
    return this.shard(key).has(key);
  }

  set(key: string, value: V): void {
    this.shard(key).set(key, value);
  }

  delete(key: string): void {
    this.shard(key).delete(key);
  }
}

/** Key → slot, or slots when several records share the key (a small array, no Set). */
export class SlotMap {
  private readonly map = new ShardedMap<Slots>();

  get(key: string): Slots | undefined {
    return this.map.get(key);
  }

  add(key: string, slot: number): void {
    const current = this.map.get(key);
    if (current === undefined) this.map.set(key, slot);
    else if (typeof current === 'number') this.map.set(key, [current, slot]);
    else current.push(slot);
  }

  delete(key: string, slot: number): void {
    const current = this.map.get(key);
    if (current === slot) this.map.delete(key);
    else if (Array.isArray(current)) {
      const rest = current.filter((s) => s !== slot);
      this.map.set(key, rest.length === 1 ? rest[0] : rest);
    }
  }
}

export function forEachSlot(slots: Slots | undefined, fn: (slot: number) => void): void {
  if (slots === undefined) return;
  if (typeof slots === 'number') fn(slots);
  else for (const s of slots) fn(s);
}

/** A few distinct strings (statuses, types, countries) stored once and referred to by a small code; 0 is none. */
export class CodeTable {
  readonly values: Array<string | null> = [null];
  private readonly codes = new Map<string, number>();

  constructor(private readonly bits: number) {}

  code(value: string | null | undefined): number {
    if (!value) return 0;
    let c = this.codes.get(value);
    if (c === undefined) {
      if (this.values.length >= 2 ** this.bits) throw new RangeError(`more than ${2 ** this.bits - 1} distinct values: ${value}`);
      c = this.values.push(value) - 1;
      this.codes.set(value, c);
    }
    return c;
  }
}

/** Issuing or plate countries, interned, each resolved to alpha-3 once (null when unknown, e.g. UTO). */
export class CountryTable extends CodeTable {
  readonly alpha3: Array<string | null> = [null];

  override code(value: string | null | undefined): number {
    const before = this.values.length;
    const c = super.code(value);
    if (this.values.length > before) this.alpha3.push(toAlpha3(value!) ?? null);
    return c;
  }

  /** True when the slot's country is known and differs from the wanted one. */
  conflicts(code: number, wanted: string | null): boolean {
    const have = this.alpha3[code];
    return wanted !== null && have !== null && have !== wanted;
  }
}

/** Slot allocation for parallel arrays: freed slots are reused, a Uint32Array grows by doubling. */
export class SlotStore {
  ids: Array<string | undefined> = [];
  packed = new Uint32Array(1024);
  private readonly free: number[] = [];
  readonly slotOf = new ShardedMap<number>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  allocate(id: string, packed: number): number {
    const slot = this.free.pop() ?? this.ids.length;
    if (slot >= this.packed.length) {
      const grown = new Uint32Array(this.packed.length * 2);
      grown.set(this.packed);
      this.packed = grown;
    }
    this.ids[slot] = id;
    this.packed[slot] = packed;
    this.slotOf.set(id, slot);
    this.count++;
    return slot;
  }

  release(slot: number): void {
    this.slotOf.delete(this.ids[slot]!);
    this.ids[slot] = undefined;
    this.free.push(slot);
    this.count--;
  }
}

// ---------------------------------------------------------------- index

export interface IndexedDocument {
  id: string;
  number: string;
  type: string;
  issuingCountry?: string | null;
  status: string;
}

export interface DocumentQuery {
  number: string;
  /** alpha-2, alpha-3 or English name; an unresolvable value does not filter. */
  issuingCountry?: string;
}

export interface SearchOptions {
  limit?: number;
  /** Return false to hide a candidate (handling codes, expiry). */
  filter?: (id: string) => boolean;
}

// packed per slot: country code (16 bits) | type code (8) | status code (8)
const pack = (country: number, type: number, status: number) => ((country << 16) | (type << 8) | status) >>> 0;

export class DocumentIndex {
  private readonly store = new SlotStore();
  /** The number as the record wrote it; shared with the exact key when already normal. */
  private readonly numbers: string[] = [];
  private readonly exact = new SlotMap();
  /** Only numbers whose OCR key differs from themselves; the others are found through `exact`. */
  private readonly ocr = new SlotMap();
  private readonly bare = new SlotMap();
  private readonly types = new CodeTable(8);
  private readonly statuses = new CodeTable(8);
  private readonly countries = new CountryTable(16);

  get size(): number {
    return this.store.size;
  }

  has(id: string): boolean {
    return this.store.slotOf.has(id);
  }

  /** Adds or replaces a document; false when its number has nothing to index. */
  add(doc: IndexedDocument): boolean {
    this.remove(doc.id);
    const normal = normaliseDocumentNumber(doc.number);
    if (!normal) return false;
    const packed = pack(this.countries.code(doc.issuingCountry), this.types.code(doc.type), this.statuses.code(doc.status));
    const slot = this.store.allocate(doc.id, packed);
    // the same string object as the exact key when the record is already normal: stored once
    this.numbers[slot] = doc.number === normal ? normal : doc.number;
    this.eachKey(normal, (map, key) => map.add(key, slot));
    return true;
  }

  remove(id: string): boolean {
    const slot = this.store.slotOf.get(id);
    if (slot === undefined) return false;
    this.eachKey(normaliseDocumentNumber(this.numbers[slot]), (map, key) => map.delete(key, slot));
    this.numbers[slot] = '';
    this.store.release(slot);
    return true;
  }

  private eachKey(normal: string, fn: (map: SlotMap, key: string) => void): void {
    fn(this.exact, normal);
    const key = ocrKey(normal);
    if (key !== normal) fn(this.ocr, key);
    const bare = withoutPrefix(normal);
    if (bare) fn(this.bare, bare);
  }

  search(q: DocumentQuery, opts: SearchOptions = {}): DocumentMatch[] {
    const normal = normaliseDocumentNumber(q.number);
    if (!normal) return [];
    const found = new Map<number, DocumentHow>();
    const consider = (slots: Slots | undefined, how: DocumentHow) =>
      forEachSlot(slots, (s) => {
        if (!found.has(s)) found.set(s, how);
      });
    consider(this.exact.get(normal), 'exact');
    const key = ocrKey(normal);
    consider(this.exact.get(key), 'ocr');
    consider(this.ocr.get(key), 'ocr');
    // the query lacks the record's series letters, or carries letters the record lacks, or both differ
    consider(this.bare.get(normal), 'prefix');
    const bare = withoutPrefix(normal);
    if (bare) {
      consider(this.exact.get(bare), 'prefix');
      consider(this.bare.get(bare), 'prefix');
    }
    const wanted = q.issuingCountry ? (toAlpha3(q.issuingCountry) ?? null) : null;
    const matches: DocumentMatch[] = [];
    for (const [slot, how] of found) {
      const id = this.store.ids[slot]!;
      const packed = this.store.packed[slot];
      if (this.countries.conflicts(packed >>> 16, wanted) || (opts.filter && !opts.filter(id))) continue;
      matches.push(this.match(slot, id, packed, how));
    }
    matches.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return matches.slice(0, opts.limit ?? DEFAULT_LIMIT);
  }

  private match(slot: number, id: string, packed: number, how: DocumentHow): DocumentMatch {
    const score = SCORES[how];
    return {
      id,
      score,
      alert: score >= ALERT_THRESHOLD,
      number: this.numbers[slot],
      how,
      issuingCountry: this.countries.values[packed >>> 16],
      status: this.statuses.values[packed & 0xff]!,
      type: this.types.values[(packed >>> 8) & 0xff]!,
    };
  }
}
