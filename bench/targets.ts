import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';

/**
 * Fresh databases for benchmarks: an on-disk PGlite directory (what `npm start` uses) and,
 * when PG_URL or DATABASE_URL names a PostgreSQL server, a new database on it.
 */
export interface BenchTarget {
  name: 'pglite' | 'postgres';
  url: string;
  drop(): Promise<void>;
}

const server = process.env.PG_URL ?? (loadConfig().databaseUrl.startsWith('postgres') ? loadConfig().databaseUrl : 'postgres://postgres@127.0.0.1:5432/test');

export async function pgliteTarget(): Promise<BenchTarget> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ribat-bench-'));
  return { name: 'pglite', url: `pglite:${dir}/db`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

export async function postgresTarget(): Promise<BenchTarget | undefined> {
  const name = `ribat_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  try {
    await admin.connect();
  } catch {
    console.log(`postgres: skipped (no server at ${new URL(server).host})`);
    return undefined;
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  return {
    name: 'postgres',
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function targets(which: string): Promise<BenchTarget[]> {
  const out: BenchTarget[] = [];
  if (which === 'pglite' || which === 'both') out.push(await pgliteTarget());
  if (which === 'postgres' || which === 'both') {
    const p = await postgresTarget();
    if (p) out.push(p);
  }
  return out;
}

export const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : def;
};

export const secs = (ms: number) => Math.round(ms / 100) / 10;
