import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T extends object | null> = JSONColumnType<T, string, string>;

export interface AgenciesTable {
  id: string;
  code: string;
  country: string;
  kind: string;
  names: Json<Record<string, string>>;
  isHub: boolean;
  createdAt: Timestamp;
}

export interface UsersTable {
  id: string;
  agencyId: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Json<string[]>;
  locale: string;
  failedLogins: number;
  lockedUntil: Timestamp | null;
  disabled: boolean;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface SessionsTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  expiresAt: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  scopes: Json<string[]>;
  createdAt: Timestamp;
  expiresAt: Timestamp;
  lastUsedAt: Timestamp | null;
  revokedAt: Timestamp | null;
}

export interface RecordsTable {
  id: string;
  kind: string;
  displayName: string;
  searchText: string;
  data: Json<Record<string, unknown>>;
  ownerAgencyId: string;
  tlp: string;
  restrictedTo: Json<string[]>;
  legalBasisCode: string;
  legalBasis: string;
  reviewDate: string;
  source: string | null;
  externalId: string | null;
  createdAt: Timestamp;
  createdBy: string;
  updatedAt: Timestamp;
  updatedBy: string;
  version: number;
}

export interface LinksTable {
  id: string;
  fromId: string;
  toId: string;
  type: string;
  note: string | null;
  ownerAgencyId: string;
  source: string | null;
  createdAt: Timestamp;
  createdBy: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: Timestamp;
  actorUserId: string | null;
  actorAgencyId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  subjectIds: Json<string[]>;
  purpose: string;
  details: Json<Record<string, unknown>>;
  prevHash: string;
  hash: string;
}

export interface MetaTable {
  key: string;
  value: Json<Record<string, unknown>>;
}

export interface Database {
  agencies: AgenciesTable;
  users: UsersTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  records: RecordsTable;
  links: LinksTable;
  auditLog: AuditLogTable;
  meta: MetaTable;
  notices: NoticesTable;
  noticeEvents: NoticeEventsTable;
  hits: HitsTable;
  hitTasks: HitTasksTable;
  notifications: NotificationsTable;
  messageThreads: MessageThreadsTable;
  messages: MessagesTable;
  messageRecipients: MessageRecipientsTable;
  messageAttachments: MessageAttachmentsTable;
  caseCategories: CaseCategoriesTable;
  substances: SubstancesTable;
  cases: CasesTable;
  caseParties: CasePartiesTable;
  arrests: ArrestsTable;
  seizures: SeizuresTable;
  gangs: GangsTable;
  gangMembers: GangMembersTable;
  migrationEvents: MigrationEventsTable;
  warrants: WarrantsTable;
  complaints: ComplaintsTable;
}

export interface NoticesTable {
  id: string;
  reference: string;
  type: string;
  state: string;
  urgency: string;
  ownerAgencyId: string;
  tlp: string;
  restrictedTo: Json<string[]>;
  content: Json<Record<string, unknown>>;
  checks: Json<Array<Record<string, unknown>>>;
  subjectName: string;
  searchText: string;
  subjectRecordId: string | null;
  publicExtract: Json<{ fields: string[] }> | null;
  stateReason: string | null;
  submittedAt: Timestamp | null;
  publishedAt: Timestamp | null;
  reviewDate: string | null;
  renewalRequestedAt: Timestamp | null;
  source: string | null;
  externalId: string | null;
  createdAt: Timestamp;
  createdBy: string;
  updatedAt: Timestamp;
  updatedBy: string;
  version: number;
}

export interface NoticeEventsTable {
  id: string;
  noticeId: string;
  at: Timestamp;
  actorUserId: string | null;
  actorAgencyId: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  details: Json<Record<string, unknown>>;
}

export interface HitsTable {
  id: string;
  noticeId: string;
  subjectRecordId: string;
  screeningKind: string;
  score: number;
  query: Json<Record<string, unknown>>;
  screenedByUserId: string;
  screenedByAgencyId: string;
  urgency: string;
  status: string;
  outcomeNote: string | null;
  outcomeAt: Timestamp | null;
  outcomeBy: string | null;
  createdAt: Timestamp;
  version: number;
}

export interface HitTasksTable {
  id: string;
  hitId: string;
  agencyId: string;
  side: string;
  task: string;
  dueAt: Timestamp;
  status: string;
  doneAt: Timestamp | null;
  doneBy: string | null;
  escalatedAt: Timestamp | null;
}

export interface NotificationsTable {
  id: string;
  agencyId: string;
  userId: string | null;
  kind: string;
  refType: string;
  refId: string;
  details: Json<Record<string, unknown>>;
  createdAt: Timestamp;
  readAt: Timestamp | null;
}

export interface MessageThreadsTable {
  id: string;
  subject: string;
  noticeId: string | null;
  caseRef: string | null;
  createdByAgencyId: string;
  createdBy: string;
  createdAt: Timestamp;
  lastMessageAt: Timestamp;
  /** 0014: the node that started the thread; null for this node's own. */
  originNode: Generated<string | null>;
}

export interface MessagesTable {
  id: string;
  threadId: string;
  senderUserId: string;
  senderAgencyId: string;
  body: string;
  tlp: string;
  urgency: string;
  deadlineAt: Timestamp;
  createdAt: Timestamp;
  /** tsvector: written with to_tsvector('simple', …), read only by the search. */
  searchVector: string;
  /** 0014: for a message from another node, that node, the sender's name there and the attachments it kept. */
  originNode: Generated<string | null>;
  senderName: Generated<string | null>;
  heldAttachments: ColumnType<Array<{ id: string; filename: string; mediaType: string; size: number; sha256: string }> | null, string | null | undefined, string | null>;
}

export interface MessageRecipientsTable {
  messageId: string;
  agencyId: string;
  deliveredAt: Timestamp;
  readAt: Timestamp | null;
  readBy: string | null;
  alarmedAt: Timestamp | null;
}

export interface MessageAttachmentsTable {
  id: string;
  messageId: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Uint8Array;
}

// 0004_cases: dates are 'YYYY-MM-DD' text; quantities are integers in the substance's base unit
type Labels = Json<Record<string, string>>;

export interface CaseCategoriesTable {
  code: string;
  labels: Labels;
  builtin: boolean;
  createdAt: Timestamp;
}

export interface SubstancesTable {
  code: string;
  labels: Labels;
  /** mass: grams; count: items; money: minor currency units */
  measure: string;
  builtin: boolean;
  createdAt: Timestamp;
}

export interface CasesTable {
  id: string;
  reference: string;
  category: string;
  title: string;
  summary: string | null;
  region: string;
  city: string | null;
  openedOn: string;
  closedOn: string | null;
  status: string;
  ownerAgencyId: string;
  tlp: string;
  restrictedTo: Json<string[]>;
  source: string | null;
  createdAt: Timestamp;
  createdBy: string;
  updatedAt: Timestamp;
  updatedBy: string;
  version: number;
}

export interface CasePartiesTable {
  id: string;
  caseId: string;
  /** person | group | vehicle | document (recordId set) or phone | address (value set) */
  kind: string;
  recordId: string | null;
  value: string | null;
  role: string;
  createdAt: Timestamp;
}

export interface ArrestsTable {
  id: string;
  caseId: string;
  personRecordId: string | null;
  arrestedOn: string;
  region: string;
  city: string | null;
  place: string | null;
  agencyId: string;
  nationality: string | null;
  foreignNational: boolean;
  internationalWarrant: boolean;
  createdAt: Timestamp;
  createdBy: string;
}

export interface SeizuresTable {
  id: string;
  caseId: string;
  substance: string;
  /** int8, read as number: grams, items or minor currency units */
  quantity: ColumnType<number, number | bigint | string, number | bigint | string>;
  currency: string | null;
  seizedOn: string;
  region: string;
  city: string | null;
  place: string | null;
  agencyId: string;
  createdAt: Timestamp;
  createdBy: string;
}

export interface GangsTable {
  id: string;
  name: string;
  groupRecordId: string | null;
  caseId: string | null;
  kind: string;
  status: string;
  dismantledOn: string | null;
  region: string;
  ownerAgencyId: string;
  tlp: string;
  restrictedTo: Json<string[]>;
  createdAt: Timestamp;
  createdBy: string;
  updatedAt: Timestamp;
  version: number;
}

export interface GangMembersTable {
  gangId: string;
  personRecordId: string;
  role: string;
  arrestedOn: string | null;
  arrestId: string | null;
}

export interface MigrationEventsTable {
  id: string;
  kind: string;
  occurredOn: string;
  region: string;
  persons: number;
  caseId: string | null;
  agencyId: string;
  createdAt: Timestamp;
  createdBy: string;
}

export interface WarrantsTable {
  id: string;
  caseId: string | null;
  personRecordId: string | null;
  scope: string;
  issuedOn: string;
  executedOn: string | null;
  issuingAuthority: string;
  agencyId: string;
  createdAt: Timestamp;
  createdBy: string;
}

export interface ComplaintsTable {
  id: string;
  channel: string;
  category: string;
  receivedOn: string;
  region: string;
  status: string;
  caseId: string | null;
  agencyId: string;
  createdAt: Timestamp;
}
