import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { Type } from 'typebox';
import { main } from '../cli/main.ts';
import { loadConfig } from '../config.ts';
import { buildServer } from '../http/server.ts';
import { createServices, MODULES } from '../main.ts';
import { commandsOf, migrationsOf, type Module } from './module.ts';

declare module './module.ts' {
  interface Services {
    dummy?: { pings: number };
  }
}

/** A module that exists only here: the list must carry it to the migrator, the services, the routes and the CLI. */
const dummy: Module = {
  name: 'dummy',
  migrations: {
    '9000_dummy': {
      up: async (db: Kysely<any>) => {
        await db.schema.createTable('dummy_notes').addColumn('id', 'integer', (c) => c.primaryKey()).execute();
      },
    },
  },
  build: () => ({ dummy: { pings: 0 } }),
  connect: (s) => {
    s.dummy!.pings += 100;
  },
  routes: (s) => async (api) => {
    api.get('/dummy/ping', { config: { public: true }, schema: { response: { 200: Type.Object({ pings: Type.Integer() }) } } }, async () => ({ pings: ++s.dummy!.pings }));
  },
  commands: [
    {
      name: 'dummy ping',
      summary: 'Answers pong (a test module)',
      usage: 'ribat dummy ping',
      options: {},
      async run(ctx) {
        const s = await ctx.services();
        ctx.out.result({ pong: true, tables: (await sql<{ n: number }>`select count(*)::int as n from dummy_notes`.execute(s.conn.db)).rows[0].n }, 'pong');
        return 0;
      },
    },
  ],
};

const capture = () => {
  let text = '';
  return { stream: { write: (c: string) => ((text += c), true) } as unknown as NodeJS.WriteStream, text: () => text };
};

describe('the module list', () => {
  it('carries a new module to the migrator, the services, the HTTP server and the CLI', async () => {
    const modules = [...MODULES, dummy];
    const s = await createServices({ ...loadConfig({}), databaseUrl: 'pglite:memory:', logLevel: 'silent' }, { modules });
    try {
      const applied = await s.conn.db.selectFrom('kysely_migration' as any).select('name' as any).execute();
      assert.ok(applied.some((r: any) => r.name === '9000_dummy'), 'its migration ran');
      assert.equal(s.dummy?.pings, 100, 'built, then connected');
      const app = await buildServer(s, { logLevel: 'silent', cookieSecure: false, corsOrigins: [], sessionMaxHours: 1, webDist: 'web/does-not-exist', ready: async () => true });
      const res = await app.inject({ method: 'GET', url: '/api/v1/dummy/ping' });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { pings: 101 });
      const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      assert.ok(doc.paths['/api/v1/dummy/ping'], 'in the OpenAPI document');
      assert.ok(doc.paths['/api/v1/records'], 'beside the node’s own routes');
      await app.close();
    } finally {
      await s.close();
    }
    const out = capture();
    const code = await main(['dummy', 'ping', '--json'], { stdout: out.stream as any, stderr: capture().stream as any, env: { DATABASE_URL: 'pglite:memory:', LOG_LEVEL: 'silent' } }, modules);
    assert.equal(code, 0, out.text());
    assert.deepEqual(JSON.parse(out.text().trim()), { pong: true, tables: 0 });
    const help = capture();
    await main(['--help'], { stdout: help.stream as any, stderr: capture().stream as any, env: {} }, modules);
    assert.match(help.text(), /dummy ping\s+Answers pong/);
    // without it, the node knows nothing of it
    const plain = capture();
    await main(['--help'], { stdout: plain.stream as any, stderr: capture().stream as any, env: {} });
    assert.doesNotMatch(plain.text(), /dummy ping/);
  });

  it('refuses two modules claiming one migration or one command', () => {
    assert.throws(() => migrationsOf([dummy, { ...dummy, name: 'twin' }]), /migration 9000_dummy is claimed by two modules/);
    assert.throws(() => commandsOf([dummy, { ...dummy, name: 'twin' }]), /command "dummy ping" is claimed by dummy and twin/);
  });

  it('lists every migration once, in the order they were always applied', () => {
    assert.deepEqual(Object.keys(migrationsOf(MODULES)).sort(), ['0001_foundation', '0002_notices', '0003_messages', '0004_cases', '0005_audit_integrity', '0006_records_list', '0010_federation', '0011_region_codes', '0012_outbox_sent', '0014_messages_federation']);
    assert.deepEqual(
      MODULES.map((m) => m.name),
      ['auth', 'audit', 'database', 'records', 'seed', 'screening', 'cases', 'notices', 'messages', 'network', 'federation'],
    );
  });
});
