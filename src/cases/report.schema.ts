import { Type } from 'typebox';

const YoY = Type.Object(
  { value: Type.Number(), previous: Type.Number(), change: Type.Union([Type.Number(), Type.Null()]) },
  { description: 'change = (value − previous) / previous (a rate: value − previous, in percentage points); null when the year before gives no base' },
);

/** GET /reports/annual: the years that have data, newest first. */
export const ReportYearsSchema = Type.Object(
  { years: Type.Array(Type.Integer()), latest: Type.Union([Type.Integer(), Type.Null()], { description: 'the newest year with data, the one the desk opens on; null when no fact is recorded' }) },
  { additionalProperties: false },
);

/** The annual report as the API returns it (see src/cases/report.ts). */
export const AnnualReportSchema = Type.Object({
  year: Type.Integer(),
  previousYear: Type.Integer(),
  generatedAt: Type.String({ format: 'date-time' }),
  hasData: Type.Boolean({ description: 'whether any fact (case, arrest, seizure, dismantled gang, migration event, warrant, complaint) is dated in the year' }),
  scope: Type.Literal('node', { description: 'every case of the node, whatever its handling code: counts, never records' }),
  cases: Type.Object({
    total: YoY,
    cleared: YoY,
    clearanceRate: YoY,
    byCategory: Type.Array(Type.Object({ category: Type.String(), total: Type.Integer(), cleared: Type.Integer(), previous: Type.Integer() })),
  }),
  arrests: Type.Object({ total: YoY, violentCrime: YoY, byCategory: Type.Array(Type.Object({ category: Type.String(), count: Type.Integer(), previous: Type.Integer() })) }),
  gangs: Type.Object({ dismantled: YoY, membersArrested: YoY }),
  seizures: Type.Array(
    Type.Object({
      substance: Type.String(),
      measure: Type.Enum(['mass', 'count', 'money']),
      quantity: Type.Number({ description: 'grams, items or minor currency units' }),
      previous: Type.Number(),
      change: Type.Union([Type.Number(), Type.Null()]),
      seizures: Type.Integer(),
    }),
  ),
  cybercrime: Type.Object({ cases: YoY }),
  warrants: Type.Object({ international: YoY, national: YoY }),
  complaints: Type.Object({ online: YoY }),
  migration: Type.Object({ networksDismantled: YoY, departuresPrevented: YoY }),
  byMonth: Type.Array(Type.Object({ month: Type.Integer(), cases: Type.Integer(), arrests: Type.Integer(), seizures: Type.Integer(), departuresPrevented: Type.Integer() })),
  byRegion: Type.Array(
    Type.Object({
      region: Type.String({ description: 'an ISO 3166-2:MA code (MA-01 … MA-12), or the text as typed when it names none of the twelve' }),
      cases: Type.Integer(),
      cleared: Type.Integer(),
      arrests: Type.Integer(),
      seizures: Type.Integer(),
      gangsDismantled: Type.Integer(),
      departuresPrevented: Type.Integer(),
    }),
  ),
});
