import { randomBytes } from 'node:crypto';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../core/clock.ts';
import type { Lang } from '../core/countries.ts';
import { forbidden, invalid, notFound, tooMany, unauthenticated } from '../core/errors.ts';
import type { IdGenerator } from '../core/ids.ts';
import { decodeCursor, type Page, type PageRequest, pageLimit, toPage } from '../core/paging.ts';
import type { Db } from '../db/connect.ts';
import type { Agency, ApiToken, AuthRepo, User } from './auth.repo.ts';
import type { LoginLimiter } from './login-limiter.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import { ACTIONS, can } from './policy.ts';
import { type Actor, SCOPES, type Scope } from './roles.ts';
import { API_TOKEN_PREFIX, digest, newSecret } from './tokens.ts';

export interface AuthSettings {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  agency: Pick<Agency, 'id' | 'code' | 'country' | 'names'>;
  roles: string[];
  locale: Lang;
  permissions: string[];
}

export interface Authenticated {
  actor: Actor;
  /** Present for web sessions: unsafe requests must echo it (CSRF). */
  csrfToken?: string;
}

/** "45 seconds", "5 minutes": how long a rate-limited client waits, rounded up. */
function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

const MAX_TOKEN_DAYS = 365;
const TOUCH_EVERY_MS = 60_000;
const TOKEN_CACHE_MS = 5_000;

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly repo: AuthRepo,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly limiter: LoginLimiter,
    private readonly settings: AuthSettings,
  ) {}

  /**
   * Checks a password; on success opens a web session. Lockout after repeated failures, and
   * a rate limit on failures per address and username. A locked account, a disabled one, an
   * unknown username and a wrong password all get the same answer, so the answer never tells
   * which usernames exist (OWASP ASVS 4.0 V2.2.1); the lock is audited, not shown.
   */
  async login(username: string, password: string, clientAddress: string): Promise<{ sessionToken: string; csrfToken: string; me: Me }> {
    const name = username.trim().toLowerCase();
    const now = this.clock.now();
    const wait = this.limiter.wait(clientAddress, name, now.getTime());
    if (wait > 0) {
      throw tooMany('rate_limited', `Too many failed logins: try again in ${waitText(wait)}`, { retryAfterSeconds: wait });
    }
    const user = await this.repo.userByUsername(this.db, name);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    const locked = !!user?.lockedUntil && user.lockedUntil > now;
    if (!user || user.disabled || locked || !ok) {
      this.limiter.fail(clientAddress, name, now.getTime());
      if (user && !user.disabled) await this.#recordFailure(user, locked, now);
      throw unauthenticated('invalid_credentials', 'Wrong username or password');
    }
    this.limiter.succeed(clientAddress, name);
    const sessionToken = newSecret('');
    const csrfToken = randomBytes(24).toString('base64url');
    await this.db.transaction().execute(async (trx) => {
      await this.repo.updateUser(trx, user.id, { failedLogins: 0, lockedUntil: null });
      await this.repo.insertSession(trx, {
        id: digest(sessionToken),
        userId: user.id,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.settings.sessionMaxHours * 3_600_000),
      });
      await this.audit.append(trx, { userId: user.id, agencyId: user.agencyId }, { action: 'auth.login', targetType: 'user', targetId: user.id });
    });
    return { sessionToken, csrfToken, me: await this.meOf(user, this.sessionActor(user)) };
  }

  async logout(sessionToken: string): Promise<void> {
    const session = await this.repo.sessionById(this.db, digest(sessionToken));
    if (!session) return;
    await this.db.transaction().execute(async (trx) => {
      await this.repo.deleteSession(trx, session.id);
      await this.audit.append(trx, { userId: session.userId, agencyId: (await this.repo.userById(trx, session.userId))?.agencyId ?? '' }, {
        action: 'auth.logout',
        targetType: 'user',
        targetId: session.userId,
      });
    });
  }

  /** Resolves a web session cookie; idle and absolute expiry both end it. */
  async authenticateSession(sessionToken: string): Promise<Authenticated> {
    const now = this.clock.now();
    const session = await this.repo.sessionById(this.db, digest(sessionToken));
    if (!session) throw unauthenticated('session_invalid', 'Your session is not valid: log in again');
    const idleLimit = session.lastSeenAt.getTime() + this.settings.sessionIdleMinutes * 60_000;
    if (session.expiresAt <= now || idleLimit <= now.getTime()) {
      await this.repo.deleteSession(this.db, session.id);
      throw unauthenticated('session_expired', 'Your session has expired: log in again');
    }
    const user = await this.activeUser(session.userId);
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await this.repo.touchSession(this.db, session.id, now);
    return { actor: this.sessionActor(user), csrfToken: session.csrfToken };
  }

  /**
   * API clients (border posts, batch jobs) call many times a second: a verified token is
   * remembered for a few seconds. Revoking a token or changing a user clears the memory.
   */
  #tokenCache = new Map<string, { auth: Authenticated; until: number; expiresAt: number }>();

  forgetTokens(): void {
    this.#tokenCache.clear();
  }

  async authenticateToken(secret: string): Promise<Authenticated> {
    const now = this.clock.now();
    const key = digest(secret);
    const hit = this.#tokenCache.get(key);
    if (hit && hit.until > now.getTime() && hit.expiresAt > now.getTime()) return hit.auth;
    const { auth, expiresAt } = await this.#verifyToken(secret, now);
    if (this.#tokenCache.size > 10_000) this.#tokenCache.clear();
    this.#tokenCache.set(key, { auth, until: now.getTime() + TOKEN_CACHE_MS, expiresAt });
    return auth;
  }

  async #verifyToken(secret: string, now: Date): Promise<{ auth: Authenticated; expiresAt: number }> {
    const token = secret.startsWith(API_TOKEN_PREFIX) ? await this.repo.tokenByHash(this.db, digest(secret)) : undefined;
    if (!token || token.revokedAt) throw unauthenticated('token_invalid', 'The API token is not valid');
    if (token.expiresAt <= now) throw unauthenticated('token_expired', 'The API token has expired');
    const user = await this.activeUser(token.userId);
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS) await this.repo.markTokenUsed(this.db, token.id, now);
    return { auth: { actor: { userId: user.id, agencyId: user.agencyId, roles: user.roles, scopes: token.scopes, via: 'token' } }, expiresAt: token.expiresAt.getTime() };
  }

  /** An operator at the node's console acting as a named user (e.g. to mint their API token). */
  async consoleActorFor(username: string): Promise<Actor> {
    const user = await this.repo.userByUsername(this.db, username);
    if (!user || user.disabled) throw notFound('user_not_found', 'No active user with that username');
    return { userId: user.id, agencyId: user.agencyId, roles: user.roles, scopes: SCOPES, via: 'console' };
  }

  async me(actor: Actor): Promise<Me> {
    return this.meOf(await this.activeUser(actor.userId), actor);
  }

  async setLocale(actor: Actor, locale: Lang): Promise<Me> {
    await this.db.transaction().execute(async (trx) => {
      await this.repo.updateUser(trx, actor.userId, { locale, updatedAt: this.clock.now() });
      await this.audit.append(trx, actor, { action: 'user.locale', targetType: 'user', targetId: actor.userId, details: { locale } });
    });
    return this.me(actor);
  }

  /** Mints an API token for the actor's own account, with at most the scopes asked. Shown once. */
  async createToken(actor: Actor, input: { name: string; scopes: string[]; expiresInDays?: number }): Promise<{ token: string; info: ApiToken }> {
    const d = can(actor, 'token.create');
    if (!d.allowed) throw forbidden(d.code, 'You may not create API tokens');
    const scopes = [...new Set(input.scopes)];
    const bad = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
    if (bad.length || scopes.length === 0) throw invalid('invalid_scopes', `Scopes must be some of ${SCOPES.join(', ')}`, { bad });
    const days = input.expiresInDays ?? 90;
    if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
      throw invalid('invalid_expiry', `expiresInDays must be from 1 to ${MAX_TOKEN_DAYS}`);
    }
    const now = this.clock.now();
    const token = newSecret(API_TOKEN_PREFIX);
    const info: ApiToken = {
      id: this.ids(),
      userId: actor.userId,
      name: input.name,
      tokenHash: digest(token),
      scopes: scopes as Scope[],
      createdAt: now,
      expiresAt: new Date(now.getTime() + days * 86_400_000),
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.repo.insertToken(trx, info);
      await this.audit.append(trx, actor, { action: 'token.create', targetType: 'api_token', targetId: info.id, details: { scopes, days } });
    });
    return { token, info };
  }

  /** The actor's own tokens, a page at a time (a list that stopped at 200 would hide the rest). */
  async listTokens(actor: Actor, page: PageRequest = {}): Promise<Page<ApiToken>> {
    const limit = pageLimit(page.limit);
    const rows = await this.repo.tokensOfUser(this.db, actor.userId, limit + 1, decodeCursor<string>(page.cursor, 'string'));
    return toPage(rows, limit, (t) => t.id);
  }

  async revokeToken(actor: Actor, id: string): Promise<void> {
    const t = await this.repo.tokenById(this.db, id);
    if (!t || t.userId !== actor.userId) throw notFound('token_not_found', 'No such token of yours');
    this.forgetTokens();
    await this.db.transaction().execute(async (trx) => {
      await this.repo.revokeToken(trx, id, this.clock.now());
      await this.audit.append(trx, actor, { action: 'token.revoke', targetType: 'api_token', targetId: id });
    });
  }

  /** A failed login of an existing account: counted towards its lockout, always audited. */
  async #recordFailure(user: User, locked: boolean, now: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (locked) {
        // the password is not checked against a locked account's counter: the lock runs its time
        await this.audit.append(trx, null, {
          action: 'auth.login_locked',
          targetType: 'user',
          targetId: user.id,
          details: { lockedUntil: user.lockedUntil!.toISOString() },
        });
        return;
      }
      const failures = user.failedLogins + 1;
      const lock = failures >= this.settings.loginMaxFailures;
      await this.repo.updateUser(trx, user.id, {
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock ? new Date(now.getTime() + this.settings.loginLockMinutes * 60_000) : user.lockedUntil,
      });
      await this.audit.append(trx, null, { action: lock ? 'auth.locked' : 'auth.login_failed', targetType: 'user', targetId: user.id, details: { failures } });
    });
  }

  private sessionActor(user: User): Actor {
    return { userId: user.id, agencyId: user.agencyId, roles: user.roles, scopes: SCOPES, via: 'session' };
  }

  private async activeUser(userId: string): Promise<User> {
    const user = await this.repo.userById(this.db, userId);
    if (!user || user.disabled) throw unauthenticated('user_disabled', 'This account is disabled');
    return user;
  }

  private async meOf(user: User, actor: Actor): Promise<Me> {
    const agency = (await this.repo.agencyById(this.db, user.agencyId))!;
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      agency: { id: agency.id, code: agency.code, country: agency.country, names: agency.names },
      roles: user.roles,
      locale: user.locale as Lang,
      permissions: ACTIONS.filter((a) => can(actor, a).allowed),
    };
  }
}
