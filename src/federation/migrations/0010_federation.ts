import { type Kysely, sql } from 'kysely';

/**
 * Federation: this node's keys, its partners and their pinned keys, sharing agreements, the
 * outbound queue (a transactional outbox: written in the transaction of the change that causes
 * it) and the inbound log (one row per sender and envelope id, so receiving is idempotent).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('federation_keys')
    .addColumn('kid', 'text', (c) => c.primaryKey())
    .addColumn('jwk', 'jsonb', (c) => c.notNull())
    // the node's signing key (PKCS#8 PEM): as secret as the database that holds the data it signs
    .addColumn('private_pem', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('retires_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('federation_partners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('names', 'jsonb', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('transport', 'text', (c) => c.notNull())
    .addColumn('agencies', 'jsonb', (c) => c.notNull())
    .addColumn('suspended', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('federation_partners_transport_check', sql`transport in ('https', 'nats', 'bundle')`)
    .execute();

  await db.schema
    .createTable('federation_partner_keys')
    .addColumn('partner_id', 'text', (c) => c.notNull().references('federation_partners.id').onDelete('cascade'))
    .addColumn('kid', 'text', (c) => c.notNull())
    .addColumn('jwk', 'jsonb', (c) => c.notNull())
    .addColumn('pinned_at', 'timestamptz', (c) => c.notNull())
    .addColumn('retires_at', 'timestamptz')
    .addPrimaryKeyConstraint('federation_partner_keys_pk', ['partner_id', 'kid'])
    .execute();

  await db.schema
    .createTable('federation_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull().references('federation_partners.id'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('categories', 'jsonb', (c) => c.notNull())
    .addColumn('max_tlp', 'text', (c) => c.notNull())
    .addColumn('may_forward', 'boolean', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('clause', 'text', (c) => c.notNull())
    .addColumn('suspended', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('federation_agreements_direction_check', sql`direction in ('outbound', 'inbound')`)
    .addCheckConstraint('federation_agreements_tlp_check', sql`max_tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')`)
    .execute();
  await db.schema.createIndex('federation_agreements_partner_idx').on('federation_agreements').columns(['partner_id', 'direction']).execute();

  await db.schema
    .createTable('federation_outbox')
    // the envelope id: the receiver deduplicates on (sender, id), so a resend is never applied twice
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull().references('federation_partners.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('hops', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('clause', 'text')
    .addColumn('reason', 'text')
    .addColumn('detail', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('receipt', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('federation_outbox_status_check', sql`status in ('queued', 'in_flight', 'delivered', 'rejected', 'dead', 'withheld')`)
    .execute();
  await db.schema.createIndex('federation_outbox_due_idx').on('federation_outbox').columns(['partner_id', 'status', 'next_attempt_at']).execute();
  await db.schema.createIndex('federation_outbox_item_idx').on('federation_outbox').columns(['item_id', 'partner_id']).execute();

  await db.schema
    .createTable('federation_inbox')
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('type', 'text')
    .addColumn('sha256', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('detail', 'text')
    .addColumn('receipt', 'jsonb', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('federation_inbox_pk', ['sender', 'id'])
    .execute();
  await db.schema.createIndex('federation_inbox_received_idx').on('federation_inbox').column('received_at').execute();

  // items owned by partner nodes, as their owner last sent them (the owner's version wins)
  await db.schema
    .createTable('federation_items')
    .addColumn('owner_node', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('received_from', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('withdrawn_at', 'timestamptz')
    .addPrimaryKeyConstraint('federation_items_pk', ['owner_node', 'item_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['federation_items', 'federation_inbox', 'federation_outbox', 'federation_agreements', 'federation_partner_keys', 'federation_partners', 'federation_keys']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
