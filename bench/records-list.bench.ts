/**
 * The records list over HTTP against the real server: `npm run bench:records-list [-- --target pglite|postgres|both]`.
 * Seeds a fresh node with about 4,000 records owned by many agencies under every handling code
 * (the demo seeder's tiny scale, then a prefix of the small scale's records), mints read tokens
 * for officers of four agencies, serves the node in a child process and drives
 * GET /api/v1/records?limit=50 with autocannon from this process, the officers taking turns.
 * Options: --records 4000, --connections 32, --duration 15.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/main.ts';
import { demoRecords } from '../src/seed/demo.ts';
import { arg, secs, targets } from './targets.ts';

const RECORDS = Number(arg('records', '4000'));
const CONNECTIONS = Number(arg('connections', '32'));
const DURATION = Number(arg('duration', '15'));
// the hub, two foreign bureaus and a foreign analyst: each sees a different slice under the handling rule
const READERS = ['ncb', 'ncb.sen', 'ncb.esp', 'analyst.fra'];

function* take<T>(items: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  for (const item of items) {
    yield item;
    if (--n === 0) return;
  }
}

/** Seeds the node and returns one read token per reader. */
async function prepare(url: string): Promise<{ tokens: string[]; records: number }> {
  const s = await createServices({ ...loadConfig({}), databaseUrl: url, logLevel: 'silent' });
  try {
    const seeded = await s.seeder.seed('tiny');
    const actor = await s.seeder.consoleActor();
    // links to records outside the prefix are reported and skipped, which is fine here
    await s.importer.run(actor, 'bench', take(demoRecords('small', 7), RECORDS - seeded.records), { batchSize: 1000 });
    const tokens = [];
    for (const username of READERS) {
      const reader = await s.auth.consoleActorFor(username);
      tokens.push((await s.auth.createToken(reader, { name: 'bench', scopes: ['records:read'] })).token);
    }
    const { n } = await s.conn.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { tokens, records: Number(n) };
  } finally {
    await s.close();
  }
}

/** CPU time (ms) of a process so far, from /proc (Linux; 0 elsewhere). */
const cpuMs = (pid: number | string | undefined) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
};
/** The PostgreSQL server's processes on this machine: the database's share of the cores. */
const postgresCpuMs = () => {
  let ms = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') ms += cpuMs(pid);
    } catch {
      // ended meanwhile
    }
  }
  return ms;
};

for (const t of await targets(arg('target', 'both'))) {
  const started = performance.now();
  const { tokens, records } = await prepare(t.url);
  console.log(`${t.name}: ${records} records seeded in ${secs(performance.now() - started)} s`);
  const port = String(18_900 + Math.floor(Math.random() * 400));
  const env = { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'warn', SEED_SCALE: 'none', PORT: port };
  const server = spawn(process.execPath, ['bin/ribat.js', 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`${base}/readyz`)).ok) break;
      } catch {
        // starting
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const url = `${base}/api/v1/records?limit=50`;
    const headersOf = (i: number) => ({ authorization: `Bearer ${tokens[i % tokens.length]}`, 'x-purpose': 'benchmark' });
    // the answer is a real page: 50 records for every reader
    for (let i = 0; i < tokens.length; i++) {
      const res = await fetch(url, { headers: headersOf(i) });
      const body = (await res.json()) as { items?: unknown[] };
      if (res.status !== 200 || body.items?.length !== 50) throw new Error(`${READERS[i]}: status ${res.status}, ${body.items?.length} items`);
    }
    let n = 0;
    const drive = (duration: number) =>
      autocannon({ url, connections: CONNECTIONS, duration, requests: [{ setupRequest: (req: any) => ({ ...req, headers: { ...req.headers, ...headersOf(n++) } }) }] });
    await drive(2); // warm-up: plans cached, pools filled
    const server0 = cpuMs(server.pid);
    const pg0 = t.name === 'postgres' ? postgresCpuMs() : 0;
    const client0 = process.cpuUsage();
    const r = await drive(DURATION);
    const client = process.cpuUsage(client0);
    const perRequest = (ms: number) => Math.round((ms * 1000) / Math.max(1, r.requests.total));
    const pgCpu = t.name === 'postgres' ? `, PostgreSQL ${perRequest(postgresCpuMs() - pg0)} µs` : '';
    console.log(
      `records list on ${t.name} (${records} records, limit 50, ${r.connections} connections, ${r.duration} s): ` +
        `${Math.round(r.requests.average)} requests/s, latency p50 ${r.latency.p50} ms, p97.5 ${r.latency.p97_5} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, ` +
        `${r.non2xx + r.errors} errors/non-2xx; CPU per request: server ${perRequest(cpuMs(server.pid) - server0)} µs${pgCpu}, load generator ${perRequest((client.user + client.system) / 1000)} µs`,
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await t.drop();
  }
}
