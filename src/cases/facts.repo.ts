import type { Selectable } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { ArrestsTable, SeizuresTable } from '../db/schema.ts';
import type { ComplaintChannel, ComplaintStatus, MigrationEventKind, WarrantScope } from './case.ts';
import { factVisible, type Viewer } from './handling.repo.ts';

/** Rows as Kysely selects them from the tables declared in src/db/schema.ts. */
export type ArrestRow = Selectable<ArrestsTable>;
export type SeizureRow = Selectable<SeizuresTable>;

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

/**
 * The facts of a case (arrests, seizures) and the counted facts that may stand alone (migration
 * events, warrants, online complaints).
 */
export class FactsRepo {
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
}
