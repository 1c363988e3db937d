import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

// Both drivers return the same JavaScript types: int8 as number (our counts stay far
// below 2^53), date as its 'YYYY-MM-DD' text (no time-zone shift), numeric as text.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);
pg.types.setTypeParser(NUMERIC, (v) => v);

/**
 * PGlite is one connection. This pool hands it out to one user at a time, so that
 * Kysely's PostgresDialect can drive it like a pg.Pool and a transaction never
 * interleaves with other queries.
 */
class PGlitePool {
  #queue: Array<() => void> = [];
  #busy = false;
  readonly pglite: PGlite;
  constructor(pglite: PGlite) {
    this.pglite = pglite;
  }

  async connect() {
    if (this.#busy) await new Promise<void>((resolve) => this.#queue.push(resolve));
    this.#busy = true;
    const db = this.pglite;
    return {
      query: async (sql: string, params: unknown[]) => {
        const r = await db.query(sql, params);
        return { command: commandOf(sql), rowCount: r.affectedRows ?? r.rows.length, rows: r.rows };
      },
      release: () => {
        const next = this.#queue.shift();
        if (next) next();
        else this.#busy = false;
      },
    };
  }

  async end() {
    await this.pglite.close();
  }
}

function commandOf(sql: string): string {
  const m = /^\s*(?:with\b[\s\S]*?\)\s*)?(insert|update|delete|merge|select|commit|rollback)\b/i.exec(sql);
  return m ? m[1].toUpperCase() : 'OTHER';
}

export interface Connection {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export async function connect(databaseUrl: string): Promise<Connection> {
  if (databaseUrl.startsWith('pglite:')) {
    const target = databaseUrl.slice('pglite:'.length);
    let pglite: PGlite;
    if (target === 'memory:' || target === '') {
      pglite = new PGlite({ parsers: { [INT8]: Number, [DATE]: (v: string) => v, [NUMERIC]: (v: string) => v } });
    } else {
      const dir = path.resolve(target);
      mkdirSync(path.dirname(dir), { recursive: true });
      pglite = new PGlite(dir, { parsers: { [INT8]: Number, [DATE]: (v: string) => v, [NUMERIC]: (v: string) => v } });
    }
    await pglite.waitReady;
    const pool = new PGlitePool(pglite);
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }),
      plugins: [new CamelCasePlugin()],
    });
    return { db, kind: 'pglite', close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle client whose connection the server ends (restart, failover, a dropped database)
  // emits 'error' on the pool; unheard, it would crash the process. The pool replaces the
  // client on the next query, so the loss is reported, not thrown. While closing, a client
  // still saying goodbye may hear the server end it: that is expected and stays quiet.
  let closing = false;
  pool.on('error', (err: Error & { code?: string }) => {
    if (!closing) process.stderr.write(`ribat: an idle database connection was lost (${err.code ?? err.name})\n`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  return {
    db,
    kind: 'postgres',
    close: async () => {
      closing = true;
      await db.destroy();
    },
  };
}
