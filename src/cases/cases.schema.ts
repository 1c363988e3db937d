/** Schemas at the edge of the cases module: HTTP validation, OpenAPI and the service's input types. */
import { type Static, Type } from 'typebox';
import { TLP_LEVELS } from '../core/handling.ts';
import { DateTime } from '../core/schema.ts';
import {
  CASE_STATUSES,
  COMPLAINT_CHANNELS,
  COMPLAINT_STATUSES,
  GANG_KINDS,
  GANG_STATUSES,
  MIGRATION_EVENT_KINDS,
  PARTY_KINDS,
  WARRANT_SCOPES,
} from './case.ts';
import { MEASURES } from './catalogue.ts';

const closed = { additionalProperties: false } as const;
const str = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Alpha3 = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3' });
const Code = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$', description: 'lowercase snake code' });
const Region = str(100);
const Version = Type.Integer({ minimum: 1, description: 'The version you read: a stale version is refused (409)' });
const Paging = { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })), cursor: Type.Optional(Type.String({ maxLength: 300 })) };
const Year = Type.Integer({ minimum: 1900, maximum: 2999 });

export const LabelsSchema = Type.Object({ ar: str(200, 0), fr: str(200, 0), en: str(200, 0), es: str(200, 0) }, { ...closed, description: 'Labels in Arabic, French, English and Spanish: all four required' });
export const HandlingSchema = Type.Object({ tlp: Type.Enum(TLP_LEVELS), restrictedTo: Type.Optional(Type.Array(Uuid, { maxItems: 50 })) }, closed);

// ---- catalogue

export const CategorySchema = Type.Object({ code: Type.String(), labels: Type.Record(Type.String(), Type.String()), builtin: Type.Boolean() }, closed);
export const SubstanceSchema = Type.Object({ code: Type.String(), measure: Type.Enum(MEASURES), labels: Type.Record(Type.String(), Type.String()), builtin: Type.Boolean() }, closed);
export const CreateCategorySchema = Type.Object({ code: Code, labels: LabelsSchema }, closed);
export type CreateCategoryInput = Static<typeof CreateCategorySchema>;
export const CreateSubstanceSchema = Type.Object({ code: Code, measure: Type.Enum(MEASURES), labels: LabelsSchema }, closed);
export type CreateSubstanceInput = Static<typeof CreateSubstanceSchema>;

// ---- cases

export const CreateCaseSchema = Type.Object(
  {
    category: Code,
    title: str(300),
    summary: Type.Optional(str(8000, 0)),
    region: Region,
    city: Type.Optional(str(100)),
    openedOn: Day,
    handling: Type.Optional(HandlingSchema),
  },
  closed,
);
export type CreateCaseInput = Static<typeof CreateCaseSchema>;

export const UpdateCaseSchema = Type.Object(
  {
    version: Version,
    category: Type.Optional(Code),
    title: Type.Optional(str(300)),
    summary: Type.Optional(nullable(str(8000, 0))),
    region: Type.Optional(Region),
    city: Type.Optional(nullable(str(100))),
    openedOn: Type.Optional(Day),
    status: Type.Optional(Type.Enum(CASE_STATUSES)),
    closedOn: Type.Optional(nullable(Day)),
    handling: Type.Optional(HandlingSchema),
  },
  closed,
);
export type UpdateCaseInput = Static<typeof UpdateCaseSchema>;

export const CloseCaseSchema = Type.Object(
  { version: Version, status: Type.Enum(['solved', 'closed'] as const), closedOn: Type.Optional(Day) },
  closed,
);
export type CloseCaseInput = Static<typeof CloseCaseSchema>;

export const CaseListQuerySchema = Type.Object(
  {
    category: Type.Optional(Code),
    status: Type.Optional(Type.Enum(CASE_STATUSES)),
    region: Type.Optional(Region),
    year: Type.Optional(Year),
    mine: Type.Optional(Type.Boolean()),
    ...Paging,
  },
  closed,
);
export type CaseListQuery = Static<typeof CaseListQuerySchema>;

export const CaseSchema = Type.Object(
  {
    id: Type.String(),
    reference: Type.String(),
    category: Type.String(),
    title: Type.String(),
    summary: nullable(Type.String()),
    region: Type.String(),
    city: nullable(Type.String()),
    openedOn: Type.String(),
    closedOn: nullable(Type.String()),
    status: Type.Enum(CASE_STATUSES),
    ownerAgencyId: Type.String(),
    ownerAgencyCode: Type.String(),
    tlp: Type.Enum(TLP_LEVELS),
    restrictedTo: Type.Array(Type.String()),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  closed,
);

// ---- parties

export const AddPartySchema = Type.Object(
  {
    kind: Type.Enum(PARTY_KINDS),
    recordId: Type.Optional(Uuid),
    value: Type.Optional(str(500)),
    role: str(60),
  },
  { ...closed, description: 'A person, group, vehicle or document by recordId; a phone or address by value' },
);
export type AddPartyInput = Static<typeof AddPartySchema>;

export const PartySchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.Enum(PARTY_KINDS),
    recordId: nullable(Type.String()),
    displayName: nullable(Type.String()),
    value: nullable(Type.String()),
    role: Type.String(),
    createdAt: DateTime,
  },
  closed,
);

// ---- arrests and seizures

export const RecordArrestSchema = Type.Object(
  {
    personRecordId: Type.Optional(Uuid),
    arrestedOn: Day,
    region: Region,
    city: Type.Optional(str(100)),
    place: Type.Optional(str(300)),
    agencyId: Type.Optional(Uuid),
    nationality: Type.Optional(Alpha3),
    internationalWarrant: Type.Optional(Type.Boolean()),
  },
  closed,
);
export type RecordArrestInput = Static<typeof RecordArrestSchema>;

export const ArrestSchema = Type.Object(
  {
    id: Type.String(),
    caseId: Type.String(),
    personRecordId: nullable(Type.String()),
    arrestedOn: Type.String(),
    region: Type.String(),
    city: nullable(Type.String()),
    place: nullable(Type.String()),
    agencyId: Type.String(),
    nationality: nullable(Type.String()),
    foreignNational: Type.Boolean(),
    internationalWarrant: Type.Boolean(),
    createdAt: DateTime,
  },
  closed,
);

export const QuantitySchema = Type.Object(
  {
    value: Type.Union([Type.String({ maxLength: 40 }), Type.Number({ exclusiveMinimum: 0 })], { description: 'A decimal with a dot, e.g. "123.97"' }),
    unit: Type.String({ minLength: 1, maxLength: 10, description: 't, kg, g (mass); items (count); a currency code such as MAD (money)' }),
  },
  closed,
);

export const RecordSeizureSchema = Type.Object(
  {
    substance: Code,
    quantity: QuantitySchema,
    seizedOn: Day,
    region: Region,
    city: Type.Optional(str(100)),
    place: Type.Optional(str(300)),
    agencyId: Type.Optional(Uuid),
  },
  closed,
);
export type RecordSeizureInput = Static<typeof RecordSeizureSchema>;

export const SeizureSchema = Type.Object(
  {
    id: Type.String(),
    caseId: Type.String(),
    substance: Type.String(),
    measure: Type.Enum(MEASURES),
    quantity: Type.Integer({ description: 'grams, items or minor currency units' }),
    currency: nullable(Type.String()),
    display: Type.Object({ value: Type.String(), unit: Type.String() }),
    seizedOn: Type.String(),
    region: Type.String(),
    city: nullable(Type.String()),
    place: nullable(Type.String()),
    agencyId: Type.String(),
    createdAt: DateTime,
  },
  closed,
);

export const FactListQuerySchema = Type.Object(Paging, closed);

// ---- gangs

const MemberInput = Type.Object({ personRecordId: Uuid, role: str(60) }, closed);
export const CreateGangSchema = Type.Object(
  {
    name: str(200),
    kind: Type.Enum(GANG_KINDS),
    region: Region,
    caseId: Type.Optional(Uuid),
    groupRecordId: Type.Optional(Uuid),
    members: Type.Optional(Type.Array(MemberInput, { maxItems: 500 })),
    handling: Type.Optional(HandlingSchema),
  },
  closed,
);
export type CreateGangInput = Static<typeof CreateGangSchema>;

export const UpdateGangSchema = Type.Object(
  { version: Version, name: Type.Optional(str(200)), kind: Type.Optional(Type.Enum(GANG_KINDS)), region: Type.Optional(Region), handling: Type.Optional(HandlingSchema) },
  closed,
);
export type UpdateGangInput = Static<typeof UpdateGangSchema>;

export const AddMembersSchema = Type.Object({ members: Type.Array(MemberInput, { minItems: 1, maxItems: 500 }) }, closed);
export const MemberArrestSchema = Type.Object({ arrestId: Uuid }, { ...closed, description: 'An arrest of this person already recorded in a case' });
export const DismantleSchema = Type.Object({ version: Version, dismantledOn: Day }, closed);

export const GangListQuerySchema = Type.Object(
  {
    kind: Type.Optional(Type.Enum(GANG_KINDS)),
    status: Type.Optional(Type.Enum(GANG_STATUSES)),
    region: Type.Optional(Region),
    year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2999, description: 'dismantled in this year' })),
    ...Paging,
  },
  closed,
);
export type GangListQuery = Static<typeof GangListQuerySchema>;

export const MemberSchema = Type.Object(
  { personRecordId: Type.String(), displayName: Type.String(), role: Type.String(), arrestedOn: nullable(Type.String()), arrestId: nullable(Type.String()) },
  closed,
);

const gangFields = {
  id: Type.String(),
  name: Type.String(),
  kind: Type.Enum(GANG_KINDS),
  status: Type.Enum(GANG_STATUSES),
  dismantledOn: nullable(Type.String()),
  region: Type.String(),
  caseId: nullable(Type.String()),
  groupRecordId: nullable(Type.String()),
  ownerAgencyId: Type.String(),
  ownerAgencyCode: Type.String(),
  tlp: Type.Enum(TLP_LEVELS),
  restrictedTo: Type.Array(Type.String()),
  memberCount: Type.Integer(),
  arrestedCount: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
};
export const GangSummarySchema = Type.Object(gangFields, closed);
export const GangSchema = Type.Object({ ...gangFields, members: Type.Array(MemberSchema) }, closed);

// ---- migration events, warrants, complaints

export const CreateMigrationEventSchema = Type.Object(
  { kind: Type.Enum(MIGRATION_EVENT_KINDS), occurredOn: Day, region: Region, persons: Type.Integer({ minimum: 1, maximum: 100_000 }), caseId: Type.Optional(Uuid) },
  closed,
);
export type CreateMigrationEventInput = Static<typeof CreateMigrationEventSchema>;
export const MigrationEventSchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.Enum(MIGRATION_EVENT_KINDS),
    occurredOn: Type.String(),
    region: Type.String(),
    persons: Type.Integer(),
    caseId: nullable(Type.String()),
    agencyId: Type.String(),
    createdAt: DateTime,
  },
  closed,
);
export const MigrationListQuerySchema = Type.Object({ kind: Type.Optional(Type.Enum(MIGRATION_EVENT_KINDS)), region: Type.Optional(Region), year: Type.Optional(Year), ...Paging }, closed);

export const CreateWarrantSchema = Type.Object(
  {
    scope: Type.Enum(WARRANT_SCOPES),
    issuedOn: Day,
    executedOn: Type.Optional(Day),
    issuingAuthority: str(300),
    caseId: Type.Optional(Uuid),
    personRecordId: Type.Optional(Uuid),
  },
  closed,
);
export type CreateWarrantInput = Static<typeof CreateWarrantSchema>;
export const ExecuteWarrantSchema = Type.Object({ executedOn: Day }, closed);
export const WarrantSchema = Type.Object(
  {
    id: Type.String(),
    scope: Type.Enum(WARRANT_SCOPES),
    issuedOn: Type.String(),
    executedOn: nullable(Type.String()),
    issuingAuthority: Type.String(),
    caseId: nullable(Type.String()),
    personRecordId: nullable(Type.String()),
    personDisplayName: nullable(Type.String({ description: 'the name of the person sought, when you may see their record (else null, and personRecordId too)' })),
    agencyId: Type.String(),
    createdAt: DateTime,
  },
  closed,
);
export const WarrantListQuerySchema = Type.Object(
  { scope: Type.Optional(Type.Enum(WARRANT_SCOPES)), executed: Type.Optional(Type.Boolean()), year: Type.Optional(Year), ...Paging },
  closed,
);

export const CreateComplaintSchema = Type.Object(
  {
    channel: Type.Enum(COMPLAINT_CHANNELS),
    category: Code,
    receivedOn: Day,
    region: Region,
    status: Type.Optional(Type.Enum(COMPLAINT_STATUSES)),
    caseId: Type.Optional(Uuid),
  },
  closed,
);
export type CreateComplaintInput = Static<typeof CreateComplaintSchema>;
export const ComplaintSchema = Type.Object(
  {
    id: Type.String(),
    channel: Type.Enum(COMPLAINT_CHANNELS),
    category: Type.String(),
    receivedOn: Type.String(),
    region: Type.String(),
    status: Type.Enum(COMPLAINT_STATUSES),
    caseId: nullable(Type.String()),
    agencyId: Type.String(),
    createdAt: DateTime,
  },
  closed,
);
export const ComplaintListQuerySchema = Type.Object(
  { channel: Type.Optional(Type.Enum(COMPLAINT_CHANNELS)), category: Type.Optional(Code), region: Type.Optional(Region), year: Type.Optional(Year), ...Paging },
  closed,
);
