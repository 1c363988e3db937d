import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './connect.ts';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_notices.ts';
import * as m0003 from './migrations/0003_messages.ts';
import * as m0004 from './migrations/0004_cases.ts';
import * as m0005 from './migrations/0005_audit_integrity.ts';
import * as m0006 from './migrations/0006_records_list.ts';

/** Migrations are listed in code so that a bundled or copied build needs no directory scan. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_notices': m0002,
  '0003_messages': m0003,
  '0004_cases': m0004,
  '0005_audit_integrity': m0005,
  '0006_records_list': m0006,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
