import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { MAX_YEAR, MIN_YEAR, type ReportRows } from './report.ts';

/** The dated facts a report counts: table and date column (gangs count once dismantled). */
const DATED = [
  ['cases', 'opened_on'],
  ['arrests', 'arrested_on'],
  ['seizures', 'seized_on'],
  ['gangs', 'dismantled_on'],
  ['migration_events', 'occurred_on'],
  ['warrants', 'issued_on'],
  ['complaints', 'received_on'],
] as const;

/**
 * The annual report's SQL: one grouped aggregate per fact table over the report year and the
 * year before (a range on the indexed date, so both years cost one scan each). Sums of bigint
 * come back as numeric text and are turned into numbers here (totals stay far below 2^53).
 */
export class ReportRepo {
  async rows(db: Db, year: number): Promise<ReportRows> {
    const from = `${year - 1}-01-01`;
    const to = `${year + 1}-01-01`;
    const y = (col: string) => sql.raw(`extract(year from ${col})::int`);
    const m = (col: string) => sql.raw(`extract(month from ${col})::int`);
    const num = (v: unknown) => Number(v);

    const cases = await sql<ReportRows['cases'][number]>`
      select ${y('opened_on')} as y, ${m('opened_on')} as m, region, category, status, count(*)::int as n
      from cases where opened_on >= ${from}::date and opened_on < ${to}::date
      group by 1, 2, 3, 4, 5`.execute(db);
    const arrests = await sql<ReportRows['arrests'][number]>`
      select ${y('a.arrested_on')} as y, ${m('a.arrested_on')} as m, a.region, c.category, count(*)::int as n
      from arrests a join cases c on c.id = a.case_id
      where a.arrested_on >= ${from}::date and a.arrested_on < ${to}::date
      group by 1, 2, 3, 4`.execute(db);
    const seizures = await sql<{ y: number; m: number; region: string; substance: string; quantity: string; n: number }>`
      select ${y('seized_on')} as y, ${m('seized_on')} as m, region, substance, sum(quantity)::text as quantity, count(*)::int as n
      from seizures where seized_on >= ${from}::date and seized_on < ${to}::date
      group by 1, 2, 3, 4`.execute(db);
    const gangs = await sql<ReportRows['gangs'][number]>`
      select ${y('dismantled_on')} as y, ${m('dismantled_on')} as m, region, kind, count(*)::int as n
      from gangs where status = 'dismantled' and dismantled_on >= ${from}::date and dismantled_on < ${to}::date
      group by 1, 2, 3, 4`.execute(db);
    // members of the criminal gangs dismantled in a year who were arrested that same year
    const members = await sql<ReportRows['gangMembersArrested'][number]>`
      select ${y('g.dismantled_on')} as y, count(*)::int as n
      from gangs g join gang_members gm on gm.gang_id = g.id
      where g.kind = 'criminal_gang' and g.status = 'dismantled'
        and g.dismantled_on >= ${from}::date and g.dismantled_on < ${to}::date
        and gm.arrested_on is not null
        and extract(year from gm.arrested_on) = extract(year from g.dismantled_on)
      group by 1`.execute(db);
    const migration = await sql<{ y: number; m: number; region: string; kind: string; persons: string; n: number }>`
      select ${y('occurred_on')} as y, ${m('occurred_on')} as m, region, kind, sum(persons)::text as persons, count(*)::int as n
      from migration_events where occurred_on >= ${from}::date and occurred_on < ${to}::date
      group by 1, 2, 3, 4`.execute(db);
    const warrants = await sql<ReportRows['warrants'][number]>`
      select ${y('issued_on')} as y, scope, count(*)::int as n
      from warrants where issued_on >= ${from}::date and issued_on < ${to}::date
      group by 1, 2`.execute(db);
    const complaints = await sql<ReportRows['complaints'][number]>`
      select ${y('received_on')} as y, count(*)::int as n
      from complaints where received_on >= ${from}::date and received_on < ${to}::date
      group by 1`.execute(db);
    const substances = await db.selectFrom('substances').select(['code', 'measure']).orderBy('code').execute();
    const categories = await db.selectFrom('caseCategories').select('code').orderBy('code').execute();
    return {
      cases: cases.rows,
      arrests: arrests.rows,
      seizures: seizures.rows.map((r) => ({ ...r, quantity: num(r.quantity) })),
      gangs: gangs.rows,
      gangMembersArrested: members.rows,
      migration: migration.rows.map((r) => ({ ...r, persons: num(r.persons) })),
      warrants: warrants.rows,
      complaints: complaints.rows,
      substances,
      categories: categories.map((c) => c.code),
    };
  }

  /**
   * The years with at least one fact, newest first. Each table is walked year by year on its
   * date index (a recursive "loose index scan": one index probe per year present, whatever the
   * number of rows), so the desk can ask on every visit.
   */
  async years(db: Db): Promise<number[]> {
    const found = new Set<number>();
    for (const [table, col] of DATED) {
      const t = sql.raw(table);
      const c = sql.raw(col);
      const r = await sql<{ y: number }>`
        with recursive walk(d) as (
          (select min(${c}) from ${t} where ${c} >= ${`${MIN_YEAR}-01-01`}::date)
          union all
          select (select min(${c}) from ${t} where ${c} >= make_date(extract(year from walk.d)::int + 1, 1, 1))
          from walk where walk.d is not null and walk.d < ${`${MAX_YEAR}-01-01`}::date
        )
        select extract(year from d)::int as y from walk where d is not null`.execute(db);
      for (const row of r.rows) if (row.y >= MIN_YEAR && row.y <= MAX_YEAR) found.add(Number(row.y));
    }
    return [...found].sort((a, b) => b - a);
  }

  /** Catalogue labels, for the CSV and PDF. */
  async labels(db: Db): Promise<{ categories: Record<string, Record<string, string>>; substances: Record<string, Record<string, string>> }> {
    const cats = await db.selectFrom('caseCategories').select(['code', 'labels']).execute();
    const subs = await db.selectFrom('substances').select(['code', 'labels']).execute();
    return {
      categories: Object.fromEntries(cats.map((c) => [c.code, c.labels])),
      substances: Object.fromEntries(subs.map((s) => [s.code, s.labels])),
    };
  }
}
