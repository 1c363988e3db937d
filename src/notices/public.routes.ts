import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemSchema } from '../http/problem.ts';
import { PublicListQuerySchema, PublicNoticeSchema, PublicSummarySchema } from './notices.schema.ts';
import type { NoticesService } from './notices.service.ts';

const publicProblems = { 400: ProblemSchema, 404: ProblemSchema, 429: ProblemSchema, 500: ProblemSchema };

/**
 * The public extracts of Red and Yellow notices, without login, like INTERPOL's public site:
 * only live notices whose owner authorised an extract, with only the fields it authorised.
 */
export const publicNoticesRoutes: FastifyPluginAsyncTypebox<{ notices: NoticesService }> = async (app, { notices }) => {
  app.get(
    '/public/notices',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'Public extracts of Red and Yellow notices (no login)',
        security: [],
        querystring: PublicListQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(PublicSummarySchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...publicProblems },
      },
    },
    async (req) => notices.publicList(req.query),
  );

  app.get(
    '/public/notices/:id',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'One public extract (no login)',
        security: [],
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        response: { 200: PublicNoticeSchema, ...publicProblems },
      },
    },
    async (req) => notices.publicGet(req.params.id),
  );
};
