import { type Kysely, sql } from 'kysely';

/** Notices and diffusions, their timeline, hits with their follow-up tasks, and notifications. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence notice_reference_seq`.execute(db);
  await db.schema
    .createTable('notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('owner_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('tlp', 'text', (c) => c.notNull())
    // diffusion recipients, or the agencies a notice is restricted to (empty: every member agency)
    .addColumn('restricted_to', 'jsonb', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('checks', 'jsonb', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('subject_record_id', 'text', (c) => c.references('records.id').onDelete('set null'))
    .addColumn('public_extract', 'jsonb')
    .addColumn('state_reason', 'text')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('published_at', 'timestamptz')
    .addColumn('review_date', 'date')
    .addColumn('renewal_requested_at', 'timestamptz')
    .addColumn('source', 'text')
    .addColumn('external_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addCheckConstraint('notices_tlp_check', sql`tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')`)
    .addCheckConstraint('notices_urgency_check', sql`urgency in ('urgent', 'normal')`)
    .execute();
  // the review queue: pending requests, urgent first, oldest first
  await db.schema.createIndex('notices_queue_idx').on('notices').columns(['state', 'urgency', 'submitted_at', 'id']).execute();
  await db.schema.createIndex('notices_owner_idx').on('notices').columns(['owner_agency_id', 'id']).execute();
  await db.schema.createIndex('notices_type_state_idx').on('notices').columns(['type', 'state', 'id']).execute();
  await db.schema.createIndex('notices_review_idx').on('notices').column('review_date').execute();
  await db.schema.createIndex('notices_subject_idx').on('notices').column('subject_record_id').execute();
  await db.schema
    .createIndex('notices_source_external_idx')
    .on('notices')
    .columns(['source', 'external_id'])
    .unique()
    .where(sql.ref('external_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('notice_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_agency_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('reason', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notice_events_notice_idx').on('notice_events').columns(['notice_id', 'at']).execute();

  await db.schema
    .createTable('hits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id').onDelete('cascade'))
    .addColumn('subject_record_id', 'text', (c) => c.notNull())
    .addColumn('screening_kind', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    // what was screened (the traveller's name, date of birth …): personal data, never logged
    .addColumn('query', 'jsonb', (c) => c.notNull())
    .addColumn('screened_by_user_id', 'text', (c) => c.notNull())
    .addColumn('screened_by_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome_note', 'text')
    .addColumn('outcome_at', 'timestamptz')
    .addColumn('outcome_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addCheckConstraint('hits_status_check', sql`status in ('open', 'confirmed', 'not_same_person', 'located', 'arrested')`)
    .execute();
  await db.schema.createIndex('hits_notice_idx').on('hits').columns(['notice_id', 'created_at']).execute();
  await db.schema.createIndex('hits_screened_by_idx').on('hits').columns(['screened_by_agency_id', 'created_at']).execute();

  await db.schema
    .createTable('hit_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hit_id', 'text', (c) => c.notNull().references('hits.id').onDelete('cascade'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('task', 'text', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_at', 'timestamptz')
    .addColumn('done_by', 'text')
    .addColumn('escalated_at', 'timestamptz')
    .addCheckConstraint('hit_tasks_side_check', sql`side in ('owner', 'screening')`)
    .addCheckConstraint('hit_tasks_status_check', sql`status in ('open', 'done', 'escalated')`)
    .execute();
  await db.schema.createIndex('hit_tasks_due_idx').on('hit_tasks').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('hit_tasks_hit_idx').on('hit_tasks').column('hit_id').execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    // null: every user of the agency
    .addColumn('user_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_type', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('details', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('notifications_agency_idx').on('notifications').columns(['agency_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['notifications', 'hit_tasks', 'hits', 'notice_events', 'notices']) await db.schema.dropTable(t).ifExists().cascade().execute();
  await sql`drop sequence if exists notice_reference_seq`.execute(db);
}
