import { type Kysely, sql } from 'kysely';

/**
 * TRUNCATE fires no row trigger, so 0001's append-only trigger let it empty the log. A
 * statement-level trigger refuses it as UPDATE and DELETE are refused (PostgreSQL ≥ 8.4,
 * so also PGlite). The log's head is anchored outside the database by signed checkpoints.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db);
}
