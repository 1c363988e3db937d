import { Type } from 'typebox';
import { TLP_LEVELS } from '../core/handling.ts';
import { NOTICE_TYPES } from '../notices/notice.ts';

/** Request and response schemas of the screening API (also its OpenAPI description). */
const closed = { additionalProperties: false } as const;
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const PersonQuerySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    birthDate: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY, YYYY-MM or YYYY-MM-DD' })),
    nationality: Type.Optional(Type.String({ minLength: 2, maxLength: 60, description: 'alpha-2, alpha-3 or English name' })),
    gender: Type.Optional(Type.Enum(['male', 'female'])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  closed,
);

const Factor = Type.Object({
  query: Nullable(Type.String()),
  record: Type.Array(Type.String()),
  effect: Type.Enum(['agrees', 'partly_agrees', 'conflicts', 'unknown']),
  delta: Type.Number(),
});

export const PersonCandidateSchema = Type.Object({
  id: Type.String(),
  score: Type.Number(),
  alert: Type.Boolean(),
  matchedName: Type.String(),
  displayName: Type.String(),
  ownerAgencyCode: Type.String(),
  tlp: Type.Enum(TLP_LEVELS),
  explanation: Type.Object({
    matchedName: Type.Object({ value: Type.String(), type: Type.String(), script: Type.String() }),
    nameScore: Type.Number(),
    commonNamePenalty: Type.Number(),
    tokens: Type.Array(
      Type.Object({
        query: Type.String(),
        matched: Nullable(Type.String()),
        how: Type.Enum(['exact', 'variant', 'phonetic', 'typo', 'joined', 'particle', 'missing']),
        score: Type.Number(),
        weight: Type.Number(),
      }),
    ),
    unmatchedRecordTokens: Type.Array(Type.String()),
    birthDate: Factor,
    nationality: Factor,
    gender: Factor,
  }),
});

export const DocumentQuerySchema = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 80 }),
    issuingCountry: Type.Optional(Type.String({ minLength: 2, maxLength: 60 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  closed,
);

export const DocumentCandidateSchema = Type.Object({
  id: Type.String(),
  score: Type.Number(),
  alert: Type.Boolean(),
  number: Type.String(),
  how: Type.Enum(['exact', 'ocr', 'prefix']),
  issuingCountry: Nullable(Type.String()),
  status: Type.String(),
  type: Type.String(),
  displayName: Type.String(),
  ownerAgencyCode: Type.String(),
  tlp: Type.Enum(TLP_LEVELS),
  holder: Type.Union([Type.Object({ id: Type.String(), displayName: Type.String() }), Type.Null()]),
});

export const VehicleQuerySchema = Type.Object(
  {
    plate: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
    country: Type.Optional(Type.String({ minLength: 2, maxLength: 60 })),
    vin: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  closed,
);

export const VehicleCandidateSchema = Type.Object({
  id: Type.String(),
  score: Type.Number(),
  alert: Type.Boolean(),
  plate: Type.String(),
  plateCountry: Type.String(),
  vin: Nullable(Type.String()),
  how: Type.Enum(['plate_exact', 'plate_confusable', 'vin_exact', 'vin_ocr']),
  status: Type.String(),
  displayName: Type.String(),
  ownerAgencyCode: Type.String(),
  tlp: Type.Enum(TLP_LEVELS),
  holder: Type.Union([Type.Object({ id: Type.String(), displayName: Type.String() }), Type.Null()]),
});

export const MrzQuerySchema = Type.Object({ mrz: Type.String({ minLength: 1, maxLength: 400 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) }, closed);

export const MrzParsedSchema = Type.Object({
  format: Type.String(),
  valid: Type.Boolean(),
  specimen: Type.Boolean(),
  problems: Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() })),
  holder: Type.Object({
    surname: Type.String(),
    givenNames: Type.String(),
    name: Type.String(),
    birthDate: Nullable(Type.String()),
    nationality: Nullable(Type.String()),
    sex: Type.Union([Type.Enum(['male', 'female']), Type.Null()]),
  }),
  document: Type.Object({ number: Nullable(Type.String()), issuingCountry: Nullable(Type.String()), expiryDate: Nullable(Type.String()), type: Nullable(Type.String()) }),
});

/**
 * A manifest row. Only the name decides whether a row is screened: a date, a country or a
 * gender that is not understood is kept as given, marked in the answer and not screened on.
 */
export const BatchRowSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 100 }),
    name: Type.String({ maxLength: 300 }),
    birthDate: Type.Optional(Type.String({ maxLength: 40, description: 'YYYY, YYYY-MM or YYYY-MM-DD (also 1984-2-1, 1 Feb 1984)' })),
    nationality: Type.Optional(Type.String({ maxLength: 100, description: 'alpha-2, alpha-3, an ISO 3166-3 former code, or a name in English, French, Spanish or Arabic' })),
    gender: Type.Optional(Type.String({ maxLength: 40, description: 'male or female (M, F …); another value is kept and not screened on' })),
  },
  closed,
);

export const BatchQuerySchema = Type.Object(
  { rows: Type.Array(BatchRowSchema, { maxItems: 10_000 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })) },
  closed,
);

/** A field of a row kept as given because it was not understood: it counts neither for nor against a match. */
export const NotUnderstoodSchema = Type.Object({ field: Type.String(), value: Type.String(), reason: Type.String() });

export const BatchProblemSchema = Type.Object({
  rowId: Type.String(),
  code: Type.String(),
  message: Type.String(),
  /** The row was screened all the same (on what was understood). */
  warning: Type.Optional(Type.Boolean()),
});

/** A candidate is the subject of a live notice: the hit this screening opened (or the one already open). */
export const NoticeHitSchema = Type.Object({
  hitId: Type.String(),
  noticeId: Type.String(),
  noticeReference: Type.String(),
  noticeType: Type.Enum(NOTICE_TYPES),
  recordId: Type.String(),
  urgency: Type.Enum(['urgent', 'normal']),
  isNew: Type.Boolean(),
  /** Batch screening: the manifest row. */
  rowId: Type.Optional(Type.String()),
});

export const Timing = { tookMs: Type.Number(), threshold: Type.Number(), hits: Type.Array(NoticeHitSchema) };

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; anyOf?: JsonSchema[] };
const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' && Number.isInteger(v) ? 'integer' : typeof v);
const fits = (s: JsonSchema, t: string) => s.type === undefined || s.type === t || (t === 'integer' && s.type === 'number') || (Array.isArray(s.type) && s.type.includes(t));

/**
 * A copy of a value with exactly what a response schema declares, as Fastify's serializer
 * would write it: for answers serialised outside Fastify (the screening worker writes person
 * candidates as JSON itself), so that nothing the schema does not name is sent. A required
 * property that is missing, or a value of none of a union's types, throws (as the serializer).
 */
export function projector(schema: unknown): (value: unknown) => unknown {
  const s = schema as JsonSchema;
  if (s.anyOf) {
    const options = s.anyOf.map((o) => ({ o, project: projector(o) }));
    return (v) => {
      const t = jsonType(v);
      const hit = options.find(({ o }) => fits(o, t));
      if (!hit) throw new TypeError(`a value of type ${t} fits none of the schema's types`);
      return hit.project(v);
    };
  }
  if (s.type === 'object' && s.properties) {
    const props = Object.entries(s.properties).map(([key, p]) => ({ key, project: projector(p), required: s.required?.includes(key) ?? false }));
    return (v) => {
      const out: Record<string, unknown> = {};
      for (const { key, project, required } of props) {
        const x = (v as Record<string, unknown>)[key];
        if (x === undefined) {
          if (required) throw new TypeError(`"${key}" is required`);
          continue;
        }
        out[key] = project(x);
      }
      return out;
    };
  }
  if (s.type === 'array' && s.items) {
    const project = projector(s.items);
    return (v) => (v as unknown[]).map(project);
  }
  return (v) => v;
}
