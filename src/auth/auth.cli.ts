import { randomBytes } from 'node:crypto';
import type { Command } from '../cli/command.ts';
import { UsageError } from '../cli/output.ts';
import { notFound } from '../core/errors.ts';
import { ROLES, SCOPES } from './roles.ts';

const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);

export const authCommands: Command[] = [
  {
    name: 'user add',
    summary: 'Create a user',
    usage: `ribat user add --username NAME --agency CODE --roles ROLE[,ROLE] [--name "Display Name"] [--locale ar|fr|en|es] [--password-stdin]
  Without --password-stdin a random password is generated and printed once.
  Roles: ${ROLES.join(', ')}`,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      agency: { type: 'string' },
      roles: { type: 'string' },
      locale: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
    async run(ctx, v) {
      if (!v.username || !v.agency || !v.roles) throw new UsageError('--username, --agency and --roles are required');
      const s = await ctx.services();
      const actor = await s.seeder.consoleActor();
      const agency = await s.authRepo.agencyByCode(s.conn.db, String(v.agency).toUpperCase());
      if (!agency) throw notFound('agency_not_found', `No agency with code ${v.agency}`);
      const generated = !v['password-stdin'];
      const password = generated ? randomBytes(15).toString('base64url') : (await ctx.stdin()).trim();
      const locale = (v.locale ?? 'en') as 'ar' | 'fr' | 'en' | 'es';
      if (!['ar', 'fr', 'en', 'es'].includes(locale)) throw new UsageError('--locale is ar, fr, en or es');
      const user = await s.admin.createUser(actor, {
        username: v.username,
        displayName: v.name ?? v.username,
        password,
        agencyId: agency.id,
        roles: list(v.roles),
        locale,
      });
      ctx.out.result(
        { id: user.id, username: user.username, agency: agency.code, roles: user.roles, ...(generated ? { password } : {}) },
        `created user ${user.username} (${user.roles.join(', ')}) at ${agency.code}${generated ? `\npassword (shown once): ${password}` : ''}`,
      );
      return 0;
    },
  },
  {
    name: 'token create',
    summary: 'Create an API token for a user (the secret is printed once)',
    usage: `ribat token create --username NAME --name LABEL --scopes SCOPE[,SCOPE] [--days 90]
  Scopes: ${SCOPES.join(', ')}. A token can never do more than its user's roles allow.`,
    options: { username: { type: 'string' }, name: { type: 'string' }, scopes: { type: 'string' }, days: { type: 'string' } },
    async run(ctx, v) {
      if (!v.username || !v.name || !v.scopes) throw new UsageError('--username, --name and --scopes are required');
      const days = v.days === undefined ? 90 : Number(v.days);
      if (!Number.isInteger(days)) throw new UsageError('--days is a whole number');
      const s = await ctx.services();
      const actor = await s.auth.consoleActorFor(String(v.username).toLowerCase());
      const { token, info } = await s.auth.createToken(actor, { name: v.name, scopes: list(v.scopes), expiresInDays: days });
      ctx.out.result(
        { id: info.id, token, scopes: info.scopes, expiresAt: info.expiresAt.toISOString() },
        `token ${info.id} (${info.scopes.join(', ')}) expires ${info.expiresAt.toISOString()}\n${token}`,
      );
      return 0;
    },
  },
];
