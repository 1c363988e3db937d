import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, optionalPurposeOf, purposeOf } from '../http/auth-hook.ts';
import { PageQuery, pageOf, problems } from '../http/problem.ts';
import { contentDisposition } from './message.ts';
import {
  MessageViewSchema,
  NewThreadSchema,
  RecipientSchema,
  ReplySchema,
  SearchHitSchema,
  ThreadSummarySchema,
  ThreadViewSchema,
} from './messages.schema.ts';
import type { MessagesService } from './messages.service.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const tags = ['messages'];

/** 5 attachments of 5 MiB in base64 (4/3) plus a 20,000-character body, with room for JSON. */
export const SEND_BODY_LIMIT = 36 * 1024 * 1024;

export const messagesRoutes: FastifyPluginAsyncTypebox<{ messages: MessagesService }> = async (app, { messages }) => {
  app.get(
    '/messages/threads',
    {
      schema: {
        tags,
        summary: 'Threads with at least one message you may see, latest activity first (paged)',
        querystring: Type.Object(
          { q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), noticeId: Type.Optional(Type.String({ format: 'uuid' })), ...PageQuery },
          { additionalProperties: false },
        ),
        response: { 200: pageOf(ThreadSummarySchema), ...problems },
      },
    },
    async (req) => messages.listThreads(actorOf(req), req.query, purposeOf(req)),
  );

  app.post(
    '/messages/threads',
    {
      bodyLimit: SEND_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Open a thread with its first message to chosen agencies',
        body: NewThreadSchema,
        response: { 201: Type.Object({ thread: ThreadViewSchema, message: MessageViewSchema }), ...problems },
      },
    },
    async (req, reply) => reply.status(201).send(await messages.startThread(actorOf(req), req.body, optionalPurposeOf(req))),
  );

  app.get(
    '/messages/threads/:id',
    {
      schema: {
        tags,
        summary: 'A thread and the messages you may see, oldest first; records your agency’s read receipts',
        params: Id,
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: {
          200: Type.Object({ thread: ThreadViewSchema, messages: Type.Array(MessageViewSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
          ...problems,
        },
      },
    },
    async (req) => messages.readThread(actorOf(req), req.params.id, req.query, purposeOf(req)),
  );

  app.post(
    '/messages/threads/:id/messages',
    {
      bodyLimit: SEND_BODY_LIMIT,
      schema: { tags, summary: 'Add a message to a thread your agency takes part in', params: Id, body: ReplySchema, response: { 201: MessageViewSchema, ...problems } },
    },
    async (req, reply) => reply.status(201).send(await messages.reply(actorOf(req), req.params.id, req.body, optionalPurposeOf(req))),
  );

  app.get(
    '/messages/attachments/:id',
    {
      schema: {
        tags,
        summary: 'The bytes of an attachment, checked against their SHA-256 first',
        params: Id,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'the file; x-checksum-sha256 carries its SHA-256 (hex)' }), ...problems },
      },
    },
    async (req, reply) => {
      const file = await messages.attachment(actorOf(req), req.params.id, purposeOf(req));
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', contentDisposition(file.filename))
        .header('content-length', String(file.size))
        .header('x-checksum-sha256', file.sha256)
        // RFC 9530
        .header('repr-digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );

  app.get(
    '/messages/search',
    {
      schema: {
        tags,
        summary: 'Full-text search in the subjects and bodies of messages you may see, newest first (paged)',
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 200 }), ...PageQuery }, { additionalProperties: false }),
        response: { 200: pageOf(SearchHitSchema), ...problems },
      },
    },
    async (req) => messages.search(actorOf(req), req.query, purposeOf(req)),
  );

  app.get(
    '/messages/recipients',
    {
      schema: {
        tags,
        summary: 'The agencies you may address; with noticeId, only those allowed to see that notice',
        querystring: Type.Object({ noticeId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(RecipientSchema) }), ...problems },
      },
    },
    async (req) => ({ items: await messages.recipients(actorOf(req), req.query.noticeId, purposeOf(req)) }),
  );
};
