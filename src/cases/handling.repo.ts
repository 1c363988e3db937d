import { type RawBuilder, sql } from 'kysely';
import type { TlpLevel } from '../core/handling.ts';

/** Who is looking: the SQL twin of `visibleToAgency` (core/handling.ts); a test keeps them equal. */
export interface Viewer {
  agencyId: string;
  /** Data-protection officer: every case whatever its handling. */
  seesAll: boolean;
}

/** What a record attached to a case exposes, so the service can apply the records policy. */
export interface RecordGuard {
  recordKind: string | null;
  recordDisplayName: string | null;
  recordOwnerAgencyId: string | null;
  recordTlp: TlpLevel | null;
  recordRestrictedTo: string[] | null;
  recordReviewDate: string | null;
}

/** Handling of `cases` or `gangs` rows as SQL, the same rule as `visibleToAgency`. */
export function visibleSql(table: 'cases' | 'gangs', v: Viewer): RawBuilder<boolean> {
  if (v.seesAll) return sql<boolean>`true`;
  const me = JSON.stringify([v.agencyId]);
  const owner = sql.ref(`${table}.ownerAgencyId`);
  const tlp = sql.ref(`${table}.tlp`);
  const to = sql.ref(`${table}.restrictedTo`);
  return sql<boolean>`(${owner} = ${v.agencyId}
    or (${tlp} in ('CLEAR', 'GREEN', 'AMBER') and (${to} = '[]'::jsonb or ${to} @> ${me}::jsonb))
    or (${tlp} in ('AMBER+STRICT', 'RED') and ${to} @> ${me}::jsonb))`;
}

/** A fact with an optional case: visible when it has no case or its case is visible. */
export const factVisible = (v: Viewer) => sql<boolean>`(cases.id is null or ${visibleSql('cases', v)})`;

export const RECORD_GUARD = [
  'records.kind as recordKind',
  'records.displayName as recordDisplayName',
  'records.ownerAgencyId as recordOwnerAgencyId',
  'records.tlp as recordTlp',
  'records.restrictedTo as recordRestrictedTo',
  'records.reviewDate as recordReviewDate',
] as const;

export const json = (v: unknown) => JSON.stringify(v);
