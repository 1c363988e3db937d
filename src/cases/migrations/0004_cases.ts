import { type Kysely, sql } from 'kysely';

/**
 * Cases and the facts recorded in them (arrests, seizures, gangs, migration events,
 * international warrants, online complaints), and the catalogues they use. Quantities are
 * integers in the substance's base unit (grams, items, minor currency units), so totals are exact.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_categories')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('labels', 'jsonb', (c) => c.notNull())
    .addColumn('builtin', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('substances')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('labels', 'jsonb', (c) => c.notNull())
    // mass: grams; count: items; money: minor units (centimes)
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('builtin', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('substances_measure_check', sql`measure in ('mass', 'count', 'money')`)
    .execute();

  await sql`create sequence case_reference_seq`.execute(db);
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('category', 'text', (c) => c.notNull().references('case_categories.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('city', 'text')
    .addColumn('opened_on', 'date', (c) => c.notNull())
    .addColumn('closed_on', 'date')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('restricted_to', 'jsonb', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addCheckConstraint('cases_status_check', sql`status in ('open', 'solved', 'closed')`)
    .addCheckConstraint('cases_tlp_check', sql`tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')`)
    .execute();
  await db.schema.createIndex('cases_opened_idx').on('cases').columns(['opened_on', 'category']).execute();
  await db.schema.createIndex('cases_owner_idx').on('cases').columns(['owner_agency_id', 'id']).execute();

  // who and what a case involves: records (person, group, vehicle, document) or bare phones and addresses
  await db.schema
    .createTable('case_parties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.references('records.id').onDelete('cascade'))
    .addColumn('value', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('case_parties_kind_check', sql`kind in ('person', 'group', 'vehicle', 'document', 'phone', 'address')`)
    .addCheckConstraint('case_parties_target_check', sql`(record_id is not null) <> (value is not null)`)
    .execute();
  await db.schema.createIndex('case_parties_case_idx').on('case_parties').column('case_id').execute();
  await db.schema.createIndex('case_parties_record_idx').on('case_parties').column('record_id').execute();
  await db.schema.createIndex('case_parties_value_idx').on('case_parties').columns(['kind', 'value']).execute();

  await db.schema
    .createTable('arrests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('person_record_id', 'text', (c) => c.references('records.id').onDelete('set null'))
    .addColumn('arrested_on', 'date', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('city', 'text')
    .addColumn('place', 'text')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('nationality', 'char(3)')
    .addColumn('foreign_national', 'boolean', (c) => c.notNull())
    .addColumn('international_warrant', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('arrests_date_idx').on('arrests').columns(['arrested_on', 'case_id']).execute();
  await db.schema.createIndex('arrests_case_idx').on('arrests').column('case_id').execute();

  await db.schema
    .createTable('seizures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('substance', 'text', (c) => c.notNull().references('substances.code'))
    // grams, items or minor currency units (see substances.measure)
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'char(3)')
    .addColumn('seized_on', 'date', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('city', 'text')
    .addColumn('place', 'text')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addCheckConstraint('seizures_quantity_check', sql`quantity > 0`)
    .execute();
  await db.schema.createIndex('seizures_date_idx').on('seizures').columns(['seized_on', 'substance']).execute();
  await db.schema.createIndex('seizures_case_idx').on('seizures').column('case_id').execute();

  await db.schema
    .createTable('gangs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('group_record_id', 'text', (c) => c.references('records.id').onDelete('set null'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('dismantled_on', 'date')
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('owner_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('restricted_to', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    // a migrant-smuggling network is a gang of kind smuggling_network
    .addCheckConstraint('gangs_kind_check', sql`kind in ('criminal_gang', 'smuggling_network', 'trafficking_network', 'terrorist_cell', 'other')`)
    .addCheckConstraint('gangs_status_check', sql`status in ('active', 'dismantled')`)
    .addCheckConstraint('gangs_dismantled_check', sql`(status = 'dismantled') = (dismantled_on is not null)`)
    .execute();
  await db.schema.createIndex('gangs_dismantled_idx').on('gangs').columns(['dismantled_on', 'kind']).execute();

  await db.schema
    .createTable('gang_members')
    .addColumn('gang_id', 'text', (c) => c.notNull().references('gangs.id').onDelete('cascade'))
    .addColumn('person_record_id', 'text', (c) => c.notNull().references('records.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('arrested_on', 'date')
    .addColumn('arrest_id', 'text', (c) => c.references('arrests.id').onDelete('set null'))
    .addPrimaryKeyConstraint('gang_members_pk', ['gang_id', 'person_record_id'])
    .execute();
  await db.schema.createIndex('gang_members_person_idx').on('gang_members').column('person_record_id').execute();

  // counted events that are not individual people: irregular departures prevented
  await db.schema
    .createTable('migration_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('persons', 'integer', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('cases.id').onDelete('set null'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addCheckConstraint('migration_events_kind_check', sql`kind in ('departure_prevented', 'migrants_rescued', 'irregular_entry_prevented')`)
    .addCheckConstraint('migration_events_persons_check', sql`persons > 0`)
    .execute();
  await db.schema.createIndex('migration_events_date_idx').on('migration_events').columns(['occurred_on', 'kind']).execute();

  await db.schema
    .createTable('warrants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.references('cases.id').onDelete('set null'))
    .addColumn('person_record_id', 'text', (c) => c.references('records.id').onDelete('set null'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'date', (c) => c.notNull())
    .addColumn('executed_on', 'date')
    .addColumn('issuing_authority', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addCheckConstraint('warrants_scope_check', sql`scope in ('national', 'international')`)
    .execute();
  await db.schema.createIndex('warrants_issued_idx').on('warrants').columns(['issued_on', 'scope']).execute();

  // public complaints received online (E-Blagh and the like)
  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('received_on', 'date', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('cases.id').onDelete('set null'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('complaints_status_check', sql`status in ('received', 'triaged', 'referred', 'closed')`)
    .execute();
  await db.schema.createIndex('complaints_received_idx').on('complaints').columns(['received_on', 'channel']).execute();

  // foreign keys that cascade or set null on delete, and the owner filters of lists
  await db.schema.createIndex('gangs_case_idx').on('gangs').column('case_id').execute();
  await db.schema.createIndex('gangs_owner_idx').on('gangs').columns(['owner_agency_id', 'id']).execute();
  await db.schema.createIndex('gang_members_arrest_idx').on('gang_members').column('arrest_id').execute();
  await db.schema.createIndex('migration_events_case_idx').on('migration_events').column('case_id').execute();
  await db.schema.createIndex('warrants_case_idx').on('warrants').column('case_id').execute();
  await db.schema.createIndex('complaints_case_idx').on('complaints').column('case_id').execute();

  // the built-in catalogue, labelled in the node's four languages; an administrator adds more
  const at = new Date('2026-01-01T00:00:00Z');
  await db
    .insertInto('case_categories')
    .values(CATEGORIES.map(([code, ar, fr, en, es]) => ({ code, labels: JSON.stringify({ ar, fr, en, es }), builtin: true, created_at: at })))
    .execute();
  await db
    .insertInto('substances')
    .values(SUBSTANCES.map(([code, measure, ar, fr, en, es]) => ({ code, measure, labels: JSON.stringify({ ar, fr, en, es }), builtin: true, created_at: at })))
    .execute();
}

// code, ar, fr, en, es
const CATEGORIES = [
  ['violent_crime', 'جرائم العنف', 'Criminalité violente', 'Violent crime', 'Delitos violentos'],
  ['drug_trafficking', 'الاتجار بالمخدرات', 'Trafic de stupéfiants', 'Drug trafficking', 'Tráfico de drogas'],
  ['migrant_smuggling', 'تهريب المهاجرين', 'Trafic de migrants', 'Migrant smuggling', 'Tráfico ilícito de migrantes'],
  ['cybercrime', 'الجرائم الإلكترونية', 'Cybercriminalité', 'Cybercrime', 'Ciberdelincuencia'],
  ['terrorism', 'الإرهاب', 'Terrorisme', 'Terrorism', 'Terrorismo'],
  ['fraud', 'النصب والاحتيال', 'Escroquerie', 'Fraud', 'Fraude'],
  ['theft', 'السرقة', 'Vol', 'Theft', 'Robo'],
  ['other', 'أخرى', 'Autre', 'Other', 'Otros'],
] as const;

// code, measure, ar, fr, en, es
const SUBSTANCES = [
  ['cannabis_resin', 'mass', 'راتنج القنب (الشيرا)', 'Résine de cannabis', 'Cannabis resin', 'Resina de cannabis'],
  ['cocaine', 'mass', 'الكوكايين', 'Cocaïne', 'Cocaine', 'Cocaína'],
  ['heroin', 'mass', 'الهيروين', 'Héroïne', 'Heroin', 'Heroína'],
  ['psychotropic_pills', 'count', 'الأقراص المهلوسة', 'Comprimés psychotropes', 'Psychotropic pills', 'Pastillas psicotrópicas'],
  ['cash', 'money', 'أموال نقدية', 'Argent liquide', 'Cash', 'Dinero en efectivo'],
  ['firearms', 'count', 'أسلحة نارية', 'Armes à feu', 'Firearms', 'Armas de fuego'],
  ['vehicles', 'count', 'مركبات', 'Véhicules', 'Vehicles', 'Vehículos'],
  ['boats', 'count', 'قوارب', 'Embarcations', 'Boats', 'Embarcaciones'],
] as const;

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['complaints', 'warrants', 'migration_events', 'gang_members', 'gangs', 'seizures', 'arrests', 'case_parties', 'cases', 'substances', 'case_categories']) {
    await db.schema.dropTable(t).ifExists().cascade().execute();
  }
  await sql`drop sequence if exists case_reference_seq`.execute(db);
}
