/** Schemas at the edge of the notices module: HTTP validation, OpenAPI, and the checks the CLI and importers share. */
import { type Static, Type } from 'typebox';
import Value from 'typebox/value';
import { assertAlpha3 } from '../core/countries.ts';
import { invalid } from '../core/errors.ts';
import { TLP_LEVELS } from '../core/handling.ts';
import { assertFullDate, assertPartialDate } from '../core/partial-date.ts';
import { DateTime } from '../core/schema.ts';
import { NameSchema } from '../records/records.schema.ts';
import { NOTICE_ACTIONS } from './lifecycle.ts';
import { NOTICE_STATES, NOTICE_TYPES, type NoticeContent, OFFENCE_CATEGORIES, PUBLIC_FIELDS, URGENCIES } from './notice.ts';

const closed = { additionalProperties: false } as const;
const str = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const alpha3 = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3' });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const AgencyId = Type.String({ format: 'uuid' });

export const NoticeTypeSchema = Type.Enum(NOTICE_TYPES);
export const NoticeStateSchema = Type.Enum(NOTICE_STATES);
export const UrgencySchema = Type.Enum(URGENCIES);
export const NoticeActionSchema = Type.Enum(NOTICE_ACTIONS);

export const SubjectSchema = Type.Object(
  {
    names: Type.Array(NameSchema, { maxItems: 50 }),
    birthDate: Type.Optional(Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' })),
    placeOfBirth: Type.Optional(str(300, 0)),
    nationalities: Type.Optional(Type.Array(alpha3, { maxItems: 10 })),
    gender: Type.Optional(Type.Enum(['male', 'female', 'unknown'] as const)),
    identifiers: Type.Optional(Type.Array(Type.Object({ type: str(60), value: str(120), country: Type.Optional(alpha3) }, closed), { maxItems: 50 })),
    description: Type.Optional(str(4000, 0)),
    photoRef: Type.Optional(str(300, 0)),
  },
  closed,
);

export const ContentSchema = Type.Object(
  {
    subject: SubjectSchema,
    offence: Type.Object(
      {
        category: Type.Optional(Type.Enum(OFFENCE_CATEGORIES)),
        description: Type.Optional(str(4000, 0)),
        lawArticle: Type.Optional(str(300, 0)),
        maximumPenaltyMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 1200 })),
        sentenceRemainingMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 1200 })),
      },
      closed,
    ),
    warrant: Type.Object(
      {
        reference: Type.Optional(str(120, 0)),
        date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
        authority: Type.Optional(str(300, 0)),
      },
      closed,
    ),
    circumstances: Type.Optional(str(8000, 0)),
    requestedAction: Type.Optional(str(2000, 0)),
  },
  closed,
);

export const NoticeHandlingSchema = Type.Object(
  { tlp: Type.Enum(TLP_LEVELS), restrictedTo: Type.Optional(Type.Array(AgencyId, { maxItems: 50 })) },
  closed,
);
export const PublicExtractSchema = Type.Object({ fields: Type.Array(Type.Enum(PUBLIC_FIELDS), { maxItems: PUBLIC_FIELDS.length, uniqueItems: true }) }, closed);
const Recipients = Type.Array(AgencyId, { maxItems: 200, description: 'Diffusion recipients (agency ids)' });

const draftFields = {
  urgency: UrgencySchema,
  content: ContentSchema,
  handling: Type.Optional(NoticeHandlingSchema),
  recipients: Type.Optional(Recipients),
  publicExtract: Type.Optional(PublicExtractSchema),
};
export const CreateNoticeSchema = Type.Object({ type: NoticeTypeSchema, ...draftFields }, closed);
export type CreateNoticeInput = Static<typeof CreateNoticeSchema>;
export const CreateDiffusionSchema = Type.Object(draftFields, closed);

export const UpdateNoticeSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version you read: a stale version is refused (409)' }),
    urgency: Type.Optional(UrgencySchema),
    content: Type.Optional(ContentSchema),
    handling: Type.Optional(NoticeHandlingSchema),
    recipients: Type.Optional(Recipients),
    publicExtract: Type.Optional(nullable(PublicExtractSchema)),
  },
  closed,
);
export type UpdateNoticeInput = Static<typeof UpdateNoticeSchema>;

export const CheckRequestSchema = Type.Object({ type: NoticeTypeSchema, content: ContentSchema, recipients: Type.Optional(Recipients) }, closed);
export type CheckRequest = Static<typeof CheckRequestSchema>;

export const ActionBodySchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    reason: Type.Optional(str(2000, 0)),
    publicExtract: Type.Optional(nullable(PublicExtractSchema)),
  },
  closed,
);
export type ActionBody = Static<typeof ActionBodySchema>;
/** Actions a person asks for over HTTP; the system's own moves (hits, expiry) are not among them. */
export const USER_ACTIONS = ['submit', 'withdraw', 'start_review', 'publish', 'refuse', 'return', 'locate', 'cancel', 'renew'] as const;

export const ListQuerySchema = Type.Object(
  {
    type: Type.Optional(NoticeTypeSchema),
    state: Type.Optional(NoticeStateSchema),
    mine: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 300 })),
  },
  closed,
);

export const CheckResultSchema = Type.Object({
  code: Type.String(),
  severity: Type.Enum(['error', 'warning', 'info'] as const),
  field: Type.Optional(Type.String()),
  params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
});

const summaryFields = {
  id: Type.String(),
  reference: Type.String(),
  type: NoticeTypeSchema,
  state: NoticeStateSchema,
  urgency: UrgencySchema,
  subjectName: Type.String(),
  ownerAgencyId: Type.String(),
  ownerAgencyCode: Type.String(),
  tlp: Type.Enum(TLP_LEVELS),
  submittedAt: nullable(DateTime),
  publishedAt: nullable(DateTime),
  reviewDate: nullable(Type.String()),
  updatedAt: DateTime,
  openHits: Type.Integer(),
  /** The node that owns the notice when it was received from another node (read-only here). */
  originNode: Type.Optional(nullable(Type.String())),
};
export const NoticeSummarySchema = Type.Object(summaryFields, closed);

export const NoticeViewSchema = Type.Object(
  {
    ...summaryFields,
    content: ContentSchema,
    checks: Type.Array(CheckResultSchema),
    restrictedTo: Type.Array(Type.Object({ id: Type.String(), code: Type.String() })),
    publicExtract: nullable(PublicExtractSchema),
    stateReason: nullable(Type.String()),
    allowedActions: Type.Array(NoticeActionSchema),
    version: Type.Integer(),
    subjectRecordId: nullable(Type.String()),
    renewalRequestedAt: nullable(DateTime),
    source: nullable(Type.String()),
    externalId: nullable(Type.String()),
  },
  closed,
);

export const QueueItemSchema = Type.Object({ ...summaryFields, ageHours: Type.Number(), errors: Type.Integer(), warnings: Type.Integer() }, closed);

export const TimelineEventSchema = Type.Object(
  {
    at: DateTime,
    kind: Type.Enum(['state', 'hit', 'message'] as const),
    action: Type.String(),
    fromState: Type.Optional(nullable(Type.String())),
    toState: Type.Optional(nullable(Type.String())),
    reason: Type.Optional(nullable(Type.String())),
    agencyCode: Type.Optional(nullable(Type.String())),
    details: Type.Record(Type.String(), Type.Unknown()),
  },
  closed,
);

export const SubjectScreeningSchema = Type.Object(
  {
    candidates: Type.Array(
      Type.Object({
        id: Type.String(),
        displayName: Type.String(),
        matchedName: Type.String(),
        score: Type.Number(),
        alert: Type.Boolean(),
        ownerAgencyCode: Type.String(),
        /** The record's dates of birth and nationalities, to tell namesakes apart (as recorded: partial dates, ranges, alpha-3). */
        birthDates: Type.Optional(Type.Array(Type.String())),
        nationalities: Type.Optional(Type.Array(Type.String())),
      }),
    ),
    notices: Type.Array(
      Type.Object({ noticeId: Type.String(), reference: Type.String(), type: NoticeTypeSchema, state: NoticeStateSchema, score: Type.Number(), ownerAgencyId: Type.String() }),
    ),
  },
  closed,
);

export const PublicListQuerySchema = Type.Object(
  {
    type: Type.Optional(Type.Enum(['red', 'yellow'] as const)),
    nationality: Type.Optional(alpha3),
    sex: Type.Optional(Type.Enum(['male', 'female'] as const)),
    ageMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })),
    ageMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 300 })),
  },
  closed,
);
export const PublicSummarySchema = Type.Object(
  {
    id: Type.String(),
    type: Type.Enum(['red', 'yellow'] as const),
    name: Type.Optional(Type.String()),
    age: Type.Optional(Type.Integer()),
    nationalities: Type.Optional(Type.Array(Type.String())),
    sex: Type.Optional(Type.String()),
  },
  closed,
);
export const PublicNoticeSchema = Type.Object(
  {
    id: Type.String(),
    type: Type.Enum(['red', 'yellow'] as const),
    names: Type.Optional(Type.Array(Type.String())),
    birthDate: Type.Optional(Type.String()),
    nationalities: Type.Optional(Type.Array(Type.String())),
    gender: Type.Optional(Type.String()),
    placeOfBirth: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    charges: Type.Optional(Type.String()),
  },
  closed,
);

/**
 * Schema check for callers that bypass HTTP (CLI, importers), then the rules a schema cannot
 * express; returns the content with names trimmed and blank names dropped.
 */
export function checkContent(content: unknown): NoticeContent {
  if (!Value.Check(ContentSchema, content)) {
    const issues = [...Value.Errors(ContentSchema, content)].slice(0, 10).map((e) => ({ path: e.instancePath, message: e.message }));
    throw invalid('validation_failed', 'The notice content is not valid', { issues });
  }
  const c = structuredClone(content) as NoticeContent;
  if (c.subject.birthDate) assertPartialDate(c.subject.birthDate, 'subject.birthDate');
  c.subject.nationalities?.forEach((n) => assertAlpha3(n, 'subject.nationalities'));
  c.subject.identifiers?.forEach((i) => i.country && assertAlpha3(i.country, 'subject.identifiers.country'));
  if (c.warrant.date) assertFullDate(c.warrant.date, 'warrant.date');
  c.subject.names = c.subject.names.map((n) => ({ ...n, value: n.value.trim().replace(/\s+/g, ' ') })).filter((n) => n.value);
  return c;
}
