import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { TlpLevel } from '../core/handling.ts';
import type { CaseStatus, PartyKind } from './case.ts';
import { CatalogueRepo } from './catalogue.repo.ts';
import { FactsRepo } from './facts.repo.ts';
import { GangsRepo } from './gangs.repo.ts';
import { json, RECORD_GUARD, type RecordGuard, type Viewer, visibleSql } from './handling.repo.ts';

export type { CatalogueRow, SubstanceRow } from './catalogue.repo.ts';
export type { ArrestRow, ComplaintRow, MigrationEventRow, SeizureRow, WarrantRow } from './facts.repo.ts';
export type { GangFilter, GangRow, MemberRow, StoredGang } from './gangs.repo.ts';
export { type RecordGuard, type Viewer, visibleSql } from './handling.repo.ts';

export interface CaseRow {
  id: string;
  reference: string;
  category: string;
  title: string;
  summary: string | null;
  region: string;
  city: string | null;
  openedOn: string;
  closedOn: string | null;
  status: CaseStatus;
  ownerAgencyId: string;
  tlp: TlpLevel;
  restrictedTo: string[];
  source: string | null;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
  version: number;
}
export interface StoredCase extends CaseRow {
  ownerAgencyCode: string;
}

export interface CaseFilter {
  category?: string;
  status?: string;
  region?: string;
  from?: string;
  to?: string;
  ownerAgencyId?: string;
  beforeId?: string;
}

export interface PartyRow extends RecordGuard {
  id: string;
  caseId: string;
  kind: PartyKind;
  recordId: string | null;
  value: string | null;
  role: string;
  createdAt: Date;
}

/**
 * The cases module's SQL. Cases and their parties are here; the catalogues (catalogue.repo.ts),
 * the facts (facts.repo.ts) and gangs (gangs.repo.ts) are repos of their own whose methods
 * CasesRepo carries as well (below), so that every service of the module keeps its one repo.
 */
export interface CasesRepo extends CatalogueRepo, FactsRepo, GangsRepo {}

export class CasesRepo {
  // ---- cases

  async nextCaseNumber(trx: Db): Promise<number> {
    const r = await sql<{ n: number }>`select nextval('case_reference_seq') as n`.execute(trx);
    return Number(r.rows[0].n);
  }

  async insertCase(trx: Db, row: CaseRow): Promise<void> {
    await trx.insertInto('cases').values({ ...row, restrictedTo: json(row.restrictedTo) }).execute();
  }

  async caseById(db: Db, id: string): Promise<StoredCase | undefined> {
    return (await db
      .selectFrom('cases')
      .innerJoin('agencies', 'agencies.id', 'cases.ownerAgencyId')
      .selectAll('cases')
      .select('agencies.code as ownerAgencyCode')
      .where('cases.id', '=', id)
      .executeTakeFirst()) as StoredCase | undefined;
  }

  /** Optimistic concurrency: false when the stored version is not `expectedVersion`. */
  async updateCase(trx: Db, id: string, expectedVersion: number, set: Partial<CaseRow>): Promise<boolean> {
    const { restrictedTo, ...rest } = set;
    const r = await trx
      .updateTable('cases')
      .set({ ...rest, ...(restrictedTo ? { restrictedTo: json(restrictedTo) } : {}), version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async touchCase(trx: Db, id: string, at: Date, by: string): Promise<void> {
    await trx
      .updateTable('cases')
      .set((eb) => ({ updatedAt: at, updatedBy: by, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  async listCases(db: Db, v: Viewer, f: CaseFilter, limit: number): Promise<StoredCase[]> {
    let q = db
      .selectFrom('cases')
      .innerJoin('agencies', 'agencies.id', 'cases.ownerAgencyId')
      .selectAll('cases')
      .select('agencies.code as ownerAgencyCode')
      .where(visibleSql('cases', v));
    if (f.category) q = q.where('cases.category', '=', f.category);
    if (f.status) q = q.where('cases.status', '=', f.status);
    if (f.region) q = q.where('cases.region', '=', f.region);
    if (f.ownerAgencyId) q = q.where('cases.ownerAgencyId', '=', f.ownerAgencyId);
    if (f.from) q = q.where('cases.openedOn', '>=', f.from);
    if (f.to) q = q.where('cases.openedOn', '<=', f.to);
    if (f.beforeId) q = q.where('cases.id', '<', f.beforeId);
    return (await q.orderBy('cases.id', 'desc').limit(limit).execute()) as StoredCase[];
  }

  // ---- parties

  async parties(db: Db, caseId: string): Promise<PartyRow[]> {
    return (await db
      .selectFrom('caseParties')
      .leftJoin('records', 'records.id', 'caseParties.recordId')
      .selectAll('caseParties')
      .select(RECORD_GUARD)
      .where('caseParties.caseId', '=', caseId)
      .orderBy('caseParties.id')
      .limit(1000)
      .execute()) as PartyRow[];
  }

  async insertParty(trx: Db, row: Omit<PartyRow, keyof RecordGuard>): Promise<void> {
    await trx.insertInto('caseParties').values(row).execute();
  }

  async partyExists(db: Db, caseId: string, kind: string, recordId: string | null, value: string | null, role: string): Promise<boolean> {
    let q = db.selectFrom('caseParties').select('id').where('caseId', '=', caseId).where('kind', '=', kind).where('role', '=', role);
    q = recordId ? q.where('recordId', '=', recordId) : q.where('value', '=', value!);
    return (await q.executeTakeFirst()) !== undefined;
  }

  async deleteParty(trx: Db, caseId: string, id: string): Promise<PartyRow | undefined> {
    return (await trx.deleteFrom('caseParties').where('caseId', '=', caseId).where('id', '=', id).returningAll().executeTakeFirst()) as PartyRow | undefined;
  }

  /** Record kinds and guards by id, for checking gang members and arrested persons. */
  async recordGuards(db: Db, ids: string[]): Promise<Map<string, RecordGuard>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('records').select(['records.id', ...RECORD_GUARD]).where('records.id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r as unknown as RecordGuard]));
  }
}

for (const part of [CatalogueRepo, FactsRepo, GangsRepo]) {
  for (const name of Object.getOwnPropertyNames(part.prototype)) {
    if (name !== 'constructor') Object.defineProperty(CasesRepo.prototype, name, Object.getOwnPropertyDescriptor(part.prototype, name)!);
  }
}
