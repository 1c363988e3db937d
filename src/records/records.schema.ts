import { type Static, Type } from 'typebox';
import Value from 'typebox/value';
import { DateTime } from '../core/schema.ts';
import { invalid } from '../core/errors.ts';
import { TLP_LEVELS } from '../core/handling.ts';
import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  GROUP_TYPES,
  LINK_TYPES,
  RECORD_KINDS,
  type RecordData,
  type RecordKind,
  VEHICLE_STATUSES,
  validateData,
} from './record.ts';

/** Schemas at the edge: the HTTP validation, the OpenAPI document and the CLI's input checks. */
const closed = { additionalProperties: false } as const;
const str = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const alpha3 = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3' });

export const NameSchema = Type.Object(
  {
    value: str(300),
    script: Type.Optional(Type.String({ pattern: '^[A-Z][a-z]{3}$', description: 'ISO 15924' })),
    lang: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'BCP 47' })),
    type: Type.Enum(['primary', 'alias', 'original'] as const),
    quality: Type.Optional(Type.Enum(['good', 'low'] as const)),
  },
  closed,
);

export const PersonDataSchema = Type.Object(
  {
    names: Type.Array(NameSchema, { minItems: 1, maxItems: 100 }),
    birthDates: Type.Optional(Type.Array(str(21), { maxItems: 20 })),
    placesOfBirth: Type.Optional(Type.Array(str(300), { maxItems: 20 })),
    nationalities: Type.Optional(Type.Array(alpha3, { maxItems: 10 })),
    gender: Type.Optional(Type.Enum(['male', 'female', 'unknown'] as const)),
    identifiers: Type.Optional(
      Type.Array(Type.Object({ type: str(60), value: str(120), country: Type.Optional(alpha3) }, closed), { maxItems: 50 }),
    ),
    remarks: Type.Optional(str(4000, 0)),
  },
  closed,
);

export const DocumentDataSchema = Type.Object(
  {
    number: str(60),
    type: Type.Enum(DOCUMENT_TYPES),
    typeText: Type.Optional(str(200)),
    issuingCountry: Type.Optional(alpha3),
    status: Type.Enum(DOCUMENT_STATUSES),
    issueDate: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    expiryDate: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    remarks: Type.Optional(str(4000, 0)),
  },
  closed,
);

export const VehicleDataSchema = Type.Object(
  {
    plate: str(30),
    plateCountry: alpha3,
    vin: Type.Optional(str(17, 17)),
    make: Type.Optional(str(60)),
    model: Type.Optional(str(60)),
    colour: Type.Optional(str(40)),
    status: Type.Enum(VEHICLE_STATUSES),
    remarks: Type.Optional(str(4000, 0)),
  },
  closed,
);

export const GroupDataSchema = Type.Object(
  {
    names: Type.Array(NameSchema, { minItems: 1, maxItems: 100 }),
    groupType: Type.Enum(GROUP_TYPES),
    countries: Type.Optional(Type.Array(alpha3, { maxItems: 30 })),
    remarks: Type.Optional(str(4000, 0)),
  },
  closed,
);

export const DATA_SCHEMAS = {
  person: PersonDataSchema,
  document: DocumentDataSchema,
  vehicle: VehicleDataSchema,
  group: GroupDataSchema,
} as const;

/** Schema check (for callers that bypass HTTP: CLI, importers, seeding), then the domain rules. */
export function checkRecordData(kind: RecordKind, data: unknown): RecordData {
  const schema = DATA_SCHEMAS[kind];
  if (!Value.Check(schema, data)) {
    const issues = [...Value.Errors(schema, data)].slice(0, 10).map((e) => ({ path: e.instancePath, message: e.message }));
    throw invalid('validation_failed', `The ${kind} data is not valid`, { issues });
  }
  return validateData(kind, structuredClone(data) as RecordData);
}

export const HandlingSchema = Type.Object(
  {
    tlp: Type.Enum(TLP_LEVELS),
    restrictedTo: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50 })),
  },
  closed,
);

export const KindSchema = Type.Enum(RECORD_KINDS);

const provenanceInput = {
  handling: Type.Optional(HandlingSchema),
  legalBasisCode: Type.String({ pattern: '^[a-z0-9][a-z0-9_.:-]{1,63}$', description: 'e.g. interpol_rpd, unsc_1267, national_law' }),
  legalBasis: str(500),
  reviewDate: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
};

export const CreateRecordSchema = Type.Object(
  {
    kind: KindSchema,
    data: Type.Union([PersonDataSchema, DocumentDataSchema, VehicleDataSchema, GroupDataSchema]),
    ...provenanceInput,
  },
  closed,
);
export type CreateRecordInput = Static<typeof CreateRecordSchema>;

export const UpdateRecordSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version you read: a stale version is refused (409)' }),
    data: Type.Optional(Type.Union([PersonDataSchema, DocumentDataSchema, VehicleDataSchema, GroupDataSchema])),
    handling: Type.Optional(HandlingSchema),
    legalBasisCode: Type.Optional(provenanceInput.legalBasisCode),
    legalBasis: Type.Optional(str(500)),
    reviewDate: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  },
  closed,
);
export type UpdateRecordInput = Static<typeof UpdateRecordSchema>;

export const ProvenanceSchema = Type.Object(
  {
    ownerAgencyId: Type.String(),
    ownerAgencyCode: Type.String(),
    handling: Type.Object({
      tlp: Type.Enum(TLP_LEVELS),
      restrictedTo: Type.Array(Type.String()),
      codes: Type.Object({ tlp: Type.String(), pap: Type.String(), europol: Type.String() }),
    }),
    legalBasisCode: Type.String(),
    legalBasis: Type.String(),
    reviewDate: Type.String(),
    expired: Type.Boolean(),
    source: Type.Union([Type.String(), Type.Null()]),
    externalId: Type.Union([Type.String(), Type.Null()]),
    /** The node that owns the record when it was received from another node (read-only here). */
    originNode: Type.Union([Type.String(), Type.Null()]),
    createdAt: DateTime,
    createdBy: Type.String(),
    createdByName: Type.Union([Type.String(), Type.Null()]),
    updatedAt: DateTime,
    updatedBy: Type.String(),
    updatedByName: Type.Union([Type.String(), Type.Null()]),
    version: Type.Integer(),
  },
  closed,
);

export const RecordViewSchema = Type.Object(
  {
    id: Type.String(),
    kind: KindSchema,
    displayName: Type.String(),
    data: Type.Union([PersonDataSchema, DocumentDataSchema, VehicleDataSchema, GroupDataSchema]),
    provenance: ProvenanceSchema,
  },
  closed,
);
export type RecordView = Static<typeof RecordViewSchema>;

export const RecordSummarySchema = Type.Object(
  {
    id: Type.String(),
    kind: KindSchema,
    displayName: Type.String(),
    ownerAgencyCode: Type.String(),
    tlp: Type.Enum(TLP_LEVELS),
    reviewDate: Type.String(),
    expired: Type.Boolean(),
    updatedAt: DateTime,
    /** The owner node of a record received from another node; null for this node's own. */
    originNode: Type.Union([Type.String(), Type.Null()]),
    /** A list of persons only (kind=person): what tells namesakes apart, as recorded (partial dates, ranges, alpha-3). */
    birthDates: Type.Optional(Type.Array(Type.String())),
    nationalities: Type.Optional(Type.Array(Type.String())),
  },
  closed,
);
export type RecordSummary = Static<typeof RecordSummarySchema>;

export const CreateLinkSchema = Type.Object(
  {
    fromId: Type.String({ format: 'uuid' }),
    toId: Type.String({ format: 'uuid' }),
    type: Type.Enum(LINK_TYPES),
    note: Type.Optional(str(1000, 0)),
  },
  closed,
);
export type CreateLinkInput = Static<typeof CreateLinkSchema>;

export const LinkViewSchema = Type.Object(
  {
    id: Type.String(),
    fromId: Type.String(),
    toId: Type.String(),
    type: Type.String(),
    note: Type.Union([Type.String(), Type.Null()]),
    otherId: Type.String(),
    otherKind: KindSchema,
    otherDisplayName: Type.String(),
    direction: Type.Enum(['out', 'in'] as const),
    ownerAgencyId: Type.String(),
    createdAt: DateTime,
  },
  closed,
);
export type LinkView = Static<typeof LinkViewSchema>;
