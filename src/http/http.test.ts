import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../auth/roles.ts';
import { DB_TARGETS, describeOn } from '../../test/db-targets.ts';
import { type Harness, httpHarness, PASSWORD } from '../../test/http-harness.ts';
import { buildServer, type HttpOptions } from './server.ts';

const SERVER_OPTIONS: HttpOptions = { logLevel: 'silent', cookieSecure: false, corsOrigins: [], sessionMaxHours: 12, webDist: 'web/does-not-exist', ready: async () => true };

const UUID0 = '01900000-0000-7000-8000-000000000000';
const personBody = (name = 'Rachid Alaoui') => ({
  kind: 'person',
  data: { names: [{ value: name, type: 'primary' }], birthDates: ['1980'], nationalities: ['MAR'] },
  legalBasisCode: 'interpol_rpd',
  legalBasis: 'RPD article 10',
});

interface RouteCase {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: (h: Ctx) => string;
  body?: (h: Ctx) => unknown;
  /** A role that must get 403; null where every signed-in user may call the route. */
  forbiddenAs: Role | null;
  invalid: { url?: (h: Ctx) => string; body?: unknown };
  happyAs: Role;
  happyStatus: number;
}

interface Ctx {
  recordId: string;
  recordVersion: number;
  docId: string;
  linkId: string;
  userId: string;
  tokenId: string;
  hubId: string;
}

// Every route: unauthenticated (401), forbidden (403), invalid input (400), happy path.
const ROUTES: RouteCase[] = [
  { name: 'GET /auth/me', method: 'GET', url: () => '/api/v1/auth/me', forbiddenAs: null, invalid: {}, happyAs: 'frontline', happyStatus: 200 },
  { name: 'PUT /auth/me/locale', method: 'PUT', url: () => '/api/v1/auth/me/locale', body: () => ({ locale: 'ar' }), forbiddenAs: null, invalid: { body: { locale: 'de' } }, happyAs: 'frontline', happyStatus: 200 },
  { name: 'GET /tokens', method: 'GET', url: () => '/api/v1/tokens', forbiddenAs: null, invalid: {}, happyAs: 'analyst', happyStatus: 200 },
  { name: 'POST /tokens', method: 'POST', url: () => '/api/v1/tokens', body: () => ({ name: 'ci', scopes: ['records:read'] }), forbiddenAs: 'commander', invalid: { body: { name: 'x', scopes: ['root'] } }, happyAs: 'analyst', happyStatus: 201 },
  { name: 'DELETE /tokens/:id', method: 'DELETE', url: (c) => `/api/v1/tokens/${c.tokenId}`, forbiddenAs: null, invalid: { url: () => '/api/v1/tokens/not-a-uuid' }, happyAs: 'analyst', happyStatus: 204 },
  { name: 'GET /agencies', method: 'GET', url: () => '/api/v1/agencies', forbiddenAs: null, invalid: { url: () => '/api/v1/agencies?limit=0' }, happyAs: 'frontline', happyStatus: 200 },
  {
    name: 'POST /agencies',
    method: 'POST',
    url: () => '/api/v1/agencies',
    body: () => ({ code: 'MLI-NCB', country: 'MLI', kind: 'ncb', names: { ar: 'باماكو', fr: 'BCN Bamako', en: 'NCB Bamako', es: 'OCN Bamako' } }),
    forbiddenAs: 'analyst',
    invalid: { body: { code: 'X-1', country: 'ZZZ', kind: 'ncb', names: { ar: 'a', fr: 'b', en: 'c', es: 'd' } } },
    happyAs: 'admin',
    happyStatus: 201,
  },
  { name: 'GET /users', method: 'GET', url: () => '/api/v1/users', forbiddenAs: 'analyst', invalid: { url: () => '/api/v1/users?cursor=%%%' }, happyAs: 'admin', happyStatus: 200 },
  {
    name: 'POST /users',
    method: 'POST',
    url: () => '/api/v1/users',
    body: (c) => ({ username: 'new.officer', displayName: 'New Officer', password: 'a long enough password', agencyId: c.hubId, roles: ['ncb_officer'] }),
    forbiddenAs: 'dpo',
    invalid: { body: { username: 'x', displayName: 'x', password: 'short', agencyId: UUID0, roles: ['king'] } },
    happyAs: 'admin',
    happyStatus: 201,
  },
  { name: 'PATCH /users/:id', method: 'PATCH', url: (c) => `/api/v1/users/${c.userId}`, body: () => ({ displayName: 'Renamed' }), forbiddenAs: 'analyst', invalid: { body: { roles: [] } }, happyAs: 'admin', happyStatus: 200 },
  { name: 'GET /records', method: 'GET', url: () => '/api/v1/records?kind=person', forbiddenAs: 'camera_operator', invalid: { url: () => '/api/v1/records?kind=spaceship' }, happyAs: 'frontline', happyStatus: 200 },
  { name: 'POST /records', method: 'POST', url: () => '/api/v1/records', body: () => personBody('Omar Haddad'), forbiddenAs: 'frontline', invalid: { body: { ...personBody(), data: { names: [{ value: 'X', type: 'primary' }], birthDates: ['1970-13-45'] } } }, happyAs: 'analyst', happyStatus: 201 },
  { name: 'GET /records/:id', method: 'GET', url: (c) => `/api/v1/records/${c.recordId}`, forbiddenAs: 'programme_manager', invalid: { url: () => '/api/v1/records/123' }, happyAs: 'frontline', happyStatus: 200 },
  {
    name: 'PATCH /records/:id',
    method: 'PATCH',
    url: (c) => `/api/v1/records/${c.recordId}`,
    body: (c) => ({ version: c.recordVersion, legalBasis: 'RPD article 10, renewed' }),
    forbiddenAs: 'frontline',
    invalid: { body: { version: 'one' } },
    happyAs: 'analyst',
    happyStatus: 200,
  },
  { name: 'GET /records/:id/links', method: 'GET', url: (c) => `/api/v1/records/${c.recordId}/links`, forbiddenAs: 'ga_secretariat', invalid: { url: () => '/api/v1/records/zzz/links' }, happyAs: 'reviewer', happyStatus: 200 },
  { name: 'POST /links', method: 'POST', url: () => '/api/v1/links', body: (c) => ({ fromId: c.recordId, toId: c.docId, type: 'holder_of' }), forbiddenAs: 'reviewer', invalid: { body: { fromId: UUID0, toId: UUID0, type: 'enemy_of' } }, happyAs: 'analyst', happyStatus: 201 },
  { name: 'DELETE /links/:id', method: 'DELETE', url: (c) => `/api/v1/links/${c.linkId}`, forbiddenAs: 'frontline', invalid: { url: () => '/api/v1/links/1' }, happyAs: 'analyst', happyStatus: 204 },
  { name: 'POST /records/purge-expired', method: 'POST', url: () => '/api/v1/records/purge-expired', body: () => ({ purpose: 'retention' }), forbiddenAs: 'analyst', invalid: { body: { purpose: '' } }, happyAs: 'dpo', happyStatus: 200 },
  { name: 'GET /stats', method: 'GET', url: () => '/api/v1/stats', forbiddenAs: 'camera_operator', invalid: {}, happyAs: 'commander', happyStatus: 200 },
  { name: 'GET /audit', method: 'GET', url: (c) => `/api/v1/audit?subjectId=${c.recordId}`, forbiddenAs: 'analyst', invalid: { url: () => '/api/v1/audit?subjectId=bob' }, happyAs: 'dpo', happyStatus: 200 },
  { name: 'GET /audit/verify', method: 'GET', url: () => '/api/v1/audit/verify', forbiddenAs: 'commander', invalid: {}, happyAs: 'dpo', happyStatus: 200 },
  {
    name: 'DELETE /records/:id',
    method: 'DELETE',
    url: (c) => `/api/v1/records/${c.recordId}?version=${c.recordVersion}`,
    forbiddenAs: 'frontline',
    invalid: { url: (c) => `/api/v1/records/${c.recordId}?version=x` },
    happyAs: 'analyst',
    happyStatus: 204,
  },
  { name: 'POST /screening/persons', method: 'POST', url: () => '/api/v1/screening/persons', body: () => ({ name: 'رشيد العلوي' }), forbiddenAs: 'commander', invalid: { body: { name: 'x', birthDate: '1970-13-45' } }, happyAs: 'frontline', happyStatus: 200 },
  { name: 'POST /screening/documents', method: 'POST', url: () => '/api/v1/screening/documents', body: () => ({ number: 'AB 123 456' }), forbiddenAs: 'ga_secretariat', invalid: { body: { number: '' } }, happyAs: 'frontline', happyStatus: 200 },
  { name: 'POST /screening/vehicles', method: 'POST', url: () => '/api/v1/screening/vehicles', body: () => ({ plate: '12345-أ-6', country: 'MAR' }), forbiddenAs: 'programme_manager', invalid: { body: { plate: 'x', colour: 'red' } }, happyAs: 'camera_operator', happyStatus: 200 },
  {
    name: 'POST /screening/mrz',
    method: 'POST',
    url: () => '/api/v1/screening/mrz',
    body: () => ({ mrz: 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10' }),
    forbiddenAs: 'commander',
    invalid: { body: { mrz: 42 } },
    happyAs: 'frontline',
    happyStatus: 200,
  },
  { name: 'POST /screening/batch', method: 'POST', url: () => '/api/v1/screening/batch', body: () => ({ rows: [{ id: 'a', name: 'Rachid Alaoui' }] }), forbiddenAs: 'cyber_analyst', invalid: { body: { rows: [{ name: 'no id' }] } }, happyAs: 'ncb_officer', happyStatus: 200 },
  { name: 'POST /auth/logout', method: 'POST', url: () => '/api/v1/auth/logout', forbiddenAs: null, invalid: {}, happyAs: 'cyber_analyst', happyStatus: 204 },
];

for (const target of DB_TARGETS) {
  describeOn(target, `HTTP API on ${target.name}`, () => {
    let h: Harness;
    const ctx = {} as Ctx;
    before(async () => {
      h = await httpHarness(target);
      ctx.hubId = h.hubId;
      const analyst = await h.as('analyst');
      const rec = (await h.call(analyst, { method: 'POST', url: '/api/v1/records', payload: personBody() })).json();
      ctx.recordId = rec.id;
      ctx.recordVersion = rec.provenance.version;
      const doc = await h.call(analyst, {
        method: 'POST',
        url: '/api/v1/records',
        payload: { kind: 'document', data: { number: 'AB123456', type: 'passport', issuingCountry: 'MAR', status: 'stolen' }, legalBasisCode: 'interpol_rpd', legalBasis: 'SLTD' },
      });
      ctx.docId = doc.json().id;
      const doc2 = await h.call(analyst, {
        method: 'POST',
        url: '/api/v1/records',
        payload: { kind: 'document', data: { number: 'CD765432', type: 'national_id', issuingCountry: 'MAR', status: 'lost' }, legalBasisCode: 'interpol_rpd', legalBasis: 'SLTD' },
      });
      const link = await h.call(analyst, { method: 'POST', url: '/api/v1/links', payload: { fromId: ctx.recordId, toId: doc2.json().id, type: 'holder_of' } });
      ctx.linkId = link.json().id;
      const frontline = await h.as('frontline');
      ctx.userId = frontline.userId;
      await h.s.screening.start();
    });
    after(() => h.close());

    for (const r of ROUTES) {
      describe(r.name, () => {
        it('refuses an unauthenticated call with 401', async () => {
          const res = await h.call(null, { method: r.method, url: r.url(ctx), payload: r.body?.(ctx) as any });
          assert.equal(res.statusCode, 401, res.body);
          assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
          assert.equal(res.json().code, 'unauthenticated');
        });
        if (r.forbiddenAs) {
          it(`refuses a ${r.forbiddenAs} with 403`, async () => {
            const res = await h.call(await h.as(r.forbiddenAs!), { method: r.method, url: r.url(ctx), payload: r.body?.(ctx) as any });
            assert.equal(res.statusCode, 403, res.body);
            assert.match(res.json().code, /^forbidden_/);
          });
        }
        if (r.invalid.url || r.invalid.body) {
          it('answers invalid input with a 400 problem and a stable code', async () => {
            const res = await h.call(await h.as(r.happyAs), { method: r.method, url: (r.invalid.url ?? r.url)(ctx), payload: (r.invalid.body ?? r.body?.(ctx)) as any });
            assert.equal(res.statusCode, 400, res.body);
            assert.ok(['validation_failed', 'invalid_date', 'invalid_cursor', 'invalid_limit', 'invalid_country'].includes(res.json().code), res.body);
          });
        }
        it(`answers a ${r.happyAs} with ${r.happyStatus}`, async () => {
          if (r.name === 'DELETE /tokens/:id') {
            const t = await h.call(await h.as('analyst'), { method: 'POST', url: '/api/v1/tokens', payload: { name: 'to revoke', scopes: ['records:read'] } });
            ctx.tokenId = t.json().info.id;
          }
          const res = await h.call(await h.as(r.happyAs), { method: r.method, url: r.url(ctx), payload: r.body?.(ctx) as any });
          assert.equal(res.statusCode, r.happyStatus, res.body);
          if (r.name === 'PATCH /records/:id') ctx.recordVersion = res.json().provenance.version;
          if (r.name === 'POST /tokens') assert.match(res.json().token, /^rbt_/);
        });
      });
    }

    describe('bad input and faults', () => {
      it('answers malformed JSON, an oversized body, a wrong media type and unknown fields with 4xx problems', async () => {
        const s = await h.as('analyst');
        const bad = await h.call(s, { method: 'POST', url: '/api/v1/records', payload: '{"kind": "person",', headers: { 'content-type': 'application/json' } });
        assert.equal(bad.statusCode, 400);
        assert.equal(bad.json().code, 'malformed_json');
        const big = await h.call(s, { method: 'POST', url: '/api/v1/records', payload: JSON.stringify({ x: 'a'.repeat(1_100_000) }), headers: { 'content-type': 'application/json' } });
        assert.equal(big.statusCode, 413);
        assert.equal(big.json().code, 'payload_too_large');
        const media = await h.call(s, { method: 'POST', url: '/api/v1/records', payload: 'kind=person', headers: { 'content-type': 'text/plain' } });
        assert.equal(media.statusCode, 415);
        const unknown = await h.call(s, { method: 'POST', url: '/api/v1/records', payload: { ...personBody(), colour: 'blue' } });
        assert.equal(unknown.statusCode, 400);
        assert.equal(unknown.json().code, 'validation_failed');
        const wrongType = await h.call(s, { method: 'POST', url: '/api/v1/records', payload: { ...personBody(), legalBasis: 42 } });
        assert.equal(wrongType.statusCode, 400);
      });

      it('answers an unknown API path with a 404 problem', async () => {
        const res = await h.call(await h.as('analyst'), { method: 'GET', url: '/api/v1/nothing-here' });
        assert.equal(res.statusCode, 404);
        assert.equal(res.json().code, 'not_found');
      });

      it('tells another agency it may not change a record it does not own', async () => {
        const mli = (await h.call(await h.as('admin'), { method: 'GET', url: '/api/v1/agencies' })).json().items.find((a: any) => a.code === 'MLI-NCB');
        const other = await h.as('ncb_officer', mli.id);
        const created = (await h.call(await h.as('analyst'), { method: 'POST', url: '/api/v1/records', payload: personBody('Aminata Traore') })).json();
        const res = await h.call(other, { method: 'PATCH', url: `/api/v1/records/${created.id}`, payload: { version: 1, legalBasis: 'x' } });
        assert.equal(res.statusCode, 403);
        assert.equal(res.json().code, 'record_not_owner');
      });
    });

    describe('security', () => {
      it('never returns undeclared fields such as password hashes', async () => {
        const res = await h.call(await h.as('admin'), { method: 'GET', url: '/api/v1/users' });
        assert.equal(res.statusCode, 200);
        assert.ok(!res.body.includes('passwordHash') && !res.body.includes('scrypt$'));
      });

      it('refuses an unsafe cookie request without the CSRF header', async () => {
        const s = await h.as('analyst');
        const res = await h.app.inject({ method: 'POST', url: '/api/v1/records', payload: personBody(), headers: { cookie: s.cookie } });
        assert.equal(res.statusCode, 403);
        assert.equal(res.json().code, 'csrf_invalid');
      });

      it('sets HttpOnly SameSite=Strict session cookies and security headers', async () => {
        await h.as('reviewer');
        const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'reviewer1', password: 'wrong password' } });
        assert.equal(res.statusCode, 401);
        const user = await h.s.admin.createUser(await h.s.seeder.consoleActor(), { username: 'cookie.check', displayName: 'c', password: PASSWORD, agencyId: h.hubId, roles: ['reviewer'] });
        assert.ok(user.id);
        const ok = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'cookie.check', password: PASSWORD } });
        const session = ok.cookies.find((c) => c.name === 'ribat_session')!;
        assert.equal(session.httpOnly, true);
        assert.equal(session.sameSite, 'Strict');
        assert.equal(ok.headers['x-content-type-options'], 'nosniff');
        assert.match(String(ok.headers['content-security-policy']), /default-src 'self'/);
      });

      it('answers a locked account, a wrong password and an unknown user alike', async () => {
        await h.s.admin.createUser(await h.s.seeder.consoleActor(), { username: 'lock.me', displayName: 'l', password: PASSWORD, agencyId: h.hubId, roles: ['frontline'] });
        const login = (username: string, password: string, i: number) =>
          h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: `10.0.0.${i}` });
        const wrong = await login('lock.me', 'wrong 0', 0);
        for (let i = 1; i < 5; i++) assert.equal((await login('lock.me', `wrong ${i}`, i)).statusCode, 401);
        const locked = await login('lock.me', PASSWORD, 5);
        const unknown = await login('nobody.here', PASSWORD, 6);
        const answer = (r: typeof wrong) => {
          const { correlationId, ...body } = r.json();
          assert.ok(correlationId);
          return { status: r.statusCode, type: r.headers['content-type'], retryAfter: r.headers['retry-after'], body };
        };
        assert.equal(locked.statusCode, 401);
        assert.deepEqual(answer(locked), answer(wrong));
        assert.deepEqual(answer(unknown), answer(wrong));
        assert.equal(wrong.json().code, 'invalid_credentials');
      });

      it('rate-limits failed logins of one username from one address, saying how long to wait', async () => {
        await h.s.admin.createUser(await h.s.seeder.consoleActor(), { username: 'rate.me', displayName: 'r', password: PASSWORD, agencyId: h.hubId, roles: ['frontline'] });
        const login = (password: string, remoteAddress: string) => h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'rate.me', password }, remoteAddress });
        // LOGIN_MAX_FAILURES locks the account after 5 in a row: a success between keeps it open
        for (let i = 0; i < 10; i++) {
          if (i === 4 || i === 8) assert.equal((await login(PASSWORD, '192.0.2.8')).statusCode, 200);
          assert.equal((await login('x', '192.0.2.7')).statusCode, 401);
        }
        const limited = await login(PASSWORD, '192.0.2.7');
        assert.equal(limited.statusCode, 429);
        assert.equal(limited.json().code, 'rate_limited');
        assert.equal(limited.headers['retry-after'], '300');
        assert.match(limited.json().title, /try again in 5 minutes/);
        assert.equal((await login(PASSWORD, '192.0.2.8')).statusCode, 200);
      });

      it('keys the login limit on the client behind a trusted proxy, and on the peer otherwise', async () => {
        const app = await buildServer(h.s, { ...SERVER_OPTIONS, trustProxy: ['10.9.9.9'] });
        try {
          const login = (remoteAddress: string, forwarded: string) =>
            app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody.proxied', password: 'x' }, remoteAddress, headers: { 'x-forwarded-for': forwarded } });
          for (let i = 0; i < 10; i++) assert.equal((await login('10.9.9.9', '203.0.113.1')).statusCode, 401);
          assert.equal((await login('10.9.9.9', '203.0.113.1')).statusCode, 429);
          assert.equal((await login('10.9.9.9', '203.0.113.2')).statusCode, 401);
          // an untrusted peer's X-Forwarded-For is not believed
          for (let i = 0; i < 10; i++) assert.equal((await login('10.9.9.8', `203.0.113.${10 + i}`)).statusCode, 401);
          assert.equal((await login('10.9.9.8', '203.0.113.99')).statusCode, 429);
        } finally {
          await app.close();
        }
      });

      it('ends a session after logout and after the idle timeout', async () => {
        const u = await h.s.admin.createUser(await h.s.seeder.consoleActor(), { username: 'idle.user', displayName: 'i', password: PASSWORD, agencyId: h.hubId, roles: ['frontline'] });
        assert.ok(u);
        const login = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'idle.user', password: PASSWORD } });
        const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
        h.s.clock.advance(31 * 60_000);
        try {
          const res = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
          assert.equal(res.statusCode, 401);
          assert.equal(res.json().code, 'session_expired');
        } finally {
          h.s.clock.set('2026-03-01T09:00:00Z');
        }
      });

      it('accepts a bearer token within its scopes only', async () => {
        const t = (await h.call(await h.as('ncb_officer'), { method: 'POST', url: '/api/v1/tokens', payload: { name: 'reader', scopes: ['records:read'] } })).json();
        const auth = { authorization: `Bearer ${t.token}` };
        assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/records', headers: { ...auth, 'x-purpose': 'batch check' } })).statusCode, 200);
        const write = await h.app.inject({ method: 'POST', url: '/api/v1/records', payload: personBody(), headers: auth });
        assert.equal(write.statusCode, 403);
        assert.equal(write.json().code, 'forbidden_scope');
        assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/records', headers: { authorization: 'Bearer rbt_forged' } })).statusCode, 401);
      });

      it('closes CORS by default', async () => {
        const res = await h.app.inject({ method: 'OPTIONS', url: '/api/v1/records', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } });
        assert.equal(res.headers['access-control-allow-origin'], undefined);
      });
    });

    describe('screening', () => {
      before(async () => {
        await h.call(await h.as('analyst'), { method: 'POST', url: '/api/v1/records', payload: personBody('Rachid Alaoui') });
      });
      it('finds a Latin record from an Arabic query and explains it', async () => {
        const purpose = "UTF-8''" + encodeURIComponent('مراقبة الحدود');
        const res = await h.call(await h.as('frontline'), { method: 'POST', url: '/api/v1/screening/persons', payload: { name: 'رشيد العلوي', birthDate: '1980' }, headers: { 'x-purpose': purpose } });
        assert.equal(res.statusCode, 200, res.body);
        const top = res.json().candidates[0];
        assert.equal(top.displayName, 'Rachid Alaoui');
        assert.equal(top.alert, true);
        assert.equal(top.explanation.birthDate.effect, 'agrees');
        const log = await h.call(await h.as('dpo'), { method: 'GET', url: `/api/v1/audit?subjectId=${top.id}&action=screening.person` });
        assert.equal(log.json().items[0].purpose, 'مراقبة الحدود');
      });
      it('accepts a CSV manifest', async () => {
        const res = await h.call(await h.as('ncb_officer'), {
          method: 'POST',
          url: '/api/v1/screening/batch',
          payload: 'id,name,birthDate,nationality\np1,Rachid Alaoui,1980,MA\np2,"Doe, John",,\np3,Bad Date,1970-13-45,\n',
          headers: { 'content-type': 'text/csv' },
        });
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json();
        assert.deepEqual(body.results.map((r: any) => r.rowId), ['p1', 'p2', 'p3']);
        assert.equal(body.results[0].candidates[0].alert, true);
        assert.equal(body.problems[0].code, 'invalid_date');
      });
      it('refuses a batch over 10,000 rows', async () => {
        const rows = Array.from({ length: 10_001 }, (_, i) => ({ id: String(i), name: 'A B' }));
        const res = await h.call(await h.as('ncb_officer'), { method: 'POST', url: '/api/v1/screening/batch', payload: { rows } });
        assert.equal(res.statusCode, 400);
      });
    });

    describe('data-protection officer', () => {
      it('sees who read a person by username and agency code, and the record shows who wrote it', async () => {
        const analyst = await h.as('analyst');
        const rec = (await h.call(analyst, { method: 'POST', url: '/api/v1/records', payload: personBody('Said Chraibi') })).json();
        assert.match(rec.provenance.createdByName, /^analyst/);
        await h.call(await h.as('frontline'), { method: 'GET', url: `/api/v1/records/${rec.id}`, headers: { 'x-purpose': 'border check at Tanger-Med' } });
        const log = (await h.call(await h.as('dpo'), { method: 'GET', url: `/api/v1/audit?subjectId=${rec.id}` })).json();
        assert.deepEqual(
          log.items.map((e: any) => [e.action, e.actorUsername?.replace(/\d+$/, ''), e.actorAgencyCode, e.purpose]),
          [
            ['record.read', 'frontline', 'MAR-NCB', 'border check at Tanger-Med'],
            ['record.create', 'analyst', 'MAR-NCB', 'test'],
          ],
        );
      });
    });

    describe('operations', () => {
      it('serves health, readiness and the OpenAPI document', async () => {
        assert.equal((await h.app.inject({ method: 'GET', url: '/healthz' })).json().status, 'ok');
        assert.equal((await h.app.inject({ method: 'GET', url: '/readyz' })).json().status, 'ready');
        const doc = (await h.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
        assert.ok(doc.openapi.startsWith('3.'));
        for (const p of ['/api/v1/records', '/api/v1/records/{id}', '/api/v1/audit', '/api/v1/auth/login', '/api/v1/users']) assert.ok(doc.paths[p], p);
      });
    });
  });
}
