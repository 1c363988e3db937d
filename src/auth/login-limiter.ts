export interface LoginLimits {
  /** Failed logins per client address and username within the window. */
  max: number;
  /** Failed logins per client address within the window, whatever the username (spraying). */
  addressMax: number;
  windowSeconds: number;
}

/** The limits when nothing is configured (LOGIN_RATE_* in config.ts). */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { max: 10, addressMax: 100, windowSeconds: 300 };

/** Keys kept before the oldest are dropped: bounds memory whatever an attacker sends. */
const MAX_KEYS = 100_000;

/**
 * Sliding windows over failed logins, in memory: a brake on guessing one account from one
 * address, and a looser one on spraying many usernames from one address. Only failures
 * count, so officers behind one station's address are not locked out by their colleagues'
 * logins. Account lockout (in the database) covers guessing one account from many addresses.
 *
 * @example
 * const limiter = new LoginLimiter({ max: 10, addressMax: 100, windowSeconds: 300 });
 * const wait = limiter.wait('203.0.113.5', 'officer.one', Date.now()); // 0: go ahead
 * limiter.fail('203.0.113.5', 'officer.one', Date.now());
 */
export class LoginLimiter {
  #fails = new Map<string, number[]>();
  readonly #windowMs: number;

  constructor(private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {
    this.#windowMs = limits.windowSeconds * 1000;
  }

  /** Seconds until the next attempt of this username from this address may be tried; 0: now. */
  wait(address: string, username: string, now: number): number {
    return Math.max(this.#waitOn(pairKey(address, username), this.limits.max, now), this.#waitOn(addressKey(address), this.limits.addressMax, now));
  }

  /** Counts a failed attempt against the address and the address with the username. */
  fail(address: string, username: string, now: number): void {
    this.#push(pairKey(address, username), this.limits.max, now);
    this.#push(addressKey(address), this.limits.addressMax, now);
  }

  /** The right password from this address: its earlier typos of this username are forgiven. */
  succeed(address: string, username: string): void {
    this.#fails.delete(pairKey(address, username));
  }

  #waitOn(key: string, max: number, now: number): number {
    const recent = this.#recent(key, now);
    if (recent.length < max) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - max] + this.#windowMs - now) / 1000));
  }

  #push(key: string, max: number, now: number) {
    const recent = this.#recent(key, now);
    recent.push(now);
    // only the last `max` failures decide when the next attempt is allowed
    if (recent.length > max) recent.splice(0, recent.length - max);
    this.#fails.delete(key); // re-insert: the map's order is then least recently failed first
    this.#fails.set(key, recent);
    if (this.#fails.size > MAX_KEYS) this.#prune(now);
  }

  #recent(key: string, now: number): number[] {
    return (this.#fails.get(key) ?? []).filter((t) => t > now - this.#windowMs);
  }

  #prune(now: number) {
    for (const [k, v] of this.#fails) if (v.every((t) => t <= now - this.#windowMs)) this.#fails.delete(k);
    for (const k of this.#fails.keys()) {
      if (this.#fails.size <= MAX_KEYS * 0.9) break;
      this.#fails.delete(k);
    }
  }
}

const addressKey = (address: string) => `a ${address}`;
const pairKey = (address: string, username: string) => `u ${address} ${username}`;
