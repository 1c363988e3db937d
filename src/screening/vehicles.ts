/**
 * Vehicle screening: plate normalisation across scripts (Moroccan plates carry an Arabic
 * series letter), confusable plate keys, the ISO 3779 VIN check digit and a compact index.
 */
import { toAlpha3 } from '../core/countries.ts';
import { fold } from '../core/text.ts';
import { CodeTable, CountryTable, forEachSlot, ocrKey, type SearchOptions, SlotMap, type Slots, SlotStore } from './documents.ts';
import { ALERT_THRESHOLD, type VehicleHow, type VehicleMatch } from './screening.ts';

const SCORES: Record<VehicleHow, number> = { plate_exact: 1, vin_exact: 1, vin_ocr: 0.9, plate_confusable: 0.85 };
const DEFAULT_LIMIT = 10;

// ---------------------------------------------------------------- plates

/**
 * Moroccan series letters and their official Latin equivalents (Arrêté 2711-10 of 29 Sept. 2010,
 * the model for plates abroad): أ A, ب B, د D, هـ H, و E, ط T, ي Y; ج J marks local-authority
 * vehicles and المغرب (or M) state vehicles. `fold` has already turned أ/إ/آ into ا and ى into ي.
 * Arabic letters outside this table are kept as they are, so such a plate still matches itself.
 */
const ARABIC_SERIES: Record<string, string> = { 'ا': 'A', 'ب': 'B', 'د': 'D', 'ه': 'H', 'و': 'E', 'ط': 'T', 'ي': 'Y', 'ج': 'J' };
const STATE_WORD = /المغرب/g;
const ARABIC_LETTER = /[\u0600-\u06ff]/;
/** Serial (1–5 digits), series letter, prefecture or province code (1–89). */
const MOROCCAN = /^(\d{1,5})([A-Z])(\d{1,2})$/;
const MOROCCAN_RTL = /^(\d{1,2})([A-Z])(\d{3,5})$/;

/**
 * `12345-أ-6`, `12345 أ 6`, `١٢٣٤٥-أ-٦` and `12345-A-6` → `12345A6`: case, spacing and separators
 * dropped, Eastern-Arabic and Persian digits folded, Moroccan series letters in their Latin form.
 */
export function normalisePlate(raw: string): string {
  const folded = fold(raw.replace(STATE_WORD, ' M ')).replace(/ /g, '');
  const latin = folded.replace(/[\u0600-\u06ff]/g, (c) => ARABIC_SERIES[c] ?? c).toUpperCase();
  return ARABIC_LETTER.test(raw) ? readingOrder(latin) : latin;
}

/**
 * Text typed in a right-to-left field can hold the plate region first ("6-أ-12345" displays as
 * "12345-أ-6"). Region codes have at most two digits, so a 3–5 digit tail is the serial.
 */
function readingOrder(plate: string): string {
  const m = MOROCCAN_RTL.exec(plate);
  return m ? `${m[3]}${m[2]}${m[1]}` : plate;
}

/**
 * Plates that a reader could confuse share this key: the OCR digit confusions of document numbers
 * (O/Q→0, I/L→1, S→5, B→8, Z→2, G→6), and و rendered "W" (its name, waw) or "O" instead of the
 * official "E" on a Moroccan-shaped plate.
 */
export function plateConfusableKey(normalised: string): string {
  const m = MOROCCAN.exec(normalised);
  const plate = m && (m[2] === 'W' || m[2] === 'O') ? `${m[1]}E${m[3]}` : normalised;
  return ocrKey(plate);
}

// ---------------------------------------------------------------- VIN (ISO 3779)

const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;
/** The North-American transliteration of letters for the check digit (49 CFR 565.15). */
const VIN_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

export function normaliseVin(raw: string): string {
  return raw.toUpperCase().replace(/[\s\-.]/g, '');
}

function computedCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (VIN_VALUES[vin[i]] ?? Number(vin[i])) * VIN_WEIGHTS[i];
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/**
 * A VIN is 17 characters without I, O or Q (ISO 3779). Position 9 is a check digit for vehicles
 * made for North America (world manufacturer codes starting 1–5); elsewhere it is optional, so a
 * mismatch there says nothing, while a match still confirms the VIN.
 */
export function vinCheckDigit(vin: string): 'valid' | 'invalid' | 'not_applicable' {
  const v = normaliseVin(vin);
  if (!VIN.test(v)) return 'invalid';
  const matches = computedCheckDigit(v) === v[8];
  if (matches) return 'valid';
  return /^[1-5]/.test(v) ? 'invalid' : 'not_applicable';
}

/** I, O and Q never appear in a VIN, so in a query they are misread 1, 0 and 0. */
const vinOcr = (vin: string) => vin.replace(/I/g, '1').replace(/[OQ]/g, '0');

// ---------------------------------------------------------------- index

export interface IndexedVehicle {
  id: string;
  plate: string;
  plateCountry: string;
  vin?: string | null;
  status: string;
}

export interface VehicleQuery {
  plate?: string;
  /** The plate's country: alpha-2, alpha-3 or English name. Plates of another known country are left out. */
  country?: string;
  vin?: string;
}

// packed per slot: plate-country code (16 bits) | status code (8)
const pack = (country: number, status: number) => ((country << 8) | status) >>> 0;

export class VehicleIndex {
  private readonly store = new SlotStore();
  /** The plate as the record wrote it (an officer expects the Arabic letter back). */
  private readonly plates: string[] = [];
  private readonly vins: Array<string | null> = [];
  private readonly plateKeys = new SlotMap();
  /** Only plates whose confusable key differs from themselves; the others are found through `plateKeys`. */
  private readonly confusable = new SlotMap();
  private readonly vinKeys = new SlotMap();
  private readonly statuses = new CodeTable(8);
  private readonly countries = new CountryTable(16);

  get size(): number {
    return this.store.size;
  }

  has(id: string): boolean {
    return this.store.slotOf.has(id);
  }

  /** Adds or replaces a vehicle; false when it has neither a plate nor a VIN to index. */
  add(v: IndexedVehicle): boolean {
    this.remove(v.id);
    const plate = normalisePlate(v.plate);
    const vin = v.vin ? normaliseVin(v.vin) : '';
    if (!plate && !vin) return false;
    const slot = this.store.allocate(v.id, pack(this.countries.code(v.plateCountry), this.statuses.code(v.status)));
    this.plates[slot] = v.plate;
    this.vins[slot] = vin || null;
    this.eachKey(plate, vin, (map, key) => map.add(key, slot));
    return true;
  }

  remove(id: string): boolean {
    const slot = this.store.slotOf.get(id);
    if (slot === undefined) return false;
    this.eachKey(normalisePlate(this.plates[slot]), this.vins[slot] ?? '', (map, key) => map.delete(key, slot));
    this.plates[slot] = '';
    this.vins[slot] = null;
    this.store.release(slot);
    return true;
  }

  private eachKey(plate: string, vin: string, fn: (map: SlotMap, key: string) => void): void {
    if (plate) {
      fn(this.plateKeys, plate);
      const key = plateConfusableKey(plate);
      if (key !== plate) fn(this.confusable, key);
    }
    if (vin) fn(this.vinKeys, vin);
  }

  search(q: VehicleQuery, opts: SearchOptions = {}): VehicleMatch[] {
    const found = new Map<number, VehicleHow>();
    const consider = (slots: Slots | undefined, how: VehicleHow) =>
      forEachSlot(slots, (s) => {
        const before = found.get(s);
        if (before === undefined || SCORES[how] > SCORES[before]) found.set(s, how);
      });
    if (q.vin) this.findVin(normaliseVin(q.vin), consider);
    if (q.plate) this.findPlate(normalisePlate(q.plate), q.country ? (toAlpha3(q.country) ?? null) : null, consider);
    const matches: VehicleMatch[] = [];
    for (const [slot, how] of found) {
      const id = this.store.ids[slot]!;
      if (!opts.filter || opts.filter(id)) matches.push(this.match(slot, id, how));
    }
    matches.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return matches.slice(0, opts.limit ?? DEFAULT_LIMIT);
  }

  private findVin(vin: string, consider: (slots: Slots | undefined, how: VehicleHow) => void): void {
    if (!vin) return;
    consider(this.vinKeys.get(vin), 'vin_exact');
    const read = vinOcr(vin);
    if (read !== vin) consider(this.vinKeys.get(read), 'vin_ocr');
  }

  /** Plate matches keep vehicles of the wanted country or of an unknown one. */
  private findPlate(plate: string, wanted: string | null, consider: (slots: Slots | undefined, how: VehicleHow) => void): void {
    if (!plate) return;
    const sameCountry = (slots: Slots | undefined): number[] => {
      const kept: number[] = [];
      forEachSlot(slots, (s) => {
        if (!this.countries.conflicts(this.store.packed[s] >>> 8, wanted)) kept.push(s);
      });
      return kept;
    };
    consider(sameCountry(this.plateKeys.get(plate)), 'plate_exact');
    const key = plateConfusableKey(plate);
    consider(sameCountry(this.plateKeys.get(key)), 'plate_confusable');
    consider(sameCountry(this.confusable.get(key)), 'plate_confusable');
  }

  private match(slot: number, id: string, how: VehicleHow): VehicleMatch {
    const packed = this.store.packed[slot];
    const score = SCORES[how];
    return {
      id,
      score,
      alert: score >= ALERT_THRESHOLD,
      plate: this.plates[slot],
      plateCountry: this.countries.values[packed >>> 8] ?? '',
      vin: this.vins[slot],
      how,
      status: this.statuses.values[packed & 0xff]!,
    };
  }
}
