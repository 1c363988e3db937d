import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { type Actor, SCOPES } from '../auth/roles.ts';
import { DB_TARGETS, describeOn, type TestNode, testServices } from '../../test/db-targets.ts';
import { caseKey, gangKey } from './graph.ts';
import { NetworkClient } from './network-client.ts';
import { type NetworkFixture, seedNetwork } from './network.fixtures.ts';
import { NetworkRepo } from './network.repo.ts';
import { NetworkService } from './network.service.ts';

const PHONE = 'phone:+212600000001';
const actor = (userId: string, agencyId: string, roles: Actor['roles'] = ['analyst']): Actor => ({ userId, agencyId, roles, scopes: [...SCOPES], via: 'session' });

for (const target of DB_TARGETS) {
  describeOn(target, `network service on ${target.name}`, () => {
    let s: TestNode;
    let f: NetworkFixture;
    let hub: Actor;
    let sen: Actor;

    before(async () => {
      s = await testServices(target);
      f = await seedNetwork(s);
      hub = actor('hub-analyst', f.hubId);
      sen = actor('sen-analyst', f.senId);
    });
    after(() => s.dispose());

    it('builds the graph from links, case parties and gang members', async () => {
      const g = await s.network.graph(hub, { focus: f.p.a1, depth: 1 }, 'enquête');
      const keys = new Set(g.nodes.map((n) => n.key));
      for (const k of [f.p.a2, f.p.a3, f.p.x, caseKey(f.cases.cA), gangKey(f.gangs.gA)]) assert.ok(keys.has(k), k);
      const gang = g.nodes.find((n) => n.key === gangKey(f.gangs.gA))!;
      assert.deepEqual([gang.kind, gang.label], ['gang', 'Gang A']);
      const toCase = g.edges.find((e) => [e.source, e.target].includes(caseKey(f.cases.cA)))!;
      assert.deepEqual(toCase.types, ['party:suspect']);
    });

    it('connects two cases that name the same phone, however it is written', async () => {
      const path = await s.network.path(hub, caseKey(f.cases.cA), caseKey(f.cases.cB), 'enquête');
      assert.deepEqual(path.chain.map((n) => n.key), [caseKey(f.cases.cA), PHONE, caseKey(f.cases.cB)]);
      assert.deepEqual(path.chain.map((n) => n.kind), ['case', 'phone', 'case']);
      const ego = await s.network.graph(hub, { focus: PHONE, depth: 1 }, '');
      assert.deepEqual(ego.nodes.map((n) => n.key).sort(), [PHONE, caseKey(f.cases.cA), caseKey(f.cases.cB)].sort());
    });

    it('never shows a node the user may not see, nor its edges, nor a path through it', async () => {
      const ego = await s.network.graph(hub, { focus: f.p.p, depth: 3 }, '');
      assert.deepEqual(ego.nodes.map((n) => n.key), [f.p.p], 'h (RED, SEN only) is not even an anonymous dot');
      assert.deepEqual(ego.edges, []);
      const path = await s.network.path(hub, f.p.p, f.p.q, '');
      assert.equal(path.found, false);
      await assert.rejects(s.network.graph(hub, { focus: f.p.h }, ''), { code: 'node_not_found' });
      // SEN, a named recipient by ownership, sees h and the chain p – h – q
      assert.equal((await s.network.path(sen, f.p.p, f.p.q, '')).length, 2);
    });

    it('leaves out records past their review date and phones known only from hidden cases', async () => {
      const ego = await s.network.graph(hub, { focus: f.p.a1, depth: 1 }, '');
      assert.ok(!ego.nodes.some((n) => n.key === f.p.e));
      const all = await s.network.graph(hub, { focus: caseKey(f.cases.cB), depth: 3, limit: 2000 }, '');
      assert.ok(!all.nodes.some((n) => n.key === 'phone:+212699000000' || n.key === caseKey(f.cases.cS)));
      await assert.rejects(s.network.graph(hub, { focus: 'phone:+212699000000' }, ''), { code: 'node_not_found' });
      const senView = await s.network.graph(sen, { focus: caseKey(f.cases.cS), depth: 1 }, '');
      assert.ok(senView.nodes.some((n) => n.key === 'phone:+212699000000'));
    });

    it('bounds the ego network by its limit and filters kinds', async () => {
      const small = await s.network.graph(hub, { focus: f.p.x, depth: 3, limit: 4 }, '');
      assert.equal(small.nodes.length, 4);
      assert.equal(small.truncated, true);
      const persons = await s.network.graph(hub, { focus: f.p.x, depth: 2, kinds: ['person'] }, '');
      assert.ok(persons.nodes.every((n) => n.kind === 'person'));
    });

    it('finds communities, and key players of a gang with why', async () => {
      const r = await s.network.communities(hub, {}, 'analyse');
      assert.ok('result' in r);
      assert.ok(r.result.count >= 2);
      assert.ok(r.result.communities.every((c) => c.size >= 2 && c.topMembers.length > 0));
      const kp = await s.network.keyPlayers(hub, { gangId: f.gangs.gA }, 'analyse');
      assert.ok(kp.items.length > 0);
      assert.ok(kp.items.every((k) => k.kind === 'person' || k.kind === 'group'));
      assert.ok(kp.items[0].reasons.length > 0);
    });

    it('runs a large communities request as a job with progress, then key players of one community', async () => {
      const svc = new NetworkService(s.conn.db, new NetworkRepo(), s.audit, s.clock, () => crypto.randomUUID(), new NetworkClient(), { asyncAboveEdges: 0 });
      try {
        const r = await svc.communities(hub, { region: 'Oriental' }, 'analyse');
        assert.ok('job' in r);
        let job = r.job;
        for (let i = 0; i < 200 && job.status === 'running'; i++) {
          await new Promise((ok) => setTimeout(ok, 25));
          job = svc.job(hub, job.id);
        }
        assert.equal(job.status, 'done');
        assert.equal(job.progress, 1);
        assert.throws(() => svc.job(sen, job.id), { code: 'job_not_found' });
        const first = job.result!.communities[0];
        const kp = await svc.keyPlayers(hub, { jobId: job.id, community: first.id }, 'analyse');
        assert.ok(kp.nodes <= first.size);
        // every member of the community, a page at a time, for the graph view's colours
        const all = await svc.communityMembers(hub, job.id, first.id, {}, 'analyse');
        assert.equal(all.total, first.size);
        assert.equal(all.items.length, first.size);
        assert.ok(first.topMembers.every((m) => all.items.some((i) => i.key === m.key && i.label === m.label)));
        const page2 = await svc.communityMembers(hub, job.id, first.id, { offset: 1, limit: 1 }, 'analyse');
        assert.deepEqual(page2.items, all.items.slice(1, 2));
        await assert.rejects(svc.communityMembers(hub, job.id, 9999, {}, ''), { code: 'community_not_found' });
        await assert.rejects(svc.communityMembers(sen, job.id, first.id, {}, ''), { code: 'job_not_found' });
        // dismantling within that community: its own components, not the region's
        const d = await svc.dismantle(hub, { nodes: [first.topMembers[0].key], jobId: job.id, community: first.id }, 'simulation');
        assert.equal(d.before.nodes, kp.nodes);
        assert.deepEqual(d.removed.map((n) => n.key), [first.topMembers[0].key]);
        await assert.rejects(svc.dismantle(hub, { nodes: [f.p.x], jobId: job.id, community: first.id, scope: { region: 'Oriental' } }, ''), { code: 'scope_ambiguous' });
        await assert.rejects(svc.dismantle(hub, { nodes: [f.p.x], jobId: job.id, community: 9999 }, ''), { code: 'community_not_found' });
      } finally {
        await svc.close();
      }
    });

    it('shows that arresting the broker and cutting the phone splits the two gangs', async () => {
      const r = await s.network.dismantle(hub, { nodes: [f.p.x, PHONE], scope: { gangIds: [f.gangs.gA, f.gangs.gB] } }, 'simulation');
      assert.equal(r.before.components, 1);
      assert.equal(r.after.components, 2);
      assert.deepEqual(r.removed.map((n) => n.kind), ['person', 'phone']);
      // no scope: everything the hub may see
      const everything = await s.network.dismantle(hub, { nodes: [f.p.x] }, '');
      assert.ok(everything.before.nodes > r.before.nodes);
      assert.deepEqual(everything.removed.map((n) => n.key), [f.p.x]);
      await assert.rejects(s.network.dismantle(hub, { nodes: [f.p.x], community: 0 }, ''), { code: 'community_needs_job' });
      await assert.rejects(s.network.dismantle(hub, { nodes: [f.p.x], scope: { region: 'Oriental', gangIds: [f.gangs.gA] } }, ''), { code: 'scope_ambiguous' });
    });

    it('lists persons shared between gangs and between countries', async () => {
      const gangs = await s.network.shared(hub, { by: 'gangs' }, '');
      assert.deepEqual(gangs.items.map((i) => i.key), [f.p.x]);
      const countries = await s.network.shared(hub, { by: 'countries' }, '');
      assert.ok(countries.items.some((i) => i.key === f.p.x && i.shared.some((c) => c.key === 'ESP')));
    });

    it('refuses a user without network.read and audits every analysis with its purpose', async () => {
      await assert.rejects(s.network.graph(actor('front', f.hubId, ['frontline']), { focus: f.p.a1 }, ''), { code: 'forbidden_role' });
      await s.network.path(hub, f.p.a3, f.p.b3, 'dossier 42');
      const dpo = actor('dpo', f.hubId, ['dpo']);
      const page = await s.audit.list(dpo, { action: 'network.path' }, {}, 'test');
      const entry = page.items.find((e) => e.purpose === 'dossier 42')!;
      assert.ok(entry.subjectIds.includes(f.p.x));
    });
  });
}
