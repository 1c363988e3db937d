import { type Kysely, sql } from 'kysely';
import { normalizeRegion, REGION_CODES } from '../../core/regions.ts';

/** Every table of the cases module with a region typed as free text before the catalogue. */
export const REGION_TABLES = ['cases', 'arrests', 'seizures', 'gangs', 'migration_events', 'complaints'] as const;

/**
 * Regions were free text until the region catalogue (src/core/regions.ts): each value the
 * resolver recognises (`Tanger`, `Casablanca-Settat`, `الشرق`, `ma-06`) becomes its ISO 3166-2:MA
 * code; text it does not recognise is left exactly as typed (the desk shows it "as typed").
 * One scan of each table for its distinct values, one update joining a list of (text, code).
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of REGION_TABLES) {
    const { rows } = await sql<{ region: string }>`select distinct region from ${sql.table(table)} where region not in (${sql.join(REGION_CODES)})`.execute(db);
    const pairs = rows.flatMap(({ region }) => {
      const r = normalizeRegion(region);
      return r.recognised ? [[region, r.value] as const] : [];
    });
    for (let i = 0; i < pairs.length; i += 1000) {
      const values = sql.join(pairs.slice(i, i + 1000).map(([typed, code]) => sql`(${typed}::text, ${code}::text)`));
      await sql`update ${sql.table(table)} as t set region = m.code from (values ${values}) as m(typed, code) where t.region = m.typed`.execute(db);
    }
  }
}

/** The text typed before is not kept, and a code is a valid region either way: nothing to undo. */
export async function down(_db: Kysely<any>): Promise<void> {}
