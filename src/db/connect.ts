import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AppError } from '../core/errors.ts';
import { type DirectoryLock, lockDirectory } from './lock.ts';
import { type PgliteDurability, startParams, SyncedNodeFS } from './pglite-fs.ts';
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

  /** Runs `fn` with the connection to itself: no query of anyone else runs meanwhile. */
  async exclusive<T>(fn: (pglite: PGlite) => Promise<T>): Promise<T> {
    const c = await this.connect();
    try {
      return await fn(this.pglite);
    } finally {
      c.release();
    }
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
  /** The embedded store's directory and its single-process lock (absent in memory and on PostgreSQL). */
  embedded?: { dir: string; lock: DirectoryLock; exclusive: PGlitePool['exclusive'] };
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Named to a second process that finds the embedded directory taken: `ribat start`, `ribat token create`. */
  command?: string;
  /** PGlite only: flush each commit to the disk (default) or leave it to the kernel. */
  durability?: PgliteDurability;
}

const PARSERS = { [INT8]: Number, [DATE]: (v: string) => v, [NUMERIC]: (v: string) => v };

/** The folder where `ribat backup` writes by default, beside the embedded database. */
export const backupDirOf = (dir: string) => path.join(path.dirname(dir), 'backups');

function damaged(dir: string, cause: unknown): AppError {
  const backups = existsSync(backupDirOf(dir))
    ? readdirSync(backupDirOf(dir))
        .filter((f) => f.endsWith('.tar.gz'))
        .sort()
        .slice(-3)
        .map((f) => path.join(backupDirOf(dir), f))
    : [];
  const restore = backups.length
    ? `Restore the latest backup with: ribat restore ${backups.at(-1)}  (also kept: ${backups.slice(0, -1).join(', ') || 'none'})`
    : `No backup was found in ${backupDirOf(dir)}; restore one you keep elsewhere with: ribat restore FILE`;
  return new AppError(
    'database_damaged',
    500,
    `The embedded database ${dir} does not open (${cause instanceof Error ? cause.message : String(cause)}). Nothing was changed in it. ${restore} (restore moves the damaged folder aside; it deletes nothing).`,
    { dir, backups },
  );
}

async function openPglite(dir: string, durability: PgliteDurability): Promise<PGlite> {
  const pglite = new PGlite({ fs: new SyncedNodeFS(dir), startParams: startParams(durability), parsers: PARSERS });
  await pglite.waitReady;
  return pglite;
}

export async function connect(databaseUrl: string, opts: ConnectOptions = {}): Promise<Connection> {
  if (databaseUrl.startsWith('pglite:')) {
    const target = databaseUrl.slice('pglite:'.length);
    let pglite: PGlite;
    let embedded: { dir: string; lock: DirectoryLock } | undefined;
    if (target === 'memory:' || target === '') {
      pglite = new PGlite({ parsers: PARSERS });
      await pglite.waitReady;
    } else {
      const dir = path.resolve(target);
      mkdirSync(dir, { recursive: true });
      const lock = await lockDirectory(dir, opts.command ?? `node ${path.basename(process.argv[1] ?? 'ribat')}`);
      try {
        pglite = await openPglite(dir, opts.durability ?? 'disk');
      } catch (e) {
        await lock.release();
        throw damaged(dir, e);
      }
      embedded = { dir, lock };
    }
    const pool = new PGlitePool(pglite);
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }),
      plugins: [new CamelCasePlugin()],
    });
    return {
      db,
      kind: 'pglite',
      embedded: embedded && { ...embedded, exclusive: (fn) => pool.exclusive(fn) },
      close: async () => {
        await db.destroy();
        await embedded?.lock.release();
      },
    };
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
