import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { parse } from 'csv-parse/sync';
import { Type } from 'typebox';
import { invalid } from '../core/errors.ts';
import { actorOf, purposeOf } from '../http/auth-hook.ts';
import { problems } from '../http/problem.ts';
import {
  BatchProblemSchema,
  BatchQuerySchema,
  DocumentCandidateSchema,
  DocumentQuerySchema,
  MrzParsedSchema,
  MrzQuerySchema,
  NoticeHitSchema,
  NotUnderstoodSchema,
  PersonCandidateSchema,
  PersonQuerySchema,
  projector,
  Timing,
  VehicleCandidateSchema,
  VehicleQuerySchema,
} from './screening.schema.ts';
import { type BatchRow, MAX_BATCH_ROWS, type ScreeningService } from './screening.service.ts';

const CSV_COLUMNS = ['id', 'name', 'birthDate', 'nationality', 'gender'];
const noticeHits = projector(Type.Array(NoticeHitSchema));
const CLOSE = Buffer.from('}');

/** A passenger manifest as CSV: header row with id,name[,birthDate,nationality,gender]. */
export function rowsFromCsv(text: string): BatchRow[] {
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (e) {
    throw invalid('malformed_csv', `The CSV cannot be read: ${(e as Error).message}`);
  }
  if (records.length > MAX_BATCH_ROWS) throw invalid('batch_too_large', `At most ${MAX_BATCH_ROWS} rows per batch`);
  if (records.length && !('name' in records[0])) throw invalid('malformed_csv', `The header needs a name column (${CSV_COLUMNS.join(',')})`);
  return records.map((r, i) => ({
    id: r.id || String(i + 1),
    name: r.name ?? '',
    ...(r.birthDate ? { birthDate: r.birthDate } : {}),
    ...(r.nationality ? { nationality: r.nationality } : {}),
    // any gender goes to the service, which marks the ones it does not understand
    ...(r.gender ? { gender: r.gender } : {}),
  }));
}

export const screeningRoutes: FastifyPluginAsyncTypebox<{ screening: ScreeningService }> = async (app, { screening }) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 5 * 1_048_576 }, (_req, body, done) => done(null, body));

  app.post(
    '/screening/persons',
    {
      schema: {
        tags: ['screening'],
        summary: 'Screen a person: name in any script, optional date of birth, nationality, gender',
        body: PersonQuerySchema,
        response: { 200: Type.Object({ ...Timing, candidates: Type.Array(PersonCandidateSchema) }), ...problems },
      },
    },
    async (req, reply) => {
      const r = await screening.screenPersonJson(actorOf(req), req.body, purposeOf(req));
      // the candidates come serialised from the screening worker (in PersonCandidateSchema's shape): sent as they are
      const head = `{"tookMs":${JSON.stringify(r.tookMs)},"threshold":${JSON.stringify(r.threshold)},"hits":${JSON.stringify(noticeHits(r.hits))},"candidates":`;
      // (bytes: the type provider only knows the schema's object)
      return reply.type('application/json; charset=utf-8').send(Buffer.concat([Buffer.from(head), r.candidatesJson, CLOSE]) as never);
    },
  );

  app.post(
    '/screening/documents',
    {
      schema: {
        tags: ['screening'],
        summary: 'Screen a travel document number (OCR confusions tolerated)',
        body: DocumentQuerySchema,
        response: { 200: Type.Object({ ...Timing, candidates: Type.Array(DocumentCandidateSchema) }), ...problems },
      },
    },
    async (req) => screening.screenDocument(actorOf(req), req.body, purposeOf(req)),
  );

  app.post(
    '/screening/vehicles',
    {
      schema: {
        tags: ['screening'],
        summary: 'Screen a plate (with its country) or a VIN',
        body: VehicleQuerySchema,
        response: {
          200: Type.Object({ ...Timing, candidates: Type.Array(VehicleCandidateSchema), vinCheck: Type.Optional(Type.Enum(['valid', 'invalid', 'not_applicable'])) }),
          ...problems,
        },
      },
    },
    async (req) => screening.screenVehicle(actorOf(req), req.body, purposeOf(req)),
  );

  app.post(
    '/screening/mrz',
    {
      schema: {
        tags: ['screening'],
        summary: 'Screen a passport or ID card machine-readable zone (ICAO 9303 TD1, TD2, TD3)',
        body: MrzQuerySchema,
        response: {
          200: Type.Object({ ...Timing, parsed: MrzParsedSchema, persons: Type.Array(PersonCandidateSchema), documents: Type.Array(DocumentCandidateSchema) }),
          ...problems,
        },
      },
    },
    async (req) => screening.screenMrz(actorOf(req), req.body, purposeOf(req)),
  );

  app.post(
    '/screening/batch',
    {
      bodyLimit: 5 * 1_048_576,
      schema: {
        tags: ['screening'],
        summary: 'Screen up to 10,000 persons: JSON rows, or a CSV manifest (text/csv, header id,name,birthDate,nationality,gender)',
        body: Type.Union([BatchQuerySchema, Type.String()]),
        response: {
          200: Type.Object({
            ...Timing,
            results: Type.Array(Type.Object({ rowId: Type.String(), notUnderstood: Type.Optional(Type.Array(NotUnderstoodSchema)), candidates: Type.Array(PersonCandidateSchema) })),
            problems: Type.Array(BatchProblemSchema),
            /** Rows not screened (no name). */
            skipped: Type.Integer(),
            /** Warnings: fields kept as given and not screened on, control characters removed. */
            warnings: Type.Integer(),
          }),
          ...problems,
        },
      },
    },
    async (req) => {
      const body = req.body;
      const rows = typeof body === 'string' ? rowsFromCsv(body) : body.rows;
      return screening.screenBatch(actorOf(req), rows, typeof body === 'string' ? undefined : body.limit, purposeOf(req));
    },
  );

  app.get(
    '/screening/status',
    {
      schema: {
        tags: ['screening'],
        summary: 'What the screening indexes hold',
        response: {
          200: Type.Object({ persons: Type.Integer(), documents: Type.Integer(), vehicles: Type.Integer(), heapMb: Type.Number(), ready: Type.Boolean(), indexedAtStart: Type.Integer() }),
          ...problems,
        },
      },
    },
    async (req) => {
      actorOf(req);
      return screening.stats();
    },
  );
};
