import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LANGS } from '../core/countries.ts';
import { DateTime } from '../core/schema.ts';
import { actorOf } from '../http/auth-hook.ts';
import { PageQuery, pageOf, problems } from '../http/problem.ts';
import type { AdminService } from './admin.service.ts';
import { ROLES } from './roles.ts';

const Names = Type.Object(
  { ar: Type.String({ minLength: 1, maxLength: 200 }), fr: Type.String({ minLength: 1, maxLength: 200 }), en: Type.String({ minLength: 1, maxLength: 200 }), es: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const AgencyView = Type.Object({ id: Type.String(), code: Type.String(), country: Type.String(), kind: Type.String(), names: Names, isHub: Type.Boolean() });
export const UserView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  agencyId: Type.String(),
  roles: Type.Array(Type.String()),
  locale: Type.Enum(LANGS),
  disabled: Type.Boolean(),
  lockedUntil: Type.Union([DateTime, Type.Null()]),
});
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Role = Type.Enum([...ROLES]);

export const adminRoutes: FastifyPluginAsyncTypebox<{ admin: AdminService }> = async (app, { admin }) => {
  app.get(
    '/agencies',
    { schema: { tags: ['admin'], summary: 'The agency directory', querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: pageOf(AgencyView), ...problems } } },
    async (req) => admin.listAgencies(actorOf(req), req.query),
  );

  app.post(
    '/agencies',
    {
      schema: {
        tags: ['admin'],
        summary: 'Add an agency (admin)',
        body: Type.Object(
          { code: Type.String({ minLength: 2, maxLength: 32 }), country: Type.String({ pattern: '^[A-Z]{3}$' }), kind: Type.Enum(['ncb', 'unit', 'partner']), names: Names, isHub: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 201: AgencyView, ...problems },
      },
    },
    async (req, reply) => reply.status(201).send(await admin.createAgency(actorOf(req), req.body)),
  );

  app.get(
    '/users',
    { schema: { tags: ['admin'], summary: 'Users (admin)', querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: pageOf(UserView), ...problems } } },
    async (req) => admin.listUsers(actorOf(req), req.query),
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Add a user (admin)',
        body: Type.Object(
          {
            username: Type.String({ minLength: 2, maxLength: 48 }),
            displayName: Type.String({ minLength: 1, maxLength: 120 }),
            password: Type.String({ minLength: 12, maxLength: 256 }),
            agencyId: Type.String({ format: 'uuid' }),
            roles: Type.Array(Role, { minItems: 1, maxItems: ROLES.length }),
            locale: Type.Optional(Type.Enum(['ar', 'fr', 'en', 'es'])),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserView, ...problems },
      },
    },
    async (req, reply) => reply.status(201).send(await admin.createUser(actorOf(req), req.body)),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change a user: roles, name, password, disable, unlock (admin)',
        params: Id,
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
            roles: Type.Optional(Type.Array(Role, { minItems: 1, maxItems: ROLES.length })),
            disabled: Type.Optional(Type.Boolean()),
            password: Type.Optional(Type.String({ minLength: 12, maxLength: 256 })),
            unlock: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: UserView, ...problems },
      },
    },
    async (req) => admin.updateUser(actorOf(req), req.params.id, req.body),
  );
};
