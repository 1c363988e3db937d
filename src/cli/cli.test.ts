import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { DB_TARGETS, describeOn } from '../../test/db-targets.ts';
import { connect } from '../db/connect.ts';
import { demoUsers } from '../seed/users.ts';
import { COMMANDS, loginLines, main } from './main.ts';

function capture() {
  let text = '';
  return { stream: { write: (c: string) => ((text += c), true) } as unknown as NodeJS.WriteStream, text: () => text };
}

describe('demo logins', () => {
  it('are all printed at start and listed in the README, partner bureaus included', () => {
    const printed = loginLines().join('\n');
    const readme = readFileSync('README.md', 'utf8');
    for (const u of demoUsers()) {
      assert.match(printed, new RegExp(`\\b${u.username.replace('.', '\\.')} \\(`), u.username);
      assert.ok(readme.includes(`\`${u.username}\` (${u.roles.join(', ')})`), `README lists ${u.username}`);
    }
  });
});

for (const target of DB_TARGETS) {
  describeOn(target, `ribat CLI on ${target.name}`, () => {
    let url: string;
    let dir: string;
    const run = async (...argv: string[]) => {
      const out = capture();
      const err = capture();
      const code = await main(argv, { stdout: out.stream as any, stderr: err.stream as any, env: { DATABASE_URL: url, LOG_LEVEL: 'silent' } });
      return { code, out: out.text(), err: err.text(), json: () => JSON.parse(out.text().trim().split('\n').at(-1)!) };
    };
    before(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'ribat-cli-'));
      url = target.name === 'pglite' ? `pglite:${dir}/db` : await target.create();
    });
    after(async () => {
      if (target.name === 'postgres') await target.drop(url);
      rmSync(dir, { recursive: true, force: true });
    });

    it('prints help for the tool and for every subcommand', async () => {
      const top = await run('--help');
      assert.equal(top.code, 0);
      for (const c of COMMANDS) {
        assert.ok(top.out.includes(c.name), c.name);
        const r = await run(...c.name.split(' '), '--help');
        assert.equal(r.code, 0, c.name);
        assert.ok(r.out.includes('ribat '), c.name);
      }
    });

    it('exits 2 on usage errors', async () => {
      assert.equal((await run()).code, 2);
      assert.equal((await run('frobnicate')).code, 2);
      assert.equal((await run('seed', '--scale', 'galactic')).code, 2);
      assert.equal((await run('migrate', '--no-such-flag')).code, 2);
      assert.equal((await run('records', 'purge-expired')).code, 2);
    });

    it('migrates and reports in JSON', async () => {
      const r = await run('migrate', '--json');
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(r.json(), { applied: ['0001_foundation', '0002_notices', '0003_messages', '0004_cases', '0005_audit_integrity', '0006_records_list', '0010_federation', '0011_region_codes', '0012_outbox_sent', '0014_messages_federation'] });
      assert.deepEqual((await run('migrate', '--json')).json(), { applied: [] });
    });

    it('adds a user, exits 3 for an unknown agency, and mints an API token', async () => {
      const missing = await run('user', 'add', '--username', 'x.y', '--agency', 'NOPE-NCB', '--roles', 'analyst', '--json');
      assert.equal(missing.code, 3);
      assert.equal(missing.json().error.code, 'agency_not_found');
      const added = await run('user', 'add', '--username', 'amina.officer', '--agency', 'MAR-NCB', '--roles', 'ncb_officer,analyst', '--json');
      assert.equal(added.code, 0, added.err);
      assert.equal(added.json().username, 'amina.officer');
      assert.ok(added.json().password.length >= 16);
      const bad = await run('token', 'create', '--username', 'amina.officer', '--name', 'x', '--scopes', 'everything', '--json');
      assert.equal(bad.code, 2);
      const tok = await run('token', 'create', '--username', 'amina.officer', '--name', 'batch screening', '--scopes', 'records:read', '--json');
      assert.equal(tok.code, 0, tok.err);
      assert.match(tok.json().token, /^rbt_/);
    });

    it('seeds tiny demo data', async () => {
      const r = await run('seed', '--scale', 'tiny', '--json');
      assert.equal(r.code, 0, r.err);
      assert.ok(r.json().records >= 300);
    });

    it('imports notices and tells a line kept with a warning from a line skipped', async () => {
      const r = await run('notices', 'import', 'fixtures/interpol-public-notices.psv');
      assert.equal(r.code, 0, r.err);
      const said = r.out + r.err;
      assert.match(said, /skipped at line 7: /);
      assert.match(said, /kept with a warning at line 9: /);
      assert.doesNotMatch(said, /problem at/);
      assert.match(said, /1 kept with a warning, 2 skipped/);
    });

    it('screens one name from the shell', async () => {
      const r = await run('screen', 'محمد', '--top', '3', '--json');
      assert.equal(r.code, 0, r.err);
      assert.ok(r.json().candidates.length > 0);
      // namesakes are told apart in the text answer: born, nationality, owner on every line
      const text = await run('screen', 'محمد', '--top', '3');
      for (const line of text.out.trim().split('\n')) assert.match(line, /born (\d{4}[\d/-]*|—)  ([A-Z]{3}(,[A-Z]{3})*|—)  [A-Z]{3}-[A-Z]+/, line);
      assert.equal((await run('screen', 'x', '--gender', 'other')).code, 2);
    });

    it('verifies the audit chain, and exits 1 once a row was tampered with', async () => {
      const ok = await run('audit', 'verify', '--json');
      assert.equal(ok.code, 0);
      assert.equal(ok.json().ok, true);
      const conn = await connect(url);
      try {
        await sql`alter table audit_log disable trigger audit_log_no_change`.execute(conn.db);
        await sql`update audit_log set action = 'nothing' where seq = 2`.execute(conn.db);
        await sql`alter table audit_log enable trigger audit_log_no_change`.execute(conn.db);
      } finally {
        await conn.close();
      }
      const broken = await run('audit', 'verify', '--json');
      assert.equal(broken.code, 1);
      assert.deepEqual({ ok: broken.json().ok, brokenSeq: broken.json().brokenSeq }, { ok: false, brokenSeq: 2 });
    });
  });
}
