import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, optionalPurposeOf, purposeOf } from '../http/auth-hook.ts';
import { pageOf, problems } from '../http/problem.ts';
import {
  AddPartySchema,
  ArrestSchema,
  CaseListQuerySchema,
  CaseSchema,
  CategorySchema,
  CloseCaseSchema,
  CreateCaseSchema,
  CreateCategorySchema,
  CreateSubstanceSchema,
  FactListQuerySchema,
  PartySchema,
  RecordArrestSchema,
  RecordSeizureSchema,
  SeizureSchema,
  SubstanceSchema,
  UpdateCaseSchema,
} from './cases.schema.ts';
import { gangsRoutes } from './gangs.routes.ts';
import type { CasesModule } from './services.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const Sub = (name: string) => Type.Object({ id: Type.String({ format: 'uuid' }), [name]: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const tags = ['cases'];
const noContent = { 204: Type.Null(), ...problems };

/** /cases, their parties, arrests and seizures, and the catalogue (docs/cases-api.md); the rules are in the services. */
export const casesRoutes: FastifyPluginAsyncTypebox<{ cases: CasesModule }> = async (app, { cases: m }) => {
  const { cases, facts, catalogue } = m;

  app.get('/cases', { schema: { tags, summary: 'Cases you may see, newest first (paged)', querystring: CaseListQuerySchema, response: { 200: pageOf(CaseSchema), ...problems } } }, async (req) =>
    cases.list(actorOf(req), req.query, purposeOf(req)),
  );
  app.post('/cases', { schema: { tags, summary: 'Open a case owned by your agency', body: CreateCaseSchema, response: { 201: CaseSchema, ...problems } } }, async (req, reply) =>
    reply.status(201).send(await cases.create(actorOf(req), req.body, optionalPurposeOf(req))),
  );
  app.get('/cases/:id', { schema: { tags, summary: 'One case', params: Id, response: { 200: CaseSchema, ...problems } } }, async (req) =>
    cases.get(actorOf(req), req.params.id, purposeOf(req)),
  );
  app.patch('/cases/:id', { schema: { tags, summary: 'Edit a case (owner agency)', params: Id, body: UpdateCaseSchema, response: { 200: CaseSchema, ...problems } } }, async (req) =>
    cases.update(actorOf(req), req.params.id, req.body, optionalPurposeOf(req)),
  );
  app.post(
    '/cases/:id/close',
    { schema: { tags, summary: 'Mark a case solved (cleared) or closed (owner agency)', params: Id, body: CloseCaseSchema, response: { 200: CaseSchema, ...problems } } },
    async (req) => cases.close(actorOf(req), req.params.id, req.body, optionalPurposeOf(req)),
  );

  app.get(
    '/cases/:id/parties',
    { schema: { tags, summary: 'Persons, groups, vehicles, documents, phones and addresses in a case', params: Id, response: { 200: Type.Object({ items: Type.Array(PartySchema) }), ...problems } } },
    async (req) => ({ items: await cases.parties(actorOf(req), req.params.id, purposeOf(req)) }),
  );
  app.post('/cases/:id/parties', { schema: { tags, summary: 'Add a party with its role', params: Id, body: AddPartySchema, response: { 201: PartySchema, ...problems } } }, async (req, reply) =>
    reply.status(201).send(await cases.addParty(actorOf(req), req.params.id, req.body, optionalPurposeOf(req))),
  );
  app.delete('/cases/:id/parties/:partyId', { schema: { tags, summary: 'Remove a party', params: Sub('partyId'), response: noContent } }, async (req, reply) => {
    await cases.removeParty(actorOf(req), req.params.id, req.params.partyId, optionalPurposeOf(req));
    return reply.status(204).send(null);
  });

  app.get('/cases/:id/arrests', { schema: { tags, summary: 'Arrests in a case (paged)', params: Id, querystring: FactListQuerySchema, response: { 200: pageOf(ArrestSchema), ...problems } } }, async (req) =>
    facts.arrests(actorOf(req), req.params.id, req.query),
  );
  app.post('/cases/:id/arrests', { schema: { tags, summary: 'Record an arrest', params: Id, body: RecordArrestSchema, response: { 201: ArrestSchema, ...problems } } }, async (req, reply) =>
    reply.status(201).send(await facts.recordArrest(actorOf(req), req.params.id, req.body, optionalPurposeOf(req))),
  );
  app.delete('/cases/:id/arrests/:arrestId', { schema: { tags, summary: 'Remove an arrest recorded by mistake', params: Sub('arrestId'), response: noContent } }, async (req, reply) => {
    await facts.removeArrest(actorOf(req), req.params.id, req.params.arrestId, optionalPurposeOf(req));
    return reply.status(204).send(null);
  });

  app.get('/cases/:id/seizures', { schema: { tags, summary: 'Seizures in a case (paged)', params: Id, querystring: FactListQuerySchema, response: { 200: pageOf(SeizureSchema), ...problems } } }, async (req) =>
    facts.seizures(actorOf(req), req.params.id, req.query),
  );
  app.post(
    '/cases/:id/seizures',
    { schema: { tags, summary: 'Record a seizure; the quantity is converted exactly to grams, items or minor units', params: Id, body: RecordSeizureSchema, response: { 201: SeizureSchema, ...problems } } },
    async (req, reply) => reply.status(201).send(await facts.recordSeizure(actorOf(req), req.params.id, req.body, optionalPurposeOf(req))),
  );
  app.delete('/cases/:id/seizures/:seizureId', { schema: { tags, summary: 'Remove a seizure recorded by mistake', params: Sub('seizureId'), response: noContent } }, async (req, reply) => {
    await facts.removeSeizure(actorOf(req), req.params.id, req.params.seizureId, optionalPurposeOf(req));
    return reply.status(204).send(null);
  });

  const ctags = ['catalogue'];
  app.get('/catalogue/categories', { schema: { tags: ctags, summary: 'Case categories with labels in four languages', response: { 200: Type.Object({ items: Type.Array(CategorySchema) }), ...problems } } }, async (req) => ({
    items: await catalogue.categories(actorOf(req)),
  }));
  app.post('/catalogue/categories', { schema: { tags: ctags, summary: 'Add a case category (administrator)', body: CreateCategorySchema, response: { 201: CategorySchema, ...problems } } }, async (req, reply) =>
    reply.status(201).send(await catalogue.addCategory(actorOf(req), req.body, optionalPurposeOf(req))),
  );
  app.get('/catalogue/substances', { schema: { tags: ctags, summary: 'Seizable substances and objects with their measure', response: { 200: Type.Object({ items: Type.Array(SubstanceSchema) }), ...problems } } }, async (req) => ({
    items: await catalogue.substances(actorOf(req)),
  }));
  app.post('/catalogue/substances', { schema: { tags: ctags, summary: 'Add a substance or object (administrator)', body: CreateSubstanceSchema, response: { 201: SubstanceSchema, ...problems } } }, async (req, reply) =>
    reply.status(201).send(await catalogue.addSubstance(actorOf(req), req.body, optionalPurposeOf(req))),
  );

  await app.register(gangsRoutes, { cases: m });
};
