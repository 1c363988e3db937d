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
}
