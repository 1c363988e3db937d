import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, optionalPurposeOf } from '../http/auth-hook.ts';
import { problems } from '../http/problem.ts';
import { MAX_YEAR, MIN_YEAR, REPORT_FORMATS, REPORT_LANGS } from './report.ts';
import { AnnualReportSchema, ReportYearsSchema } from './report.schema.ts';
import type { ReportService } from './report.service.ts';

const tags = ['reports'];

export const reportRoutes: FastifyPluginAsyncTypebox<{ reports: ReportService }> = async (app, { reports }) => {
  app.get(
    '/reports/annual',
    {
      schema: {
        tags,
        summary: 'The years that have data (at least one case, arrest, seizure, dismantled gang, migration event, warrant or complaint), newest first',
        response: { 200: ReportYearsSchema, ...problems },
      },
    },
    async (req) => reports.years(actorOf(req), optionalPurposeOf(req)),
  );
  app.get(
    '/reports/annual/:year',
    {
      schema: {
        tags,
        summary: 'The annual report computed from the raw facts, with the change on the year before (JSON, CSV or PDF)',
        params: Type.Object({ year: Type.Integer({ minimum: MIN_YEAR, maximum: MAX_YEAR }) }, { additionalProperties: false }),
        querystring: Type.Object(
          { format: Type.Optional(Type.Enum([...REPORT_FORMATS])), lang: Type.Optional(Type.Enum([...REPORT_LANGS])) },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: 'The report; ?format=csv gives text/csv, ?format=pdf application/pdf',
            content: {
              'application/json': { schema: AnnualReportSchema },
              'text/csv': { schema: Type.String() },
              'application/pdf': { schema: Type.String({ format: 'binary' }) },
            },
          },
          ...problems,
        },
      },
    },
    async (req, reply) => {
      const format = req.query.format ?? 'json';
      const out = await reports.render(actorOf(req), req.params.year, format, req.query.lang ?? 'en', optionalPurposeOf(req));
      if (format === 'json') return out.report;
      return reply.header('content-type', out.contentType).header('content-disposition', `attachment; filename="${out.filename}"`).send(out.body as unknown as string);
    },
  );
};
