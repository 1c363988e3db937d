import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { TEST_PASSWORD_COST } from '../../test/db-targets.ts';
import { main } from '../cli/main.ts';
import { type RunningNode, startNode } from '../main.ts';
import { connect } from './connect.ts';
import { socketPathOf } from './lock.ts';
import { backupIfDue, listBackups } from './backup-schedule.ts';

/** Another process, spawned without blocking this one: the node under test lives here and must answer it. */
function cli(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/ribat.js', ...args], { env: { ...process.env, ...env, NATS_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

async function runMain(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const sink = (f: (s: string) => void) => ({ write: (s: string) => (f(s), true) }) as unknown as typeof process.stdout & typeof process.stderr;
  const code = await main(args, { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)), env: { ...process.env, ...env, NATS_URL: '' } });
  return { code, stdout, stderr };
}

describe('the embedded store: one process, backups, damage', () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ribat-lock-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('refuses a second opener with database_in_use, naming the holder', async () => {
    const dir = path.join(tmp, 'one');
    const first = await connect(`pglite:${dir}`, { command: 'ribat start' });
    try {
      await assert.rejects(connect(`pglite:${dir}`, { command: 'ribat token create' }), (e: any) => {
        assert.equal(e.code, 'database_in_use');
        assert.match(e.message, new RegExp(`process ${process.pid} \\(ribat start`));
        return true;
      });
      // and the first one is untouched
      assert.equal((await sql<{ n: number }>`select 1 as n`.execute(first.db)).rows[0].n, 1);
    } finally {
      await first.close();
    }
    const again = await connect(`pglite:${dir}`);
    await again.close();
  });

  it('takes over the directory of a process killed with SIGKILL', async () => {
    const dir = path.join(tmp, 'killed');
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `import('./src/db/connect.ts').then(async (m) => { await m.connect('pglite:${dir}', { command: 'holder' }); process.stdout.write('HELD\\n'); setInterval(() => {}, 1000); })`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout!.on('data', (d) => String(d).includes('HELD') && resolve()));
    await assert.rejects(connect(`pglite:${dir}`), (e: any) => e.code === 'database_in_use' && e.message.includes(`process ${child.pid} (holder`));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    assert.ok(existsSync(socketPathOf(dir)), 'the dead holder left its socket behind');
    const c = await connect(`pglite:${dir}`);
    const s = await sql<{ fsync: string; walSyncMethod: string }>`select current_setting('fsync') as fsync, current_setting('wal_sync_method') as "walSyncMethod"`.execute(c.db);
    assert.deepEqual({ ...s.rows[0] }, { fsync: 'on', walSyncMethod: 'fsync' }, 'each commit is flushed to the disk');
    await c.close();
  });

  describe('with a node running', () => {
    let node: RunningNode | undefined;
    const dir = () => path.join(tmp, 'node', 'ribat');
    const env = () => ({ DATABASE_URL: `pglite:${dir()}` });
    before(async () => {
      node = await startNode({ databaseUrl: `pglite:${dir()}`, port: 0, seedScale: 'tiny', logLevel: 'silent', webDist: 'web/does-not-exist', passwordCost: TEST_PASSWORD_COST }, { ...process.env, NATS_URL: '' });
    });
    after(async () => {
      await node?.close();
    });

    it('refuses `ribat token create` and `ribat start` from another process while it runs', async () => {
      for (const args of [['token', 'create', '--username', 'admin', '--name', 'second', '--scopes', 'records:read'], ['start']]) {
        const r = await cli(args, env());
        assert.equal(r.status, 1, r.stderr);
        assert.match(r.stderr, /database_in_use/);
        assert.match(r.stderr, new RegExp(`process ${process.pid} \\(ribat start, since [^)]+\\), serving ${node!.url.replace(/\./g, '\\.')}`));
        assert.equal(r.stdout, '', 'no token is printed');
      }
    });

    it('takes a backup through the running node, audited, while it serves', async () => {
      const out = path.join(tmp, 'b1.tar.gz');
      const r = await cli(['backup', '--out', out, '--json'], env());
      assert.equal(r.status, 0, r.stderr);
      const j = JSON.parse(r.stdout);
      assert.equal(j.via, 'server');
      assert.equal(j.file, out);
      assert.ok(j.bytes > 100_000 && /^[0-9a-f]{64}$/.test(j.sha256));
      const audit = await node!.services.conn.db.selectFrom('auditLog').select(['action', 'details']).where('action', '=', 'database.backup').execute();
      assert.equal(audit.length, 1);
      assert.equal((audit[0].details as { sha256: string }).sha256, j.sha256);
      assert.equal((await fetch(`${node!.url}/readyz`)).status, 200);
    });

    it('restores only when the node is stopped, keeps the old folder, and the audit verifies', async () => {
      const busy = await runMain(['restore', path.join(tmp, 'b1.tar.gz')], env());
      assert.equal(busy.code, 1);
      assert.match(busy.stderr, /database_in_use/);
      // a change after the backup, then the node stops
      const before = await node!.services.conn.db.selectFrom('records').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      await node!.close();
      node = undefined;
      const bad = path.join(tmp, 'garbage.tar.gz');
      writeFileSync(bad, 'not a backup');
      const refused = await runMain(['restore', bad], env());
      assert.equal(refused.code, 2, refused.stderr);
      assert.match(refused.stderr, /backup_invalid/);
      const r = await runMain(['restore', path.join(tmp, 'b1.tar.gz'), '--json'], env());
      assert.equal(r.code, 0, r.stderr);
      const j = JSON.parse(r.stdout);
      assert.ok(j.previous && existsSync(path.join(j.previous, 'PG_VERSION')), 'the folder that was there is kept');
      const verify = await runMain(['audit', 'verify', '--json'], env());
      assert.equal(verify.code, 0, verify.stdout + verify.stderr);
      const c = await connect(`pglite:${dir()}`);
      try {
        const after = await c.db.selectFrom('records').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        assert.equal(after.n, before.n);
        const restored = await c.db.selectFrom('auditLog').select('details').where('action', '=', 'database.restored').executeTakeFirstOrThrow();
        assert.equal((restored.details as { from: string }).from, path.join(tmp, 'b1.tar.gz'));
      } finally {
        await c.close();
      }
    });

    it('refuses a damaged directory with database_damaged and names the backups to restore', async () => {
      const backups = path.join(path.dirname(dir()), 'backups');
      const b = await runMain(['backup', '--json'], env());
      assert.equal(b.code, 0, b.stderr);
      assert.equal(readdirSync(backups).filter((f) => f.endsWith('.tar.gz')).length, 1);
      truncateSync(path.join(dir(), 'global', 'pg_control'), 0);
      await assert.rejects(connect(`pglite:${dir()}`), (e: any) => {
        assert.equal(e.code, 'database_damaged');
        assert.match(e.message, /ribat restore .*backups\/ribat-\d{8}T\d{6}Z\.tar\.gz/);
        return true;
      });
      const r = await runMain(['restore', JSON.parse(b.stdout).file], env());
      assert.equal(r.code, 0, r.stderr);
      const c = await connect(`pglite:${dir()}`);
      await c.close();
    });
  });

  it('takes scheduled backups while it serves, when one is due, and keeps the newest BACKUP_KEEP', async () => {
    const dir = path.join(tmp, 'scheduled', 'ribat');
    const node = await startNode(
      { databaseUrl: `pglite:${dir}`, port: 0, seedScale: 'tiny', logLevel: 'silent', webDist: 'web/does-not-exist', passwordCost: TEST_PASSWORD_COST, backupFirstCheckMs: 20 },
      { ...process.env, NATS_URL: '', BACKUP_EVERY_HOURS: '24', BACKUP_KEEP: '2' },
    );
    try {
      for (let i = 0; i < 100 && listBackups(dir).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(listBackups(dir).length, 1, 'the first look after start takes one');
      // not due again within the interval
      assert.equal(await backupIfDue({ dir, everyHours: 24, keep: 2, take: (f) => node.services.backup(f) }), null);
      // due a day later, twice: the oldest beyond two goes
      const day = (n: number) => () => new Date(Date.now() + n * 86_400_000 + 1000);
      const touch = async (n: number) => {
        const f = await backupIfDue({ dir, everyHours: 24, keep: 2, take: (f) => node.services.backup(f), now: day(n) });
        assert.ok(f);
        const { utimesSync } = await import('node:fs');
        utimesSync(f!, day(n)(), day(n)());
        return f!;
      };
      const second = await touch(1);
      const third = await touch(2);
      assert.deepEqual(listBackups(dir).map((b) => b.file), [second, third]);
      const audited = await node.services.conn.db.selectFrom('auditLog').select('action').where('action', '=', 'database.backup').execute();
      assert.equal(audited.length, 3);
    } finally {
      await node.close();
    }
  });
});
