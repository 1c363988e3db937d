import { type Kysely, sql } from 'kysely';

/**
 * The outbox learns `sent`: an item handed to a store-and-forward transport (NATS) or written to
 * an offline bundle, whose receipt is not back yet. 0010's check constraint did not allow it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table federation_outbox drop constraint federation_outbox_status_check`.execute(db);
  await sql`alter table federation_outbox add constraint federation_outbox_status_check check (status in ('queued', 'in_flight', 'sent', 'delivered', 'rejected', 'dead', 'withheld'))`.execute(db);
}

/** Items waiting for their receipt go back to the queue (the receiver deduplicates a resend). */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`update federation_outbox set status = 'queued' where status = 'sent'`.execute(db);
  await sql`alter table federation_outbox drop constraint federation_outbox_status_check`.execute(db);
  await sql`alter table federation_outbox add constraint federation_outbox_status_check check (status in ('queued', 'in_flight', 'delivered', 'rejected', 'dead', 'withheld'))`.execute(db);
}
