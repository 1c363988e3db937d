import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DateTime } from '../core/schema.ts';
import { actorOf, purposeOf } from '../http/auth-hook.ts';
import { PageQuery, pageOf, problems } from '../http/problem.ts';
import { NOTICE_TYPES } from '../notices/notice.ts';
import { RECORD_KINDS } from '../records/record.ts';
import type { AuditService } from './audit.service.ts';

/** What the target is, by its label (never its content); the id stays in `targetId`. */
export const TargetLabelView = Type.Object({
  text: Type.String({ description: "a record's display name, a notice's or case's reference, a gang's name, a username, an agency code, a token's name" }),
  recordKind: Type.Optional(Type.Enum(RECORD_KINDS)),
  noticeType: Type.Optional(Type.Enum(NOTICE_TYPES)),
});

export const EntryView = Type.Object({
  seq: Type.Integer(),
  at: DateTime,
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorAgencyId: Type.Union([Type.String(), Type.Null()]),
  actorUsername: Type.Union([Type.String(), Type.Null()]),
  actorAgencyCode: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.Union([Type.String(), Type.Null()]),
  /** Records, notices, cases, gangs, hits and threads are labelled for the data-protection officer only. */
  targetLabel: Type.Union([TargetLabelView, Type.Null()]),
  subjectIds: Type.Array(Type.String()),
  purpose: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String(),
});

export const VerifyView = Type.Object({
  ok: Type.Boolean(),
  code: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  entries: Type.Integer(),
  lastHash: Type.Optional(Type.String()),
  brokenSeq: Type.Optional(Type.Integer()),
  reason: Type.Optional(Type.String()),
  checkpointSeq: Type.Optional(Type.Integer()),
  checkpointLine: Type.Optional(Type.Integer()),
  problem: Type.Optional(Type.String()),
  checkpoints: Type.Object({ source: Type.String(), count: Type.Integer(), lastSeq: Type.Integer() }),
});

export const auditRoutes: FastifyPluginAsyncTypebox<{ audit: AuditService }> = async (app, { audit }) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Who saw or changed what, newest first (data-protection officer)',
        querystring: Type.Object(
          {
            subjectId: Type.Optional(Type.String({ format: 'uuid' })),
            actorUserId: Type.Optional(Type.String({ maxLength: 64 })),
            targetId: Type.Optional(Type.String({ maxLength: 64 })),
            action: Type.Optional(Type.String({ maxLength: 64 })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: pageOf(EntryView), ...problems },
      },
    },
    async (req) => {
      const { limit, cursor, ...filter } = req.query;
      return audit.list(actorOf(req), filter, { limit, cursor }, purposeOf(req));
    },
  );

  app.get(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Recompute the hash chain and check it against the signed checkpoints',
        description:
          '`ok: false` with a stable `code`: audit_chain_broken, audit_truncated, audit_emptied, audit_head_mismatch, audit_checkpoint_invalid or audit_key_missing.',
        response: { 200: VerifyView, ...problems },
      },
    },
    async (req) => audit.verify(actorOf(req)),
  );
};
