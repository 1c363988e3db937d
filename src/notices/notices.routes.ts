import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, optionalPurposeOf, purposeOf } from '../http/auth-hook.ts';
import { pageOf, problems } from '../http/problem.ts';
import type { StoredNotice } from './notices.repo.ts';
import {
  ActionBodySchema,
  CheckRequestSchema,
  CheckResultSchema,
  CreateDiffusionSchema,
  CreateNoticeSchema,
  ListQuerySchema,
  NoticeSummarySchema,
  NoticeViewSchema,
  QueueItemSchema,
  SubjectScreeningSchema,
  TimelineEventSchema,
  UpdateNoticeSchema,
  USER_ACTIONS,
} from './notices.schema.ts';
import type { NoticesService, NoticeView } from './notices.service.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const ActionParams = Type.Object({ id: Type.String({ format: 'uuid' }), action: Type.Enum(USER_ACTIONS) }, { additionalProperties: false });
const tags = ['notices'];

export const toSummary = (n: StoredNotice) => ({
  id: n.id,
  reference: n.reference,
  type: n.type,
  state: n.state,
  urgency: n.urgency,
  subjectName: n.subjectName,
  ownerAgencyId: n.ownerAgencyId,
  ownerAgencyCode: n.ownerAgencyCode,
  tlp: n.tlp,
  submittedAt: n.submittedAt,
  publishedAt: n.publishedAt,
  reviewDate: n.reviewDate,
  updatedAt: n.updatedAt,
  openHits: Number(n.openHits),
  originNode: n.originNode ?? null,
});

export const toView = (n: NoticeView) => ({
  ...toSummary(n),
  content: n.content,
  checks: n.checks,
  restrictedTo: n.restrictedToAgencies,
  publicExtract: n.publicExtract,
  stateReason: n.stateReason,
  allowedActions: n.allowedActions,
  version: n.version,
  subjectRecordId: n.subjectRecordId,
  renewalRequestedAt: n.renewalRequestedAt,
  source: n.source,
  externalId: n.externalId,
});

/** /notices and /diffusions (docs/notices-api.md); the rules are in NoticesService. */
export const noticesRoutes: FastifyPluginAsyncTypebox<{ notices: NoticesService }> = async (app, { notices }) => {
  app.get(
    '/notices',
    { schema: { tags, summary: 'Notices you may see, newest first (paged)', querystring: ListQuerySchema, response: { 200: pageOf(NoticeSummarySchema), ...problems } } },
    async (req) => {
      const page = await notices.list(actorOf(req), req.query, purposeOf(req));
      return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/notices/check',
    {
      schema: {
        tags,
        summary: 'Pre-submission checks of a request (nothing is written)',
        body: CheckRequestSchema,
        response: { 200: Type.Object({ checks: Type.Array(CheckResultSchema) }), ...problems },
      },
    },
    async (req) => ({ checks: await notices.check(actorOf(req), req.body) }),
  );

  app.post(
    '/notices',
    { schema: { tags, summary: 'A draft owned by your agency', body: CreateNoticeSchema, response: { 201: NoticeViewSchema, ...problems } } },
    async (req, reply) => reply.status(201).send(toView(await notices.create(actorOf(req), req.body, optionalPurposeOf(req)))),
  );

  app.get(
    '/notices/review-queue',
    {
      schema: {
        tags,
        summary: 'Pending requests for the hub reviewers: urgent first, then oldest',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), cursor: Type.Optional(Type.String({ maxLength: 300 })) }, { additionalProperties: false }),
        response: { 200: pageOf(QueueItemSchema), ...problems },
      },
    },
    async (req) => {
      const page = await notices.reviewQueue(actorOf(req), req.query);
      return { items: page.items.map((q) => ({ ...toSummary(q), ageHours: q.ageHours, errors: q.errors, warnings: q.warnings })), nextCursor: page.nextCursor };
    },
  );

  app.get('/notices/:id', { schema: { tags, summary: 'One notice, with the actions open to you', params: Id, response: { 200: NoticeViewSchema, ...problems } } }, async (req) =>
    toView(await notices.get(actorOf(req), req.params.id, purposeOf(req))),
  );

  app.patch(
    '/notices/:id',
    { schema: { tags, summary: 'Edit a draft or a returned request (owner agency)', params: Id, body: UpdateNoticeSchema, response: { 200: NoticeViewSchema, ...problems } } },
    async (req) => toView(await notices.update(actorOf(req), req.params.id, req.body, optionalPurposeOf(req))),
  );

  app.post(
    '/notices/:id/actions/:action',
    {
      schema: {
        tags,
        summary: 'Move a notice through its lifecycle (owner or reviewer, by action)',
        params: ActionParams,
        body: ActionBodySchema,
        response: { 200: NoticeViewSchema, ...problems },
      },
    },
    async (req) => toView(await notices.act(actorOf(req), req.params.id, req.params.action, req.body, optionalPurposeOf(req))),
  );

  app.get(
    '/notices/:id/timeline',
    { schema: { tags, summary: 'State changes, hits and messages, oldest first', params: Id, response: { 200: Type.Object({ events: Type.Array(TimelineEventSchema) }), ...problems } } },
    async (req) => ({ events: await notices.timeline(actorOf(req), req.params.id) }),
  );

  app.get(
    '/notices/:id/screening',
    { schema: { tags, summary: 'The subject screened against records and live notices', params: Id, response: { 200: SubjectScreeningSchema, ...problems } } },
    async (req) => notices.screening(actorOf(req), req.params.id, purposeOf(req)),
  );

  app.get(
    '/diffusions',
    {
      schema: {
        tags,
        summary: 'Diffusions you may see (sent by your agency or to it)',
        querystring: Type.Omit(ListQuerySchema, ['type']),
        response: { 200: pageOf(NoticeSummarySchema), ...problems },
      },
    },
    async (req) => {
      const page = await notices.list(actorOf(req), { ...req.query, type: 'diffusion' }, purposeOf(req));
      return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/diffusions',
    { schema: { tags, summary: 'A draft diffusion to chosen agencies', body: CreateDiffusionSchema, response: { 201: NoticeViewSchema, ...problems } } },
    async (req, reply) => reply.status(201).send(toView(await notices.create(actorOf(req), { ...req.body, type: 'diffusion' }, optionalPurposeOf(req)))),
  );
};
