/**
 * Slows down and then refuses repeated failed logins, per user name and per address.
 * Kept in memory: a restart forgets the counts, which only ever lets a person try again sooner.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly options = {
      slowAfter: 3,
      refuseAfter: 10,
      windowMs: 15 * 60 * 1000,
      maxDelayMs: 2000,
    },
  ) {}

  /** What to do before checking a password: wait `delayMs`, or refuse until `retryAfterMs` has passed. */
  check(
    keys: string[],
    now = Date.now(),
  ): { refuse: false; delayMs: number } | { refuse: true; retryAfterMs: number } {
    let worst = 0;
    let oldest = now;
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length > worst) {
        worst = recent.length;
        oldest = recent[0] ?? now;
      }
    }
    if (worst >= this.options.refuseAfter) {
      return { refuse: true, retryAfterMs: Math.max(1000, oldest + this.options.windowMs - now) };
    }
    const over = worst - this.options.slowAfter + 1;
    return {
      refuse: false,
      delayMs: over > 0 ? Math.min(this.options.maxDelayMs, 250 * 2 ** (over - 1)) : 0,
    };
  }

  fail(keys: string[], now = Date.now()): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > now - this.options.windowMs);
    if (list.length === 0) this.failures.delete(key);
    return list;
  }
}
