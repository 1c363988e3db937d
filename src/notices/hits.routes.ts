import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DateTime } from '../core/schema.ts';
import { actorOf, optionalPurposeOf, purposeOf } from '../http/auth-hook.ts';
import { PageQuery, pageOf, problems } from '../http/problem.ts';
import { HIT_OUTCOMES, HIT_STATUSES, SCREENING_KINDS } from './hit.ts';
import type { HitView, HitsService } from './hits.service.ts';
import { NOTICE_TYPES, URGENCIES } from './notice.ts';

const closed = { additionalProperties: false };
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const HitTaskSchema = Type.Object(
  {
    id: Type.String(),
    agencyId: Type.String(),
    agencyCode: Type.String(),
    side: Type.Enum(['owner', 'screening'] as const),
    /** i18n key `hits.tasks.<task>` */
    task: Type.String(),
    dueAt: DateTime,
    status: Type.Enum(['open', 'done', 'escalated'] as const),
    doneAt: Nullable(DateTime),
    escalatedAt: Nullable(DateTime),
  },
  closed,
);

export const HitSchema = Type.Object(
  {
    id: Type.String(),
    noticeId: Type.String(),
    noticeReference: Type.String(),
    noticeType: Type.Enum(NOTICE_TYPES),
    noticeState: Type.String(),
    subjectRecordId: Type.String(),
    score: Type.Number(),
    screeningKind: Type.Enum(SCREENING_KINDS),
    status: Type.Enum(HIT_STATUSES),
    urgency: Type.Enum(URGENCIES),
    createdAt: DateTime,
    ownerAgencyId: Type.String(),
    ownerAgencyCode: Type.String(),
    screenedByAgencyId: Type.String(),
    screenedByAgencyCode: Type.String(),
    outcome: Nullable(Type.Object({ note: Type.String(), at: DateTime, by: Type.String() }, closed)),
    tasks: Type.Array(HitTaskSchema),
    /** What the officer screened: personal data, shown to the two agencies only. */
    query: Type.Record(Type.String(), Type.Unknown()),
    version: Type.Integer(),
  },
  closed,
);

const toView = (h: HitView) => ({
  id: h.id,
  noticeId: h.noticeId,
  noticeReference: h.noticeReference,
  noticeType: h.noticeType,
  noticeState: h.noticeState,
  subjectRecordId: h.subjectRecordId,
  score: h.score,
  screeningKind: h.screeningKind,
  status: h.status,
  urgency: h.urgency,
  createdAt: h.createdAt,
  ownerAgencyId: h.ownerAgencyId,
  ownerAgencyCode: h.ownerAgencyCode,
  screenedByAgencyId: h.screenedByAgencyId,
  screenedByAgencyCode: h.screenedByAgencyCode,
  outcome: h.outcomeAt ? { note: h.outcomeNote ?? '', at: h.outcomeAt, by: h.outcomeBy ?? '' } : null,
  tasks: h.tasks.map((t) => ({
    id: t.id,
    agencyId: t.agencyId,
    agencyCode: t.agencyCode,
    side: t.side,
    task: t.task,
    dueAt: t.dueAt,
    status: t.status,
    doneAt: t.doneAt,
    escalatedAt: t.escalatedAt,
  })),
  query: h.query,
  version: h.version,
});

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, closed);
const Counts = Type.Record(Type.String(), Type.Integer());

export const hitsRoutes: FastifyPluginAsyncTypebox<{ hits: HitsService }> = async (app, { hits }) => {
  app.get(
    '/hits',
    {
      schema: {
        tags: ['hits'],
        summary: "Hits on your agency's notices or made by your agency, newest first (paged)",
        querystring: Type.Object({ status: Type.Optional(Type.Enum(HIT_STATUSES)), noticeId: Type.Optional(Type.String({ format: 'uuid' })), ...PageQuery }, closed),
        response: { 200: pageOf(HitSchema), ...problems },
      },
    },
    async (req) => {
      const page = await hits.list(actorOf(req), req.query, purposeOf(req));
      return { items: page.items.map(toView), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/hits/stats',
    {
      schema: {
        tags: ['hits'],
        summary: 'Hits you may see, counted by status and by notice type',
        response: { 200: Type.Object({ total: Type.Integer(), byStatus: Counts, byNoticeType: Counts, escalatedTasks: Type.Integer() }, closed), ...problems },
      },
    },
    async (req) => hits.stats(actorOf(req)),
  );

  app.get('/hits/:id', { schema: { tags: ['hits'], summary: 'One hit with its follow-up tasks', params: Id, response: { 200: HitSchema, ...problems } } }, async (req) =>
    toView(await hits.get(actorOf(req), req.params.id, purposeOf(req))),
  );

  app.post(
    '/hits/:id/outcome',
    {
      schema: {
        tags: ['hits'],
        summary: 'Record what the follow-up found (owner bureau; the screening agency for confirmed, located, arrested)',
        params: Id,
        body: Type.Object({ status: Type.Enum(HIT_OUTCOMES), note: Type.String({ maxLength: 2000 }), version: Type.Integer({ minimum: 1 }) }, closed),
        response: { 200: HitSchema, ...problems },
      },
    },
    async (req) => toView(await hits.recordOutcome(actorOf(req), req.params.id, req.body, optionalPurposeOf(req))),
  );

  app.post(
    '/hits/:id/tasks/:taskId/done',
    {
      schema: {
        tags: ['hits'],
        summary: 'Close a follow-up task given to your agency',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), taskId: Type.String({ format: 'uuid' }) }, closed),
        response: { 200: HitSchema, ...problems },
      },
    },
    async (req) => toView(await hits.completeTask(actorOf(req), req.params.id, req.params.taskId, optionalPurposeOf(req))),
  );
};
