import { type RawBuilder, type Selectable, sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { ArrestsTable, SeizuresTable } from '../db/schema.ts';
import type { TlpLevel } from '../core/handling.ts';
import type { CaseStatus, ComplaintChannel, ComplaintStatus, GangKind, GangStatus, MigrationEventKind, PartyKind, WarrantScope } from './case.ts';
import type { Measure } from './catalogue.ts';

/** Who is looking: the SQL twin of `visibleToAgency` (core/handling.ts); a test keeps them equal. */
export interface Viewer {
  agencyId: string;
  /** Data-protection officer: every case whatever its handling. */
  seesAll: boolean;
}

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

/** What a record attached to a case exposes, so the service can apply the records policy. */
export interface RecordGuard {
  recordKind: string | null;
  recordDisplayName: string | null;
  recordOwnerAgencyId: string | null;
  recordTlp: TlpLevel | null;
  recordRestrictedTo: string[] | null;
  recordReviewDate: string | null;
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

/** Rows as Kysely selects them from the tables declared in src/db/schema.ts. */
export type ArrestRow = Selectable<ArrestsTable>;
export type SeizureRow = Selectable<SeizuresTable>;

export interface GangRow {
  id: string;
  name: string;
  groupRecordId: string | null;
  caseId: string | null;
  kind: GangKind;
  status: GangStatus;
  dismantledOn: string | null;
  region: string;
  ownerAgencyId: string;
  tlp: TlpLevel;
  restrictedTo: string[];
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  version: number;
}
export interface StoredGang extends GangRow {
  ownerAgencyCode: string;
  memberCount: number;
  arrestedCount: number;
}

export interface GangFilter {
  kind?: string;
  status?: string;
  region?: string;
  /** dismantled in this date range */
  from?: string;
  to?: string;
  beforeId?: string;
}

export interface MemberRow extends RecordGuard {
  gangId: string;
  personRecordId: string;
  role: string;
  arrestedOn: string | null;
  arrestId: string | null;
}

export interface MigrationEventRow {
  id: string;
  kind: MigrationEventKind;
  occurredOn: string;
  region: string;
  persons: number;
  caseId: string | null;
  agencyId: string;
  createdAt: Date;
  createdBy: string;
}

export interface WarrantRow {
  id: string;
  caseId: string | null;
  personRecordId: string | null;
  scope: WarrantScope;
  issuedOn: string;
  executedOn: string | null;
  issuingAuthority: string;
  agencyId: string;
  createdAt: Date;
  createdBy: string;
}

export interface ComplaintRow {
  id: string;
  channel: ComplaintChannel;
  category: string;
  receivedOn: string;
  region: string;
  status: ComplaintStatus;
  caseId: string | null;
  agencyId: string;
  createdAt: Date;
}

export interface CatalogueRow {
  code: string;
  labels: Record<string, string>;
  builtin: boolean;
  createdAt: Date;
}
export interface SubstanceRow extends CatalogueRow {
  measure: Measure;
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
const factVisible = (v: Viewer) => sql<boolean>`(cases.id is null or ${visibleSql('cases', v)})`;

const RECORD_GUARD = [
  'records.kind as recordKind',
  'records.displayName as recordDisplayName',
  'records.ownerAgencyId as recordOwnerAgencyId',
  'records.tlp as recordTlp',
  'records.restrictedTo as recordRestrictedTo',
  'records.reviewDate as recordReviewDate',
] as const;

const json = (v: unknown) => JSON.stringify(v);

export class CasesRepo {
  // ---- catalogue

  async categories(db: Db): Promise<CatalogueRow[]> {
    return (await db.selectFrom('caseCategories').selectAll().orderBy('builtin', 'desc').orderBy('code').execute()) as CatalogueRow[];
  }

  async categoryExists(db: Db, code: string): Promise<boolean> {
    return (await db.selectFrom('caseCategories').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
  }

  /** false when the code is taken. */
  async insertCategory(trx: Db, row: CatalogueRow): Promise<boolean> {
    const r = await trx
      .insertInto('caseCategories')
      .values({ ...row, labels: json(row.labels) })
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async substances(db: Db): Promise<SubstanceRow[]> {
    return (await db.selectFrom('substances').selectAll().orderBy('builtin', 'desc').orderBy('code').execute()) as SubstanceRow[];
  }

  async substance(db: Db, code: string): Promise<SubstanceRow | undefined> {
    return (await db.selectFrom('substances').selectAll().where('code', '=', code).executeTakeFirst()) as SubstanceRow | undefined;
  }

  async insertSubstance(trx: Db, row: SubstanceRow): Promise<boolean> {
    const r = await trx
      .insertInto('substances')
      .values({ ...row, labels: json(row.labels) })
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** The node's country: the hub agency's (MAR on the Rabat node). */
  async nodeCountry(db: Db): Promise<string | undefined> {
    const r = await db.selectFrom('agencies').select('country').where('isHub', '=', true).orderBy('createdAt').executeTakeFirst();
    return r?.country;
  }

  async agencyExists(db: Db, id: string): Promise<boolean> {
    return (await db.selectFrom('agencies').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

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

  // ---- arrests and seizures

  async insertArrest(trx: Db, row: ArrestRow): Promise<void> {
    await trx.insertInto('arrests').values(row).execute();
  }

  async arrest(db: Db, id: string): Promise<ArrestRow | undefined> {
    return db.selectFrom('arrests').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async arrestsOf(db: Db, caseId: string, beforeId: string | undefined, limit: number): Promise<ArrestRow[]> {
    let q = db.selectFrom('arrests').selectAll().where('caseId', '=', caseId);
    if (beforeId) q = q.where('id', '<', beforeId);
    return q.orderBy('id', 'desc').limit(limit).execute();
  }

  async deleteArrest(trx: Db, caseId: string, id: string): Promise<boolean> {
    const r = await trx.deleteFrom('arrests').where('caseId', '=', caseId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async insertSeizure(trx: Db, row: SeizureRow): Promise<void> {
    await trx.insertInto('seizures').values(row).execute();
  }

  async seizuresOf(db: Db, caseId: string, beforeId: string | undefined, limit: number): Promise<SeizureRow[]> {
    let q = db.selectFrom('seizures').selectAll().where('caseId', '=', caseId);
    if (beforeId) q = q.where('id', '<', beforeId);
    return q.orderBy('id', 'desc').limit(limit).execute();
  }

  async deleteSeizure(trx: Db, caseId: string, id: string): Promise<boolean> {
    const r = await trx.deleteFrom('seizures').where('caseId', '=', caseId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  // ---- gangs

  async insertGang(trx: Db, row: GangRow): Promise<void> {
    await trx.insertInto('gangs').values({ ...row, restrictedTo: json(row.restrictedTo) }).execute();
  }

  private gangs(db: Db) {
    return db
      .selectFrom('gangs')
      .innerJoin('agencies', 'agencies.id', 'gangs.ownerAgencyId')
      .selectAll('gangs')
      .select('agencies.code as ownerAgencyCode')
      .select((eb) => [
        eb.selectFrom('gangMembers').whereRef('gangMembers.gangId', '=', 'gangs.id').select(eb.fn.countAll<number>().as('n')).as('memberCount'),
        eb
          .selectFrom('gangMembers')
          .whereRef('gangMembers.gangId', '=', 'gangs.id')
          .where('gangMembers.arrestedOn', 'is not', null)
          .select(eb.fn.countAll<number>().as('n'))
          .as('arrestedCount'),
      ]);
  }

  async gangById(db: Db, id: string): Promise<StoredGang | undefined> {
    const r = await this.gangs(db).where('gangs.id', '=', id).executeTakeFirst();
    return r ? toGang(r) : undefined;
  }

  async updateGang(trx: Db, id: string, expectedVersion: number, set: Partial<GangRow>): Promise<boolean> {
    const { restrictedTo, ...rest } = set;
    const r = await trx
      .updateTable('gangs')
      .set({ ...rest, ...(restrictedTo ? { restrictedTo: json(restrictedTo) } : {}), version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async listGangs(db: Db, v: Viewer, f: GangFilter, limit: number): Promise<StoredGang[]> {
    let q = this.gangs(db).where(visibleSql('gangs', v));
    if (f.kind) q = q.where('gangs.kind', '=', f.kind);
    if (f.status) q = q.where('gangs.status', '=', f.status);
    if (f.region) q = q.where('gangs.region', '=', f.region);
    if (f.from) q = q.where('gangs.dismantledOn', '>=', f.from);
    if (f.to) q = q.where('gangs.dismantledOn', '<=', f.to);
    if (f.beforeId) q = q.where('gangs.id', '<', f.beforeId);
    return (await q.orderBy('gangs.id', 'desc').limit(limit).execute()).map(toGang);
  }

  async members(db: Db, gangId: string): Promise<MemberRow[]> {
    return (await db
      .selectFrom('gangMembers')
      .innerJoin('records', 'records.id', 'gangMembers.personRecordId')
      .selectAll('gangMembers')
      .select(RECORD_GUARD)
      .where('gangMembers.gangId', '=', gangId)
      .orderBy('gangMembers.personRecordId')
      .limit(5000)
      .execute()) as MemberRow[];
  }

  async member(db: Db, gangId: string, personRecordId: string) {
    return db.selectFrom('gangMembers').selectAll().where('gangId', '=', gangId).where('personRecordId', '=', personRecordId).executeTakeFirst();
  }

  /** Adds members or changes the role of those already in. */
  async upsertMembers(trx: Db, rows: Array<{ gangId: string; personRecordId: string; role: string }>): Promise<void> {
    if (rows.length === 0) return;
    await trx
      .insertInto('gangMembers')
      .values(rows.map((r) => ({ ...r, arrestedOn: null, arrestId: null })))
      .onConflict((oc) => oc.columns(['gangId', 'personRecordId']).doUpdateSet((eb) => ({ role: eb.ref('excluded.role') })))
      .execute();
  }

  async deleteMember(trx: Db, gangId: string, personRecordId: string): Promise<boolean> {
    const r = await trx.deleteFrom('gangMembers').where('gangId', '=', gangId).where('personRecordId', '=', personRecordId).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async markMemberArrested(trx: Db, gangId: string, personRecordId: string, arrestedOn: string, arrestId: string | null): Promise<void> {
    await trx.updateTable('gangMembers').set({ arrestedOn, arrestId }).where('gangId', '=', gangId).where('personRecordId', '=', personRecordId).execute();
  }

  /**
   * An arrest of a person reaches every gang made from the arrest's case where the person is a
   * member not yet marked arrested: they are marked arrested with the arrest's id and date.
   * Returns the gangs changed.
   */
  async markArrestInCaseGangs(trx: Db, caseId: string, personRecordId: string, arrestedOn: string, arrestId: string): Promise<string[]> {
    const rows = await trx
      .updateTable('gangMembers')
      .set({ arrestedOn, arrestId })
      .where('personRecordId', '=', personRecordId)
      .where('arrestedOn', 'is', null)
      .where('gangId', 'in', trx.selectFrom('gangs').select('gangs.id').where('gangs.caseId', '=', caseId))
      .returning('gangId')
      .execute();
    return rows.map((r) => r.gangId);
  }

  /**
   * The members of a gang made from `caseId` already arrested in that case (a gang recorded, or
   * a member added, after the arrest) are marked arrested with their first arrest there.
   * Returns the members marked, with the arrest.
   */
  async markMembersFromCaseArrests(trx: Db, gangId: string, caseId: string): Promise<Array<{ personRecordId: string; arrestId: string }>> {
    const r = await sql<{ personRecordId: string; arrestId: string }>`
      update gang_members gm set arrested_on = a.arrested_on, arrest_id = a.id
      from (
        select distinct on (person_record_id) id, person_record_id, arrested_on
        from arrests where case_id = ${caseId} and person_record_id is not null
        order by person_record_id, arrested_on, id
      ) a
      where gm.gang_id = ${gangId} and gm.person_record_id = a.person_record_id and gm.arrested_on is null
      returning gm.person_record_id as "personRecordId", a.id as "arrestId"`.execute(trx);
    return r.rows;
  }

  /** An arrest removed no longer marks anyone arrested; returns the members it marked. */
  async clearArrestFromGangs(trx: Db, arrestId: string): Promise<Array<{ gangId: string; personRecordId: string }>> {
    return trx.updateTable('gangMembers').set({ arrestedOn: null, arrestId: null }).where('arrestId', '=', arrestId).returning(['gangId', 'personRecordId']).execute();
  }

  async touchGang(trx: Db, id: string, at: Date): Promise<void> {
    await trx
      .updateTable('gangs')
      .set((eb) => ({ updatedAt: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  // ---- counted facts: migration events, warrants, complaints

  async insertMigrationEvent(trx: Db, row: MigrationEventRow): Promise<void> {
    await trx.insertInto('migrationEvents').values(row).execute();
  }

  async listMigrationEvents(db: Db, v: Viewer, f: { kind?: string; region?: string; from?: string; to?: string; beforeId?: string }, limit: number) {
    let q = db.selectFrom('migrationEvents').leftJoin('cases', 'cases.id', 'migrationEvents.caseId').selectAll('migrationEvents').where(factVisible(v));
    if (f.kind) q = q.where('migrationEvents.kind', '=', f.kind);
    if (f.region) q = q.where('migrationEvents.region', '=', f.region);
    if (f.from) q = q.where('migrationEvents.occurredOn', '>=', f.from);
    if (f.to) q = q.where('migrationEvents.occurredOn', '<=', f.to);
    if (f.beforeId) q = q.where('migrationEvents.id', '<', f.beforeId);
    return (await q.orderBy('migrationEvents.id', 'desc').limit(limit).execute()) as MigrationEventRow[];
  }

  async insertWarrant(trx: Db, row: WarrantRow): Promise<void> {
    await trx.insertInto('warrants').values(row).execute();
  }

  async warrant(db: Db, id: string): Promise<WarrantRow | undefined> {
    return (await db.selectFrom('warrants').selectAll().where('id', '=', id).executeTakeFirst()) as WarrantRow | undefined;
  }

  async executeWarrant(trx: Db, id: string, executedOn: string): Promise<boolean> {
    const r = await trx.updateTable('warrants').set({ executedOn }).where('id', '=', id).where('executedOn', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async listWarrants(db: Db, v: Viewer, f: { scope?: string; executed?: boolean; from?: string; to?: string; beforeId?: string }, limit: number) {
    let q = db.selectFrom('warrants').leftJoin('cases', 'cases.id', 'warrants.caseId').selectAll('warrants').where(factVisible(v));
    if (f.scope) q = q.where('warrants.scope', '=', f.scope);
    if (f.executed !== undefined) q = q.where('warrants.executedOn', f.executed ? 'is not' : 'is', null);
    if (f.from) q = q.where('warrants.issuedOn', '>=', f.from);
    if (f.to) q = q.where('warrants.issuedOn', '<=', f.to);
    if (f.beforeId) q = q.where('warrants.id', '<', f.beforeId);
    return (await q.orderBy('warrants.id', 'desc').limit(limit).execute()) as WarrantRow[];
  }

  async insertComplaint(trx: Db, row: ComplaintRow): Promise<void> {
    await trx.insertInto('complaints').values(row).execute();
  }

  async listComplaints(db: Db, v: Viewer, f: { channel?: string; category?: string; region?: string; from?: string; to?: string; beforeId?: string }, limit: number) {
    let q = db.selectFrom('complaints').leftJoin('cases', 'cases.id', 'complaints.caseId').selectAll('complaints').where(factVisible(v));
    if (f.channel) q = q.where('complaints.channel', '=', f.channel);
    if (f.category) q = q.where('complaints.category', '=', f.category);
    if (f.region) q = q.where('complaints.region', '=', f.region);
    if (f.from) q = q.where('complaints.receivedOn', '>=', f.from);
    if (f.to) q = q.where('complaints.receivedOn', '<=', f.to);
    if (f.beforeId) q = q.where('complaints.id', '<', f.beforeId);
    return (await q.orderBy('complaints.id', 'desc').limit(limit).execute()) as ComplaintRow[];
  }

  /** Record kinds and guards by id, for checking gang members and arrested persons. */
  async recordGuards(db: Db, ids: string[]): Promise<Map<string, RecordGuard>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('records').select(['records.id', ...RECORD_GUARD]).where('records.id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r as unknown as RecordGuard]));
  }
}

function toGang(r: any): StoredGang {
  return { ...r, memberCount: Number(r.memberCount ?? 0), arrestedCount: Number(r.arrestedCount ?? 0) };
}
