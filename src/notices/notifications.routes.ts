import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DateTime } from '../core/schema.ts';
import { actorOf } from '../http/auth-hook.ts';
import { PageQuery, problems } from '../http/problem.ts';
import type { NotificationRow } from './notifications.repo.ts';
import type { NotificationsService } from './notifications.service.ts';

const closed = { additionalProperties: false };

export const NotificationSchema = Type.Object(
  {
    id: Type.String(),
    /** `hit_created`, `hit_outcome`, `task_overdue`, … (i18n key `notifications.kinds.<kind>`) */
    kind: Type.String(),
    /** true: addressed to you; false: to your whole agency. */
    personal: Type.Boolean(),
    refType: Type.String(),
    refId: Type.String(),
    details: Type.Record(Type.String(), Type.Unknown()),
    createdAt: DateTime,
    readAt: Type.Union([DateTime, Type.Null()]),
  },
  closed,
);

const toView = (n: NotificationRow) => ({
  id: n.id,
  kind: n.kind,
  personal: n.userId !== null,
  refType: n.refType,
  refId: n.refId,
  details: n.details,
  createdAt: n.createdAt,
  readAt: n.readAt,
});

export const notificationsRoutes: FastifyPluginAsyncTypebox<{ notifications: NotificationsService }> = async (app, { notifications }) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: "Your notifications and your agency's, newest first (paged)",
        querystring: Type.Object({ unread: Type.Optional(Type.Boolean()), ...PageQuery }, closed),
        response: {
          200: Type.Object({ items: Type.Array(NotificationSchema), nextCursor: Type.Union([Type.String(), Type.Null()]), unreadCount: Type.Integer() }, closed),
          ...problems,
        },
      },
    },
    async (req) => {
      const page = await notifications.list(actorOf(req), req.query);
      return { items: page.items.map(toView), nextCursor: page.nextCursor, unreadCount: page.unreadCount };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark a notification read (for your whole agency when it is addressed to the agency)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }, closed),
        response: { 200: NotificationSchema, ...problems },
      },
    },
    async (req) => toView(await notifications.markRead(actorOf(req), req.params.id)),
  );
};
