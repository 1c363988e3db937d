import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, purposeOf } from '../http/auth-hook.ts';
import { problems } from '../http/problem.ts';
import {
  CommunitiesBody,
  CommunitiesViewSchema,
  DismantleBody,
  DismantleSchema,
  EgoSchema,
  GraphQuery,
  JobSchema,
  KeyPlayersQuery,
  KeyPlayersSchema,
  MembersQuery,
  MembersSchema,
  PathQuery,
  PathSchema,
  SharedQuery,
  SharedSchema,
} from './network.schema.ts';
import type { NetworkService } from './network.service.ts';

const tags = ['network'];
const audited = ' Audited with the x-purpose header: it reveals personal data.';

export const networkRoutes: FastifyPluginAsyncTypebox<{ network: NetworkService }> = async (app, { network }) => {
  app.get(
    '/network/graph',
    {
      schema: {
        tags,
        summary: 'The network around a node, for the graph view: nodes you may see within depth steps, at most limit.' + audited,
        querystring: GraphQuery,
        response: { 200: EgoSchema, ...problems },
      },
    },
    async (req) => network.graph(actorOf(req), req.query, purposeOf(req)),
  );

  app.post(
    '/network/communities',
    {
      schema: {
        tags,
        summary: 'Louvain communities of a region, cases or gangs; large inputs answer 202 with a job to poll.' + audited,
        body: CommunitiesBody,
        response: { 200: CommunitiesViewSchema, 202: JobSchema, ...problems },
      },
    },
    async (req, reply) => {
      const r = await network.communities(actorOf(req), req.body, purposeOf(req));
      return 'job' in r ? reply.status(202).header('location', `/api/v1/network/jobs/${r.job.id}`).send(r.job) : r.result;
    },
  );

  app.get(
    '/network/jobs/:id',
    {
      schema: {
        tags,
        summary: 'A communities job you started: progress, then its result',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        response: { 200: JobSchema, ...problems },
      },
    },
    async (req) => network.job(actorOf(req), req.params.id),
  );

  app.get(
    '/network/jobs/:id/communities/:community/members',
    {
      schema: {
        tags,
        summary: 'The members of one community of a communities job you started, a page at a time (those you may still see).' + audited,
        params: Type.Object({ id: Type.String({ format: 'uuid' }), community: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
        querystring: MembersQuery,
        response: { 200: MembersSchema, ...problems },
      },
    },
    async (req) => network.communityMembers(actorOf(req), req.params.id, req.params.community, req.query, purposeOf(req)),
  );

  app.get(
    '/network/key-players',
    {
      schema: {
        tags,
        summary: 'Key players of a gang, case or region network (or of one community of a job) and why: broker, hub, influential.' + audited,
        querystring: KeyPlayersQuery,
        response: { 200: KeyPlayersSchema, ...problems },
      },
    },
    async (req) => network.keyPlayers(actorOf(req), req.query, purposeOf(req)),
  );

  app.get(
    '/network/path',
    {
      schema: {
        tags,
        summary: 'The shortest chain between two nodes, through nodes you may see only.' + audited,
        querystring: PathQuery,
        response: { 200: PathSchema, ...problems },
      },
    },
    async (req) => network.path(actorOf(req), req.query.from, req.query.to, purposeOf(req)),
  );

  app.post(
    '/network/dismantle',
    {
      schema: {
        tags,
        summary: 'What removing these nodes does to a network: connected components before and after.' + audited,
        body: DismantleBody,
        response: { 200: DismantleSchema, ...problems },
      },
    },
    async (req) => network.dismantle(actorOf(req), req.body, purposeOf(req)),
  );

  app.get(
    '/network/shared',
    {
      schema: {
        tags,
        summary: 'Persons shared between gangs, communities, or countries and regions.' + audited,
        querystring: SharedQuery,
        response: { 200: SharedSchema, ...problems },
      },
    },
    async (req) => network.shared(actorOf(req), req.query, purposeOf(req)),
  );
};
