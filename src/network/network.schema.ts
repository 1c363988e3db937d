import { type Static, Type } from 'typebox';
import { DateTime } from '../core/schema.ts';
import { NODE_KINDS } from './graph.ts';

/** Schemas at the edge: HTTP validation, the OpenAPI document, and the types of the service inputs. */
const closed = { additionalProperties: false } as const;
const Uuid = Type.String({ format: 'uuid' });
const Kind = Type.Enum(NODE_KINDS);
export const NodeKey = Type.String({
  minLength: 1,
  maxLength: 300,
  description: 'a record id, or case:<id>, gang:<id>, phone:<normalised number>, address:<normalised address>',
});

export const ScopeSchema = Type.Object(
  {
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    caseIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 1000 })),
    gangIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 1000 })),
  },
  { ...closed, description: 'one of region, caseIds, gangIds' },
);

export const GraphQuery = Type.Object(
  {
    focus: NodeKey,
    depth: Type.Optional(Type.Integer({ minimum: 1, maximum: 3, default: 1 })),
    kinds: Type.Optional(Type.Array(Kind, { maxItems: NODE_KINDS.length, description: 'repeat the parameter; nodes of other kinds are traversed, not returned' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000, default: 500 })),
  },
  closed,
);

export const CommunitiesBody = Type.Object(
  {
    ...ScopeSchema.properties,
    async: Type.Optional(Type.Boolean({ description: 'run as a job (202) even when small' })),
  },
  { ...closed, description: 'at most one of region, caseIds, gangIds; none: everything you may see' },
);
export type CommunitiesInput = Static<typeof CommunitiesBody>;

export const KeyPlayersQuery = Type.Object(
  {
    gangId: Type.Optional(Uuid),
    caseId: Type.Optional(Uuid),
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    jobId: Type.Optional(Uuid),
    community: Type.Optional(Type.Integer({ minimum: 0, description: 'a community id of the finished communities job jobId' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
  },
  closed,
);

export const PathQuery = Type.Object({ from: NodeKey, to: NodeKey }, closed);

export const DismantleBody = Type.Object(
  {
    nodes: Type.Array(NodeKey, { minItems: 1, maxItems: 1000 }),
    // a region, cases or gangs; none: everything the user may see (or the community of jobId)
    scope: Type.Optional(ScopeSchema),
    jobId: Type.Optional(Uuid),
    community: Type.Optional(Type.Integer({ minimum: 0, description: 'dismantle within this community of the finished communities job jobId' })),
  },
  closed,
);

export const MembersQuery = Type.Object(
  {
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000, default: 500 })),
  },
  closed,
);

export const SharedQuery = Type.Object(
  {
    by: Type.Enum(['gangs', 'communities', 'countries'] as const),
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    gangIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 100 })),
    caseIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  closed,
);

const NodeRefSchema = Type.Object({ key: Type.String(), kind: Kind, label: Type.String() }, closed);

export const MembersSchema = Type.Object(
  {
    community: Type.Integer(),
    /** members of the community at the time of the job */
    total: Type.Integer({ description: 'members of the community when the job ran (some may since be hidden from you)' }),
    offset: Type.Integer(),
    items: Type.Array(NodeRefSchema, { description: 'the page of members you may still see, ordered by key' }),
  },
  closed,
);

export const EgoSchema = Type.Object(
  {
    focus: Type.String(),
    nodes: Type.Array(
      Type.Object(
        {
          key: Type.String(),
          kind: Kind,
          label: Type.String(),
          region: Type.Optional(Type.String()),
          countries: Type.Optional(Type.Array(Type.String())),
          status: Type.Optional(Type.String()),
          degree: Type.Integer(),
        },
        closed,
      ),
    ),
    edges: Type.Array(Type.Object({ source: Type.String(), target: Type.String(), types: Type.Array(Type.String()) }, closed)),
    truncated: Type.Boolean({ description: 'the node limit cut the network short' }),
  },
  closed,
);

const CommunitySchema = Type.Object(
  {
    id: Type.Integer(),
    size: Type.Integer(),
    kinds: Type.Record(Type.String(), Type.Integer()),
    topMembers: Type.Array(Type.Object({ ...NodeRefSchema.properties, degree: Type.Integer() }, closed)),
  },
  closed,
);

export const CommunitiesViewSchema = Type.Object(
  {
    scope: ScopeSchema,
    nodes: Type.Integer(),
    edges: Type.Integer(),
    count: Type.Integer({ description: 'all communities, singletons included' }),
    modularity: Type.Number(),
    communities: Type.Array(CommunitySchema, { description: 'communities of two nodes or more, largest first (at most 100)' }),
  },
  closed,
);

export const JobSchema = Type.Object(
  {
    id: Type.String(),
    status: Type.Enum(['running', 'done', 'failed'] as const),
    progress: Type.Number({ minimum: 0, maximum: 1 }),
    phase: Type.String(),
    startedAt: DateTime,
    finishedAt: Type.Union([DateTime, Type.Null()]),
    result: Type.Union([CommunitiesViewSchema, Type.Null()]),
    error: Type.Union([Type.String(), Type.Null()]),
  },
  closed,
);

export const KeyPlayersSchema = Type.Object(
  {
    nodes: Type.Integer(),
    edges: Type.Integer(),
    betweennessExact: Type.Boolean({ description: 'betweenness measured from every node (true) or estimated from a seeded sample of them (large networks)' }),
    betweennessSources: Type.Integer({ description: 'how many nodes the betweenness was measured from' }),
    items: Type.Array(
      Type.Object(
        {
          ...NodeRefSchema.properties,
          degree: Type.Integer(),
          betweenness: Type.Number({ description: 'normalised: share of the shortest chains between others that run through this node' }),
          pagerank: Type.Number(),
          reasons: Type.Array(Type.Enum(['broker', 'hub', 'influential'] as const)),
        },
        closed,
      ),
    ),
  },
  closed,
);

export const PathSchema = Type.Object(
  {
    found: Type.Boolean(),
    length: Type.Union([Type.Integer(), Type.Null()]),
    chain: Type.Array(NodeRefSchema),
    links: Type.Array(Type.Array(Type.String()), { description: 'edge types between consecutive nodes of the chain' }),
  },
  closed,
);

const ComponentsSchema = Type.Object(
  { nodes: Type.Integer(), edges: Type.Integer(), components: Type.Integer(), largestComponent: Type.Integer(), sizes: Type.Array(Type.Integer()) },
  closed,
);

export const DismantleSchema = Type.Object(
  { removed: Type.Array(NodeRefSchema), unknown: Type.Array(Type.String()), before: ComponentsSchema, after: ComponentsSchema },
  closed,
);

export const SharedSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          ...NodeRefSchema.properties,
          by: Type.Enum(['gangs', 'communities', 'countries'] as const),
          shared: Type.Array(Type.Object({ key: Type.String(), label: Type.String() }, closed)),
        },
        closed,
      ),
    ),
  },
  closed,
);
