import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type RawBuilder, sql } from 'kysely';
import { DB_TARGETS, describeOn, T0, type TestNode, testServices } from '../../test/db-targets.ts';
import type { Actor } from '../auth/roles.ts';
import { SCOPES } from '../auth/roles.ts';
import { main } from '../cli/main.ts';
import { fixedClock } from '../core/clock.ts';
import { type Connection, connect, type Db } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { MIGRATIONS } from '../main.ts';
import { canonicalJson, entryHash, GENESIS_HASH, type VerifyResult } from './audit.ts';
import { AuditRepo } from './audit.repo.ts';
import { AuditService } from './audit.service.ts';
import { checkpointLine, signCheckpoint } from './checkpoint.ts';
import { checkpointPlace } from './checkpoint-store.ts';
import { Checkpointer } from './checkpointer.ts';

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
  describeOn(target, `audit log on ${target.name}`, () => {
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
      assert.deepEqual(r.ok === false && { entries: r.entries, code: r.code, ...(r.code === 'audit_chain_broken' && { brokenSeq: r.brokenSeq, reason: r.reason }) }, {
        entries: 2,
        code: 'audit_chain_broken',
        brokenSeq: 3,
        reason: 'hash_mismatch',
      });
    });

    it('detects a deleted entry as a gap in the sequence', async () => {
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(s.conn.db);
      await sql`update audit_log set purpose = '' where seq = 3`.execute(s.conn.db);
      await sql`delete from audit_log where seq = 2`.execute(s.conn.db);
      await sql`alter table audit_log enable trigger audit_log_no_change`.execute(s.conn.db);
      const r = await s.audit.verifyChain();
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.code === 'audit_chain_broken' && r.brokenSeq, 2);
    });
  });
}

for (const target of DB_TARGETS) {
  describeOn(target, `audit group commit on ${target.name}`, () => {
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

/** Runs one statement as an attacker with database rights would: every trigger of the log off. */
async function withTriggersOff(db: Db, statement: RawBuilder<unknown>) {
  await sql`alter table audit_log disable trigger all`.execute(db);
  try {
    await statement.execute(db);
  } finally {
    await sql`alter table audit_log enable trigger all`.execute(db);
  }
}

const code = (r: VerifyResult) => (r.ok ? 'ok' : r.code);

for (const target of DB_TARGETS) {
  describeOn(target, `audit tampering on ${target.name}`, () => {
    let url: string;
    let conn: Connection;
    let dir: string;
    const repo = new AuditRepo();
    const clock = fixedClock(T0);
    const actor = { userId: 'u-1', agencyId: 'a-1' };
    before(async () => {
      url = await target.create();
      conn = await connect(url);
      await migrateToLatest(conn.db, MIGRATIONS);
      dir = mkdtempSync(path.join(tmpdir(), 'ribat-audit-'));
    });
    after(async () => {
      await conn.close();
      await target.drop(url);
      rmSync(dir, { recursive: true, force: true });
    });

    /** An empty log with `entries` appended, checkpoints every `every` into a file of its own, and the last checkpoint written. */
    let n = 0;
    async function freshLog(entries = 6, every = 3) {
      await withTriggersOff(conn.db, sql`delete from audit_log`);
      const file = path.join(dir, `case-${++n}`, 'audit-checkpoints.jsonl');
      const errors: unknown[] = [];
      const place = checkpointPlace({ file, warn: (m) => errors.push(m) });
      const checkpointer = new Checkpointer(conn.db, repo, clock, place, every, (e) => errors.push(e));
      const audit = new AuditService(conn.db, repo, clock, checkpointer);
      for (let i = 0; i < entries; i++) {
        await conn.db.transaction().execute((trx) => audit.append(trx, actor, { action: 'test.event', targetType: 'test', details: { i } }));
        // as the background writer would, but at a known point
        if ((i + 1) % every === 0) await audit.checkpoint();
      }
      await audit.checkpoint();
      assert.equal(code(await audit.verifyChain()), 'ok');
      return { audit, file, errors, place, keyFile: path.join(path.dirname(file), 'audit-checkpoint.key') };
    }

    it('refuses TRUNCATE as it refuses UPDATE and DELETE', async () => {
      await freshLog(2);
      await assert.rejects(sql`truncate audit_log`.execute(conn.db), /append-only/);
      await assert.rejects(sql`delete from audit_log where seq = 2`.execute(conn.db), /append-only/);
      assert.equal((await conn.db.selectFrom('auditLog').select('seq').execute()).length, 2);
    });

    it('detects a middle entry deleted with the triggers off', async () => {
      const { audit } = await freshLog();
      await withTriggersOff(conn.db, sql`delete from audit_log where seq = 3`);
      const r = await audit.verifyChain();
      assert.deepEqual([code(r), !r.ok && r.code === 'audit_chain_broken' && [r.brokenSeq, r.reason]], ['audit_chain_broken', [3, 'sequence_gap']]);
    });

    it('detects the last entry deleted (session_replication_role = replica) as a log shorter than its checkpoint', async () => {
      const { audit } = await freshLog();
      await conn.db.transaction().execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await sql`delete from audit_log where seq = 6`.execute(trx);
      });
      const r = await audit.verifyChain();
      assert.equal(code(r), 'audit_truncated');
      assert.equal(!r.ok && r.message, 'TRUNCATED: 5 entries, last checkpoint says 6');
    });

    it('detects a TRUNCATE run with the trigger dropped as an emptied log', async () => {
      const { audit } = await freshLog();
      await sql`drop trigger audit_log_no_truncate on audit_log`.execute(conn.db);
      try {
        await sql`truncate audit_log`.execute(conn.db);
      } finally {
        await sql`create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only()`.execute(conn.db);
      }
      const r = await audit.verifyChain();
      assert.deepEqual([code(r), r.entries, !r.ok && r.message], ['audit_emptied', 0, 'EMPTIED: 0 entries, last checkpoint says 6']);
    });

    it('detects a log emptied by DELETE with the triggers off', async () => {
      const { audit } = await freshLog();
      await withTriggersOff(conn.db, sql`delete from audit_log`);
      assert.equal(code(await audit.verifyChain()), 'audit_emptied');
    });

    it('detects an entry updated with the triggers off', async () => {
      const { audit } = await freshLog();
      await withTriggersOff(conn.db, sql`update audit_log set purpose = 'nothing to see' where seq = 2`);
      const r = await audit.verifyChain();
      assert.deepEqual([code(r), !r.ok && r.code === 'audit_chain_broken' && [r.brokenSeq, r.reason]], ['audit_chain_broken', [2, 'hash_mismatch']]);
    });

    it('detects an entry updated and every hash after it recomputed, which the chain alone cannot', async () => {
      const { audit } = await freshLog();
      const rows = await repo.batch(conn.db, 0, 100);
      let prev = GENESIS_HASH;
      await sql`alter table audit_log disable trigger all`.execute(conn.db);
      for (const e of rows) {
        const { hash: _, ...rest } = { ...e, purpose: e.seq === 2 ? 'nothing to see' : e.purpose, prevHash: prev };
        prev = entryHash(rest);
        await sql`update audit_log set purpose = ${rest.purpose}, prev_hash = ${rest.prevHash}, hash = ${prev} where seq = ${e.seq}`.execute(conn.db);
      }
      await sql`alter table audit_log enable trigger all`.execute(conn.db);
      const r = await audit.verifyChain();
      assert.deepEqual([code(r), !r.ok && r.code === 'audit_head_mismatch' && r.checkpointSeq], ['audit_head_mismatch', 3]);
    });

    it('detects a forged checkpoint line: another key, a changed field, or no checkpoint at all', async () => {
      const { audit, file } = await freshLog();
      const good = readFileSync(file, 'utf8');
      const forger = generateKeyPairSync('ed25519').privateKey;
      const forgeries: Array<[string, string]> = [
        [checkpointLine(signCheckpoint(forger, { seq: 4, hash: 'a'.repeat(64) }, clock.now())), 'unknown_key'],
        [`${JSON.stringify({ ...JSON.parse(good.split('\n')[0]), seq: 9 })}\n`, 'bad_signature'],
        ['{"v":1,"seq":9\n', 'malformed'],
      ];
      for (const [line, problem] of forgeries) {
        writeFileSync(file, good + line);
        const r = await audit.verifyChain();
        assert.deepEqual([code(r), !r.ok && r.code === 'audit_checkpoint_invalid' && [r.problem, r.checkpointLine]], ['audit_checkpoint_invalid', [problem, good.split('\n').length]], problem);
      }
    });

    it('detects a truncation hidden by deleting the checkpoint file, against the copy the data-protection officer kept', async () => {
      const { audit, file, keyFile } = await freshLog();
      const copy = path.join(dir, `dpo-copy-${n}.jsonl`);
      copyFileSync(file, copy);
      copyFileSync(`${keyFile}.pub`, `${copy}.pub`);
      await withTriggersOff(conn.db, sql`delete from audit_log where seq > 4`);
      unlinkSync(file);
      assert.equal(code(await audit.verifyChain()), 'ok');
      const r = await audit.verifyChain({ checkpointFile: copy, publicKeyFile: `${copy}.pub` });
      assert.deepEqual([code(r), !r.ok && r.message], ['audit_truncated', 'TRUNCATED: 4 entries, last checkpoint says 6']);
      await assert.rejects(audit.verifyChain({ checkpointFile: `${copy}.missing` }), { code: 'audit_file_not_found' });
    });

    it('never signs a head after the log was cut short, and reports why without failing the write', async () => {
      const { audit, file, errors } = await freshLog(6, 3);
      await withTriggersOff(conn.db, sql`delete from audit_log where seq > 4`);
      const lines = readFileSync(file, 'utf8');
      for (let i = 0; i < 4; i++) await conn.db.transaction().execute((trx) => audit.append(trx, actor, { action: 'test.after', targetType: 'test' }));
      await assert.rejects(audit.checkpoint(), { code: 'audit_head_mismatch' });
      assert.equal(readFileSync(file, 'utf8'), lines);
      assert.ok(errors.length >= 1);
      assert.equal(code(await audit.verifyChain()), 'audit_head_mismatch');
    });
  });
}

for (const target of DB_TARGETS) {
  describeOn(target, `audit checkpoints on ${target.name}`, () => {
    let url: string;
    let conn: Connection;
    let dir: string;
    const repo = new AuditRepo();
    const clock = fixedClock(T0);
    const actor = { userId: 'u-1', agencyId: 'a-1' };
    before(async () => {
      url = await target.create();
      conn = await connect(url);
      await migrateToLatest(conn.db, MIGRATIONS);
      dir = mkdtempSync(path.join(tmpdir(), 'ribat-audit-'));
    });
    after(async () => {
      await conn.close();
      await target.drop(url);
      rmSync(dir, { recursive: true, force: true });
    });
    /** Gives a checkpointer time to run (its result must not depend on whether it did). */
    const settle = () => new Promise((r) => setTimeout(r, 20));

    it('signs the committed head every N entries, never an entry whose transaction rolled back', async () => {
      const file = path.join(dir, 'every', 'audit-checkpoints.jsonl');
      const place = checkpointPlace({ file, warn: assert.fail });
      const checkpointer = new Checkpointer(conn.db, repo, clock, place, 4, (e) => assert.fail(String(e)));
      const audit = new AuditService(conn.db, repo, clock, checkpointer);
      for (let i = 0; i < 10; i++) {
        await conn.db.transaction().execute((trx) => audit.append(trx, actor, { action: 'test.event', targetType: 'test' }));
        await checkpointer.idle();
      }
      // past the next boundary, held open while the checkpointer runs, then rolled back
      await assert.rejects(
        conn.db.transaction().execute(async (trx) => {
          for (let i = 0; i < 4; i++) await audit.append(trx, actor, { action: 'test.rolledback', targetType: 'test' });
          await settle();
          throw new Error('write failed');
        }),
      );
      await checkpointer.idle();
      await audit.record(actor, { action: 'screening.person', targetType: 'screening' });
      await checkpointer.idle();
      const seqs = () => readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l).seq);
      // 4 and 8, or one later where a commit had not landed yet when the checkpointer looked
      const auto = seqs();
      assert.equal(auto.length, 2);
      assert.ok(auto[0] >= 4 && auto[1] - auto[0] >= 4 && auto[1] <= 10, String(auto));
      await audit.close();
      assert.deepEqual(seqs(), [...auto, 11]);
      // checkpoint 11 signed the committed entry 11, not the rolled-back one
      const r = await audit.verifyChain();
      assert.deepEqual([code(r), r.entries, r.checkpoints.count, r.checkpoints.lastSeq], ['ok', 11, 3, 11]);
    });

    it('creates the signing key with mode 0600, its public key beside it, and a copy verifies with that public key', async () => {
      const file = path.join(dir, 'key', 'audit-checkpoints.jsonl');
      const place = checkpointPlace({ file, warn: assert.fail });
      const audit = new AuditService(conn.db, repo, clock, new Checkpointer(conn.db, repo, clock, place, 1000, (e) => assert.fail(String(e))));
      await audit.checkpoint();
      const keyFile = path.join(dir, 'key', 'audit-checkpoint.key');
      assert.equal(statSync(keyFile).mode & 0o777, 0o600);
      const copy = path.join(dir, 'copy.jsonl');
      copyFileSync(file, copy);
      assert.equal(code(await audit.verifyChain({ checkpointFile: copy, publicKeyFile: `${keyFile}.pub` })), 'ok');
    });

    it('accepts lines of several writers interleaved, repeated and out of order', async () => {
      const file = path.join(dir, 'key', 'audit-checkpoints.jsonl');
      const place = checkpointPlace({ file, warn: assert.fail });
      const audit = new AuditService(conn.db, repo, clock, new Checkpointer(conn.db, repo, clock, place, 1000, (e) => assert.fail(String(e))));
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      writeFileSync(file, `${[...lines].reverse().join('\n')}\n${lines.join('\n')}\n`);
      const r = await audit.verifyChain();
      assert.deepEqual([code(r), r.checkpoints.count], ['ok', lines.length * 2]);
    });

    it('reports a checkpoint it cannot write and still stores the entry', async () => {
      const blocker = path.join(dir, 'not-a-dir');
      writeFileSync(blocker, '');
      const errors: unknown[] = [];
      const place = checkpointPlace({ file: path.join(blocker, 'audit-checkpoints.jsonl'), warn: (m) => errors.push(m) });
      const audit = new AuditService(conn.db, repo, clock, new Checkpointer(conn.db, repo, clock, place, 1, (e) => errors.push(e)));
      const before = (await repo.last(conn.db))?.seq ?? 0;
      await conn.db.transaction().execute((trx) => audit.append(trx, actor, { action: 'test.event', targetType: 'test' }));
      await audit.record(actor, { action: 'screening.person', targetType: 'screening' });
      await audit.close();
      assert.equal((await repo.last(conn.db))?.seq, before + 2);
      assert.ok(errors.length >= 1);
    });
  });
}

for (const target of DB_TARGETS) {
  describeOn(target, `ribat audit verify on ${target.name}`, () => {
    let url: string;
    let dir: string;
    const env = () => ({ DATABASE_URL: url, LOG_LEVEL: 'silent', AUDIT_CHECKPOINT_FILE: path.join(dir, 'audit-checkpoints.jsonl'), AUDIT_CHECKPOINT_EVERY: '2' });
    const run = async (...argv: string[]) => {
      let out = '';
      const stream = { write: (c: string) => ((out += c), true) } as any;
      const exit = await main(argv, { stdout: stream, stderr: { write: () => true } as any, env: env() });
      return { exit, json: JSON.parse(out.trim().split('\n').at(-1)!) };
    };
    before(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'ribat-audit-cli-'));
      url = target.name === 'pglite' ? `pglite:${dir}/db` : await target.create();
    });
    after(async () => {
      if (target.name === 'postgres') await target.drop(url);
      rmSync(dir, { recursive: true, force: true });
    });

    it('exits 1 with a stable code for a log cut short, also against a copy of the checkpoints', async () => {
      assert.equal((await run('user', 'add', '--username', 'amina.dpo', '--agency', 'MAR-NCB', '--roles', 'dpo', '--json')).exit, 0);
      const ok = await run('audit', 'verify', '--json');
      assert.deepEqual([ok.exit, ok.json.ok], [0, true]);
      const copy = path.join(dir, 'dpo-copy.jsonl');
      copyFileSync(path.join(dir, 'audit-checkpoints.jsonl'), copy);
      const conn = await connect(url);
      try {
        await withTriggersOff(conn.db, sql`delete from audit_log where seq = (select max(seq) from audit_log)`);
      } finally {
        await conn.close();
      }
      const cut = await run('audit', 'verify', '--json');
      assert.deepEqual([cut.exit, cut.json.code], [1, 'audit_truncated']);
      unlinkSync(path.join(dir, 'audit-checkpoints.jsonl'));
      const against = await run('audit', 'verify', '--checkpoints', copy, '--json');
      assert.deepEqual([against.exit, against.json.code], [1, 'audit_truncated']);
    });
  });
}
