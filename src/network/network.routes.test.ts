import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn } from '../../test/db-targets.ts';
import { type Harness, httpHarness, type Session } from '../../test/http-harness.ts';
import { caseKey } from './graph.ts';
import { type NetworkFixture, seedNetwork } from './network.fixtures.ts';

for (const target of DB_TARGETS) {
  describeOn(target, `network HTTP API on ${target.name}`, () => {
    let h: Harness;
    let f: NetworkFixture;
    let analyst: Session;
    let frontline: Session;
    const purpose = { 'x-purpose': 'enquête 7' };

    before(async () => {
      h = await httpHarness(target);
      f = await seedNetwork(h.s);
      analyst = await h.as('analyst');
      frontline = await h.as('frontline');
    });
    after(() => h.close());

    const get = (who: Session | null, url: string) => h.call(who, { method: 'GET', url, headers: purpose });
    const post = (who: Session | null, url: string, payload: unknown) => h.call(who, { method: 'POST', url, payload: payload as object, headers: purpose });

    it('GET /network/graph: 401, 403, 400, 404 for a hidden node, 200', async () => {
      const url = `/api/v1/network/graph?focus=${f.p.a1}&depth=2&kinds=person&kinds=gang`;
      assert.equal((await get(null, url)).statusCode, 401);
      const forbidden = await get(frontline, url);
      assert.equal(forbidden.statusCode, 403);
      assert.equal(forbidden.json().code, 'forbidden_role');
      assert.equal((await get(analyst, `/api/v1/network/graph?focus=${f.p.a1}&depth=7`)).json().code, 'validation_failed');
      assert.equal((await get(analyst, `/api/v1/network/graph?focus=${f.p.a1}&kinds=planet`)).statusCode, 400);
      assert.equal((await get(analyst, `/api/v1/network/graph?focus=${f.p.h}`)).json().code, 'node_not_found');
      const ok = await get(analyst, url);
      assert.equal(ok.statusCode, 200, ok.body);
      const body = ok.json();
      assert.ok(body.nodes.every((n: any) => n.kind === 'person' || n.kind === 'gang'));
      assert.ok(body.nodes.some((n: any) => n.label === 'Xavier Broker'));
      assert.ok(!body.nodes.some((n: any) => n.key === f.p.h));
    });

    it('POST /network/communities: 401, 403, 400, 200, and 202 with a job to poll', async () => {
      const url = '/api/v1/network/communities';
      assert.equal((await post(null, url, {})).statusCode, 401);
      assert.equal((await post(frontline, url, {})).statusCode, 403);
      assert.equal((await post(analyst, url, { caseIds: ['nope'] })).statusCode, 400);
      assert.equal((await post(analyst, url, { region: 'Oriental', gangIds: [f.gangs.gA] })).json().code, 'scope_ambiguous');
      const ok = await post(analyst, url, { region: 'Oriental' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.ok(ok.json().communities[0].topMembers.length > 0);
      const accepted = await post(analyst, url, { async: true });
      assert.equal(accepted.statusCode, 202, accepted.body);
      let job = accepted.json();
      assert.equal(accepted.headers.location, `/api/v1/network/jobs/${job.id}`);
      for (let i = 0; i < 200 && job.status === 'running'; i++) {
        await new Promise((ok) => setTimeout(ok, 25));
        job = (await get(analyst, `/api/v1/network/jobs/${job.id}`)).json();
      }
      assert.equal(job.status, 'done');
      assert.ok(job.result.count >= 2);
      const other = await h.as('commander');
      assert.equal((await get(other, `/api/v1/network/jobs/${job.id}`)).json().code, 'job_not_found');
      assert.equal((await get(analyst, '/api/v1/network/jobs/42')).statusCode, 400);
      // the members of one community, paged, and a dismantling within it
      const first = job.result.communities[0];
      const membersUrl = `/api/v1/network/jobs/${job.id}/communities/${first.id}/members`;
      assert.equal((await get(null, membersUrl)).statusCode, 401);
      assert.equal((await get(frontline, membersUrl)).statusCode, 403);
      assert.equal((await get(analyst, `${membersUrl}?limit=0`)).statusCode, 400);
      assert.equal((await get(analyst, `/api/v1/network/jobs/${job.id}/communities/-1/members`)).statusCode, 400);
      assert.equal((await get(other, membersUrl)).json().code, 'job_not_found');
      const members = await get(analyst, `${membersUrl}?limit=2`);
      assert.equal(members.statusCode, 200, members.body);
      assert.equal(members.json().total, first.size);
      assert.equal(members.json().items.length, Math.min(2, first.size));
      assert.deepEqual(Object.keys(members.json().items[0]).sort(), ['key', 'kind', 'label']);
      const d = await post(analyst, '/api/v1/network/dismantle', { nodes: [first.topMembers[0].key], jobId: job.id, community: first.id });
      assert.equal(d.statusCode, 200, d.body);
      assert.equal(d.json().before.nodes, first.size);
    });

    it('GET /network/key-players: 401, 403, 400, 200', async () => {
      const url = `/api/v1/network/key-players?gangId=${f.gangs.gB}`;
      assert.equal((await get(null, url)).statusCode, 401);
      assert.equal((await get(frontline, url)).statusCode, 403);
      assert.equal((await get(analyst, '/api/v1/network/key-players')).json().code, 'scope_required');
      assert.equal((await get(analyst, '/api/v1/network/key-players?community=1')).json().code, 'community_needs_job');
      const ok = await get(analyst, url);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.ok(ok.json().items.length > 0);
    });

    it('GET /network/path: 401, 403, 400, 200', async () => {
      const url = `/api/v1/network/path?from=${caseKey(f.cases.cA)}&to=${caseKey(f.cases.cB)}`;
      assert.equal((await get(null, url)).statusCode, 401);
      assert.equal((await get(frontline, url)).statusCode, 403);
      assert.equal((await get(analyst, `/api/v1/network/path?from=${f.p.a1}`)).statusCode, 400);
      const ok = await get(analyst, url);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json().chain.map((n: any) => n.kind), ['case', 'phone', 'case']);
    });

    it('POST /network/dismantle: 401, 403, 400, 200', async () => {
      const url = '/api/v1/network/dismantle';
      const body = { nodes: [f.p.x, 'phone:+212600000001'], scope: { gangIds: [f.gangs.gA, f.gangs.gB] } };
      assert.equal((await post(null, url, body)).statusCode, 401);
      assert.equal((await post(frontline, url, body)).statusCode, 403);
      assert.equal((await post(analyst, url, { nodes: [], scope: {} })).statusCode, 400);
      const ok = await post(analyst, url, body);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual([ok.json().before.components, ok.json().after.components], [1, 2]);
    });

    it('GET /network/shared: 401, 403, 400, 200', async () => {
      const url = '/api/v1/network/shared?by=gangs';
      assert.equal((await get(null, url)).statusCode, 401);
      assert.equal((await get(frontline, url)).statusCode, 403);
      assert.equal((await get(analyst, '/api/v1/network/shared?by=planets')).statusCode, 400);
      const ok = await get(analyst, url);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json().items.map((i: any) => i.label), ['Xavier Broker']);
    });
  });
}
