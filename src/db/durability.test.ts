import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn, TEST_PASSWORD_COST } from '../../test/db-targets.ts';
import { loadConfig } from '../config.ts';
import { createServices } from '../main.ts';
import { DEMO_PASSWORD } from '../seed/users.ts';

/**
 * kill -9 at any moment loses nothing that was acknowledged, and the store opens again.
 *
 * A real node (test/crash-node.ts) serves the API on the store; writers send records, cases
 * and API tokens through HTTP, each with its audit entry; the node is killed with SIGKILL at a
 * random moment while writes are in flight, started again, and every write it had answered
 * with 201 must be there. On the embedded store this runs on the PGlite directory of a real
 * `ribat start`; on PostgreSQL (DATABASE_URL=postgres://…) against the server.
 */
const KILLS = Number(process.env.RIBAT_CRASH_KILLS ?? 50);
const WRITERS = 6;

// one target per run: the embedded store, or PostgreSQL when the suite runs on it
const onPostgres = loadConfig().databaseUrl.startsWith('postgres');
const target = DB_TARGETS.find((t) => t.name === (onPostgres ? 'postgres' : 'pglite'))!;

interface Acked {
  kind: 'record' | 'case' | 'token';
  id: string;
}

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function startChild(url: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/crash-node.ts', url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the node did not start in 120 s: ${err}`)), 120_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /READY (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the node exited with ${code} before it was ready: ${err}`));
    });
  });
  return { child, base };
}

async function login(base: string) {
  const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'analyst', password: DEMO_PASSWORD }) });
  assert.equal(r.status, 200, await r.clone().text());
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'x-purpose': 'durability test', 'content-type': 'application/json' };
}

const WRITES: Record<Acked['kind'], (n: number) => { url: string; body: unknown; id: (j: any) => string }> = {
  record: (n) => ({
    url: '/api/v1/records',
    body: { kind: 'person', data: { names: [{ value: `Crash Test ${n}`, type: 'primary' }], birthDates: ['1980'], nationalities: ['MAR'] }, legalBasisCode: 'interpol_rpd', legalBasis: 'durability test' },
    id: (j) => j.id,
  }),
  case: (n) => ({ url: '/api/v1/cases', body: { category: 'drug_trafficking', title: `Crash case ${n}`, region: 'Rabat-Salé-Kénitra', openedOn: '2026-01-05' }, id: (j) => j.id }),
  token: (n) => ({ url: '/api/v1/tokens', body: { name: `crash ${n}`, scopes: ['records:read'] }, id: (j) => j.info.id }),
};
const KINDS = Object.keys(WRITES) as Acked['kind'][];

async function present(base: string, headers: Record<string, string>, acked: Acked[]): Promise<Acked[]> {
  const missing: Acked[] = [];
  const tokens = acked.some((a) => a.kind === 'token') ? await tokenIds(base, headers) : new Set<string>();
  for (const a of acked) {
    if (a.kind === 'token') {
      if (!tokens.has(a.id)) missing.push(a);
      continue;
    }
    const r = await fetch(`${base}/api/v1/${a.kind === 'record' ? 'records' : 'cases'}/${a.id}`, { headers });
    if (r.status !== 200) missing.push(a);
    await r.arrayBuffer();
  }
  return missing;
}

async function tokenIds(base: string, headers: Record<string, string>): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | undefined;
  do {
    const r = await fetch(`${base}/api/v1/tokens?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers });
    const j = (await r.json()) as { items: Array<{ id: string }>; nextCursor?: string | null };
    for (const t of j.items) ids.add(t.id);
    cursor = j.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

describeOn(target, `kill -9 during writes on ${target.name}`, { timeout: 3_600_000 }, () => {
  let url: string;
  let tmp: string | undefined;
  before(async () => {
    if (target.name === 'pglite') {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'ribat-crash-'));
      url = `pglite:${path.join(tmp, 'ribat')}`;
    } else url = await target.create();
    const s = await createServices({ ...loadConfig({}), databaseUrl: url }, { passwordCost: TEST_PASSWORD_COST, command: 'crash-test set-up' });
    await s.seeder.seed('tiny');
    await s.close();
  });
  after(async () => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    else if (url) await target.drop(url);
  });

  it(`keeps every acknowledged write through ${KILLS} kills and opens again after each`, async () => {
    const rnd = seeded(20261206);
    const all: Acked[] = [];
    let previous: Acked[] = [];
    let n = 0;
    let inFlightAtKill = 0;
    for (let kill = 0; kill <= KILLS; kill++) {
      const { child, base } = await startChild(url);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        const headers = await login(base);
        const lost = await present(base, headers, previous);
        assert.deepEqual(lost, [], `after kill ${kill}: acknowledged writes lost`);
        if (kill === KILLS) {
          const lostAny = await present(base, headers, all);
          assert.deepEqual(lostAny, [], 'acknowledged writes lost over the whole run');
          child.kill('SIGTERM');
          await exited;
          break;
        }
        const acked: Acked[] = [];
        let stop = false;
        let pending = 0;
        const writer = async (w: number) => {
          while (!stop) {
            const kind = KINDS[(n + w) % KINDS.length];
            const req = WRITES[kind](++n);
            pending++;
            try {
              const r = await fetch(`${base}${req.url}`, { method: 'POST', headers, body: JSON.stringify(req.body) });
              const body = await r.json();
              if (r.status === 201) acked.push({ kind, id: req.id(body) });
              else assert.fail(`${kind} answered ${r.status}: ${JSON.stringify(body)}`);
            } catch (e) {
              if (!stop) throw e;
            } finally {
              pending--;
            }
          }
        };
        const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
        // kill at a random moment once writes flow (the first acknowledged, on a loaded machine
        // that can take a while): 150 to 900 ms after it
        for (const until = Date.now() + 60_000; acked.length === 0 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 10));
        await new Promise((r) => setTimeout(r, 150 + rnd() * 750));
        inFlightAtKill += pending;
        stop = true;
        child.kill('SIGKILL');
        await exited;
        await Promise.all(writers);
        assert.ok(acked.length > 0, `kill ${kill}: no write was acknowledged before the kill`);
        all.push(...acked);
        previous = acked;
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    }
    // after a clean stop the audit chain is whole: no kill left half an entry
    const s = await createServices({ ...loadConfig({}), databaseUrl: url }, { passwordCost: TEST_PASSWORD_COST, command: 'crash-test check' });
    try {
      const chain = await s.audit.verifyChain();
      assert.equal(chain.ok, true, JSON.stringify(chain));
    } finally {
      await s.close();
    }
    process.stdout.write(`# ${target.name}: ${KILLS} kills survived of ${KILLS}, ${all.length} acknowledged writes (${KINDS.map((k) => `${all.filter((a) => a.kind === k).length} ${k}s`).join(', ')}), 0 lost, ${inFlightAtKill} requests in flight at the kills\n`);
  });
});
