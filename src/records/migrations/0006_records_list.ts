import type { Kysely } from 'kysely';

/**
 * The records list filtered by owner agency (`GET /records?owner=`), newest first: without it
 * PostgreSQL read every record to keep one agency's page (4,000 rows for 50 at 4,000 records).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('records_owner_id_idx').on('records').columns(['owner_agency_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('records_owner_id_idx').ifExists().execute();
}
