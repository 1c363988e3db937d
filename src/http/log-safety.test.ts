import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { DB_TARGETS, describeOn, type TestNode, testServices } from '../../test/db-targets.ts';
import { isDatabaseError, safeError } from './log-safety.ts';
import { buildServer } from './server.ts';

const NAME = 'Rachid Alaoui';

for (const target of DB_TARGETS) {
  describeOn(target, `error logs on ${target.name}`, () => {
    let s: TestNode;
    let app: FastifyInstance;
    const lines: string[] = [];
    before(async () => {
      s = await testServices(target);
      app = await buildServer(s, {
        logLevel: 'info',
        logStream: { write: (line) => void lines.push(line) },
        cookieSecure: false,
        corsOrigins: [],
        sessionMaxHours: 12,
        webDist: 'web/does-not-exist',
        ready: async () => true,
      });
      // a statement the database refuses, quoting the value it was given (as a NUL did before the text guard)
      app.post('/test/refused', async (req) => {
        const { name } = req.body as { name: string };
        await sql`select ${name}::int as n`.execute(s.conn.db);
        return {};
      });
      app.post('/test/date', async (req) => {
        const { name } = req.body as { name: string };
        await sql`select ${name}::date as d`.execute(s.conn.db);
        return {};
      });
    });
    after(async () => {
      await app.close();
      await s.dispose();
    });

    it('logs a failing statement by its SQLSTATE, never the name it was given', async () => {
      for (const url of ['/test/refused', '/test/date']) {
        lines.length = 0;
        const res = await app.inject({ method: 'POST', url: `${url}?name=${encodeURIComponent(NAME)}`, payload: { name: NAME } });
        assert.equal(res.statusCode, 500);
        assert.equal(res.json().code, 'internal_error');
        assert.ok(!res.body.includes('Rachid'), 'the answer carries no internals');
        const log = lines.join('');
        const entry = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error');
        assert.ok(entry, log);
        assert.match(entry.err.code, /^(22P02|22007)$/);
        assert.ok(entry.err.stack.includes(' at '), 'the stack frames are kept');
        assert.ok(!log.includes('Rachid') && !log.includes('Alaoui'), log);
      }
    });
  });
}

describe('the error serializer', () => {
  it('keeps a pg error\'s SQLSTATE, routine and schema names, drops message, detail, where and parameters', () => {
    const err = Object.assign(new Error('invalid input syntax for type integer: "Rachid"'), {
      name: 'error',
      severity: 'ERROR',
      code: '23505',
      detail: 'Key (name)=(Rachid) already exists.',
      where: "unnamed portal parameter $1 = '...'",
      hint: 'Rachid',
      internalQuery: "select 'Rachid'",
      table: 'users',
      constraint: 'users_username_key',
      routine: '_bt_check_unique',
      query: 'insert into users values ($1)',
      params: ['Rachid'],
    });
    const out = safeError(err);
    assert.ok(isDatabaseError(err));
    assert.equal(out.code, '23505');
    assert.equal(out.table, 'users');
    assert.equal(out.constraint, 'users_username_key');
    assert.equal(out.message, 'database error 23505');
    assert.ok(!JSON.stringify(out).includes('Rachid'), JSON.stringify(out));
  });

  it('masks quoted values in other errors\' messages and follows their cause', () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse('{"name": "Rachid Alaoui"');
    } catch (e) {
      parsed = e;
    }
    const wrapped = new Error("import of 'Rachid' failed", { cause: parsed });
    const out = safeError(wrapped);
    assert.equal(out.type, 'Error');
    assert.equal(out.cause?.type, 'SyntaxError');
    assert.ok(!JSON.stringify(out).includes('Rachid'), JSON.stringify(out));
    assert.deepEqual(safeError('Rachid'), { type: 'string', message: '', stack: '' });
  });
});
