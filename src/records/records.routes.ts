import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { handlingCodes, type TlpLevel } from '../core/handling.ts';
import { actorOf, optionalPurposeOf, purposeOf } from '../http/auth-hook.ts';
import { PageQuery, pageOf, problems } from '../http/problem.ts';
import type { ListedRecord, StoredRecord } from './records.repo.ts';
import {
  CreateLinkSchema,
  CreateRecordSchema,
  KindSchema,
  LinkViewSchema,
  RecordSummarySchema,
  RecordViewSchema,
  UpdateRecordSchema,
} from './records.schema.ts';
import type { RecordsService } from './records.service.ts';
import { originNodeOf } from './foreign-records.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

export function toView(r: StoredRecord, today: string) {
  return {
    id: r.id,
    kind: r.kind,
    displayName: r.displayName,
    data: r.data,
    provenance: {
      ownerAgencyId: r.ownerAgencyId,
      ownerAgencyCode: r.ownerAgencyCode,
      handling: { tlp: r.tlp, restrictedTo: r.restrictedTo, codes: handlingCodes(r.tlp as TlpLevel) },
      legalBasisCode: r.legalBasisCode,
      legalBasis: r.legalBasis,
      reviewDate: r.reviewDate,
      expired: r.reviewDate < today,
      source: r.source,
      externalId: r.externalId,
      originNode: originNodeOf(r.source),
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      createdByName: r.createdByName,
      updatedAt: r.updatedAt,
      updatedBy: r.updatedBy,
      updatedByName: r.updatedByName,
      version: r.version,
    },
  };
}

const toSummary = (r: ListedRecord, today: string) => ({
  id: r.id,
  kind: r.kind,
  displayName: r.displayName,
  ownerAgencyCode: r.ownerAgencyCode,
  tlp: r.tlp,
  reviewDate: r.reviewDate,
  expired: r.reviewDate < today,
  updatedAt: r.updatedAt,
  originNode: originNodeOf(r.source),
  ...(r.birthDates !== undefined ? { birthDates: r.birthDates ?? [] } : {}),
  ...(r.nationalities !== undefined ? { nationalities: r.nationalities ?? [] } : {}),
});

export const recordsRoutes: FastifyPluginAsyncTypebox<{ records: RecordsService; today: () => string }> = async (app, { records, today }) => {
  app.get(
    '/records',
    {
      schema: {
        tags: ['records'],
        summary: 'Search visible records, newest first (paged)',
        querystring: Type.Object(
          {
            kind: Type.Optional(KindSchema),
            q: Type.Optional(Type.String({ maxLength: 200 })),
            owner: Type.Optional(Type.String({ format: 'uuid' })),
            includeExpired: Type.Optional(Type.Boolean()),
            onlyExpired: Type.Optional(Type.Boolean()),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: pageOf(RecordSummarySchema), ...problems },
      },
    },
    async (req) => {
      const { owner, ...q } = req.query;
      const page = await records.list(actorOf(req), { ...q, ownerAgencyId: owner }, purposeOf(req));
      const t = today();
      return { items: page.items.map((r) => toSummary(r, t)), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/records',
    { schema: { tags: ['records'], summary: 'Create a record owned by your agency', body: CreateRecordSchema, response: { 201: RecordViewSchema, ...problems } } },
    async (req, reply) => reply.status(201).send(toView(await records.create(actorOf(req), req.body, optionalPurposeOf(req)), today())),
  );

  app.get('/records/:id', { schema: { tags: ['records'], summary: 'One record with its provenance', params: Id, response: { 200: RecordViewSchema, ...problems } } }, async (req) =>
    toView(await records.get(actorOf(req), req.params.id, purposeOf(req)), today()),
  );

  app.patch(
    '/records/:id',
    { schema: { tags: ['records'], summary: 'Change a record (owner agency only)', params: Id, body: UpdateRecordSchema, response: { 200: RecordViewSchema, ...problems } } },
    async (req) => toView(await records.update(actorOf(req), req.params.id, req.body, optionalPurposeOf(req)), today()),
  );

  app.delete(
    '/records/:id',
    {
      schema: {
        tags: ['records'],
        summary: 'Delete a record (owner agency only)',
        params: Id,
        querystring: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (req, reply) => {
      await records.remove(actorOf(req), req.params.id, req.query.version, optionalPurposeOf(req));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/records/:id/links',
    { schema: { tags: ['records'], summary: 'Links of a record to records you may see', params: Id, response: { 200: Type.Object({ items: Type.Array(LinkViewSchema) }), ...problems } } },
    async (req) => ({ items: await records.links(actorOf(req), req.params.id, purposeOf(req)) }),
  );

  app.post(
    '/links',
    { schema: { tags: ['records'], summary: 'Link two records', body: CreateLinkSchema, response: { 201: Type.Object({ id: Type.String() }), ...problems } } },
    async (req, reply) => reply.status(201).send({ id: (await records.createLink(actorOf(req), req.body, optionalPurposeOf(req))).id }),
  );

  app.delete('/links/:id', { schema: { tags: ['records'], summary: 'Remove a link your agency made', params: Id, response: { 204: Type.Null(), ...problems } } }, async (req, reply) => {
    await records.removeLink(actorOf(req), req.params.id, optionalPurposeOf(req));
    return reply.status(204).send(null);
  });

  app.post(
    '/records/purge-expired',
    {
      schema: {
        tags: ['records'],
        summary: 'Delete every record past its review date (data-protection officer)',
        body: Type.Object({ purpose: Type.String({ minLength: 3, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ purged: Type.Integer() }), ...problems },
      },
    },
    async (req) => records.purgeExpired(actorOf(req), req.body.purpose),
  );
};
