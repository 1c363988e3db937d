import type { Db } from '../db/connect.ts';
import { conflict } from '../core/errors.ts';
import type { Lang, Names } from '../core/countries.ts';
import type { Role, Scope } from './roles.ts';

export interface Agency {
  id: string;
  code: string;
  country: string;
  kind: string;
  names: Names;
  isHub: boolean;
  createdAt: Date;
}

export interface User {
  id: string;
  agencyId: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  locale: Lang;
  failedLogins: number;
  lockedUntil: Date | null;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface Session {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  scopes: Scope[];
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505';

export class AuthRepo {
  async insertAgency(db: Db, a: Agency): Promise<void> {
    try {
      await db.insertInto('agencies').values({ ...a, names: JSON.stringify(a.names) }).execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('agency_exists', `An agency with code ${a.code} exists`);
      throw e;
    }
  }

  agencyById(db: Db, id: string): Promise<Agency | undefined> {
    return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst() as Promise<Agency | undefined>;
  }

  agencyByCode(db: Db, code: string): Promise<Agency | undefined> {
    return db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst() as Promise<Agency | undefined>;
  }

  listAgencies(db: Db, afterCode: string | undefined, limit: number): Promise<Agency[]> {
    let q = db.selectFrom('agencies').selectAll();
    if (afterCode) q = q.where('code', '>', afterCode);
    return q.orderBy('code').limit(limit).execute() as Promise<Agency[]>;
  }

  allAgencies(db: Db): Promise<Agency[]> {
    return db.selectFrom('agencies').selectAll().orderBy('code').execute() as Promise<Agency[]>;
  }

  countAgencies(db: Db): Promise<number> {
    return db.selectFrom('agencies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
  }

  async insertUser(db: Db, u: User): Promise<void> {
    try {
      await db.insertInto('users').values({ ...u, roles: JSON.stringify(u.roles) }).execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('username_taken', 'That username is taken');
      throw e;
    }
  }

  userById(db: Db, id: string): Promise<User | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst() as Promise<User | undefined>;
  }

  userByUsername(db: Db, username: string): Promise<User | undefined> {
    return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst() as Promise<User | undefined>;
  }

  listUsers(db: Db, afterUsername: string | undefined, limit: number): Promise<User[]> {
    let q = db.selectFrom('users').selectAll();
    if (afterUsername) q = q.where('username', '>', afterUsername);
    return q.orderBy('username').limit(limit).execute() as Promise<User[]>;
  }

  async updateUser(
    db: Db,
    id: string,
    patch: Partial<Pick<User, 'displayName' | 'passwordHash' | 'roles' | 'locale' | 'failedLogins' | 'lockedUntil' | 'disabled' | 'updatedAt'>>,
  ): Promise<void> {
    const { roles, ...rest } = patch;
    await db
      .updateTable('users')
      .set({ ...rest, ...(roles ? { roles: JSON.stringify(roles) } : {}) })
      .where('id', '=', id)
      .execute();
  }

  async insertSession(db: Db, s: Session): Promise<void> {
    await db.insertInto('sessions').values(s).execute();
  }

  sessionById(db: Db, id: string): Promise<Session | undefined> {
    return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst() as Promise<Session | undefined>;
  }

  async touchSession(db: Db, id: string, at: Date): Promise<void> {
    await db.updateTable('sessions').set({ lastSeenAt: at }).where('id', '=', id).execute();
  }

  async deleteSession(db: Db, id: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteUserSessions(db: Db, userId: string): Promise<void> {
    await db.deleteFrom('sessions').where('userId', '=', userId).execute();
  }

  async deleteExpiredSessions(db: Db, now: Date): Promise<number> {
    const r = await db.deleteFrom('sessions').where('expiresAt', '<', now).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async insertToken(db: Db, t: ApiToken): Promise<void> {
    await db.insertInto('apiTokens').values({ ...t, scopes: JSON.stringify(t.scopes) }).execute();
  }

  tokenByHash(db: Db, tokenHash: string): Promise<ApiToken | undefined> {
    return db.selectFrom('apiTokens').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst() as Promise<ApiToken | undefined>;
  }

  tokenById(db: Db, id: string): Promise<ApiToken | undefined> {
    return db.selectFrom('apiTokens').selectAll().where('id', '=', id).executeTakeFirst() as Promise<ApiToken | undefined>;
  }

  /** One page of a user's tokens, newest first (ids are UUID v7: their order is their creation's). */
  tokensOfUser(db: Db, userId: string, limit: number, before?: string): Promise<ApiToken[]> {
    let q = db.selectFrom('apiTokens').selectAll().where('userId', '=', userId);
    if (before) q = q.where('id', '<', before);
    return q.orderBy('id', 'desc').limit(limit).execute() as Promise<ApiToken[]>;
  }

  async markTokenUsed(db: Db, id: string, at: Date): Promise<void> {
    await db.updateTable('apiTokens').set({ lastUsedAt: at }).where('id', '=', id).execute();
  }

  async revokeToken(db: Db, id: string, at: Date): Promise<void> {
    await db.updateTable('apiTokens').set({ revokedAt: at }).where('id', '=', id).execute();
  }
}
