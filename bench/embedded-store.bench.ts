/**
 * The embedded store's costs: what flushing each commit to the disk costs against leaving it to
 * the kernel (PGLITE_DURABILITY=disk|kernel), and what a backup of a served database takes and how
 * long other requests wait meanwhile.
 * `npm run bench:embedded [-- --commits 500] [-- --scale small]`
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { connect } from '../src/db/connect.ts';
import { startNode } from '../src/main.ts';
import { arg, pgliteTarget, secs } from './targets.ts';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x: number) => Math.round(x * 100) / 100;

const commits = Number(arg('commits', '500'));
for (const durability of ['kernel', 'disk'] as const) {
  const t = await pgliteTarget();
  const c = await connect(t.url, { durability, command: 'bench' });
  try {
    await sql`create table bench_commit (id int primary key, body text not null)`.execute(c.db);
    const each: number[] = [];
    const started = performance.now();
    for (let i = 0; i < commits; i++) {
      const t0 = performance.now();
      await c.db.transaction().execute((trx) => sql`insert into bench_commit values (${i}, ${'x'.repeat(200)})`.execute(trx));
      each.push(performance.now() - t0);
    }
    const total = performance.now() - started;
    console.log(
      `commits, PGLITE_DURABILITY=${durability}: ${commits} one-row transactions in ${Math.round(total)} ms, ${Math.round((commits * 1000) / total)} commits/s, p50 ${ms(quantile(each, 0.5))} ms, p99 ${ms(quantile(each, 0.99))} ms`,
    );
  } finally {
    await c.close();
    await t.drop();
  }
}

const scale = arg('scale', 'small') as 'tiny' | 'small';
const t = await pgliteTarget();
const seedStarted = performance.now();
const node = await startNode({ databaseUrl: t.url, port: 0, seedScale: scale, logLevel: 'silent', webDist: 'web/does-not-exist' }, { ...process.env, NATS_URL: '', BACKUP_EVERY_HOURS: '0' });
console.log(`backup: node with the ${scale} demo data ready in ${secs(performance.now() - seedStarted)} s`);
try {
  for (let i = 1; i <= 3; i++) {
    // a reader asking every 10 ms while the backup runs: how long does it wait?
    const waits: number[] = [];
    let stop = false;
    const reader = (async () => {
      while (!stop) {
        const t0 = performance.now();
        const r = await fetch(`${node.url}/readyz`);
        await r.arrayBuffer();
        waits.push(performance.now() - t0);
        await new Promise((res) => setTimeout(res, 10));
      }
    })();
    await new Promise((res) => setTimeout(res, 200));
    const t0 = performance.now();
    const b = await node.services.backup(path.join(path.dirname(t.url.slice('pglite:'.length)), `bench-${i}.tar.gz`));
    const took = performance.now() - t0;
    await new Promise((res) => setTimeout(res, 200));
    stop = true;
    await reader;
    const dbBytes = statSync(b.file).size;
    console.log(`backup ${i}: ${Math.round(took)} ms, ${(dbBytes / 1e6).toFixed(1)} MB gzip; a concurrent reader's longest wait ${Math.round(Math.max(...waits))} ms (p50 ${ms(quantile(waits, 0.5))} ms over ${waits.length} requests)`);
  }
} finally {
  await node.close();
  await t.drop();
}
