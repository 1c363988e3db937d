import { sql } from 'kysely';
import type { TlpLevel } from '../core/handling.ts';
import type { Db } from '../db/connect.ts';
import type { GangKind, GangStatus } from './case.ts';
import { json, RECORD_GUARD, type RecordGuard, type Viewer, visibleSql } from './handling.repo.ts';

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

/** Gangs with their member and arrested counts, joined to the owner agency's code. */
function gangsWithCounts(db: Db) {
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

/** Gangs and their members, and how arrests in a gang's case mark members arrested. */
export class GangsRepo {
  async insertGang(trx: Db, row: GangRow): Promise<void> {
    await trx.insertInto('gangs').values({ ...row, restrictedTo: json(row.restrictedTo) }).execute();
  }

  async gangById(db: Db, id: string): Promise<StoredGang | undefined> {
    const r = await gangsWithCounts(db).where('gangs.id', '=', id).executeTakeFirst();
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
    let q = gangsWithCounts(db).where(visibleSql('gangs', v));
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
}

function toGang(r: any): StoredGang {
  return { ...r, memberCount: Number(r.memberCount ?? 0), arrestedCount: Number(r.arrestedCount ?? 0) };
}
