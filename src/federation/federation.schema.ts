import { Type } from 'typebox';
import { TLP_LEVELS } from '../core/handling.ts';
import { CATEGORIES, REJECT_REASONS } from './federation.ts';


export const NodeIdSchema = Type.String({ pattern: '^[A-Z][A-Z0-9-]{1,31}$' });
export const TlpSchema = Type.Enum(TLP_LEVELS);
export const CategorySchema = Type.Enum(CATEGORIES);
export const ReasonSchema = Type.Enum(REJECT_REASONS);
const Names = Type.Record(Type.String({ pattern: '^(ar|fr|en|es)$' }), Type.String({ minLength: 1, maxLength: 200 }));

export const JwkSchema = Type.Object({ kty: Type.Literal('OKP'), crv: Type.Literal('Ed25519'), x: Type.String({ minLength: 43, maxLength: 43 }) });
export const JwksSchema = Type.Object({
  keys: Type.Array(Type.Object({ kty: Type.String(), crv: Type.String(), x: Type.String(), kid: Type.String(), use: Type.Literal('sig'), alg: Type.Literal('EdDSA'), exp: Type.Optional(Type.Integer()) })),
});
export const IdentitySchema = Type.Object({ nodeId: Type.String(), kid: Type.String(), jwk: JwkSchema });

export const PartnerSchema = Type.Object({
  id: Type.String(),
  names: Type.Record(Type.String(), Type.String()),
  baseUrl: Type.String(),
  transport: Type.Enum(['https', 'nats', 'bundle'] as const),
  agencies: Type.Array(Type.String()),
  suspended: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  keys: Type.Array(Type.Object({ kid: Type.String(), retiresAt: Type.Union([Type.String(), Type.Null()]) })),
});

export const EnrollSchema = Type.Object(
  {
    id: NodeIdSchema,
    names: Names,
    baseUrl: Type.String({ pattern: '^https?://', maxLength: 500 }),
    transport: Type.Enum(['https', 'nats', 'bundle'] as const),
    agencies: Type.Array(Type.String({ minLength: 2, maxLength: 40 }), { maxItems: 200 }),
    key: Type.Object({ jwk: JwkSchema, thumbprint: Type.String({ minLength: 43, maxLength: 43 }) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const AgreementSchema = Type.Object({
  id: Type.String(),
  partner: Type.String(),
  direction: Type.Enum(['outbound', 'inbound'] as const),
  categories: Type.Array(CategorySchema),
  maxTlp: TlpSchema,
  mayForward: Type.Boolean(),
  validFrom: Type.String(),
  validTo: Type.Union([Type.String(), Type.Null()]),
  legalBasis: Type.String(),
  clause: Type.String(),
  suspended: Type.Boolean(),
});

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const AgreementInputSchema = Type.Object(
  {
    partner: NodeIdSchema,
    direction: Type.Enum(['outbound', 'inbound'] as const),
    categories: Type.Array(CategorySchema, { minItems: 1, maxItems: 30 }),
    maxTlp: TlpSchema,
    mayForward: Type.Boolean(),
    validFrom: IsoDate,
    validTo: Type.Union([IsoDate, Type.Null()]),
    legalBasis: Type.String({ minLength: 1, maxLength: 2000 }),
    clause: Type.String({ minLength: 1, maxLength: 200 }),
    suspended: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const DecisionSchema = Type.Object({
  partner: Type.String(),
  names: Type.Record(Type.String(), Type.String()),
  receives: Type.Boolean(),
  clause: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([ReasonSchema, Type.Null()]),
  detail: Type.Union([Type.String(), Type.Null()]),
});

export const PreviewInputSchema = Type.Object(
  {
    category: CategorySchema,
    tlp: TlpSchema,
    restrictedTo: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 200 }),
    /** For an item received from another node and passed on: its owner and the hops it crossed. */
    ownerNode: Type.Optional(NodeIdSchema),
    hops: Type.Optional(Type.Integer({ minimum: 0, maximum: 16 })),
  },
  { additionalProperties: false },
);

/** A queue row without its body: what left or waits, for whom, and why it did not. */
export const QueueItemSchema = Type.Object({
  id: Type.String(),
  partnerId: Type.String(),
  type: Type.String(),
  category: Type.String(),
  itemId: Type.String(),
  tlp: TlpSchema,
  status: Type.Enum(['queued', 'in_flight', 'sent', 'delivered', 'rejected', 'dead', 'withheld'] as const),
  clause: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Union([Type.String(), Type.Null()]),
  attempts: Type.Integer(),
  nextAttemptAt: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const QueueSummarySchema = Type.Object({
  partner: Type.String(),
  suspended: Type.Boolean(),
  queued: Type.Integer(),
  inFlight: Type.Integer(),
  /** Handed to a store-and-forward transport or written to a bundle; the receipt is not back yet. */
  awaitingReceipt: Type.Integer(),
  delivered: Type.Integer(),
  rejected: Type.Integer(),
  dead: Type.Integer(),
  withheld: Type.Integer(),
  lagSeconds: Type.Integer(),
});

export const InboundSchema = Type.Object({
  sender: Type.String(),
  id: Type.String(),
  type: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Union([Type.String(), Type.Null()]),
  receivedAt: Type.String(),
});

/** An item held from another node: its owner, version, handling and when it came (no body). */
export const ReceivedItemSchema = Type.Object({
  ownerNode: Type.String(),
  itemId: Type.String(),
  category: Type.String(),
  version: Type.Integer(),
  tlp: TlpSchema,
  receivedFrom: Type.String(),
  receivedAt: Type.String(),
  withdrawnAt: Type.Union([Type.String(), Type.Null()]),
});

export const ReceiveResultSchema = Type.Object({
  envelope: Type.Union([Type.String(), Type.Null()]),
  status: Type.Enum(['accepted', 'duplicate', 'rejected'] as const),
  reason: Type.Optional(ReasonSchema),
  receipt: Type.String(),
});
