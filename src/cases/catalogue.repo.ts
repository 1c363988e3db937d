import type { Db } from '../db/connect.ts';
import type { Measure } from './catalogue.ts';
import { json } from './handling.repo.ts';

export interface CatalogueRow {
  code: string;
  labels: Record<string, string>;
  builtin: boolean;
  createdAt: Date;
}
export interface SubstanceRow extends CatalogueRow {
  measure: Measure;
}

/** The catalogues of case categories and seized substances, and the node's agencies they are checked against. */
export class CatalogueRepo {
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
}
