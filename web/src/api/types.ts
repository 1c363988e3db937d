/** The shapes of the Ribat HTTP API v1, as the web desk consumes them. */

// The notice catalogue is pure domain code shared with the server (types only here).
import type { NoticeContent, NoticeState, NoticeType, PublicField, Urgency } from '../../../src/notices/notice.ts';
import type { NoticeAction } from '../../../src/notices/lifecycle.ts';

export const LOCALES = ['ar', 'fr', 'en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const isLocale = (s: unknown): s is Locale => typeof s === 'string' && (LOCALES as readonly string[]).includes(s);

export type LocalizedNames = Record<Locale, string>;

export interface AgencyRef {
  id: string;
  code: string;
  country: string;
  names: LocalizedNames;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  agency: AgencyRef;
  roles: string[];
  locale: Locale;
  permissions: string[];
}

export interface SessionResponse {
  user: Me;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Stats {
  records: { person: number; document: number; vehicle: number; group: number };
  links: number;
  agencies: number;
}

export const RECORD_KINDS = ['person', 'document', 'vehicle', 'group'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

export interface RecordSummary {
  id: string;
  kind: RecordKind;
  displayName: string;
  ownerAgencyCode: string;
  tlp: TlpLevel;
  /** YYYY-MM-DD */
  reviewDate: string;
  expired: boolean;
  updatedAt: string;
}

export interface Name {
  value: string;
  script?: string;
  lang?: string;
  type: 'primary' | 'alias' | 'original';
  quality?: 'good' | 'low';
}

export interface PersonData {
  names: Name[];
  birthDates?: string[];
  placesOfBirth?: string[];
  nationalities?: string[];
  gender?: 'male' | 'female' | 'unknown';
  identifiers?: Array<{ type: string; value: string; country?: string }>;
  remarks?: string;
}

export interface DocumentData {
  number: string;
  type: string;
  typeText?: string;
  issuingCountry?: string;
  status: string;
  issueDate?: string;
  expiryDate?: string;
  remarks?: string;
}

export interface VehicleData {
  plate: string;
  plateCountry: string;
  vin?: string;
  make?: string;
  model?: string;
  colour?: string;
  status: string;
  remarks?: string;
}

export interface GroupData {
  names: Name[];
  groupType: string;
  countries?: string[];
  remarks?: string;
}

export interface Provenance {
  ownerAgencyId: string;
  ownerAgencyCode: string;
  handling: {
    tlp: TlpLevel;
    restrictedTo: string[];
    codes: { tlp: string; pap: string; europol: string };
  };
  legalBasisCode: string;
  legalBasis: string;
  reviewDate: string;
  expired: boolean;
  source: string | null;
  externalId: string | null;
  createdAt: string;
  createdBy: string;
  /** Username, or null when the console (an import or the seeder) wrote the record. */
  createdByName: string | null;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string | null;
  version: number;
}

interface RecordViewBase {
  id: string;
  displayName: string;
  provenance: Provenance;
}
export type RecordView =
  | (RecordViewBase & { kind: 'person'; data: PersonData })
  | (RecordViewBase & { kind: 'document'; data: DocumentData })
  | (RecordViewBase & { kind: 'vehicle'; data: VehicleData })
  | (RecordViewBase & { kind: 'group'; data: GroupData });

export const LINK_TYPES = ['member_of', 'associate_of', 'family_of', 'owner_operator_of', 'holder_of'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export interface RecordLink {
  id: string;
  fromId: string;
  toId: string;
  type: LinkType;
  note: string | null;
  otherId: string;
  otherKind: RecordKind;
  otherDisplayName: string;
  direction: 'out' | 'in';
  ownerAgencyId: string;
  createdAt: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorAgencyId: string | null;
  actorUsername: string | null;
  actorAgencyCode: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  subjectIds: string[];
  purpose: string;
  details: Record<string, unknown>;
  hash: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  entries: number;
  brokenSeq?: number;
  reason?: string;
}

export interface Agency {
  id: string;
  code: string;
  country: string;
  kind: string;
  names: LocalizedNames;
  isHub: boolean;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  roles: string[];
  locale: Locale;
  disabled: boolean;
  lockedUntil: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  agencyId: string;
  roles: string[];
  locale: Locale;
}

/** The roles of PRODUCT.md, in the order the admin form lists them. */
export const ROLES = [
  'ncb_officer',
  'frontline',
  'analyst',
  'reviewer',
  'cyber_analyst',
  'camera_operator',
  'programme_manager',
  'ga_secretariat',
  'commander',
  'dpo',
  'admin',
] as const;

/* ---------- screening (issue 3) ---------- */

export type Gender = 'male' | 'female';

export interface PersonScreeningQuery {
  name: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  birthDate?: string;
  /** alpha-2, alpha-3 or an English country name. */
  nationality?: string;
  gender?: Gender;
  limit?: number;
}

export const TOKEN_HOWS = ['exact', 'variant', 'phonetic', 'typo', 'joined', 'particle', 'missing'] as const;
export type TokenHow = (typeof TOKEN_HOWS)[number];

export interface TokenAlignment {
  query: string;
  /** The record's name part it matched, or null when it matched nothing. */
  matched: string | null;
  how: TokenHow;
  score: number;
  weight: number;
}

export const FACTOR_EFFECTS = ['agrees', 'partly_agrees', 'conflicts', 'unknown'] as const;
export type FactorEffect = (typeof FACTOR_EFFECTS)[number];

export interface Factor {
  query: string | null;
  record: string[];
  effect: FactorEffect;
  /** What it added to (or took from) the score. */
  delta: number;
}

export interface PersonExplanation {
  matchedName: { value: string; type: string; script: string };
  nameScore: number;
  /** Taken off when the matched name is so common that a list holds such people by chance. */
  commonNamePenalty?: number;
  tokens: TokenAlignment[];
  /** Parts of the matched record name that no query part matched. */
  unmatchedRecordTokens: string[];
  birthDate: Factor;
  nationality: Factor;
  gender: Factor;
}

export interface PersonCandidate {
  id: string;
  score: number;
  alert: boolean;
  matchedName: string;
  displayName: string;
  ownerAgencyCode: string;
  tlp: TlpLevel;
  explanation: PersonExplanation;
}

export interface ScreeningAnswer {
  tookMs: number;
  threshold: number;
  /** Hits opened on live notices by this screening (issue 4), when the server reports them. */
  hits?: NoticeHitAlert[];
}

/** A candidate is the subject of a live notice: the hit opened and the notice it is on. */
export interface NoticeHitAlert {
  hitId: string;
  noticeId: string;
  noticeReference: string;
  noticeType: NoticeType;
  recordId: string;
  urgency: Urgency;
  /** false: the same officer screened this subject minutes ago; the hit already open is returned. */
  isNew: boolean;
}

export interface PersonScreeningResult extends ScreeningAnswer {
  candidates: PersonCandidate[];
}

export type DocumentHow = 'exact' | 'ocr' | 'prefix';

export interface DocumentCandidate {
  id: string;
  score: number;
  alert: boolean;
  number: string;
  how: DocumentHow;
  issuingCountry: string | null;
  status: string;
  type: string;
  holder: { id: string; displayName: string } | null;
  displayName?: string;
  ownerAgencyCode?: string;
  tlp?: TlpLevel;
}

export interface DocumentScreeningQuery {
  number: string;
  issuingCountry?: string;
  limit?: number;
}

export interface DocumentScreeningResult extends ScreeningAnswer {
  candidates: DocumentCandidate[];
}

export type VehicleHow = 'plate_exact' | 'plate_confusable' | 'vin_exact' | 'vin_ocr';

export interface VehicleCandidate {
  id: string;
  score: number;
  alert: boolean;
  plate: string;
  plateCountry: string;
  vin: string | null;
  how: VehicleHow;
  status: string;
  displayName?: string;
  ownerAgencyCode?: string;
  tlp?: TlpLevel;
}

export interface VehicleScreeningQuery {
  plate?: string;
  country?: string;
  vin?: string;
  limit?: number;
}

export interface VehicleScreeningResult extends ScreeningAnswer {
  candidates: VehicleCandidate[];
  vinCheck?: 'valid' | 'invalid' | 'not_applicable';
}

export interface MrzProblem {
  field: string;
  code: string;
  message: string;
}

export interface MrzParsed {
  format: string;
  valid: boolean;
  specimen: boolean;
  problems: MrzProblem[];
  holder: {
    surname: string;
    givenNames: string;
    name: string;
    birthDate: string | null;
    nationality: string | null;
    sex: Gender | null;
  };
  document: {
    number: string | null;
    issuingCountry: string | null;
    expiryDate: string | null;
    type: string | null;
  };
}

export interface MrzScreeningResult extends ScreeningAnswer {
  parsed: MrzParsed;
  persons: PersonCandidate[];
  documents: DocumentCandidate[];
}

export interface BatchRow {
  id: string;
  name: string;
  birthDate?: string;
  nationality?: string;
  gender?: Gender;
}

export interface BatchScreeningResult extends ScreeningAnswer {
  results: Array<{ rowId: string; candidates: PersonCandidate[] }>;
  problems: Array<{ rowId: string; code: string; message: string }>;
}

/* ---------- notices, hits, messages (issue 4; docs/notices-api.md) ---------- */

export type {
  FieldPath,
  NoticeContent,
  NoticeOffence,
  NoticeState,
  NoticeSubject,
  NoticeType,
  NoticeWarrant,
  OffenceCategory,
  PublicField,
  Urgency,
} from '../../../src/notices/notice.ts';
export type { NoticeAction } from '../../../src/notices/lifecycle.ts';

export type CheckSeverity = 'error' | 'warning' | 'info';

/** One pre-submission check (src/notices/checks.ts); `duplicate_notice` carries `params.noticeId`. */
export interface CheckResult {
  code: string;
  severity: CheckSeverity;
  field?: string;
  params?: Record<string, string | number>;
}

export interface NoticeSummary {
  id: string;
  reference: string;
  type: NoticeType;
  state: NoticeState;
  urgency: Urgency;
  subjectName: string;
  ownerAgencyId: string;
  ownerAgencyCode: string;
  tlp: TlpLevel;
  submittedAt: string | null;
  publishedAt: string | null;
  reviewDate: string | null;
  updatedAt: string;
  openHits: number;
}

export interface AgencyCode {
  id: string;
  code: string;
}

export interface PublicExtract {
  fields: PublicField[];
}

export interface Notice extends NoticeSummary {
  content: NoticeContent;
  checks: CheckResult[];
  restrictedTo: AgencyCode[];
  /** Diffusion recipients, when the server gives them. */
  recipients?: AgencyCode[];
  publicExtract: PublicExtract | null;
  stateReason: string | null;
  allowedActions: NoticeAction[];
  version: number;
  subjectRecordId: string | null;
  renewalRequestedAt: string | null;
}

/** What the wizard sends to create, check or patch a notice. */
export interface NoticeDraft {
  type: NoticeType;
  urgency: Urgency;
  content: NoticeContent;
  handling?: { tlp: TlpLevel; restrictedTo: string[] };
  recipients?: string[];
  publicExtract?: PublicExtract | null;
}

export interface QueueItem extends NoticeSummary {
  ageHours: number;
  errors: number;
  warnings: number;
}

export interface TimelineEvent {
  at: string;
  kind: 'state' | 'hit' | 'message';
  action: string;
  fromState?: NoticeState | null;
  toState?: NoticeState | null;
  reason?: string | null;
  agencyCode?: string | null;
  details?: Record<string, unknown>;
}

/** A notice the subject of a request already matches (the screening of a request). */
export interface NoticeMatch {
  noticeId: string;
  reference: string;
  type: NoticeType;
  state: NoticeState;
  score: number;
  ownerAgencyId: string;
}

/** A record the subject matches; the explanation comes with it when the server gives one. */
export type SubjectCandidate = Pick<PersonCandidate, 'id' | 'displayName' | 'matchedName' | 'score' | 'alert' | 'ownerAgencyCode'> &
  Partial<Pick<PersonCandidate, 'tlp' | 'explanation'>>;

export interface NoticeScreening {
  candidates: SubjectCandidate[];
  notices: NoticeMatch[];
}

export const HIT_STATUSES = ['open', 'confirmed', 'not_same_person', 'located', 'arrested'] as const;
export type HitOutcome = 'confirmed' | 'not_same_person' | 'located' | 'arrested';

export interface HitTask {
  id: string;
  agencyId: string;
  agencyCode: string;
  side: 'owner' | 'screening';
  /** A task code: `confirm_identity_send_judicial_documents`, `hold_verify_and_report`. */
  task: string;
  dueAt: string;
  status: 'open' | 'done' | 'escalated';
  doneAt: string | null;
  escalatedAt: string | null;
}

export type HitStatus = (typeof HIT_STATUSES)[number];

export interface Hit {
  id: string;
  noticeId: string;
  noticeReference: string;
  noticeType: NoticeType;
  noticeState: string;
  subjectRecordId: string;
  score: number;
  screeningKind: string;
  status: HitStatus;
  urgency: Urgency;
  createdAt: string;
  ownerAgencyId: string;
  ownerAgencyCode: string;
  screenedByAgencyId: string;
  screenedByAgencyCode: string;
  outcome: { note: string; at: string; by: string } | null;
  tasks: HitTask[];
  query: Record<string, unknown>;
  version: number;
}

export interface AppNotification {
  id: string;
  kind: string;
  refType: string;
  refId: string;
  personal?: boolean;
  details?: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface PublicNoticeSummary {
  id: string;
  type: 'red' | 'yellow';
  name?: string;
  age?: number;
  nationalities?: string[];
  sex?: string;
}

export interface PublicNotice {
  id: string;
  type: 'red' | 'yellow';
  names?: string[];
  birthDate?: string;
  nationalities?: string[];
  gender?: string;
  placeOfBirth?: string;
  description?: string;
  charges?: string;
}

export interface MessageThread {
  id: string;
  subject: string;
  noticeId: string | null;
  caseRef: string | null;
  lastMessageAt: string;
  /** Messages to the caller's agency it has not read. */
  unread: number;
  urgency: Urgency;
  participants: string[];
}

export interface Attachment {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export interface Receipt {
  agencyId?: string;
  agencyCode: string;
  deliveredAt: string | null;
  readAt: string | null;
}

export interface Message {
  id: string;
  threadId?: string;
  senderName: string | null;
  senderAgencyCode: string;
  body: string;
  tlp: TlpLevel;
  urgency: Urgency;
  deadlineAt: string | null;
  createdAt: string;
  attachments: Attachment[];
  receipts: Receipt[];
}

export interface ThreadView {
  thread: Omit<MessageThread, 'unread' | 'urgency'> & { createdByAgencyCode?: string; createdAt?: string };
  messages: Message[];
}

export interface NewAttachment {
  filename: string;
  mediaType: string;
  contentBase64: string;
}

export interface NewMessage {
  body: string;
  recipients?: string[];
  tlp: TlpLevel;
  urgency: Urgency;
  deadlineAt?: string;
  attachments?: NewAttachment[];
}

export interface NewThread extends NewMessage {
  subject: string;
  noticeId?: string;
  caseRef?: string;
  recipients: string[];
}

export interface MessageRecipient {
  id: string;
  code: string;
  country?: string;
  names?: Partial<LocalizedNames>;
  name?: string;
}

export interface MessageSearchHit {
  id: string;
  threadId: string;
  subject: string;
  senderAgencyCode: string;
  tlp: TlpLevel;
  urgency: Urgency;
  createdAt: string;
  /** The start of the body. */
  excerpt: string;
}
