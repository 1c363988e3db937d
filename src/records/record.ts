import { addYears, DAY_MS } from '../core/clock.ts';
import { assertAlpha3 } from '../core/countries.ts';
import { invalid } from '../core/errors.ts';
import type { TlpLevel } from '../core/handling.ts';
import { assertFullDate, assertPartialDate, toIsoDate } from '../core/partial-date.ts';
import { detectScript, fold } from '../core/text.ts';

export const RECORD_KINDS = ['person', 'document', 'vehicle', 'group'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export type NameType = 'primary' | 'alias' | 'original';
export interface Name {
  value: string;
  /** ISO 15924: Latn, Arab, Cyrl …; detected when not given. */
  script?: string;
  /** BCP 47 language, when known (ar, fa, ur, fr …). */
  lang?: string;
  type: NameType;
  /** Alias quality as the source grades it (UN list: good / low). */
  quality?: 'good' | 'low';
}

export interface PersonData {
  names: Name[];
  /** Partial dates (`1970`, `1970-05`, `1970-05-12`) or ranges `1968/1972`. */
  birthDates?: string[];
  placesOfBirth?: string[];
  nationalities?: string[];
  gender?: 'male' | 'female' | 'unknown';
  identifiers?: Array<{ type: string; value: string; country?: string }>;
  remarks?: string;
}

export const DOCUMENT_TYPES = ['passport', 'national_id', 'visa', 'residence_permit', 'driving_licence', 'other'] as const;
export const DOCUMENT_STATUSES = ['valid', 'stolen', 'lost', 'revoked', 'invalidated', 'unknown'] as const;
export interface DocumentData {
  number: string;
  type: (typeof DOCUMENT_TYPES)[number];
  /** The type as the source wrote it, e.g. "Numéro de passeport". */
  typeText?: string;
  issuingCountry?: string;
  status: (typeof DOCUMENT_STATUSES)[number];
  issueDate?: string;
  expiryDate?: string;
  remarks?: string;
}

export const VEHICLE_STATUSES = ['stolen', 'wanted', 'seized', 'ok', 'unknown'] as const;
export interface VehicleData {
  plate: string;
  plateCountry: string;
  vin?: string;
  make?: string;
  model?: string;
  colour?: string;
  status: (typeof VEHICLE_STATUSES)[number];
  remarks?: string;
}

export const GROUP_TYPES = ['organisation', 'gang', 'network', 'company', 'other'] as const;
export interface GroupData {
  names: Name[];
  groupType: (typeof GROUP_TYPES)[number];
  countries?: string[];
  remarks?: string;
}

export type RecordData = PersonData | DocumentData | VehicleData | GroupData;

export const LINK_TYPES = ['member_of', 'associate_of', 'family_of', 'owner_operator_of', 'holder_of'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** Which kinds each link type joins (from → to). */
const LINK_ENDS: Record<LinkType, [RecordKind[], RecordKind[]]> = {
  member_of: [['person', 'group'], ['group']],
  associate_of: [['person', 'group'], ['person', 'group']],
  family_of: [['person'], ['person']],
  owner_operator_of: [['person', 'group'], ['vehicle']],
  holder_of: [['person', 'group'], ['document']],
};

export function assertLinkEnds(type: LinkType, from: RecordKind, to: RecordKind): void {
  const [f, t] = LINK_ENDS[type];
  if (!f.includes(from) || !t.includes(to)) {
    throw invalid('invalid_link', `A ${type} link joins ${f.join('/')} to ${t.join('/')}, not ${from} to ${to}`, { type, from, to });
  }
}

/** INTERPOL keeps data five years; the owner renews it before then. */
export const MAX_RETENTION_YEARS = 5;

export function defaultReviewDate(now: Date): string {
  return toIsoDate(addYears(now, MAX_RETENTION_YEARS));
}

export function assertReviewDate(reviewDate: string, now: Date): string {
  assertFullDate(reviewDate, 'reviewDate');
  const max = defaultReviewDate(now);
  if (reviewDate > max) throw invalid('review_date_too_late', `reviewDate may be at most ${MAX_RETENTION_YEARS} years ahead (${max})`);
  if (reviewDate < toIsoDate(new Date(now.getTime() + DAY_MS))) {
    throw invalid('review_date_in_past', 'reviewDate must be in the future');
  }
  return reviewDate;
}

export const isExpired = (reviewDate: string, now: Date) => reviewDate < toIsoDate(now);

function assertBirthDate(s: string) {
  const parts = s.split('/');
  if (parts.length > 2) throw invalid('invalid_date', 'birthDates entries are a date or a range FROM/TO', { value: s });
  for (const p of parts) assertPartialDate(p, 'birthDates');
  if (parts.length === 2 && parts[0] > parts[1]) throw invalid('invalid_date', 'A date range must run forwards', { value: s });
}

function normaliseNames(names: Name[]): Name[] {
  const out = names
    .map((n) => ({ ...n, value: n.value.trim().replace(/\s+/g, ' ') }))
    .filter((n) => n.value.length > 0)
    .map((n) => ({ ...n, script: n.script ?? detectScript(n.value) }));
  if (out.length === 0) throw invalid('name_required', 'At least one non-empty name is required');
  if (!out.some((n) => n.type === 'primary')) out[0] = { ...out[0], type: 'primary' };
  return out;
}

/** Checks the rules a schema cannot express and returns the data in canonical form. */
export function validateData(kind: RecordKind, data: RecordData): RecordData {
  switch (kind) {
    case 'person': {
      const p = data as PersonData;
      p.birthDates?.forEach(assertBirthDate);
      p.nationalities?.forEach((c) => assertAlpha3(c, 'nationalities'));
      p.identifiers?.forEach((i) => i.country && assertAlpha3(i.country, 'identifiers.country'));
      return { ...p, names: normaliseNames(p.names) };
    }
    case 'group': {
      const g = data as GroupData;
      g.countries?.forEach((c) => assertAlpha3(c, 'countries'));
      return { ...g, names: normaliseNames(g.names) };
    }
    case 'document': {
      const d = data as DocumentData;
      if (d.issuingCountry) assertAlpha3(d.issuingCountry, 'issuingCountry');
      if (d.issueDate) assertFullDate(d.issueDate, 'issueDate');
      if (d.expiryDate) assertFullDate(d.expiryDate, 'expiryDate');
      const number = d.number.trim();
      if (!number) throw invalid('document_number_required', 'A document number is required');
      return { ...d, number };
    }
    case 'vehicle': {
      const v = data as VehicleData;
      assertAlpha3(v.plateCountry, 'plateCountry');
      if (v.vin !== undefined && !/^[A-HJ-NPR-Z0-9]{17}$/.test(v.vin.toUpperCase())) {
        throw invalid('invalid_vin', 'A VIN has 17 letters and digits, without I, O or Q (ISO 3779)');
      }
      const plate = v.plate.trim();
      if (!plate) throw invalid('plate_required', 'A plate is required');
      return { ...v, plate, vin: v.vin?.toUpperCase() };
    }
  }
}

export function displayNameOf(kind: RecordKind, data: RecordData): string {
  switch (kind) {
    case 'person':
    case 'group': {
      const names = (data as PersonData).names;
      return (names.find((n) => n.type === 'primary') ?? names[0]).value;
    }
    case 'document':
      return (data as DocumentData).number;
    case 'vehicle':
      return (data as VehicleData).plate;
  }
}

/** What the list search matches against: folded names, numbers and plates. */
export function searchTextOf(kind: RecordKind, data: RecordData): string {
  const parts: string[] = [];
  if (kind === 'person' || kind === 'group') for (const n of (data as PersonData).names) parts.push(n.value);
  if (kind === 'person') for (const i of (data as PersonData).identifiers ?? []) parts.push(i.value);
  if (kind === 'document') parts.push((data as DocumentData).number);
  if (kind === 'vehicle') {
    const v = data as VehicleData;
    parts.push(v.plate, v.vin ?? '', v.make ?? '', v.model ?? '');
  }
  const folded = parts.map(fold).filter(Boolean);
  // also the compact form so that "AB 12 34" finds "ab1234"
  return [...new Set([...folded, ...folded.map((s) => s.replace(/ /g, ''))])].join(' | ');
}

export interface Provenance {
  ownerAgencyId: string;
  tlp: TlpLevel;
  restrictedTo: string[];
  legalBasisCode: string;
  legalBasis: string;
  reviewDate: string;
  source: string | null;
  externalId: string | null;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
  version: number;
}

export interface RecordRow extends Provenance {
  id: string;
  kind: RecordKind;
  displayName: string;
  data: RecordData;
}
