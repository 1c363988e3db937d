import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../http/auth-hook.ts';
import { ProblemSchema, problems } from '../http/problem.ts';
import type { Decision } from './policy.ts';
import {
  ReceivedItemSchema,
  AgreementInputSchema,
  AgreementSchema,
  DecisionSchema,
  EnrollSchema,
  IdentitySchema,
  InboundSchema,
  JwkSchema,
  JwksSchema,
  NodeIdSchema,
  PartnerSchema,
  PreviewInputSchema,
  QueueItemSchema,
  QueueSummarySchema,
  ReceiveResultSchema,
} from './federation.schema.ts';
import type { FederationService } from './federation.service.ts';

const tags = ['federation'];
const PartnerId = Type.Object({ id: NodeIdSchema }, { additionalProperties: false });
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 500 }));
const nodeProblems = { 400: ProblemSchema, 413: ProblemSchema, 429: ProblemSchema, 500: ProblemSchema };

/** Envelopes a partner may send in one request (a batch of 200 records with room to spare). */
export const INBOX_BODY_LIMIT = 16 * 1024 * 1024;

const decisionView = (d: { partner: string; names: Record<string, string>; decision: Decision }) => ({
  partner: d.partner,
  names: d.names,
  receives: d.decision.send,
  clause: d.decision.agreement?.clause ?? null,
  reason: d.decision.send ? null : d.decision.reason,
  detail: d.decision.send ? null : d.decision.detail,
});

export const federationRoutes: FastifyPluginAsyncTypebox<{ federation: FederationService }> = async (app, { federation }) => {
  // ---- between nodes: public, authenticated by the envelopes' signatures
  app.get(
    '/federation/jwks',
    { config: { public: true }, schema: { tags, summary: "This node's public keys (JWKS), for partners to pin", security: [], response: { 200: JwksSchema, ...nodeProblems } } },
    async () => federation.jwks(),
  );
  app.get(
    '/federation/identity',
    { config: { public: true }, schema: { tags, summary: "This node's id and current key with its RFC 7638 thumbprint", security: [], response: { 200: IdentitySchema, ...nodeProblems } } },
    async () => federation.identity(),
  );
  app.post(
    '/federation/inbox',
    {
      config: { public: true },
      bodyLimit: INBOX_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Envelopes from a partner node, each answered by a receipt signed by this node',
        security: [],
        body: Type.Object({ envelopes: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 1000 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ receipts: Type.Array(ReceiveResultSchema) }), ...nodeProblems },
      },
    },
    async (req) => ({ receipts: await federation.receive(req.body.envelopes) }),
  );

  // ---- the desk and the CLI
  app.get('/federation/partners', { schema: { tags, summary: 'Partner nodes, their pinned keys and status', response: { 200: Type.Object({ items: Type.Array(PartnerSchema) }), ...problems } } }, async (req) => ({
    items: await federation.partners(actorOf(req)),
  }));
  app.post('/federation/partners', { schema: { tags, summary: 'Enrol a partner node with its key pinned by thumbprint', body: EnrollSchema, response: { 201: Type.Omit(PartnerSchema, ['keys']), ...problems } } }, async (req, reply) => {
    reply.code(201);
    return federation.enrollPartner(actorOf(req), req.body);
  });
  for (const [verb, suspended] of [['suspend', true], ['resume', false]] as const) {
    app.post(`/federation/partners/:id/${verb}`, { schema: { tags, summary: `${verb === 'suspend' ? 'Stop' : 'Resume'} a partner's traffic both ways`, params: PartnerId, response: { 200: Type.Omit(PartnerSchema, ['keys']), ...problems } } }, async (req) =>
      federation.setSuspended(actorOf(req), req.params.id, suspended),
    );
  }
  app.post(
    '/federation/partners/:id/keys',
    { schema: { tags, summary: "Pin one more key of a partner (its rotation), by thumbprint", params: PartnerId, body: Type.Object({ jwk: JwkSchema, thumbprint: Type.String({ minLength: 43, maxLength: 43 }) }, { additionalProperties: false }), response: { 200: Type.Object({ kid: Type.String() }), ...problems } } },
    async (req) => federation.pinPartnerKey(actorOf(req), req.params.id, req.body.jwk, req.body.thumbprint),
  );
  app.post(
    '/federation/partners/:id/keys/:kid/retire',
    { schema: { tags, summary: "Retire a partner's pinned key at a time (now by default): envelopes signed with it are refused afterwards", params: Type.Object({ id: NodeIdSchema, kid: Type.String({ minLength: 43, maxLength: 43 }) }), body: Type.Object({ at: Type.Optional(Type.String({ format: 'date-time' })) }, { additionalProperties: false }), response: { 204: Type.Null(), ...problems } } },
    async (req, reply) => {
      await federation.retirePartnerKey(actorOf(req), req.params.id, req.params.kid, req.body.at ?? new Date().toISOString());
      reply.code(204);
      return null;
    },
  );
  app.post('/federation/keys/rotate', { schema: { tags, summary: "Rotate this node's key; the old one is accepted for the overlap", body: Type.Object({ overlapHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 24 * 90 })) }, { additionalProperties: false }), response: { 200: JwksSchema, ...problems } } }, async (req) =>
    federation.rotateKeys(actorOf(req), req.body.overlapHours),
  );

  app.get('/federation/agreements', { schema: { tags, summary: 'Sharing agreements, per partner and direction', querystring: Type.Object({ partner: Type.Optional(NodeIdSchema) }, { additionalProperties: false }), response: { 200: Type.Object({ items: Type.Array(AgreementSchema) }), ...problems } } }, async (req) => ({
    items: await federation.agreements(actorOf(req), req.query.partner),
  }));
  app.post('/federation/agreements', { schema: { tags, summary: 'Write a sharing agreement', body: AgreementInputSchema, response: { 201: AgreementSchema, ...problems } } }, async (req, reply) => {
    reply.code(201);
    return federation.saveAgreement(actorOf(req), req.body);
  });
  app.put('/federation/agreements/:id', { schema: { tags, summary: 'Change a sharing agreement (its partner and direction stay)', params: Id, body: AgreementInputSchema, response: { 200: AgreementSchema, ...problems } } }, async (req) =>
    federation.saveAgreement(actorOf(req), { ...req.body, id: req.params.id }),
  );

  app.post('/federation/preview', { schema: { tags, summary: 'Who will receive an item like this, under which clause, and who will not and why', body: PreviewInputSchema, response: { 200: Type.Object({ items: Type.Array(DecisionSchema) }), ...problems } } }, async (req) => ({
    items: (await federation.preview(actorOf(req), { ...req.body, ownerNode: req.body.ownerNode ?? federation.nodeId, hops: req.body.hops ?? (req.body.ownerNode && req.body.ownerNode !== federation.nodeId ? 1 : 0) })).map(decisionView),
  }));

  app.get(
    '/federation/queue',
    {
      schema: {
        tags,
        summary: 'The outbound queue: each item per partner, its state, its receipt reason',
        querystring: Type.Object({ partner: Type.Optional(NodeIdSchema), status: Type.Optional(QueueItemSchema.properties.status), itemId: Type.Optional(Type.String({ maxLength: 200 })), limit: Limit }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(QueueItemSchema) }), ...problems },
      },
    },
    async (req) => ({ items: await federation.queue(actorOf(req), { partnerId: req.query.partner, status: req.query.status, itemId: req.query.itemId, limit: req.query.limit }) }),
  );
  app.get('/federation/queue/summary', { schema: { tags, summary: 'Per partner: queued, in flight, delivered, rejected, dead, withheld, and the lag', response: { 200: Type.Object({ items: Type.Array(QueueSummarySchema) }), ...problems } } }, async (req) => ({
    items: await federation.queueSummary(actorOf(req)),
  }));
  app.post('/federation/queue/:id/retry', { schema: { tags, summary: 'Queue a dead or rejected item again', params: Id, response: { 200: QueueItemSchema, ...problems } } }, async (req) => federation.retry(actorOf(req), req.params.id));
  app.get('/federation/inbound', { schema: { tags, summary: 'What partners sent: each envelope, accepted or rejected with its reason', querystring: Type.Object({ sender: Type.Optional(NodeIdSchema), limit: Limit }, { additionalProperties: false }), response: { 200: Type.Object({ items: Type.Array(InboundSchema) }), ...problems } } }, async (req) => ({
    items: await federation.inbox(actorOf(req), req.query),
  }));
  app.get('/federation/received', { schema: { tags, summary: 'Items held from other nodes: owner, version, handling, when received or withdrawn', querystring: Type.Object({ ownerNode: Type.Optional(NodeIdSchema), live: Type.Optional(Type.Boolean()), limit: Limit }, { additionalProperties: false }), response: { 200: Type.Object({ items: Type.Array(ReceivedItemSchema) }), ...problems } } }, async (req) => ({
    items: await federation.receivedItems(actorOf(req), req.query),
  }));
};
