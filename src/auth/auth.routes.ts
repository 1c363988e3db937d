import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LANGS } from '../core/countries.ts';
import { DateTime } from '../core/schema.ts';
import { actorOf, CSRF_COOKIE, SESSION_COOKIE } from '../http/auth-hook.ts';
import { PageQuery, pageOf, problems } from '../http/problem.ts';
import type { AuthService } from './auth.service.ts';
import { SCOPES } from './roles.ts';

const Names = Type.Object({ ar: Type.String(), fr: Type.String(), en: Type.String(), es: Type.String() });
export const MeSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  agency: Type.Object({ id: Type.String(), code: Type.String(), country: Type.String(), names: Names }),
  roles: Type.Array(Type.String()),
  locale: Type.Enum(LANGS),
  permissions: Type.Array(Type.String()),
});
export const SessionView = Type.Object({ user: MeSchema, csrfToken: Type.String() });
const TokenView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: DateTime,
  expiresAt: DateTime,
  lastUsedAt: Type.Union([DateTime, Type.Null()]),
  revokedAt: Type.Union([DateTime, Type.Null()]),
});

export interface AuthRouteOptions {
  auth: AuthService;
  cookieSecure: boolean;
  sessionMaxHours: number;
}

export const authRoutes: FastifyPluginAsyncTypebox<AuthRouteOptions> = async (app, { auth, cookieSecure, sessionMaxHours }) => {
  const cookieBase = { path: '/', sameSite: 'strict' as const, secure: cookieSecure, maxAge: sessionMaxHours * 3600 };

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Log in with a password; sets the session cookie',
        body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }),
        response: { 200: SessionView, ...problems },
      },
    },
    async (req, reply) => {
      const { sessionToken, csrfToken, me } = await auth.login(req.body.username, req.body.password, req.ip);
      reply.setCookie(SESSION_COOKIE, sessionToken, { ...cookieBase, httpOnly: true });
      reply.setCookie(CSRF_COOKIE, csrfToken, { ...cookieBase, httpOnly: false });
      return { user: me, csrfToken };
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: 'End the web session', response: { 204: Type.Null(), ...problems } } }, async (req, reply) => {
    actorOf(req);
    const token = req.cookies[SESSION_COOKIE];
    if (token) await auth.logout(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/auth/me', { schema: { tags: ['auth'], summary: 'Who am I', response: { 200: SessionView, ...problems } } }, async (req) => {
    const actor = actorOf(req);
    return { user: await auth.me(actor), csrfToken: req.auth?.csrfToken ?? '' };
  });

  app.put(
    '/auth/me/locale',
    {
      schema: {
        tags: ['auth'],
        summary: 'Remember my language',
        body: Type.Object({ locale: Type.Enum(['ar', 'fr', 'en', 'es']) }, { additionalProperties: false }),
        response: { 200: SessionView, ...problems },
      },
    },
    async (req) => ({ user: await auth.setLocale(actorOf(req), req.body.locale), csrfToken: req.auth?.csrfToken ?? '' }),
  );

  app.get(
    '/tokens',
    { schema: { tags: ['auth'], summary: 'My API tokens, newest first', querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }), response: { 200: pageOf(TokenView), ...problems } } },
    async (req) => auth.listTokens(actorOf(req), req.query),
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an API token (the secret is shown once)',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            scopes: Type.Array(Type.Enum([...SCOPES]), { minItems: 1, maxItems: SCOPES.length }),
            expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ token: Type.String(), info: TokenView }), ...problems },
      },
    },
    async (req, reply) => reply.status(201).send(await auth.createToken(actorOf(req), req.body)),
  );

  app.delete(
    '/tokens/:id',
    { schema: { tags: ['auth'], summary: 'Revoke one of my API tokens', params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 204: Type.Null(), ...problems } } },
    async (req, reply) => {
      await auth.revokeToken(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
