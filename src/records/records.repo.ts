import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { LinkType, RecordKind, RecordRow } from './record.ts';

export interface StoredRecord extends RecordRow {
  ownerAgencyCode: string;
  /** Usernames for display; null for the console (imports, seeding). */
  createdByName: string | null;
  updatedByName: string | null;
}

/**
 * What a list shows of a record: no data, no authors (a page of 50 read 50 JSON documents it
 * threw away). A list of persons (kind=person: the case and gang pickers) adds the dates of
 * birth and nationalities, which tell namesakes apart; null when the record holds none.
 */
export type ListedRecord = Pick<StoredRecord, 'id' | 'kind' | 'displayName' | 'ownerAgencyId' | 'ownerAgencyCode' | 'tlp' | 'reviewDate' | 'updatedAt' | 'source'> & {
  birthDates?: string[] | null;
  nationalities?: string[] | null;
};

export interface LinkRow {
  id: string;
  fromId: string;
  toId: string;
  type: LinkType;
  note: string | null;
  ownerAgencyId: string;
  source: string | null;
  createdAt: Date;
  createdBy: string;
}

/** Who is looking: the SQL twin of `visibleToAgency` (core/handling.ts); a test keeps them equal. */
export interface Viewer {
  agencyId: string;
  /** Data-protection officer: every record whatever its handling. */
  seesAll: boolean;
  /** Include records whose review date has passed (data-protection officer only). */
  includeExpired: boolean;
  today: string;
}

/** A node of PostgreSQL's JSON plan (EXPLAIN's own key names: the result is not camel-cased). */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  Plans?: PlanNode[];
}

export interface ListFilter {
  kind?: RecordKind;
  /** Folded search tokens: each must occur. */
  tokens?: string[];
  ownerAgencyId?: string;
  beforeId?: string;
  onlyExpired?: boolean;
}

const COLUMNS = [
  'records.id',
  'records.kind',
  'records.displayName',
  'records.data',
  'records.ownerAgencyId',
  'records.tlp',
  'records.restrictedTo',
  'records.legalBasisCode',
  'records.legalBasis',
  'records.reviewDate',
  'records.source',
  'records.externalId',
  'records.createdAt',
  'records.createdBy',
  'records.updatedAt',
  'records.updatedBy',
  'records.version',
] as const;

const LISTED_COLUMNS = ['records.id', 'records.kind', 'records.displayName', 'records.ownerAgencyId', 'records.tlp', 'records.reviewDate', 'records.updatedAt', 'records.source'] as const;

/**
 * Records with their owner's code and their authors' names. Scalar subqueries, not joins:
 * the page is at most a few hundred rows, and planning a four-table join cost PostgreSQL
 * more than running the whole query (0.18 against 0.06 ms on a page of 50).
 */
const storedRecords = (db: Db) =>
  db
    .selectFrom('records')
    .select(COLUMNS)
    .select((eb) => [
      eb.selectFrom('agencies').select('agencies.code').whereRef('agencies.id', '=', 'records.ownerAgencyId').as('ownerAgencyCode'),
      eb.selectFrom('users').select('users.username').whereRef('users.id', '=', 'records.createdBy').as('createdByName'),
      eb.selectFrom('users').select('users.username').whereRef('users.id', '=', 'records.updatedBy').as('updatedByName'),
    ]);

/**
 * The rule as one CASE, not an OR of ANDs: until the table has statistics (a fresh node, a
 * large import before autovacuum's ANALYZE) PostgreSQL multiplies default guesses for each
 * `=` and `@>` and expected 9 of 4,000 records to pass, so it fetched and joined every visible
 * record and sorted them to keep 50 (8 ms instead of 0.2). It does not look inside a CASE and
 * takes it to pass half the rows, the truth's order of magnitude (most handling codes are open
 * to every member agency): the page is read walking the primary key back to the limit.
 */
function visibleTo(eb: ExpressionBuilder<Database, 'records'>, v: Viewer) {
  const conditions = [];
  if (!v.seesAll) {
    const named = sql<boolean>`records.restricted_to @> ${JSON.stringify([v.agencyId])}::jsonb`;
    conditions.push(
      eb
        .case()
        .when('records.ownerAgencyId', '=', v.agencyId)
        .then(sql<boolean>`true`)
        .when('records.tlp', 'in', ['AMBER+STRICT', 'RED'])
        .then(named)
        .else(eb.or([sql<boolean>`records.restricted_to = '[]'::jsonb`, named]))
        .end(),
    );
  }
  if (!v.includeExpired) conditions.push(eb('records.reviewDate', '>=', v.today));
  return eb.and(conditions);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export type InsertRow = Omit<RecordRow, 'data' | 'restrictedTo'> & { data: unknown; restrictedTo: string[]; searchText: string };

export class RecordsRepo {
  async insertMany(trx: Db, rows: InsertRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('records')
        .values(
          rows.slice(i, i + 500).map((r) => ({ ...r, data: JSON.stringify(r.data), restrictedTo: JSON.stringify(r.restrictedTo) })),
        )
        .execute();
    }
  }

  async byId(db: Db, id: string): Promise<StoredRecord | undefined> {
    return (await storedRecords(db)
      .where('records.id', '=', id)
      .executeTakeFirst()) as unknown as StoredRecord | undefined;
  }

  async kindsOf(db: Db, ids: string[]): Promise<Map<string, { kind: RecordKind; displayName: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('records').select(['id', 'kind', 'displayName']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, { kind: r.kind as RecordKind, displayName: r.displayName }]));
  }

  async byExternalIds(db: Db, source: string, externalIds: string[]): Promise<StoredRecord[]> {
    if (externalIds.length === 0) return [];
    return (await storedRecords(db)
      .where('records.source', '=', source)
      .where('records.externalId', 'in', externalIds)
      .execute()) as unknown as StoredRecord[];
  }

  async idsByExternalIds(db: Db, source: string, externalIds: string[]): Promise<Map<string, string>> {
    if (externalIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('records')
      .select(['id', 'externalId'])
      .where('source', '=', source)
      .where('externalId', 'in', externalIds)
      .execute();
    return new Map(rows.map((r) => [r.externalId!, r.id]));
  }

  /** Optimistic concurrency: returns false when the stored version is not `expectedVersion`. */
  async update(trx: Db, id: string, expectedVersion: number, set: Partial<InsertRow>): Promise<boolean> {
    const { data, restrictedTo, ...rest } = set;
    const r = await trx
      .updateTable('records')
      .set({
        ...rest,
        ...(data !== undefined ? { data: JSON.stringify(data) } : {}),
        ...(restrictedTo !== undefined ? { restrictedTo: JSON.stringify(restrictedTo) } : {}),
        version: expectedVersion + 1,
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** A record held from another node, replaced by its owner's version (no optimistic check: the owner's version wins). */
  async overwrite(trx: Db, id: string, set: Partial<InsertRow>): Promise<void> {
    const { data, restrictedTo, ...rest } = set;
    await trx
      .updateTable('records')
      .set({ ...rest, ...(data !== undefined ? { data: JSON.stringify(data) } : {}), ...(restrictedTo !== undefined ? { restrictedTo: JSON.stringify(restrictedTo) } : {}) })
      .where('id', '=', id)
      .execute();
  }

  /** Deletes a record whatever its version (a withdrawal by the owner node); its links go with it. */
  async deleteAny(trx: Db, id: string): Promise<void> {
    await trx.deleteFrom('records').where('id', '=', id).execute();
  }

  async delete(trx: Db, id: string, expectedVersion: number): Promise<boolean> {
    const r = await trx.deleteFrom('records').where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async list(db: Db, v: Viewer, f: ListFilter, limit: number): Promise<ListedRecord[]> {
    return (await this.#listQuery(db, v, f, limit).execute()) as ListedRecord[];
  }

  /** How `list` ran (EXPLAIN ANALYZE, its top plan node): tests hold the list to reading about a page. */
  async listPlan(db: Db, v: Viewer, f: ListFilter, limit: number): Promise<PlanNode> {
    const [row] = await this.#listQuery(db, v, f, limit).explain('json', sql`analyze`);
    const plan = Object.values(row)[0];
    return (typeof plan === 'string' ? JSON.parse(plan) : plan)[0].Plan;
  }

  #listQuery(db: Db, v: Viewer, f: ListFilter, limit: number) {
    let q = db
      .selectFrom('records')
      .select(LISTED_COLUMNS)
      .select((eb) => eb.selectFrom('agencies').select('agencies.code').whereRef('agencies.id', '=', 'records.ownerAgencyId').as('ownerAgencyCode'))
      .$if(f.kind === 'person', (qb) =>
        qb.select([sql<string[] | null>`records.data -> 'birthDates'`.as('birthDates'), sql<string[] | null>`records.data -> 'nationalities'`.as('nationalities')]),
      )
      .where((eb) => visibleTo(eb, v));
    if (f.kind) q = q.where('records.kind', '=', f.kind);
    if (f.ownerAgencyId) q = q.where('records.ownerAgencyId', '=', f.ownerAgencyId);
    if (f.onlyExpired) q = q.where('records.reviewDate', '<', v.today);
    for (const t of f.tokens ?? []) q = q.where('records.searchText', 'like', `%${escapeLike(t)}%`);
    if (f.beforeId) q = q.where('records.id', '<', f.beforeId);
    return q.orderBy('records.id', 'desc').limit(limit);
  }

  async countByKind(db: Db, v: Viewer): Promise<Record<RecordKind, number>> {
    const rows = await db
      .selectFrom('records')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where((eb) => visibleTo(eb, v))
      .groupBy('kind')
      .execute();
    const out: Record<RecordKind, number> = { person: 0, document: 0, vehicle: 0, group: 0 };
    for (const r of rows) out[r.kind as RecordKind] = Number(r.n);
    return out;
  }

  async countLinks(db: Db): Promise<number> {
    const r = await db.selectFrom('links').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async expiredIds(db: Db, today: string, limit: number): Promise<Array<{ id: string; kind: string }>> {
    return db.selectFrom('records').select(['id', 'kind']).where('reviewDate', '<', today).orderBy('id').limit(limit).execute();
  }

  async deleteIds(trx: Db, ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const r = await trx.deleteFrom('records').where('id', 'in', ids).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Inserts links, skipping ones that exist (same ends and type). Returns how many were new. */
  async insertLinks(trx: Db, links: LinkRow[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < links.length; i += 500) {
      const r = await trx
        .insertInto('links')
        .values(links.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['fromId', 'toId', 'type']).doNothing())
        .executeTakeFirst();
      n += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    return n;
  }

  async linkById(db: Db, id: string): Promise<LinkRow | undefined> {
    return (await db.selectFrom('links').selectAll().where('id', '=', id).executeTakeFirst()) as LinkRow | undefined;
  }

  async deleteLink(trx: Db, id: string): Promise<void> {
    await trx.deleteFrom('links').where('id', '=', id).execute();
  }

  /** Links touching a record whose other end the viewer may see, at most `limit` each way. */
  async linksOf(db: Db, recordId: string, v: Viewer, limit: number) {
    const side = async (direction: 'out' | 'in') => {
      const [mine, other] = direction === 'out' ? (['links.fromId', 'links.toId'] as const) : (['links.toId', 'links.fromId'] as const);
      const rows = await db
        .selectFrom('links')
        .innerJoin('records', 'records.id', other)
        .select(['links.id', 'links.fromId', 'links.toId', 'links.type', 'links.note', 'links.ownerAgencyId', 'links.createdAt'])
        .select(['records.id as otherId', 'records.kind as otherKind', 'records.displayName as otherDisplayName'])
        .where(mine, '=', recordId)
        .where((eb) => visibleTo(eb, v))
        .limit(limit)
        .execute();
      return rows.map((l) => ({ ...l, otherKind: l.otherKind as RecordKind, direction }));
    };
    return [...(await side('out')), ...(await side('in'))];
  }
}
