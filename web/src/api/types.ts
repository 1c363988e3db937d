/**
 * The shapes of the Ribat HTTP API v1, as the web desk consumes them.
 *
 * The rule: wire shapes come from the server's own schemas, nothing is hand-copied. Every
 * request or response type here is `Static<typeof …Schema>` of the schema the route validates
 * or serialises with (type-only imports of src/, erased from the bundle), or a type-only
 * re-export of the server's own type; so a server change that breaks the desk fails `tsc`.
 * Where a route declares its answer inline, the type is put together from the exported
 * schemas it is made of. Only four adjustments are allowed on top:
 *  - `Wire<…>`: a server `Date` arrives as its RFC 3339 string;
 *  - `Narrowed<…>`: a field the schema types loosely (a `string` for a link type, a state)
 *    narrowed to what the desk relies on; the narrower type must fit the schema's (TLP levels,
 *    locales and notice types need none: the schemas name their literal values);
 *  - `Optional<…>`: a field of the schema (it must exist there) that the desk and its test
 *    fixtures treat as possibly absent, which is always safe to read.
 * A runtime list is re-exported from src/ when that module is browser-safe (no Node-only
 * imports); otherwise it is written out here and `exactly` checks it against the server's
 * union. Desk-only types (languages of the interface, view helpers) are marked as such.
 */
import type { Static, TObject } from 'typebox';
import type { EntryView, VerifyView } from '../../../src/audit/audit.routes.ts';
import type { AgencyView, UserView } from '../../../src/auth/admin.routes.ts';
import type { NewUser as ServerNewUser } from '../../../src/auth/admin.service.ts';
import type { MeSchema, SessionView } from '../../../src/auth/auth.routes.ts';
import type {
  AttachmentInputSchema,
  AttachmentViewSchema,
  MessageViewSchema,
  NewThreadSchema,
  ReceiptViewSchema,
  RecipientSchema,
  ReplySchema,
  SearchHitSchema,
  ThreadSummarySchema,
  ThreadViewSchema,
} from '../../../src/messages/messages.schema.ts';
import type { HitSchema, HitTaskSchema } from '../../../src/notices/hits.routes.ts';
import type { NoticeState } from '../../../src/notices/notice.ts';
import type {
  CheckResultSchema,
  CreateNoticeSchema,
  NoticeSummarySchema,
  NoticeViewSchema,
  PublicExtractSchema,
  PublicNoticeSchema,
  PublicSummarySchema,
  QueueItemSchema,
  SubjectScreeningSchema,
  TimelineEventSchema,
} from '../../../src/notices/notices.schema.ts';
import type { NotificationSchema } from '../../../src/notices/notifications.routes.ts';
import type { LINK_TYPES as SERVER_LINK_TYPES } from '../../../src/records/record.ts';
import type { DATA_SCHEMAS, KindSchema, LinkViewSchema, NameSchema, ProvenanceSchema, RecordSummarySchema, RecordViewSchema } from '../../../src/records/records.schema.ts';
import type { RecordsService } from '../../../src/records/records.service.ts';
import type {
  BatchProblemSchema,
  BatchRowSchema,
  DocumentCandidateSchema,
  DocumentQuerySchema,
  MrzParsedSchema,
  NoticeHitSchema,
  NotUnderstoodSchema,
  PersonCandidateSchema,
  PersonQuerySchema,
  Timing,
  VehicleCandidateSchema,
  VehicleQuerySchema,
} from '../../../src/screening/screening.schema.ts';
import type { vinCheckDigit } from '../../../src/screening/vehicles.ts';

/* ---------- the adjustments ---------- */

/** What JSON makes of a server type: a `Date` (the schemas' DateTime) arrives as its string. */
type Wire<T> = T extends Date ? string : T extends readonly (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

/** `T` with some fields narrowed; each narrowed field must exist in `T` and fit its type there. */
type Narrowed<T, N extends { [K in keyof N]: K extends keyof T ? T[K] : never }> = Omit<T, keyof N> & N;

/** `T` with some fields optional (a reader must then handle their absence). */
type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** A runtime list checked to hold every member of the server's union `U`, and nothing else. */
const exactly =
  <U extends string>() =>
  <const L extends readonly U[]>(list: L & ([Exclude<U, L[number]>] extends [never] ? unknown : { missing: Exclude<U, L[number]> })): L =>
    list;

/* ---------- runtime lists (browser-safe server modules) ---------- */

export { TLP_LEVELS } from '../../../src/core/handling.ts';
export type { TlpLevel } from '../../../src/core/handling.ts';
/** The roles of PRODUCT.md, in the order the admin form lists them. */
export { ROLES } from '../../../src/auth/roles.ts';
export { HIT_STATUSES } from '../../../src/notices/hit.ts';
export type { HitOutcome } from '../../../src/notices/hit.ts';

/* ---------- session, users, agencies ---------- */

export type Me = Static<typeof MeSchema>;
export type AgencyRef = Me['agency'];
export type SessionResponse = Static<typeof SessionView>;

/**
 * The languages of the interface (desk-only). The server's agency names come in exactly these
 * languages, which the desk indexes by locale.
 */
export const LOCALES = exactly<Me['locale'] & keyof Me['agency']['names']>()(['ar', 'fr', 'en', 'es']);
export type Locale = (typeof LOCALES)[number];
export const isLocale = (s: unknown): s is Locale => typeof s === 'string' && (LOCALES as readonly string[]).includes(s);
/** Desk-only: a text in each language of the interface. */
export type LocalizedNames = Record<Locale, string>;

export type { Page } from '../../../src/core/paging.ts';

/** GET /stats (its schema is inline in stats.routes.ts: the service's counts and the agencies). */
export type Stats = Awaited<ReturnType<RecordsService['stats']>> & { agencies: number };

export type Agency = Static<typeof AgencyView>;
export type User = Wire<Static<typeof UserView>>;
/** POST /users: what the admin form sends (it always names the locale). */
export type NewUser = Narrowed<ServerNewUser, { locale: Locale }>;

/* ---------- records ---------- */

export type RecordKind = Static<typeof KindSchema>;
export const RECORD_KINDS = exactly<RecordKind>()(['person', 'document', 'vehicle', 'group']);

export type Name = Static<typeof NameSchema>;
export type PersonData = Static<(typeof DATA_SCHEMAS)['person']>;
export type DocumentData = Static<(typeof DATA_SCHEMAS)['document']>;
export type VehicleData = Static<(typeof DATA_SCHEMAS)['vehicle']>;
export type GroupData = Static<(typeof DATA_SCHEMAS)['group']>;

export type Provenance = Wire<Static<typeof ProvenanceSchema>>;

export type RecordSummary = Wire<Static<typeof RecordSummarySchema>>;

type ServerRecordView = Wire<Static<typeof RecordViewSchema>>;
/** GET /records/:id, as a union on `kind` (the data schema of each kind, as DATA_SCHEMAS pairs them). */
export type RecordView = {
  [K in RecordKind]: Narrowed<ServerRecordView, { kind: K; data: Static<(typeof DATA_SCHEMAS)[K]> }>;
}[RecordKind];

export type LinkType = (typeof SERVER_LINK_TYPES)[number];
// record.ts is not browser-safe (it validates countries with i18n-iso-countries): the list is checked instead
export const LINK_TYPES = exactly<LinkType>()(['member_of', 'associate_of', 'family_of', 'owner_operator_of', 'holder_of']);

export type RecordLink = Narrowed<Wire<Static<typeof LinkViewSchema>>, { type: LinkType }>;

/* ---------- audit ---------- */

export type AuditEntry = Wire<Static<typeof EntryView>>;
export type AuditVerifyResult = Static<typeof VerifyView>;

/* ---------- screening (issue 3) ---------- */

export type PersonScreeningQuery = Static<typeof PersonQuerySchema>;
export type Gender = NonNullable<PersonScreeningQuery['gender']>;

type ServerPersonCandidate = Static<typeof PersonCandidateSchema>;
export type PersonExplanation = Optional<ServerPersonCandidate['explanation'], 'commonNamePenalty'>;
export type PersonCandidate = Omit<ServerPersonCandidate, 'explanation'> & { explanation: PersonExplanation };
export type TokenAlignment = PersonExplanation['tokens'][number];
export type TokenHow = TokenAlignment['how'];
export const TOKEN_HOWS = exactly<TokenHow>()(['exact', 'variant', 'phonetic', 'typo', 'joined', 'particle', 'missing']);
export type Factor = PersonExplanation['birthDate'];
export type FactorEffect = Factor['effect'];
export const FACTOR_EFFECTS = exactly<FactorEffect>()(['agrees', 'partly_agrees', 'conflicts', 'unknown']);

/** A candidate is the subject of a live notice: the hit opened and the notice it is on. */
export type NoticeHitAlert = Static<typeof NoticeHitSchema>;

/** The part every screening answer shares (`Timing` in screening.schema.ts). */
export type ScreeningAnswer = Optional<Static<TObject<typeof Timing>>, 'hits'>;

export type PersonScreeningResult = ScreeningAnswer & { candidates: PersonCandidate[] };

export type DocumentCandidate = Static<typeof DocumentCandidateSchema>;
export type DocumentHow = DocumentCandidate['how'];
export type DocumentScreeningQuery = Static<typeof DocumentQuerySchema>;
export type DocumentScreeningResult = ScreeningAnswer & { candidates: DocumentCandidate[] };

export type VehicleCandidate = Static<typeof VehicleCandidateSchema>;
export type VehicleHow = VehicleCandidate['how'];
export type VehicleScreeningQuery = Static<typeof VehicleQuerySchema>;
export type VehicleScreeningResult = ScreeningAnswer & { candidates: VehicleCandidate[]; vinCheck?: ReturnType<typeof vinCheckDigit> };

export type MrzParsed = Static<typeof MrzParsedSchema>;
export type MrzProblem = MrzParsed['problems'][number];
export type MrzScreeningResult = ScreeningAnswer & { parsed: MrzParsed; persons: PersonCandidate[]; documents: DocumentCandidate[] };

export type BatchRow = Static<typeof BatchRowSchema>;
/** POST /screening/batch (its schema is inline in screening.routes.ts); the desk treats the two counts as possibly absent. */
export type BatchScreeningResult = ScreeningAnswer &
  Optional<
    {
      results: Array<{ rowId: string; notUnderstood?: Array<Static<typeof NotUnderstoodSchema>>; candidates: PersonCandidate[] }>;
      problems: Array<Static<typeof BatchProblemSchema>>;
      skipped: number;
      warnings: number;
    },
    'skipped' | 'warnings'
  >;

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

/** One pre-submission check (src/notices/checks.ts); `duplicate_notice` carries `params.noticeId`. */
export type CheckResult = Static<typeof CheckResultSchema>;
export type CheckSeverity = CheckResult['severity'];

export type NoticeSummary = Wire<Static<typeof NoticeSummarySchema>>;
export type PublicExtract = Static<typeof PublicExtractSchema>;

type ServerNotice = Wire<Static<typeof NoticeViewSchema>>;
/** A diffusion's recipients are its `restrictedTo`. */
export type Notice = Optional<ServerNotice, 'source' | 'externalId'>;

/** What the wizard sends to create, check or patch a notice. */
export type NoticeDraft = Static<typeof CreateNoticeSchema>;

export type QueueItem = Wire<Static<typeof QueueItemSchema>>;

export type TimelineEvent = Narrowed<Wire<Static<typeof TimelineEventSchema>>, { fromState?: NoticeState | null; toState?: NoticeState | null }>;

export type NoticeScreening = Static<typeof SubjectScreeningSchema>;
/** A notice the subject of a request already matches (the screening of a request). */
export type NoticeMatch = NoticeScreening['notices'][number];
/**
 * Desk view: a record the subject matches, as the results list shows it; a screening's
 * candidates add their handling and explanation, a notice's subject candidates have none.
 */
export type SubjectCandidate = NoticeScreening['candidates'][number] & Partial<Pick<PersonCandidate, 'tlp' | 'explanation'>>;

export type HitTask = Wire<Static<typeof HitTaskSchema>>;
export type Hit = Wire<Static<typeof HitSchema>>;
export type HitStatus = Hit['status'];

export type AppNotification = Wire<Static<typeof NotificationSchema>>;

export type PublicNoticeSummary = Static<typeof PublicSummarySchema>;
export type PublicNotice = Static<typeof PublicNoticeSchema>;

export type MessageThread = Wire<Static<typeof ThreadSummarySchema>>;
export type Attachment = Static<typeof AttachmentViewSchema>;
export type Receipt = Wire<Static<typeof ReceiptViewSchema>>;
export type Message = Wire<Static<typeof MessageViewSchema>>;
/** GET /messages/threads/:id (its schema is inline in messages.routes.ts). */
export type ThreadView = { thread: Wire<Static<typeof ThreadViewSchema>>; messages: Message[]; nextCursor: string | null };

export type NewAttachment = Static<typeof AttachmentInputSchema>;
export type NewMessage = Static<typeof ReplySchema>;
export type NewThread = Static<typeof NewThreadSchema>;

export type MessageRecipient = Static<typeof RecipientSchema>;

export type MessageSearchHit = Wire<Static<typeof SearchHitSchema>>;
