import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LoginLimiter } from './login-limiter.ts';

const T = 1_700_000_000_000;

describe('login limiter', () => {
  it('allows max failures per address and username, then says how long until the oldest leaves the window', () => {
    const l = new LoginLimiter({ max: 3, addressMax: 10, windowSeconds: 60 });
    for (let i = 0; i < 3; i++) {
      assert.equal(l.wait('a', 'u', T + i * 10_000), 0);
      l.fail('a', 'u', T + i * 10_000);
    }
    assert.equal(l.wait('a', 'u', T + 30_000), 30);
    assert.equal(l.wait('a', 'u', T + 60_001), 0);
    assert.equal(l.wait('b', 'u', T + 30_000), 0);
    assert.equal(l.wait('a', 'v', T + 30_000), 0);
  });

  it('caps failures per address whatever the usernames (spraying)', () => {
    const l = new LoginLimiter({ max: 3, addressMax: 4, windowSeconds: 60 });
    for (let i = 0; i < 4; i++) l.fail('a', `user${i}`, T);
    assert.equal(l.wait('a', 'fresh', T), 60);
    assert.equal(l.wait('b', 'fresh', T), 0);
  });

  it('forgives the typos of a username once its password was right from that address', () => {
    const l = new LoginLimiter({ max: 2, addressMax: 100, windowSeconds: 60 });
    l.fail('a', 'u', T);
    l.fail('a', 'u', T);
    assert.ok(l.wait('a', 'u', T) > 0);
    l.succeed('a', 'u');
    assert.equal(l.wait('a', 'u', T), 0);
  });

  it('never waits less than a second while limited', () => {
    const l = new LoginLimiter({ max: 1, addressMax: 100, windowSeconds: 1 });
    l.fail('a', 'u', T);
    assert.equal(l.wait('a', 'u', T + 999), 1);
    assert.equal(l.wait('a', 'u', T + 1000), 0);
  });
});
