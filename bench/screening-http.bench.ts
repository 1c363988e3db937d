/**
 * HTTP screening throughput against the real server: `npm run bench:screening-http`.
 * Seeds a fresh node (small: 20k persons), mints an API token for the frontline officer,
 * serves it in a child process, and drives POST /api/v1/screening/persons with autocannon
 * from this process (so both share the machine's two cores, as they would in production).
 * `-- --bare` drives a bare Fastify route with the same body instead (bench/bare-fastify.server.ts):
 * the machine's ceiling for any request, before authentication, audit and search.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { arg } from './targets.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ribat-http-'));
const env = { ...process.env, DATABASE_URL: process.env.PG_URL ?? `pglite:${dir}/db`, LOG_LEVEL: 'warn', SEED_SCALE: 'none' };
const ribat = (...args: string[]) => execFileSync(process.execPath, ['bin/ribat.js', ...args, '--json'], { env, encoding: 'utf8' }).trim().split('\n').at(-1)!;

const bare = process.argv.includes('--bare');
const scale = bare ? 'bare Fastify' : arg('scale', 'small');
let token = 'none';
if (!bare) {
  console.log(`seeding ${scale}…`);
  ribat('seed', '--scale', scale);
  token = JSON.parse(ribat('token', 'create', '--username', 'frontline', '--name', 'bench', '--scopes', 'screening:run')).token as string;
}

const port = String(18_500 + Math.floor(Math.random() * 400));
const serverArgs = bare ? ['--import', 'tsx', 'bench/bare-fastify.server.ts'] : ['bin/ribat.js', 'serve'];
const server = spawn(process.execPath, [...(process.env.PROFILE ? ['--cpu-prof', '--cpu-prof-dir=.tmp/prof2d'] : []), ...serverArgs], { env: { ...env, PORT: port }, stdio: ['ignore', 'ignore', 'inherit'] });
const url = `http://127.0.0.1:${port}`;
for (let i = 0; i < 600; i++) {
  try {
    if ((await fetch(`${url}/readyz`)).ok) break;
  } catch {
    // starting
  }
  await new Promise((r) => setTimeout(r, 200));
}

// names from the demo generator's vocabulary: hits, misses, Arabic and Latin
const NAMES = ['Mohamed Alaoui', 'محمد العلوي', 'Youssef El Amrani', 'يوسف العمراني', 'Fatima Zahra Bennani', 'Mamadou Diallo', 'Aminata Traore', 'Hocine Benali', 'Jean Martin', 'Ivan Petrov', 'Abdellatif Tazi', 'عبد اللطيف التازي'];
let n = 0;
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-purpose': 'benchmark' };
/** CPU time (ms) of a process (or one of its threads: /proc/<pid>/task/<tid>) so far, from /proc (Linux; 0 elsewhere): where the 2 cores went. */
const cpuMs = (pid: number | string | undefined, tid?: number) => {
  try {
    const f = readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
};
/** The PostgreSQL server's processes (with PG_URL on this machine): their CPU is the database's share of the cores. */
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
try {
  const server0 = cpuMs(server.pid);
  const main0 = cpuMs(server.pid, server.pid);
  const pg0 = process.env.PG_URL ? postgresCpuMs() : 0;
  const own0 = process.cpuUsage();
  const result = await autocannon({
    url: `${url}/api/v1/screening/persons`,
    method: 'POST',
    connections: Number(arg('connections', '64')),
    duration: Number(arg('duration', '15')),
    headers,
    requests: [{ setupRequest: (req: any) => ({ ...req, body: JSON.stringify({ name: NAMES[n++ % NAMES.length] }) }) }],
  });
  const errors = result.non2xx + result.errors;
  const perRequest = (ms: number) => Math.round((ms * 1000) / Math.max(1, result.requests.total));
  const own = process.cpuUsage(own0);
  const serverMs = cpuMs(server.pid) - server0;
  const mainMs = cpuMs(server.pid, server.pid) - main0;
  const pgMs = process.env.PG_URL ? postgresCpuMs() - pg0 : 0;
  console.log(
    `HTTP screening (${scale}, ${result.connections} connections, ${result.duration} s, ${process.env.SCREENING_WORKERS ?? 1} screening worker(s)): ` +
      `${Math.round(result.requests.average)} requests/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${errors} errors/non-2xx; ` +
      `CPU per request: server ${perRequest(serverMs)} µs (HTTP thread ${perRequest(mainMs)} µs, screening workers and the rest ${perRequest(serverMs - mainMs)} µs)` +
      `${process.env.PG_URL ? `, PostgreSQL ${perRequest(pgMs)} µs` : ''}, autocannon ${perRequest((own.user + own.system) / 1000)} µs`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
