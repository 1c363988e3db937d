import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn } from '../../test/db-targets.ts';
import { type Harness, httpHarness, type Session } from '../../test/http-harness.ts';

/** Writes raw bytes to a listening server and reads its whole answer (it closes the socket). */
function rawRequest(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write(bytes));
    let out = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => (out += d));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer')));
  });
}

for (const target of DB_TARGETS) {
  describeOn(target, `HTTP protocol rules on ${target.name}`, () => {
    let h: Harness;
    let analyst: Session;
    let recordId: string;
    before(async () => {
      h = await httpHarness(target);
      analyst = await h.as('analyst');
      const rec = await h.call(analyst, {
        method: 'POST',
        url: '/api/v1/records',
        payload: { kind: 'person', data: { names: [{ value: 'Rachid Alaoui', type: 'primary' }] }, legalBasisCode: 'interpol_rpd', legalBasis: 'RPD article 10' },
      });
      recordId = rec.json().id;
    });
    after(() => h.close());

    it('answers every /api/v1 call with Cache-Control: no-store, errors and the login included', async () => {
      const answers = [
        await h.call(analyst, { method: 'GET', url: '/api/v1/auth/me' }),
        await h.call(analyst, { method: 'GET', url: `/api/v1/records/${recordId}` }),
        await h.call(analyst, { method: 'GET', url: '/api/v1/records?kind=spaceship' }),
        await h.call(null, { method: 'GET', url: '/api/v1/records' }),
        await h.call(analyst, { method: 'GET', url: '/api/v1/nothing-here' }),
        await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' } }),
      ];
      assert.deepEqual(answers.map((r) => r.statusCode), [200, 200, 400, 401, 404, 401]);
      for (const r of answers) assert.equal(r.headers['cache-control'], 'no-store', r.body);
    });

    it('lets public notice extracts be kept a minute, and leaves the docs and probes alone', async () => {
      const extracts = await h.app.inject({ method: 'GET', url: '/api/v1/public/notices' });
      assert.equal(extracts.statusCode, 200, extracts.body);
      assert.equal(extracts.headers['cache-control'], 'public, max-age=60');
      assert.equal((await h.app.inject({ method: 'GET', url: '/api/docs/json' })).headers['cache-control'], undefined);
      assert.equal((await h.app.inject({ method: 'GET', url: '/healthz' })).headers['cache-control'], undefined);
    });

    it('answers a lowercase method on a real socket with a problem+json 400', async () => {
      await h.app.listen({ host: '127.0.0.1', port: 0 });
      const port = (h.app.server.address() as net.AddressInfo).port;
      const answer = await rawRequest(port, 'get /api/v1/records HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      const [head, body] = answer.split('\r\n\r\n');
      assert.match(head, /^HTTP\/1\.1 400 Bad Request\r\n/);
      assert.match(head, /\r\ncontent-type: application\/problem\+json; charset=utf-8\r\n/i);
      const problem = JSON.parse(body);
      assert.equal(problem.code, 'bad_request');
      assert.equal(problem.status, 400);
      assert.match(problem.correlationId, /^[0-9a-f-]{36}$/);
      // the server still serves well-formed requests afterwards
      const ok = await rawRequest(port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
      assert.match(ok, /^HTTP\/1\.1 200 OK/);
    });

    it('refuses a blank or whitespace-only x-purpose on reads of personal data', async () => {
      for (const purpose of ['', '   ', '\t', "UTF-8''%20%20"]) {
        for (const req of [
          { method: 'GET' as const, url: `/api/v1/records/${recordId}` },
          { method: 'GET' as const, url: '/api/v1/records' },
          { method: 'POST' as const, url: '/api/v1/screening/persons', payload: { name: 'Rachid Alaoui' } },
        ]) {
          const res = await h.call(analyst, { ...req, headers: { 'x-purpose': purpose } });
          assert.equal(res.statusCode, 400, `${JSON.stringify(purpose)} ${req.url}: ${res.body}`);
          assert.equal(res.json().code, 'invalid_purpose');
        }
      }
      const stated = await h.call(analyst, { method: 'GET', url: `/api/v1/records/${recordId}`, headers: { 'x-purpose': ' border check ' } });
      assert.equal(stated.statusCode, 200, stated.body);
    });

    it('refuses every read of personal data that states no purpose (400 purpose_required), and lets a change go without one', async () => {
      const id = '00000000-0000-4000-8000-000000000001';
      const reads = [
        ['GET', `/api/v1/records/${recordId}`],
        ['GET', '/api/v1/records'],
        ['GET', `/api/v1/records/${recordId}/links`],
        ['POST', '/api/v1/screening/persons', { name: 'Rachid Alaoui' }],
        ['POST', '/api/v1/screening/documents', { number: 'A1234567' }],
        ['POST', '/api/v1/screening/vehicles', { plate: '12345-A-6' }],
        ['GET', '/api/v1/audit'],
        ['GET', '/api/v1/cases'],
        ['GET', `/api/v1/cases/${id}`],
        ['GET', `/api/v1/cases/${id}/parties`],
        ['GET', `/api/v1/gangs/${id}`],
        ['GET', '/api/v1/notices'],
        ['GET', `/api/v1/notices/${id}`],
        ['GET', `/api/v1/notices/${id}/screening`],
        ['GET', '/api/v1/diffusions'],
        ['GET', '/api/v1/hits'],
        ['GET', `/api/v1/hits/${id}`],
        ['GET', '/api/v1/messages/threads'],
        ['GET', `/api/v1/messages/threads/${id}`],
        ['GET', '/api/v1/messages/search?q=port'],
        ['GET', `/api/v1/network/graph?focus=${recordId}`],
        ['GET', '/api/v1/network/key-players'],
      ] as const;
      const unstated = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
        h.app.inject({ method, url, payload, headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrf } });
      for (const [method, url, payload] of reads) {
        const res = await unstated(method, url, payload);
        assert.equal(res.statusCode, 400, `${method} ${url}: ${res.body}`);
        assert.equal(res.json().code, 'purpose_required', `${method} ${url}`);
        assert.match(res.json().title, /x-purpose/);
      }
      // a change is audited as what it did: the purpose is optional there
      const created = await unstated('POST', '/api/v1/records', {
        kind: 'person',
        data: { names: [{ value: 'Purpose Optional', type: 'primary' }] },
        legalBasisCode: 'interpol_rpd',
        legalBasis: 'RPD article 10',
      });
      assert.equal(created.statusCode, 201, created.body);
      // and the annual report names no one: its PDF and CSV are plain links
      const report = await unstated('GET', '/api/v1/reports/annual/2024');
      assert.notEqual(report.statusCode, 400, report.body);
    });
  });
}
