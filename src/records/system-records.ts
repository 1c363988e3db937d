/**
 * Records another module writes inside its own transaction (a published notice's subject):
 * the caller authorises and audits; these functions only check the data and write with `trx`.
 * Callers publish `records.created` / `records.deleted` after their commit so that the
 * screening index follows.
 */
import type { TlpLevel } from '../core/handling.ts';
import type { Db } from '../db/connect.ts';
import { displayNameOf, type PersonData, searchTextOf } from './record.ts';
import { RecordsRepo } from './records.repo.ts';
import { checkRecordData } from './records.schema.ts';

const repo = new RecordsRepo();

export interface SystemPerson {
  id: string;
  data: PersonData;
  ownerAgencyId: string;
  tlp: TlpLevel;
  restrictedTo: string[];
  legalBasisCode: string;
  legalBasis: string;
  /** YYYY-MM-DD; may be further than five years ahead when the owning module renewed it. */
  reviewDate: string;
  source: string;
  externalId: string;
  at: Date;
  userId: string;
}

/** Inserts person records in the caller's transaction; the data is checked like any record's. */
export async function insertSystemPersons(trx: Db, persons: SystemPerson[]): Promise<void> {
  const rows = persons.map((p) => {
    const data = checkRecordData('person', p.data);
    return {
      id: p.id,
      kind: 'person' as const,
      displayName: displayNameOf('person', data),
      searchText: searchTextOf('person', data),
      data,
      ownerAgencyId: p.ownerAgencyId,
      tlp: p.tlp,
      restrictedTo: p.restrictedTo,
      legalBasisCode: p.legalBasisCode,
      legalBasis: p.legalBasis,
      reviewDate: p.reviewDate,
      source: p.source,
      externalId: p.externalId,
      createdAt: p.at,
      createdBy: p.userId,
      updatedAt: p.at,
      updatedBy: p.userId,
      version: 1,
    };
  });
  if (rows.length) await repo.insertMany(trx, rows);
}

/** Moves a system record's review date (a renewed notice keeps its subject in screening). */
export async function setSystemRecordReviewDate(trx: Db, id: string, reviewDate: string, at: Date, userId: string): Promise<boolean> {
  const rec = await repo.byId(trx, id);
  if (!rec) return false;
  return repo.update(trx, id, rec.version, { reviewDate, updatedAt: at, updatedBy: userId });
}

/** Deletes records in the caller's transaction; returns how many went. */
export async function deleteSystemRecords(trx: Db, ids: string[]): Promise<number> {
  return repo.deleteIds(trx, ids);
}
