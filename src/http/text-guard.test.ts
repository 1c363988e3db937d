import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DB_TARGETS, describeOn } from '../../test/db-targets.ts';
import { type Harness, httpHarness, type Session } from '../../test/http-harness.ts';
import { findBadText, TEXT_RULES } from './text-guard.ts';

const person = (name: string) => ({
  kind: 'person',
  data: { names: [{ value: name, type: 'primary' }], birthDates: ['1980'], nationalities: ['MAR'] },
  legalBasisCode: 'interpol_rpd',
  legalBasis: 'RPD article 10',
});

interface Case {
  name: string;
  method: 'GET' | 'POST';
  url: string;
  payload?: unknown;
  path: string;
}

// Each of these answered 500 (PostgreSQL refuses NUL in text) before the guard.
const CASES: Case[] = [
  { name: 'POST /auth/login', method: 'POST', url: '/api/v1/auth/login', payload: { username: 'rachid\u0000', password: 'x' }, path: 'body/username' },
  { name: 'POST /tokens', method: 'POST', url: '/api/v1/tokens', payload: { name: 'feed\u0000', scopes: ['records:read'] }, path: 'body/name' },
  { name: 'POST /records', method: 'POST', url: '/api/v1/records', payload: person('Rachid\u0000Alaoui'), path: 'body/data/names/0/value' },
  { name: 'POST /screening/persons', method: 'POST', url: '/api/v1/screening/persons', payload: { name: 'Rachid\u0000Alaoui' }, path: 'body/name' },
  { name: 'GET /cases?region', method: 'GET', url: '/api/v1/cases?region=Tanger%00', path: 'querystring/region' },
  { name: 'GET /gangs?region', method: 'GET', url: '/api/v1/gangs?region=%00', path: 'querystring/region' },
  { name: 'GET /migration-events?region', method: 'GET', url: '/api/v1/migration-events?region=%00', path: 'querystring/region' },
  { name: 'GET /complaints?region', method: 'GET', url: '/api/v1/complaints?region=%00', path: 'querystring/region' },
  { name: 'GET /network/graph?focus', method: 'GET', url: '/api/v1/network/graph?focus=%00', path: 'querystring/focus' },
  { name: 'GET /network/key-players?region', method: 'GET', url: '/api/v1/network/key-players?region=%00', path: 'querystring/region' },
  { name: 'POST /network/communities', method: 'POST', url: '/api/v1/network/communities', payload: { region: 'Rif\u0000' }, path: 'body/region' },
  { name: 'DEL in a query', method: 'GET', url: '/api/v1/cases?region=Rif%7F', path: 'querystring/region' },
  { name: 'ESC in a body', method: 'POST', url: '/api/v1/screening/persons', payload: { name: 'Rachid\u001b[31m' }, path: 'body/name' },
];

for (const target of DB_TARGETS) {
  describeOn(target, `control characters in requests on ${target.name}`, () => {
    let h: Harness;
    let analyst: Session;
    before(async () => {
      h = await httpHarness(target);
      analyst = await h.as('analyst');
    });
    after(() => h.close());

    for (const c of CASES) {
      it(`refuses a control character in ${c.name} with a 400 problem naming its path`, async () => {
        const res = await h.call(c.url.includes('/auth/login') ? null : analyst, { method: c.method, url: c.url, payload: c.payload as any });
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
        const body = res.json();
        assert.equal(body.code, 'invalid_characters');
        assert.equal(body.issues[0].path, c.path);
        assert.ok(!res.body.includes('Rachid') && !res.body.includes('Tanger'), 'the answer does not echo the text');
      });
    }

    it('refuses a lone surrogate in a JSON body: it is not Unicode text', async () => {
      const payload = JSON.stringify(person('x')).replace('"x"', '"Rachid \\ud800"');
      const res = await h.call(analyst, { method: 'POST', url: '/api/v1/records', payload, headers: { 'content-type': 'application/json' } });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().code, 'invalid_characters');
      assert.match(res.json().issues[0].message, /lone surrogate U\+D800/);
    });

    it('refuses a control character in a header and in a percent-encoded purpose', async () => {
      const raw = await h.call(analyst, { method: 'GET', url: '/api/v1/records', headers: { 'x-purpose': 'check\u0001' } });
      assert.equal(raw.statusCode, 400, raw.body);
      assert.deepEqual([raw.json().code, raw.json().issues[0].path], ['invalid_characters', 'headers/x-purpose']);
      const encoded = await h.call(analyst, { method: 'GET', url: '/api/v1/records', headers: { 'x-purpose': "UTF-8''check%00" } });
      assert.equal(encoded.statusCode, 400, encoded.body);
      assert.deepEqual([encoded.json().code, encoded.json().issues[0].path], ['invalid_characters', 'headers/x-purpose']);
    });

    it('still accepts Arabic text, tabs and line breaks in a body', async () => {
      const res = await h.call(analyst, { method: 'POST', url: '/api/v1/records', payload: { ...person('رشيد العلوي'), legalBasis: 'RPD article 10\r\n\tsecond line' } });
      assert.equal(res.statusCode, 201, res.body);
    });
  });
}

describe('the text guard', () => {
  it('allows TAB, LF and CR in bodies but in no query, and finds keys and deep values', () => {
    const { body, line } = TEXT_RULES;
    assert.equal(findBadText({ note: 'a\tb\r\nc', list: [{ v: 'ok 😀' }] }, 'body', body), undefined);
    assert.deepEqual(findBadText({ list: [{ v: 'ok' }, { v: 'x\u0007' }] }, 'body', body)?.path, 'body/list/1/v');
    assert.deepEqual(findBadText({ 'a/b\u0000': 1 }, 'body', body)?.path, 'body/a~1b\uFFFD');
    assert.equal(findBadText({ q: 'a\tb' }, 'querystring', line)?.path, 'querystring/q');
  });

  it('walks a deeply nested body without overflowing the stack', () => {
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const found = findBadText(deep, 'body', TEXT_RULES.body);
    assert.ok(found?.path.endsWith('/0/0'));
  });
});
