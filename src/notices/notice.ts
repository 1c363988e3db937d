/**
 * Notices and diffusions: the types, what each must carry, and who sees it.
 * The catalogue follows INTERPOL's Rules on the Processing of Data (RPD), articles 82–97:
 * each notice type has a purpose and minimum identifiers; a diffusion (RPD art. 97–100)
 * is sent by a bureau straight to the agencies it chooses, without review by the hub.
 */
import type { TlpLevel } from '../core/handling.ts';
import type { Name } from '../records/record.ts';

export const NOTICE_TYPES = ['red', 'yellow', 'blue', 'black', 'green', 'orange', 'purple', 'silver', 'un_special', 'diffusion'] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

export const NOTICE_STATES = [
  'draft',
  'submitted',
  'under_review',
  'returned',
  'refused',
  'published',
  'hit_reported',
  'located',
  'cancelled',
  'expired',
] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

export const URGENCIES = ['urgent', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Offence categories; the ones marked in ARTICLE3_CATEGORIES are flagged for the reviewer. */
export const OFFENCE_CATEGORIES = [
  'murder',
  'violent_crime',
  'sexual_offence',
  'child_abuse',
  'drug_trafficking',
  'migrant_smuggling',
  'human_trafficking',
  'terrorism',
  'organised_crime',
  'money_laundering',
  'fraud',
  'cybercrime',
  'theft',
  'firearms_trafficking',
  'corruption',
  'kidnapping',
  'environmental_crime',
  'cultural_property',
  'political_offence',
  'military_offence',
  'religious_offence',
  'other',
] as const;
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];

/** Categories that are of a political, military, religious or racial character by nature (Constitution, art. 3). */
export const ARTICLE3_CATEGORIES: Readonly<Partial<Record<OffenceCategory, 'political' | 'military' | 'religious'>>> = {
  political_offence: 'political',
  military_offence: 'military',
  religious_offence: 'religious',
};

/** Who or what the notice is about. Black notices have no name; purple notices may have no subject at all. */
export interface NoticeSubject {
  names: Name[];
  birthDate?: string;
  placeOfBirth?: string;
  nationalities?: string[];
  gender?: 'male' | 'female' | 'unknown';
  identifiers?: Array<{ type: string; value: string; country?: string }>;
  /** Height, marks, languages … */
  description?: string;
  /** Reference of the photo held by the owner bureau (the photo itself is not stored here). */
  photoRef?: string;
}

export interface NoticeOffence {
  category?: OffenceCategory;
  description?: string;
  /** The provision of national law, e.g. "Penal Code art. 392". */
  lawArticle?: string;
  /** Maximum penalty the law provides, in months (life imprisonment: 1200). */
  maximumPenaltyMonths?: number;
  /** For a convicted person: the part of the sentence left to serve, in months. */
  sentenceRemainingMonths?: number;
}

export interface NoticeWarrant {
  reference?: string;
  /** YYYY-MM-DD */
  date?: string;
  authority?: string;
}

/** What the owner authorises on the public site (Red and Yellow only). */
export const PUBLIC_FIELDS = ['names', 'birthDate', 'nationalities', 'gender', 'placeOfBirth', 'description', 'charges'] as const;
export type PublicField = (typeof PUBLIC_FIELDS)[number];

export interface NoticeContent {
  subject: NoticeSubject;
  offence: NoticeOffence;
  warrant: NoticeWarrant;
  /** Facts of the case; for a yellow notice, the disappearance; for a black notice, the discovery. */
  circumstances?: string;
  /** What the owner asks the receiving agencies to do. */
  requestedAction?: string;
}

export type FieldPath =
  | 'subject.names'
  | 'subject.birthDate'
  | 'subject.nationalities'
  | 'subject.gender'
  | 'subject.description'
  | 'subject.photoRef'
  | 'subject.identifiers'
  | 'offence.category'
  | 'offence.description'
  | 'offence.lawArticle'
  | 'offence.maximumPenaltyMonths'
  | 'warrant.reference'
  | 'warrant.date'
  | 'warrant.authority'
  | 'circumstances'
  | 'requestedAction';

export interface NoticeTypeSpec {
  /** i18n key of the purpose, `notices.types.<type>.purpose`. */
  purpose: string;
  mandatory: readonly FieldPath[];
  recommended: readonly FieldPath[];
  /** Reviewed by the hub before publication (every type but the diffusion). */
  reviewed: boolean;
  /** The default handling; a diffusion goes to its chosen recipients only. */
  defaultTlp: TlpLevel;
  /** The owner may authorise a public extract. */
  publicExtract: boolean;
  /** Its subject enters screening when published. */
  screened: boolean;
}

const WARRANT: readonly FieldPath[] = ['warrant.reference', 'warrant.date', 'warrant.authority'];

export const NOTICE_SPECS: Readonly<Record<NoticeType, NoticeTypeSpec>> = {
  red: {
    purpose: 'notices.types.red.purpose',
    mandatory: ['subject.names', 'subject.birthDate', 'subject.gender', 'offence.category', 'offence.description', 'offence.lawArticle', 'offence.maximumPenaltyMonths', ...WARRANT],
    recommended: ['subject.nationalities', 'subject.photoRef', 'subject.description', 'subject.identifiers', 'circumstances'],
    reviewed: true,
    defaultTlp: 'AMBER',
    publicExtract: true,
    screened: true,
  },
  yellow: {
    purpose: 'notices.types.yellow.purpose',
    mandatory: ['subject.names', 'subject.birthDate', 'subject.gender', 'circumstances'],
    recommended: ['subject.nationalities', 'subject.photoRef', 'subject.description'],
    reviewed: true,
    defaultTlp: 'AMBER',
    publicExtract: true,
    screened: true,
  },
  blue: {
    purpose: 'notices.types.blue.purpose',
    mandatory: ['subject.names', 'circumstances', 'requestedAction'],
    recommended: ['subject.birthDate', 'subject.nationalities', 'offence.description', 'subject.photoRef'],
    reviewed: true,
    defaultTlp: 'AMBER',
    publicExtract: false,
    screened: true,
  },
  black: {
    purpose: 'notices.types.black.purpose',
    mandatory: ['subject.description', 'circumstances'],
    recommended: ['subject.gender', 'subject.photoRef'],
    reviewed: true,
    defaultTlp: 'AMBER',
    publicExtract: false,
    screened: false,
  },
  green: {
    purpose: 'notices.types.green.purpose',
    mandatory: ['subject.names', 'offence.description', 'circumstances'],
    recommended: ['subject.birthDate', 'subject.nationalities', 'subject.photoRef'],
    reviewed: true,
    defaultTlp: 'AMBER',
    publicExtract: false,
    screened: true,
  },
  orange: {
    purpose: 'notices.types.orange.purpose',
    mandatory: ['circumstances', 'requestedAction'],
    recommended: ['subject.names', 'subject.description'],
    reviewed: true,
    defaultTlp: 'AMBER',
    publicExtract: false,
    screened: true,
  },
  purple: {
    purpose: 'notices.types.purple.purpose',
    mandatory: ['offence.category', 'circumstances'],
    recommended: ['offence.description'],
    reviewed: true,
    defaultTlp: 'GREEN',
    publicExtract: false,
    screened: false,
  },
  silver: {
    purpose: 'notices.types.silver.purpose',
    mandatory: ['subject.names', 'offence.category', 'offence.description', 'offence.lawArticle', 'circumstances'],
    recommended: ['subject.birthDate', 'subject.nationalities', 'warrant.reference'],
    reviewed: true,
    defaultTlp: 'AMBER',
    publicExtract: false,
    screened: true,
  },
  un_special: {
    purpose: 'notices.types.un_special.purpose',
    mandatory: ['subject.names', 'offence.lawArticle', 'requestedAction'],
    recommended: ['subject.birthDate', 'subject.nationalities', 'subject.identifiers'],
    reviewed: true,
    defaultTlp: 'GREEN',
    publicExtract: false,
    screened: true,
  },
  diffusion: {
    purpose: 'notices.types.diffusion.purpose',
    mandatory: ['subject.names', 'requestedAction'],
    recommended: ['subject.birthDate', 'subject.nationalities', 'offence.description', 'warrant.reference'],
    reviewed: false,
    defaultTlp: 'AMBER',
    publicExtract: false,
    screened: true,
  },
};

/** Notices are valid five years from publication (RPD art. 49–50), and renewal is asked six months before. */
export const NOTICE_VALIDITY_YEARS = 5;
export const RENEWAL_NOTICE_MONTHS = 6;

/** Reply deadlines for hits and messages (EU rules on information exchange: 8 hours urgent, 7 days otherwise). */
export const FOLLOW_UP_HOURS: Readonly<Record<Urgency, number>> = { urgent: 8, normal: 7 * 24 };

/** The value at a field path, or undefined when empty (blank strings and empty lists count as missing). */
export function fieldValue(content: NoticeContent, path: FieldPath): unknown {
  const [head, tail] = path.split('.') as [keyof NoticeContent, string | undefined];
  const v = tail ? (content[head] as Record<string, unknown> | undefined)?.[tail] : content[head];
  if (v === undefined || v === null) return undefined;
  // an unknown gender is no identifier
  if (path === 'subject.gender' && v === 'unknown') return undefined;
  if (typeof v === 'string') return v.trim() ? v : undefined;
  if (Array.isArray(v)) {
    if (path === 'subject.names') return (v as Name[]).some((n) => n.value?.trim()) ? v : undefined;
    return v.length ? v : undefined;
  }
  return v;
}
