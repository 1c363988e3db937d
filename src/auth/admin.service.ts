import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../core/clock.ts';
import { assertAlpha3, type Lang, type Names } from '../core/countries.ts';
import { forbidden, invalid, notFound } from '../core/errors.ts';
import type { IdGenerator } from '../core/ids.ts';
import { decodeCursor, type Page, pageLimit, toPage } from '../core/paging.ts';
import type { Db } from '../db/connect.ts';
import type { Agency, AuthRepo, User } from './auth.repo.ts';
import { hashPassword, PASSWORD_MIN, type ScryptCost } from './password.ts';
import { type Action, can } from './policy.ts';
import { type Actor, isRole, type Role } from './roles.ts';

export interface NewAgency {
  code: string;
  country: string;
  kind: 'ncb' | 'unit' | 'partner';
  names: Names;
  isHub?: boolean;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  agencyId: string;
  roles: string[];
  locale?: Lang;
}

export interface UserPatch {
  displayName?: string;
  roles?: string[];
  disabled?: boolean;
  password?: string;
  unlock?: boolean;
}

export type PublicUser = Omit<User, 'passwordHash' | 'failedLogins'>;
const publicUser = ({ passwordHash: _h, failedLogins: _f, ...u }: User): PublicUser => u;

/** Agencies and users: the node administrator's desk. */
export class AdminService {
  constructor(
    private readonly db: Db,
    private readonly repo: AuthRepo,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly passwordCost?: ScryptCost,
    /** Told when a user's roles, password or status change (cached credentials must go). */
    private readonly onUserChanged: () => void = () => {},
  ) {}

  /** Every signed-in user may read the agency directory (names for badges and recipients). */
  async listAgencies(_actor: Actor, page: { limit?: number; cursor?: string }): Promise<Page<Agency>> {
    const limit = pageLimit(page.limit);
    const rows = await this.repo.listAgencies(this.db, decodeCursor<string>(page.cursor, 'string'), limit + 1);
    return toPage(rows, limit, (a) => a.code);
  }

  async createAgency(actor: Actor, input: NewAgency): Promise<Agency> {
    this.authorize(actor, 'agency.manage');
    const code = input.code.trim().toUpperCase();
    if (!/^[A-Z0-9][A-Z0-9-]{1,31}$/.test(code)) throw invalid('invalid_agency_code', 'An agency code is 2–32 capital letters, digits and dashes');
    assertAlpha3(input.country);
    for (const l of ['ar', 'fr', 'en', 'es'] as const) {
      if (!input.names?.[l]?.trim()) throw invalid('agency_name_required', `The agency needs a name in ${l}`, { lang: l });
    }
    const agency: Agency = {
      id: this.ids(),
      code,
      country: input.country,
      kind: input.kind,
      names: input.names,
      isHub: input.isHub ?? false,
      createdAt: this.clock.now(),
    };
    await this.db.transaction().execute(async (trx) => {
      await this.repo.insertAgency(trx, agency);
      await this.audit.append(trx, actor, { action: 'agency.create', targetType: 'agency', targetId: agency.id, details: { code } });
    });
    return agency;
  }

  async listUsers(actor: Actor, page: { limit?: number; cursor?: string }): Promise<Page<PublicUser>> {
    this.authorize(actor, 'user.manage');
    const limit = pageLimit(page.limit);
    const rows = await this.repo.listUsers(this.db, decodeCursor<string>(page.cursor, 'string'), limit + 1);
    const p = toPage(rows, limit, (u) => u.username);
    return { items: p.items.map(publicUser), nextCursor: p.nextCursor };
  }

  async createUser(actor: Actor, input: NewUser): Promise<PublicUser> {
    this.authorize(actor, 'user.manage');
    const username = input.username.trim().toLowerCase();
    if (!/^[a-z0-9][a-z0-9._-]{1,47}$/.test(username)) {
      throw invalid('invalid_username', 'A username is 2–48 lowercase letters, digits, dots, dashes or underscores');
    }
    const roles = this.checkRoles(input.roles);
    this.checkPassword(input.password);
    if (!(await this.repo.agencyById(this.db, input.agencyId))) throw notFound('agency_not_found', 'No such agency');
    const now = this.clock.now();
    const user: User = {
      id: this.ids(),
      agencyId: input.agencyId,
      username,
      displayName: input.displayName.trim(),
      passwordHash: await hashPassword(input.password, this.passwordCost),
      roles,
      locale: input.locale ?? 'en',
      failedLogins: 0,
      lockedUntil: null,
      disabled: false,
      createdAt: now,
      updatedAt: now,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.repo.insertUser(trx, user);
      await this.audit.append(trx, actor, { action: 'user.create', targetType: 'user', targetId: user.id, details: { roles } });
    });
    return publicUser(user);
  }

  async updateUser(actor: Actor, id: string, patch: UserPatch): Promise<PublicUser> {
    this.authorize(actor, 'user.manage');
    const user = await this.repo.userById(this.db, id);
    if (!user) throw notFound('user_not_found', 'No such user');
    if (patch.disabled && id === actor.userId) throw invalid('cannot_disable_self', 'You cannot disable your own account');
    const roles = patch.roles ? this.checkRoles(patch.roles) : undefined;
    if (patch.password !== undefined) this.checkPassword(patch.password);
    const passwordHash = patch.password !== undefined ? await hashPassword(patch.password, this.passwordCost) : undefined;
    const changes = {
      displayName: patch.displayName?.trim(),
      roles,
      disabled: patch.disabled,
      passwordHash,
      ...(patch.unlock ? { lockedUntil: null, failedLogins: 0 } : {}),
      updatedAt: this.clock.now(),
    };
    await this.db.transaction().execute(async (trx) => {
      await this.repo.updateUser(trx, id, changes);
      // a new password or a disabled account ends every open session
      if (passwordHash || patch.disabled) await this.repo.deleteUserSessions(trx, id);
      await this.audit.append(trx, actor, {
        action: 'user.update',
        targetType: 'user',
        targetId: id,
        details: { fields: Object.keys(patch).filter((k) => (patch as any)[k] !== undefined) },
      });
    });
    this.onUserChanged();
    return publicUser((await this.repo.userById(this.db, id))!);
  }

  private checkRoles(input: string[]): Role[] {
    const roles = [...new Set(input)];
    if (roles.length === 0 || !roles.every(isRole)) throw invalid('invalid_roles', 'Give one or more known roles', { roles: input });
    return roles as Role[];
  }

  private checkPassword(password: string) {
    if (password.length < PASSWORD_MIN) throw invalid('password_too_short', `A password has at least ${PASSWORD_MIN} characters`);
  }

  private authorize(actor: Actor, action: Action) {
    const d = can(actor, action);
    if (!d.allowed) throw forbidden(d.code, `Your roles do not allow ${action}`);
  }
}
