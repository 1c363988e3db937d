/**
 * A fresh node's first start as `npm start` runs it (SEED_SCALE=small on embedded PGlite): every
 * list behind a page of the desk has rows, read through the HTTP API as the demo users who work
 * there, and seeding stays within a generous time bound on this two-core machine.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TEST_PASSWORD_COST } from '../../test/db-targets.ts';
import type { Module } from '../app/module.ts';
import { MODULES, type RunningNode, startNode } from '../main.ts';
import { NOTICE_STATES, NOTICE_TYPES } from '../notices/notice.ts';
import { DEMO_PASSWORD } from './users.ts';

/** Seconds the demo seeding may take on the test machine (it takes about a third of that). */
const SEED_BOUND_S = 120;
/** No page of the desk waits this long for its list. */
const REQUEST_TIMEOUT_MS = 30_000;

type Json = any;

interface Client {
  get(url: string): Promise<Json>;
  post(url: string, body: unknown): Promise<{ status: number; body: Json }>;
}

async function login(base: string, username: string): Promise<Client> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  assert.equal(res.status, 200, `${username} logs in`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'x-purpose': 'first-start test' };
  return {
    async get(url) {
      const r = await fetch(`${base}/api/v1${url}`, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      assert.equal(r.status, 200, `${username} GET ${url}: ${r.status}`);
      return r.json();
    },
    async post(url, body) {
      const r = await fetch(`${base}/api/v1${url}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      return { status: r.status, body: await r.json() };
    },
  };
}

/** The node's modules, each seed step timed (what `npm start` runs, nothing else). */
function timedModules(seconds: Map<string, number>): Module[] {
  return MODULES.map((m) => {
    const seed = m.seed;
    return seed
      ? {
          ...m,
          async seed(s, ctx) {
            const started = performance.now();
            await seed.call(m, s, ctx);
            seconds.set(m.name, (performance.now() - started) / 1000);
          },
        }
      : m;
  });
}

describe('the first start of a node with the default demo (small)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ribat-first-start-'));
  const steps = new Map<string, number>();
  let node: RunningNode;
  const as = new Map<string, Client>();
  const user = async (username: string) => as.get(username) ?? as.set(username, await login(node.url, username)).get(username)!;

  before(async () => {
    node = await startNode(
      { databaseUrl: `pglite:${path.join(dir, 'db')}`, port: 0, seedScale: 'small', logLevel: 'silent', webDist: 'web/does-not-exist', passwordCost: TEST_PASSWORD_COST, modules: timedModules(steps) },
      { ...process.env, NATS_URL: '', BACKUP_EVERY_HOURS: '0' },
    );
  });
  after(async () => {
    await node?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`seeds every module's demo in less than ${SEED_BOUND_S} s`, (t) => {
    const total = [...steps.values()].reduce((a, b) => a + b, 0);
    t.diagnostic(`seed steps: ${[...steps].map(([m, s]) => `${m} ${s.toFixed(1)} s`).join(', ')}; total ${total.toFixed(1)} s`);
    for (const m of ['seed', 'cases', 'notices', 'messages']) assert.ok(steps.has(m), `${m} has a seed step`);
    assert.ok(total < SEED_BOUND_S, `seeding took ${total.toFixed(1)} s`);
  });

  it('shows records of every kind', async () => {
    const analyst = await user('analyst');
    for (const kind of ['person', 'document', 'vehicle', 'group']) assert.ok((await analyst.get(`/records?kind=${kind}&limit=5`)).items.length > 0, kind);
  });

  it('holds notices in every state of the lifecycle and of most types, from several bureaus', async () => {
    const dpo = await user('dpo');
    for (const state of NOTICE_STATES) assert.ok((await dpo.get(`/notices?state=${state}&limit=1`)).items.length > 0, `a ${state} notice`);
    const present: string[] = [];
    for (const type of NOTICE_TYPES) if ((await dpo.get(`/notices?type=${type}&limit=1`)).items.length > 0) present.push(type);
    for (const type of ['red', 'yellow', 'blue', 'black', 'green', 'purple', 'silver', 'diffusion']) assert.ok(present.includes(type), `a ${type} notice`);
    const all = (await dpo.get('/notices?limit=100')).items as Array<{ ownerAgencyCode: string }>;
    assert.ok(new Set(all.map((n) => n.ownerAgencyCode)).size >= 10, 'requested by ten bureaus or more');
    // a bureau sees its own requests, drafts included
    assert.ok((await (await user('ncb.sen')).get('/notices?mine=true')).items.length >= 2);
  });

  it("fills the hub reviewer's queue, urgent requests first", async () => {
    const queue = (await (await user('reviewer')).get('/notices/review-queue')).items as Array<{ urgency: string; state: string }>;
    assert.ok(queue.length >= 4, `${queue.length} requests waiting`);
    assert.equal(queue[0].urgency, 'urgent');
    assert.ok(queue.some((n) => n.state === 'under_review') && queue.some((n) => n.state === 'submitted'));
  });

  it('has hits from border checks, followed up to an arrest, a location, a namesake, or overdue', async () => {
    const hits = (await (await user('dpo')).get('/hits')).items as Array<{ status: string; tasks: Array<{ status: string }> }>;
    assert.ok(hits.length >= 5, `${hits.length} hits`);
    for (const status of ['open', 'arrested', 'located', 'not_same_person']) assert.ok(hits.some((h) => h.status === status), `a hit ${status}`);
    assert.ok(hits.some((h) => h.tasks.some((t) => t.status === 'done')), 'a follow-up task done');
    assert.ok(hits.some((h) => h.tasks.some((t) => t.status === 'escalated')), 'a follow-up task escalated past its deadline');
    assert.ok((await (await user('ncb')).get('/hits')).items.length > 0, "the hub's bureau sees the hits on its notices");
  });

  it("gives each bureau's inbox threads, some unread, some about notices and cases", async () => {
    for (const [username, atLeast] of [['ncb', 6], ['ncb.sen', 3], ['ncb.esp', 2], ['ncb.mli', 2]] as const) {
      const threads = (await (await user(username)).get('/messages/threads')).items as Array<{ unread: number; noticeId: string | null; caseRef: string | null }>;
      assert.ok(threads.length >= atLeast, `${username}: ${threads.length} threads`);
      if (username === 'ncb') {
        assert.ok(threads.some((t) => t.unread > 0) && threads.some((t) => t.unread === 0), 'read and unread threads');
        assert.ok(threads.some((t) => t.noticeId) && threads.some((t) => t.caseRef), 'threads about notices and about cases');
      }
    }
  });

  it('notifies bureaus of hits, overdue messages and tasks, and notices to renew', async () => {
    const kinds = new Set<string>();
    for (const username of ['ncb', 'ncb.bnpj', 'ncb.sen', 'ncb.esp']) for (const n of (await (await user(username)).get('/notifications')).items) kinds.add(n.kind);
    for (const kind of ['hit_created', 'hit_outcome', 'task_overdue', 'message_overdue', 'notice_renewal_due', 'notice_expired']) assert.ok(kinds.has(kind), kind);
  });

  it('puts persons in every case of the first page', async () => {
    const analyst = await user('analyst');
    const cases = (await analyst.get('/cases?limit=10')).items as Array<{ id: string }>;
    assert.equal(cases.length, 10);
    for (const c of cases) {
      const parties = (await analyst.get(`/cases/${c.id}/parties`)).items as Array<{ kind: string; displayName: string | null }>;
      assert.ok(parties.some((p) => p.kind === 'person' && p.displayName), `case ${c.id} has a person`);
    }
  });

  it('lists gangs, some dismantled, with members', async () => {
    const analyst = await user('analyst');
    const dismantled = (await analyst.get('/gangs?status=dismantled')).items as Array<{ id: string; kind: string }>;
    assert.ok(dismantled.length >= 3);
    assert.ok((await analyst.get('/gangs?status=active')).items.length >= 1);
    const gang = dismantled.find((g) => g.kind === 'criminal_gang')!;
    assert.ok((await analyst.get(`/gangs/${gang.id}`)).members.length >= 2, 'a dismantled gang has its members');
  });

  it('lists warrants, complaints and migration events', async () => {
    const analyst = await user('analyst');
    for (const url of ['/warrants', '/complaints', '/migration-events']) assert.ok((await analyst.get(url)).items.length > 0, url);
  });

  it('has a network whose communities are worth analysing', async () => {
    const analyst = await user('analyst');
    const r = await analyst.post('/network/communities', { async: true });
    assert.ok(r.status === 200 || r.status === 202, `communities: ${r.status}`);
    let view = r.status === 200 ? r.body : null;
    for (let i = 0; !view && i < 600; i++) {
      await new Promise((res) => setTimeout(res, 100));
      const job = await analyst.get(`/network/jobs/${r.body.id}`);
      assert.notEqual(job.status, 'failed', job.error);
      if (job.status === 'done') view = job.result;
    }
    assert.ok(view, 'the communities job ends');
    const big = (view.communities as Array<{ size: number; kinds: Record<string, number> }>).filter((c) => c.size >= 10);
    assert.ok(big.length >= 5, `${big.length} communities of ten nodes or more`);
    assert.ok(big.some((c) => (c.kinds.case ?? 0) > 0 && (c.kinds.person ?? 0) > 2), 'cases and persons meet in a community');
    assert.ok(big.some((c) => (c.kinds.gang ?? 0) > 0), 'a gang in a community');
    assert.ok(big.some((c) => (c.kinds.phone ?? 0) > 0), 'a phone shared in a community');
  });

  it('opens the annual report on the current year, with data', async () => {
    const commander = await user('commander');
    const { latest } = await commander.get('/reports/annual');
    assert.equal(latest, new Date().getUTCFullYear());
    const report = await commander.get(`/reports/annual/${latest}`);
    assert.equal(report.hasData, true);
    assert.ok(report.cases.total.value > 0 && report.cases.total.previous > 0);
  });

  it('has an audit trail of it all', async () => {
    const page = (await (await user('dpo')).get('/audit?limit=50')).items as Array<{ action: string }>;
    assert.equal(page.length, 50);
  });

  it('seeds nothing twice on the next start', async () => {
    const dpo = await user('dpo');
    const count = async () => ({
      notices: (await dpo.get('/notices?limit=100')).items.length,
      threads: (await dpo.get('/messages/threads?limit=100')).items.length,
      hits: (await dpo.get('/hits?limit=100')).items.length,
      parties: (await dpo.get(`/cases/${(await dpo.get('/cases?limit=1')).items[0].id}/parties`)).items.length,
    });
    const before = await count();
    // what a second start runs before serving
    for (const m of node.services.modules) await m.seed?.(node.services, { scale: 'small' });
    assert.deepEqual(await count(), before);
  });
});
