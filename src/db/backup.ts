import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { AppError, invalid } from '../core/errors.ts';
import { backupDirOf, type Connection } from './connect.ts';
import { ask, lockDirectory, socketPathOf } from './lock.ts';

export interface BackupResult {
  file: string;
  bytes: number;
  sha256: string;
  at: string;
  /** `server`: taken by the running node through its control socket; `direct`: no process held the directory. */
  via: 'server' | 'direct';
}

/** The embedded directory a `pglite:` URL names, or a clear refusal. */
export function embeddedDir(databaseUrl: string, what: string): string {
  if (databaseUrl.startsWith('postgres')) {
    throw invalid('not_embedded', `${what} is for the embedded store; for PostgreSQL use its own tools (pg_dump, pg_basebackup, point-in-time recovery)`);
  }
  const target = databaseUrl.slice('pglite:'.length);
  if (target === '' || target === 'memory:') throw invalid('not_embedded', `${what} needs a database directory, not pglite:memory:`);
  return path.resolve(target);
}

export const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

export const defaultBackupFile = (dir: string, now = new Date()) => path.join(backupDirOf(dir), `${path.basename(dir)}-${stamp(now)}.tar.gz`);

/** Writes `data` to `file` so that a reader never sees half of it: a temporary file, flushed, then renamed. */
function writeWhole(file: string, data: Uint8Array) {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  // the rename itself reaches the disk only with its directory
  const dfd = openSync(path.dirname(file), 'r');
  try {
    fsyncSync(dfd);
  } finally {
    closeSync(dfd);
  }
}

/**
 * A consistent copy of an open embedded database. It runs with the connection held, so no
 * transaction is half-way; a checkpoint first writes every committed page to its file, so the
 * copy opens without replaying the log. Queries of other users wait meanwhile (about half a
 * second for the small demo database).
 */
export async function backupConnection(conn: Connection, file: string, now = new Date()): Promise<Omit<BackupResult, 'via'>> {
  if (!conn.embedded) throw invalid('not_embedded', 'backup is for the embedded store');
  const data = await conn.embedded.exclusive(async (pglite) => {
    await pglite.exec('CHECKPOINT');
    const blob = await pglite.dumpDataDir('gzip');
    return new Uint8Array(await blob.arrayBuffer());
  });
  writeWhole(file, data);
  return { file, bytes: data.byteLength, sha256: createHash('sha256').update(data).digest('hex'), at: now.toISOString() };
}

/**
 * `ribat backup`: through the running node when one holds the directory, else directly
 * (taking the directory's lock for the time of the copy).
 */
export async function backup(databaseUrl: string, file: string | undefined, direct: (file: string) => Promise<Omit<BackupResult, 'via'>>): Promise<BackupResult> {
  const dir = embeddedDir(databaseUrl, 'backup');
  const out = path.resolve(file ?? defaultBackupFile(dir));
  if (!existsSync(dir)) throw new AppError('database_not_found', 404, `There is no embedded database at ${dir}`);
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = await ask(socketPathOf(dir), { op: 'backup', file: out }).catch((e: NodeJS.ErrnoException) => e);
    if (!(answer instanceof Error)) {
      if (answer.ok !== true) throw new AppError(String(answer.code ?? 'backup_failed'), 500, String(answer.message ?? 'the running node could not take the backup'));
      return { file: String(answer.file), bytes: Number(answer.bytes), sha256: String(answer.sha256), at: String(answer.at), via: 'server' };
    }
    if (answer.code !== 'ECONNREFUSED' && answer.code !== 'ENOENT') throw answer;
    try {
      return { ...(await direct(out)), via: 'direct' };
    } catch (e) {
      // a node started between the two steps: ask it instead
      if ((e as AppError).code !== 'database_in_use') throw e;
    }
  }
  throw new AppError('database_in_use', 409, `The embedded database ${dir} is changing hands; try again`);
}

export interface RestoreResult {
  dir: string;
  from: string;
  sha256: string;
  /** Where the folder that was there before now is (nothing is deleted). */
  previous: string | null;
}

/**
 * `ribat restore FILE`: only while no process holds the directory. The archive is first opened
 * as a database of its own beside the target; only once it opens and holds Ribat's tables does
 * it take the target's place, and the folder that was there is kept beside it.
 */
export async function restore(databaseUrl: string, file: string, now = new Date()): Promise<RestoreResult> {
  const dir = embeddedDir(databaseUrl, 'restore');
  const from = path.resolve(file);
  if (!existsSync(from)) throw new AppError('backup_not_found', 404, `There is no backup file at ${from}`);
  mkdirSync(dir, { recursive: true });
  const lock = await lockDirectory(dir, 'ribat restore');
  const staging = `${dir}.restoring-${stamp(now)}`;
  try {
    const data = readFileSync(from);
    rmSync(staging, { recursive: true, force: true });
    let pglite: PGlite | undefined;
    try {
      pglite = new PGlite(staging, { loadDataDir: new Blob([data]) });
      await pglite.waitReady;
      const r = await pglite.query<{ n: number }>(`select count(*)::int as n from information_schema.tables where table_name in ('meta', 'audit_log')`);
      if (r.rows[0]?.n !== 2) throw new Error('it holds no Ribat database');
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      throw new AppError('backup_invalid', 400, `${from} is not a usable backup (${(e as Error).message}); nothing was changed`);
    } finally {
      await pglite?.close().catch(() => {});
    }
    const hasData = existsSync(path.join(dir, 'PG_VERSION'));
    const previous = hasData ? `${dir}.before-restore-${stamp(now)}` : null;
    // The directory itself stays where it is, so that a path anyone holds keeps naming it:
    // its entries move aside one by one, then the staged ones move in.
    if (previous) mkdirSync(previous);
    for (const e of readdirSync(dir)) {
      if (previous) renameSync(path.join(dir, e), path.join(previous, e));
      else rmSync(path.join(dir, e), { recursive: true, force: true });
    }
    for (const e of readdirSync(staging)) renameSync(path.join(staging, e), path.join(dir, e));
    rmSync(staging, { recursive: true, force: true });
    return { dir, from, sha256: createHash('sha256').update(data).digest('hex'), previous };
  } finally {
    await lock.release();
  }
}
