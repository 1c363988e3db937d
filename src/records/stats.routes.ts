import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RecordsService } from './records.service.ts';
import { actorOf } from '../http/auth-hook.ts';
import { problems } from '../http/problem.ts';

export const statsRoutes: FastifyPluginAsyncTypebox<{ records: RecordsService; agencyCount: () => Promise<number> }> = async (app, { records, agencyCount }) => {
  app.get(
    '/stats',
    {
      schema: {
        tags: ['records'],
        summary: 'Counts for the home page (records you may see)',
        response: {
          200: Type.Object({
            records: Type.Object({ person: Type.Integer(), document: Type.Integer(), vehicle: Type.Integer(), group: Type.Integer() }),
            links: Type.Integer(),
            agencies: Type.Integer(),
          }),
          ...problems,
        },
      },
    },
    async (req) => ({ ...(await records.stats(actorOf(req))), agencies: await agencyCount() }),
  );
};
