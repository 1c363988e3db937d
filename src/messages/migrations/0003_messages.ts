import { type Kysely, sql } from 'kysely';

/** Secure messages between agencies: threads, messages, per-agency receipts, attachments. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('message_threads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('notice_id', 'text', (c) => c.references('notices.id'))
    .addColumn('case_ref', 'text')
    .addColumn('created_by_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_message_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('message_threads_notice_idx').on('message_threads').column('notice_id').execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread_id', 'text', (c) => c.notNull().references('message_threads.id').onDelete('cascade'))
    .addColumn('sender_user_id', 'text', (c) => c.notNull())
    .addColumn('sender_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    // personal data: never logged, never in events
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    // the 'simple' configuration over text folded by core/text.ts fold(): no stemming, so Arabic,
    // French and Spanish match alike once alef forms, accents and case are folded
    .addColumn('search_vector', sql`tsvector`, (c) => c.notNull())
    .addCheckConstraint('messages_tlp_check', sql`tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')`)
    .addCheckConstraint('messages_urgency_check', sql`urgency in ('urgent', 'normal')`)
    .execute();
  await db.schema.createIndex('messages_thread_idx').on('messages').columns(['thread_id', 'id']).execute();
  await db.schema.createIndex('messages_sender_agency_idx').on('messages').columns(['sender_agency_id', 'id']).execute();
  await db.schema.createIndex('messages_deadline_idx').on('messages').column('deadline_at').execute();
  await sql`create index messages_search_idx on messages using gin (search_vector)`.execute(db);

  await db.schema
    .createTable('message_recipients')
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('delivered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .addColumn('read_by', 'text')
    // when the overdue alarm went to this agency: at most one per message and agency
    .addColumn('alarmed_at', 'timestamptz')
    .addPrimaryKeyConstraint('message_recipients_pk', ['message_id', 'agency_id'])
    .execute();
  await db.schema.createIndex('message_recipients_agency_idx').on('message_recipients').columns(['agency_id', 'message_id']).execute();
  await db.schema
    .createIndex('message_recipients_pending_idx')
    .on('message_recipients')
    .column('message_id')
    .where(sql<boolean>`read_at is null and alarmed_at is null`)
    .execute();

  await db.schema
    .createTable('message_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('message_attachments_message_idx').on('message_attachments').column('message_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['message_attachments', 'message_recipients', 'messages', 'message_threads']) await db.schema.dropTable(t).ifExists().cascade().execute();
}
