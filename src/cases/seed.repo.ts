import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { ArrestRow, CaseRow, ComplaintRow, GangRow, MemberRow, MigrationRow, SeizureRow, WarrantRow } from './seed-dgsn.ts';

/** Who and when a seeded batch is written, and the key its ids derive from. */
export interface SeedStamp {
  /** cases.source of every seeded case, e.g. 'dgsn-2024' */
  source: string;
  /** ids derive from `${key}/<table>` and the row number (see `seedIdPrefix`): stable, so facts reference cases by number */
  key: string;
  /** prefix of case references, e.g. 'DGSN-2024-' */
  reference: string;
  agencyId: string;
  userId: string;
  at: Date;
}

/**
 * The first 24 characters of the ids of one table of one stamp: a UUIDv8 (RFC 9562, custom)
 * whose first 80 bits come from md5(`${key}/${table}`); the last 48 bits are the row number,
 * zero-padded hex. Ids therefore sort in insertion order, so B-tree inserts into the primary
 * keys append instead of landing at random pages.
 */
export function seedIdPrefix(key: string, table: string): string {
  const h = createHash('md5').update(`${key}/${table}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-`;
}

/** The id of row `n` of `table` (the same as the SQL computes). */
export const seedId = (key: string, table: string, n: number) => seedIdPrefix(key, table) + n.toString(16).padStart(12, '0');

// PostgreSQL array literals, passed as one text parameter and cast (same on pg and PGlite)
const quote = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const texts = (vs: Array<string | null>) => `{${vs.map((v) => (v === null ? 'NULL' : quote(v))).join(',')}}`;
const ints = (vs: Array<number | null>) => `{${vs.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;
const bools = (vs: boolean[]) => `{${vs.map((v) => (v ? 't' : 'f')).join(',')}}`;

/**
 * Bulk writes of calibrated demo facts: one `insert … select from unnest(…)` per batch, the
 * columns passed as typed arrays, ids computed in SQL from the row numbers. Only for seeding;
 * a case officer's writes go through the cases service.
 */
export class SeedRepo {
  #id(s: SeedStamp, table: string, col: string) {
    return sql`${seedIdPrefix(s.key, table)}::text || lpad(to_hex(${sql.raw(col)}), 12, '0')`;
  }

  async insertCases(db: Db, s: SeedStamp, rows: CaseRow[]): Promise<void> {
    await sql`insert into cases (id, reference, category, title, region, opened_on, closed_on, status, owner_agency_id, tlp, restricted_to, source, created_at, created_by, updated_at, updated_by, version)
      select ${this.#id(s, 'case', 't.n')}, ${s.reference}::text || lpad(t.n::text, 7, '0'), t.c, initcap(replace(t.c, '_', ' ')) || ' ' || ${s.reference}::text || lpad(t.n::text, 7, '0'),
        t.r, t.o, t.d, t.s, ${s.agencyId}::text, 'AMBER', '[]'::jsonb, ${s.source}::text, ${s.at}::timestamptz, ${s.userId}::text, ${s.at}::timestamptz, ${s.userId}::text, 1
      from unnest(${ints(rows.map((x) => x.n))}::int[], ${texts(rows.map((x) => x.c))}::text[], ${texts(rows.map((x) => x.r))}::text[],
        ${texts(rows.map((x) => x.o))}::date[], ${texts(rows.map((x) => x.s))}::text[], ${texts(rows.map((x) => x.d))}::date[]) as t(n, c, r, o, s, d)`.execute(db);
  }

  async insertArrests(db: Db, s: SeedStamp, rows: ArrestRow[]): Promise<void> {
    await sql`insert into arrests (id, case_id, arrested_on, region, agency_id, nationality, foreign_national, international_warrant, created_at, created_by)
      select ${this.#id(s, 'arrest', 't.n')}, ${this.#id(s, 'case', 't.c')}, t.d, t.r, ${s.agencyId}::text, t.nat, t.f, t.w, ${s.at}::timestamptz, ${s.userId}::text
      from unnest(${ints(rows.map((x) => x.n))}::int[], ${ints(rows.map((x) => x.c))}::int[], ${texts(rows.map((x) => x.d))}::date[], ${texts(rows.map((x) => x.r))}::text[],
        ${texts(rows.map((x) => x.nat))}::text[], ${bools(rows.map((x) => x.f))}::boolean[], ${bools(rows.map((x) => x.w))}::boolean[]) as t(n, c, d, r, nat, f, w)`.execute(db);
  }

  async insertSeizures(db: Db, s: SeedStamp, rows: SeizureRow[]): Promise<void> {
    await sql`insert into seizures (id, case_id, substance, quantity, currency, seized_on, region, agency_id, created_at, created_by)
      select ${this.#id(s, 'seizure', 't.n')}, ${this.#id(s, 'case', 't.c')}, t.s, t.q, t.cur, t.d, t.r, ${s.agencyId}::text, ${s.at}::timestamptz, ${s.userId}::text
      from unnest(${ints(rows.map((x) => x.n))}::int[], ${ints(rows.map((x) => x.c))}::int[], ${texts(rows.map((x) => x.s))}::text[], ${ints(rows.map((x) => x.q))}::bigint[],
        ${texts(rows.map((x) => x.cur))}::text[], ${texts(rows.map((x) => x.d))}::date[], ${texts(rows.map((x) => x.r))}::text[]) as t(n, c, s, q, cur, d, r)`.execute(db);
  }

  async insertGangs(db: Db, s: SeedStamp, rows: GangRow[]): Promise<void> {
    await sql`insert into gangs (id, name, case_id, kind, status, dismantled_on, region, owner_agency_id, tlp, restricted_to, created_at, created_by, updated_at, version)
      select ${this.#id(s, 'gang', 't.n')}, t.name, ${this.#id(s, 'case', 't.c')}, t.k, t.st, t.d, t.r, ${s.agencyId}::text, 'AMBER', '[]'::jsonb, ${s.at}::timestamptz, ${s.userId}::text, ${s.at}::timestamptz, 1
      from unnest(${ints(rows.map((x) => x.n))}::int[], ${texts(rows.map((x) => x.name))}::text[], ${ints(rows.map((x) => x.c))}::int[], ${texts(rows.map((x) => x.k))}::text[],
        ${texts(rows.map((x) => x.st))}::text[], ${texts(rows.map((x) => x.d))}::date[], ${texts(rows.map((x) => x.r))}::text[]) as t(n, name, c, k, st, d, r)`.execute(db);
  }

  /** Members reference their person record by its import key (records.source, external_id). */
  async insertMembers(db: Db, s: SeedStamp, rows: MemberRow[]): Promise<void> {
    await sql`insert into gang_members (gang_id, person_record_id, role, arrested_on, arrest_id)
      select ${this.#id(s, 'gang', 't.g')}, p.id, t.role, t.d, case when t.a is null then null else ${this.#id(s, 'arrest', 't.a')} end
      from unnest(${ints(rows.map((x) => x.g))}::int[], ${texts(rows.map((x) => x.x))}::text[], ${texts(rows.map((x) => x.role))}::text[], ${texts(rows.map((x) => x.d))}::date[],
        ${ints(rows.map((x) => x.a))}::int[]) as t(g, x, role, d, a)
      join records p on p.source = ${s.source} and p.external_id = t.x`.execute(db);
  }

  async insertMigration(db: Db, s: SeedStamp, rows: MigrationRow[]): Promise<void> {
    await sql`insert into migration_events (id, kind, occurred_on, region, persons, case_id, agency_id, created_at, created_by)
      select ${this.#id(s, 'migration', 't.n')}, 'departure_prevented', t.d, t.r, t.p, ${this.#id(s, 'case', 't.c')}, ${s.agencyId}::text, ${s.at}::timestamptz, ${s.userId}::text
      from unnest(${ints(rows.map((x) => x.n))}::int[], ${ints(rows.map((x) => x.c))}::int[], ${texts(rows.map((x) => x.d))}::date[], ${texts(rows.map((x) => x.r))}::text[],
        ${ints(rows.map((x) => x.p))}::int[]) as t(n, c, d, r, p)`.execute(db);
  }

  async insertWarrants(db: Db, s: SeedStamp, rows: WarrantRow[]): Promise<void> {
    await sql`insert into warrants (id, case_id, scope, issued_on, executed_on, issuing_authority, agency_id, created_at, created_by)
      select ${this.#id(s, 'warrant', 't.n')}, ${this.#id(s, 'case', 't.c')}, t.s, t.d, t.e, t.auth, ${s.agencyId}::text, ${s.at}::timestamptz, ${s.userId}::text
      from unnest(${ints(rows.map((x) => x.n))}::int[], ${ints(rows.map((x) => x.c))}::int[], ${texts(rows.map((x) => x.s))}::text[], ${texts(rows.map((x) => x.d))}::date[],
        ${texts(rows.map((x) => x.e))}::date[], ${texts(rows.map((x) => x.auth))}::text[]) as t(n, c, s, d, e, auth)`.execute(db);
  }

  async insertComplaints(db: Db, s: SeedStamp, rows: ComplaintRow[]): Promise<void> {
    await sql`insert into complaints (id, channel, category, received_on, region, status, case_id, agency_id, created_at)
      select ${this.#id(s, 'complaint', 't.n')}, 'e-blagh', t.cat, t.d, t.r, 'referred', ${this.#id(s, 'case', 't.c')}, ${s.agencyId}::text, ${s.at}::timestamptz
      from unnest(${ints(rows.map((x) => x.n))}::int[], ${ints(rows.map((x) => x.c))}::int[], ${texts(rows.map((x) => x.d))}::date[], ${texts(rows.map((x) => x.r))}::text[],
        ${texts(rows.map((x) => x.cat))}::text[]) as t(n, c, d, r, cat)`.execute(db);
  }

  /** Removes every fact of a seeded profile: the facts hanging off its cases, then the cases. */
  async wipe(db: Db, source: string): Promise<number> {
    const ofProfile = sql`(select id from cases where source = ${source})`;
    for (const table of ['gangs', 'migration_events', 'warrants', 'complaints', 'arrests', 'seizures', 'case_parties']) {
      await sql`delete from ${sql.table(table)} where case_id in ${ofProfile}`.execute(db);
    }
    const r = await sql`delete from cases where source = ${source}`.execute(db);
    return Number(r.numAffectedRows ?? 0);
  }

  async marker(db: Db, profile: string): Promise<Record<string, unknown> | undefined> {
    const row = await db.selectFrom('meta').select('value').where('key', '=', `seed:${profile}`).executeTakeFirst();
    return row?.value;
  }

  async setMarker(db: Db, profile: string, value: Record<string, unknown> | null): Promise<void> {
    const key = `seed:${profile}`;
    if (value === null) {
      await db.deleteFrom('meta').where('key', '=', key).execute();
      return;
    }
    await db
      .insertInto('meta')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
      .execute();
  }
}
