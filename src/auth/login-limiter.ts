/**
 * Per-client sliding window on login attempts, in memory: a brake on password spraying
 * from one address. Account lockout (in the database) covers guessing one account.
 */
export class LoginLimiter {
  #hits = new Map<string, number[]>();
  constructor(
    private readonly max = 20,
    private readonly windowMs = 5 * 60_000,
  ) {}

  /** Records an attempt; returns the seconds to wait, or 0 when allowed. */
  hit(key: string, now = Date.now()): number {
    const recent = (this.#hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.max) {
      this.#hits.set(key, recent);
      return Math.ceil((recent[0] + this.windowMs - now) / 1000);
    }
    recent.push(now);
    this.#hits.set(key, recent);
    if (this.#hits.size > 10_000) this.#prune(now);
    return 0;
  }

  #prune(now: number) {
    for (const [k, v] of this.#hits) if (v.every((t) => t <= now - this.windowMs)) this.#hits.delete(k);
  }
}
