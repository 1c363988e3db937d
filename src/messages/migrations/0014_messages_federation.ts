import { type Kysely, sql } from 'kysely';

/**
 * Messages across national nodes. `origin_node` names the node a thread or message came from
 * (null: this node's own); a message from another node keeps its sender's name as given there
 * and the list of its attachments, which stay at the sender's node (they do not travel).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('message_threads').addColumn('origin_node', 'text').execute();
  await db.schema.alterTable('messages').addColumn('origin_node', 'text').execute();
  await db.schema.alterTable('messages').addColumn('sender_name', 'text').execute();
  await db.schema.alterTable('messages').addColumn('held_attachments', 'jsonb').execute();
  await sql`alter table messages add constraint messages_foreign_sender_check check (origin_node is not null or (sender_name is null and held_attachments is null))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table messages drop constraint if exists messages_foreign_sender_check`.execute(db);
  for (const c of ['held_attachments', 'sender_name', 'origin_node']) await db.schema.alterTable('messages').dropColumn(c).execute();
  await db.schema.alterTable('message_threads').dropColumn('origin_node').execute();
}
