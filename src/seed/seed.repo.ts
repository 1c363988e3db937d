import type { Db } from '../db/connect.ts';

/**
 * SQL only: the markers in `meta` that say what demo data a node holds (`seed` for the records,
 * `seed:<step>` for each module's demo step), so that a second start seeds nothing twice.
 */
export class SeedMarkers {
  async get(db: Db, key: string): Promise<Record<string, unknown> | undefined> {
    const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async set(db: Db, key: string, value: Record<string, unknown>): Promise<void> {
    const json = JSON.stringify(value);
    await db
      .insertInto('meta')
      .values({ key, value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
      .execute();
  }
}
