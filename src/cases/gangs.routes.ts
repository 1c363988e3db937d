import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, optionalPurposeOf, purposeOf } from '../http/auth-hook.ts';
import { pageOf, problems } from '../http/problem.ts';
import {
  AddMembersSchema,
  ComplaintListQuerySchema,
  ComplaintSchema,
  CreateComplaintSchema,
  CreateGangSchema,
  CreateMigrationEventSchema,
  CreateWarrantSchema,
  DismantleSchema,
  ExecuteWarrantSchema,
  GangListQuerySchema,
  GangSchema,
  GangSummarySchema,
  MemberArrestSchema,
  MigrationEventSchema,
  MigrationListQuerySchema,
  UpdateGangSchema,
  WarrantListQuerySchema,
  WarrantSchema,
} from './cases.schema.ts';
import type { CasesModule } from './services.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const Member = Type.Object({ id: Type.String({ format: 'uuid' }), personRecordId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const tags = ['gangs'];

/** /gangs, /migration-events, /warrants and /complaints (docs/cases-api.md). */
export const gangsRoutes: FastifyPluginAsyncTypebox<{ cases: CasesModule }> = async (app, { cases: m }) => {
  const { gangs, facts } = m;

  app.get('/gangs', { schema: { tags, summary: 'Gangs and networks you may see (paged)', querystring: GangListQuerySchema, response: { 200: pageOf(GangSummarySchema), ...problems } } }, async (req) =>
    gangs.list(actorOf(req), req.query),
  );
  app.post('/gangs', { schema: { tags, summary: 'Record a gang or network with its members', body: CreateGangSchema, response: { 201: GangSchema, ...problems } } }, async (req, reply) =>
    reply.status(201).send(await gangs.create(actorOf(req), req.body, optionalPurposeOf(req))),
  );
  app.get('/gangs/:id', { schema: { tags, summary: 'One gang with the members you may see', params: Id, response: { 200: GangSchema, ...problems } } }, async (req) =>
    gangs.get(actorOf(req), req.params.id, purposeOf(req)),
  );
  app.patch('/gangs/:id', { schema: { tags, summary: 'Edit a gang (owner agency)', params: Id, body: UpdateGangSchema, response: { 200: GangSchema, ...problems } } }, async (req) =>
    gangs.update(actorOf(req), req.params.id, req.body, optionalPurposeOf(req)),
  );
  app.post('/gangs/:id/members', { schema: { tags, summary: 'Add members with their roles', params: Id, body: AddMembersSchema, response: { 200: GangSchema, ...problems } } }, async (req) =>
    gangs.addMembers(actorOf(req), req.params.id, req.body.members, optionalPurposeOf(req)),
  );
  app.delete('/gangs/:id/members/:personRecordId', { schema: { tags, summary: 'Remove a member', params: Member, response: { 204: Type.Null(), ...problems } } }, async (req, reply) => {
    await gangs.removeMember(actorOf(req), req.params.id, req.params.personRecordId, optionalPurposeOf(req));
    return reply.status(204).send(null);
  });
  app.post(
    '/gangs/:id/members/:personRecordId/arrest',
    { schema: { tags, summary: 'Mark a member arrested, linking the recorded arrest', params: Member, body: MemberArrestSchema, response: { 200: GangSchema, ...problems } } },
    async (req) => gangs.markMemberArrested(actorOf(req), req.params.id, req.params.personRecordId, req.body.arrestId, optionalPurposeOf(req)),
  );
  app.post('/gangs/:id/dismantle', { schema: { tags, summary: 'Mark a gang dismantled on a date', params: Id, body: DismantleSchema, response: { 200: GangSchema, ...problems } } }, async (req) =>
    gangs.dismantle(actorOf(req), req.params.id, req.body, optionalPurposeOf(req)),
  );

  const ftags = ['facts'];
  app.get('/migration-events', { schema: { tags: ftags, summary: 'Migration events (paged)', querystring: MigrationListQuerySchema, response: { 200: pageOf(MigrationEventSchema), ...problems } } }, async (req) =>
    facts.migrationEvents(actorOf(req), req.query),
  );
  app.post('/migration-events', { schema: { tags: ftags, summary: 'Record departures prevented and the like, with a count of persons', body: CreateMigrationEventSchema, response: { 201: MigrationEventSchema, ...problems } } }, async (req, reply) =>
    reply.status(201).send(await facts.recordMigrationEvent(actorOf(req), req.body, optionalPurposeOf(req))),
  );
  app.get('/warrants', { schema: { tags: ftags, summary: 'Warrants (paged)', querystring: WarrantListQuerySchema, response: { 200: pageOf(WarrantSchema), ...problems } } }, async (req) =>
    facts.warrants(actorOf(req), req.query),
  );
  app.post('/warrants', { schema: { tags: ftags, summary: 'Record a national or international warrant', body: CreateWarrantSchema, response: { 201: WarrantSchema, ...problems } } }, async (req, reply) =>
    reply.status(201).send(await facts.recordWarrant(actorOf(req), req.body, optionalPurposeOf(req))),
  );
  app.post('/warrants/:id/execute', { schema: { tags: ftags, summary: 'Mark a warrant executed', params: Id, body: ExecuteWarrantSchema, response: { 200: WarrantSchema, ...problems } } }, async (req) =>
    facts.executeWarrant(actorOf(req), req.params.id, req.body.executedOn, optionalPurposeOf(req)),
  );
  app.get('/complaints', { schema: { tags: ftags, summary: 'Online complaints received (paged)', querystring: ComplaintListQuerySchema, response: { 200: pageOf(ComplaintSchema), ...problems } } }, async (req) =>
    facts.complaints(actorOf(req), req.query),
  );
  app.post('/complaints', { schema: { tags: ftags, summary: 'Record an online complaint received', body: CreateComplaintSchema, response: { 201: ComplaintSchema, ...problems } } }, async (req, reply) =>
    reply.status(201).send(await facts.recordComplaint(actorOf(req), req.body, optionalPurposeOf(req))),
  );
};
