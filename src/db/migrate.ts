import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './connect.ts';

/**
 * Applies the migrations not yet applied, in name order across every module. The modules list
 * their migrations in code (`Module.migrations`), so a bundled or copied build needs no
 * directory scan.
 */
export async function migrateToLatest(db: Db, migrations: Record<string, Migration>): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
