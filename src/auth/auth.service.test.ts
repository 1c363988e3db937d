import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DB_TARGETS, describeOn, type TestNode, testServices } from '../../test/db-targets.ts';
import { AuthService } from './auth.service.ts';
import { LoginLimiter } from './login-limiter.ts';
import type { Actor } from './roles.ts';

const PW = 'a very good passphrase';

for (const target of DB_TARGETS) {
  describeOn(target, `authentication on ${target.name}`, () => {
    let s: TestNode;
    let root: Actor;
    before(async () => {
      s = await testServices(target);
      root = await s.seeder.consoleActor();
      await s.admin.createUser(root, { username: 'Officer.One', displayName: 'Officer One', password: PW, agencyId: root.agencyId, roles: ['ncb_officer'] });
    });
    after(() => s.dispose());

    it('stores a salted scrypt hash, never the password', async () => {
      const u = await s.authRepo.userByUsername(s.conn.db, 'officer.one');
      assert.ok(u);
      assert.match(u.passwordHash, /^scrypt\$\d+\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
      assert.ok(!u.passwordHash.includes(PW));
    });

    it('logs in case-insensitively on the username and opens a session', async () => {
      const r = await s.auth.login(' OFFICER.ONE ', PW, 'k1');
      const a = await s.auth.authenticateSession(r.sessionToken);
      assert.equal(a.actor.via, 'session');
      assert.equal(a.csrfToken, r.csrfToken);
    });

    it('refuses a wrong password and an unknown user with the same code', async () => {
      await assert.rejects(s.auth.login('officer.one', 'wrong', 'k2'), { code: 'invalid_credentials' });
      await assert.rejects(s.auth.login('nobody', 'wrong', 'k2'), { code: 'invalid_credentials' });
    });

    it('locks the account after five failures until the admin unlocks it, answering as for a wrong password', async () => {
      await s.admin.createUser(root, { username: 'locky', displayName: 'L', password: PW, agencyId: root.agencyId, roles: ['frontline'] });
      for (let i = 0; i < 5; i++) await assert.rejects(s.auth.login('locky', 'bad', `ip${i}`), { code: 'invalid_credentials' });
      // the right password does not open a locked account, and the answer does not tell it is locked
      await assert.rejects(s.auth.login('locky', PW, 'ip9'), { code: 'invalid_credentials', status: 401, message: 'Wrong username or password', details: undefined });
      const u = (await s.authRepo.userByUsername(s.conn.db, 'locky'))!;
      assert.ok(u.lockedUntil && u.lockedUntil > s.clock.now());
      const audited = await s.conn.db.selectFrom('auditLog').select('action').where('targetId', '=', u.id).orderBy('seq').execute();
      assert.deepEqual(
        audited.map((a) => a.action).filter((a) => a.startsWith('auth.')),
        ['auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.locked', 'auth.login_locked'],
      );
      await s.admin.updateUser({ ...root, roles: ['admin'] }, u.id, { unlock: true });
      assert.equal((await s.auth.login('locky', PW, 'ip9')).me.username, 'locky');
    });

    it('limits failed logins per address and username, counts no success, and says how long to wait', async () => {
      await s.admin.createUser(root, { username: 'typo', displayName: 'T', password: PW, agencyId: root.agencyId, roles: ['frontline'] });
      const auth = new AuthService(s.conn.db, s.authRepo, s.audit, s.clock, () => crypto.randomUUID(), new LoginLimiter({ max: 3, addressMax: 5, windowSeconds: 60 }), {
        sessionIdleMinutes: 30,
        sessionMaxHours: 12,
        loginMaxFailures: 100,
        loginLockMinutes: 15,
      });
      // successes are not counted
      for (let i = 0; i < 5; i++) await auth.login('typo', PW, '198.51.100.1');
      for (let i = 0; i < 3; i++) await assert.rejects(auth.login('typo', 'bad', '198.51.100.1'), { code: 'invalid_credentials' });
      // the fourth attempt is refused before the password is checked, even the right one
      await assert.rejects(auth.login('TYPO', PW, '198.51.100.1'), { code: 'rate_limited', status: 429, message: 'Too many failed logins: try again in 1 minute', details: { retryAfterSeconds: 60 } });
      // the same username from another address, another username from this one: still allowed
      await auth.login('typo', PW, '198.51.100.2');
      await assert.rejects(auth.login('someone.else', 'bad', '198.51.100.1'), { code: 'invalid_credentials' });
      // the looser cap per address stops spraying many usernames
      await assert.rejects(auth.login('third', 'bad', '198.51.100.1'), { code: 'invalid_credentials' });
      await assert.rejects(auth.login('fourth', 'bad', '198.51.100.1'), { code: 'rate_limited' });
      s.clock.advance(61_000);
      try {
        assert.equal((await auth.login('typo', PW, '198.51.100.1')).me.username, 'typo');
      } finally {
        s.clock.set('2026-03-01T09:00:00Z');
      }
    });

    it('ends sessions at the absolute limit, on logout, and when the password changes', async () => {
      const r1 = await s.auth.login('officer.one', PW, 'k3');
      // active all day (never idle 30 minutes), the session still ends after 12 hours
      for (let i = 0; i < 24; i++) {
        s.clock.advance(29 * 60_000);
        await s.auth.authenticateSession(r1.sessionToken);
      }
      s.clock.advance(25 * 60_000);
      await assert.rejects(s.auth.authenticateSession(r1.sessionToken), { code: 'session_expired' });
      s.clock.set('2026-03-01T09:00:00Z');
      const r2 = await s.auth.login('officer.one', PW, 'k3');
      await s.auth.logout(r2.sessionToken);
      await assert.rejects(s.auth.authenticateSession(r2.sessionToken), { code: 'session_invalid' });
      const r3 = await s.auth.login('officer.one', PW, 'k3');
      const u = (await s.authRepo.userByUsername(s.conn.db, 'officer.one'))!;
      await s.admin.updateUser(root, u.id, { password: 'another good passphrase' });
      await assert.rejects(s.auth.authenticateSession(r3.sessionToken), { code: 'session_invalid' });
      await s.admin.updateUser(root, u.id, { password: PW });
    });

    it('issues API tokens stored only as digests, honours expiry and revocation', async () => {
      const me = await s.auth.consoleActorFor('officer.one');
      const { token, info } = await s.auth.createToken(me, { name: 'feed', scopes: ['records:read'], expiresInDays: 1 });
      const row = await s.conn.db.selectFrom('apiTokens').selectAll().where('id', '=', info.id).executeTakeFirstOrThrow();
      assert.notEqual(row.tokenHash, token);
      assert.deepEqual((await s.auth.authenticateToken(token)).actor.scopes, ['records:read']);
      s.clock.advance(2 * 86_400_000);
      await assert.rejects(s.auth.authenticateToken(token), { code: 'token_expired' });
      s.clock.set('2026-03-01T09:00:00Z');
      await s.auth.revokeToken(me, info.id);
      await assert.rejects(s.auth.authenticateToken(token), { code: 'token_invalid' });
      await assert.rejects(s.auth.createToken(me, { name: 'x', scopes: ['root'] }), { code: 'invalid_scopes' });
    });

    it('lists every token of mine a page at a time, newest first, past 200', async () => {
      const me = await s.auth.consoleActorFor('officer.one');
      const before = (await s.auth.listTokens(me, { limit: 200 })).items.length;
      const made: string[] = [];
      for (let i = 0; i < 205; i++) made.push((await s.auth.createToken(me, { name: `bulk ${i}`, scopes: ['records:read'] })).info.id);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await s.auth.listTokens(me, { limit: 60, cursor });
        assert.ok(page.items.length <= 60);
        seen.push(...page.items.map((t) => t.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      assert.equal(seen.length, before + 205);
      assert.equal(new Set(seen).size, seen.length, 'no token twice');
      assert.deepEqual(seen.slice(0, 205), [...made].reverse(), 'newest first');
      await assert.rejects(s.auth.listTokens(me, { cursor: 'nonsense' }), { code: 'invalid_cursor' });
    });

    it('refuses a disabled user everywhere', async () => {
      const u = await s.admin.createUser(root, { username: 'leaver', displayName: 'L', password: PW, agencyId: root.agencyId, roles: ['analyst'] });
      const r = await s.auth.login('leaver', PW, 'k4');
      await s.admin.updateUser(root, u.id, { disabled: true });
      await assert.rejects(s.auth.authenticateSession(r.sessionToken), { code: 'session_invalid' });
      await assert.rejects(s.auth.login('leaver', PW, 'k4'), { code: 'invalid_credentials' });
    });
  });
}
