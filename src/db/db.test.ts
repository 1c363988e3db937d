import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { DB_TARGETS, describeOn } from '../../test/db-targets.ts';
import { type Connection, connect } from './connect.ts';
import { MIGRATIONS } from '../main.ts';
import { migrateToLatest } from './migrate.ts';

for (const target of DB_TARGETS) {
  describeOn(target, `database on ${target.name}`, () => {
    let conn: Connection;
    let url: string;
    before(async () => {
      url = await target.create();
      conn = await connect(url);
    });
    after(async () => {
      await conn?.close();
      await target.drop(url);
    });

    it('applies the migrations once and then is up to date', async () => {
      assert.deepEqual(await migrateToLatest(conn.db, MIGRATIONS), ['0001_foundation', '0002_notices', '0003_messages', '0004_cases', '0005_audit_integrity', '0006_records_list', '0010_federation', '0011_region_codes', '0012_outbox_sent', '0014_messages_federation']);
      assert.deepEqual(await migrateToLatest(conn.db, MIGRATIONS), []);
    });

    it('returns the same JavaScript types on both drivers', async () => {
      const r = await sql<{ n: number; d: string; t: Date; j: { a: number[] } }>`
        select count(*) as n, date '2026-05-01' as d, timestamptz '2026-05-01T10:00:00Z' as t, '{"a":[1,2]}'::jsonb as j`.execute(conn.db);
      const row = r.rows[0];
      assert.equal(row.n, 1);
      assert.equal(row.d, '2026-05-01');
      assert.ok(row.t instanceof Date && row.t.toISOString() === '2026-05-01T10:00:00.000Z');
      assert.deepEqual(row.j, { a: [1, 2] });
    });

    it('keeps a transaction whole: a failure rolls back every statement in it', async () => {
      await assert.rejects(
        conn.db.transaction().execute(async (trx) => {
          await trx.insertInto('meta').values({ key: 'tx-test', value: JSON.stringify({ v: 1 }) }).execute();
          throw new Error('boom');
        }),
      );
      const row = await conn.db.selectFrom('meta').selectAll().where('key', '=', 'tx-test').executeTakeFirst();
      assert.equal(row, undefined);
    });

    it('treats hostile input as data, never as SQL', async () => {
      const evil = "x'); drop table meta; --";
      await conn.db.insertInto('meta').values({ key: evil, value: JSON.stringify({ evil }) }).execute();
      const row = await conn.db.selectFrom('meta').selectAll().where('key', '=', evil).executeTakeFirstOrThrow();
      assert.deepEqual(row.value, { evil });
      const like = await conn.db.selectFrom('meta').select('key').where('key', 'like', '%; --%').execute();
      assert.equal(like.length, 1);
    });

    it('refuses to change or delete an audit entry', async () => {
      await conn.db
        .insertInto('auditLog')
        .values({ seq: 1, at: new Date(), actorUserId: null, actorAgencyId: null, action: 't', targetType: 't', targetId: null, subjectIds: '[]', purpose: '', details: '{}', prevHash: '0', hash: '1' } as any)
        .execute();
      await assert.rejects(conn.db.updateTable('auditLog').set({ action: 'x' }).execute(), /append-only/);
      await assert.rejects(conn.db.deleteFrom('auditLog').execute(), /append-only/);
    });
  });
}
