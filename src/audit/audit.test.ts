import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { DB_TARGETS, type TestNode, testServices } from '../../test/db-targets.ts';
import type { Actor } from '../auth/roles.ts';
import { SCOPES } from '../auth/roles.ts';
import { canonicalJson, entryHash, GENESIS_HASH } from './audit.ts';
import { AuditRepo } from './audit.repo.ts';
import { AuditService } from './audit.service.ts';

describe('canonical JSON', () => {
  it('sorts keys at every depth so the same entry always hashes the same', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } }), '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('hashes an entry exactly as the chains already stored were hashed', () => {
    const e = {
      seq: 7,
      at: new Date('2026-03-01T09:00:00.000Z'),
      actorUserId: 'u-1',
      actorAgencyId: null,
      action: 'screening.person',
      targetType: 'screening',
      targetId: null,
      subjectIds: ['p-1', 'p-2'],
      purpose: 'مراقبة الحدود',
      details: { query: { name: 'Ivan Petrov', gender: 'male' }, candidates: 2, alerts: 1, skipped: undefined },
      prevHash: GENESIS_HASH,
    };
    assert.equal(entryHash(e), 'e83120eba0f63130fa00323172c784bd9050ab4c0bba52e6198ef738fc001d49');
  });
});

for (const target of DB_TARGETS) {
  describe(`audit log on ${target.name}`, { skip: target.skip }, () => {
    let s: TestNode;
    let dpo: Actor;
    before(async () => {
      s = await testServices(target);
      const hub = await s.seeder.ensureHub();
      dpo = { userId: 'dpo-1', agencyId: hub.id, roles: ['dpo'], scopes: SCOPES, via: 'session' };
    });
    after(() => s.dispose());

    it('chains every entry to the one before it, and verify says OK', async () => {
      for (let i = 0; i < 5; i++) {
        await s.conn.db.transaction().execute((trx) => s.audit.append(trx, dpo, { action: 'test.event', targetType: 'test', targetId: `t${i}`, details: { i } }));
      }
      const r = await s.audit.verify(dpo);
      assert.equal(r.ok, true);
      assert.ok(r.entries >= 5);
    });

    it('drops the audit entry together with a write that rolls back', async () => {
      const before = (await s.audit.verifyChain()).entries;
      await assert.rejects(
        s.conn.db.transaction().execute(async (trx) => {
          await s.audit.append(trx, dpo, { action: 'test.rolledback', targetType: 'test' });
          throw new Error('write failed');
        }),
      );
      assert.equal((await s.audit.verifyChain()).entries, before);
    });

    it('lists what one person record went through, for the data-protection officer', async () => {
      await s.conn.db.transaction().execute((trx) =>
        s.audit.append(trx, dpo, { action: 'record.read', targetType: 'person', targetId: 'p-42', subjectIds: ['0198a0b4-0000-7000-8000-000000000042'], purpose: 'case 12' }),
      );
      const page = await s.audit.list(dpo, { subjectId: '0198a0b4-0000-7000-8000-000000000042' }, {}, 'dpo check');
      assert.equal(page.items.length, 1);
      assert.equal(page.items[0].purpose, 'case 12');
      assert.equal(page.items[0].actorUserId, 'dpo-1');
    });

    it('refuses the audit list to a role without audit.read', async () => {
      await assert.rejects(s.audit.list({ ...dpo, roles: ['analyst'] }, {}, {}, ''), { code: 'forbidden_role' });
    });

    it('detects one entry changed directly in SQL', async () => {
      assert.equal((await s.audit.verifyChain()).ok, true);
      // an attacker with database rights first has to switch the append-only trigger off
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(s.conn.db);
      await sql`update audit_log set purpose = 'nothing to see' where seq = 3`.execute(s.conn.db);
      await sql`alter table audit_log enable trigger audit_log_no_change`.execute(s.conn.db);
      const r = await s.audit.verifyChain();
      assert.deepEqual(r, { ok: false, entries: 2, brokenSeq: 3, reason: 'hash_mismatch' });
    });

    it('detects a deleted entry as a gap in the sequence', async () => {
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(s.conn.db);
      await sql`update audit_log set purpose = '' where seq = 3`.execute(s.conn.db);
      await sql`delete from audit_log where seq = 2`.execute(s.conn.db);
      await sql`alter table audit_log enable trigger audit_log_no_change`.execute(s.conn.db);
      const r = await s.audit.verifyChain();
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.brokenSeq, 2);
    });
  });
}

for (const target of DB_TARGETS) {
  describe(`audit group commit on ${target.name}`, { skip: target.skip }, () => {
    let s: TestNode;
    before(async () => {
      s = await testServices(target);
    });
    after(() => s.dispose());

    it('stores every concurrent search event before answering, in one valid chain', async () => {
      const actor = { userId: 'u', agencyId: 'a' };
      await Promise.all(Array.from({ length: 300 }, (_, i) => s.audit.record(actor, { action: 'screening.person', targetType: 'screening', details: { i } })));
      const r = await s.audit.verifyChain();
      assert.equal(r.ok, true);
      assert.equal(r.entries, 300);
      const rows = await s.conn.db.selectFrom('auditLog').select('details').execute();
      assert.deepEqual(new Set(rows.map((x) => (x.details as any).i)).size, 300);
    });

    it('keeps one chain when another writer appends between group commits', async () => {
      const actor = { userId: 'u', agencyId: 'a' };
      // another process on the same database: its own service, so this one's guess of the chain's end goes stale
      const other = new AuditService(s.conn.db, new AuditRepo(), s.clock);
      await s.audit.record(actor, { action: 'test.first', targetType: 'test' });
      await s.conn.db.transaction().execute((trx) => other.append(trx, actor, { action: 'test.other', targetType: 'test' }));
      await Promise.all([1, 2, 3].map((i) => s.audit.record(actor, { action: 'test.after', targetType: 'test', details: { i } })));
      // and a write in this process, inside its own transaction, between two group commits
      await s.conn.db.transaction().execute((trx) => s.audit.append(trx, actor, { action: 'test.write', targetType: 'test' }));
      await s.audit.record(actor, { action: 'test.last', targetType: 'test' });
      const r = await s.audit.verifyChain();
      assert.equal(r.ok, true);
      const actions = (await s.conn.db.selectFrom('auditLog').select('action').where('action', 'like', 'test.%').orderBy('seq').execute()).map((x) => x.action);
      assert.deepEqual(actions, ['test.first', 'test.other', 'test.after', 'test.after', 'test.after', 'test.write', 'test.last']);
    });
  });
}
