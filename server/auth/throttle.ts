import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Failed attempts under one key (a user name or an address) within the window. */
export interface Failures {
  count: number;
  /** Time of the oldest failure still in the window; `now` when there is none. */
  oldest: number;
}

/** Where failed attempts are counted: this process's memory, or Redis for several instances. */
export interface FailureLog {
  recent(key: string, now: number, windowMs: number): Promise<Failures>;
  add(key: string, now: number, windowMs: number): Promise<void>;
  clear(key: string): Promise<void>;
}

/** Counts in memory. A restart forgets them, which only ever lets a person try again sooner. */
export class MemoryFailureLog implements FailureLog {
  private readonly failures = new Map<string, number[]>();

  async recent(key: string, now: number, windowMs: number): Promise<Failures> {
    const list = this.within(key, now, windowMs);
    return { count: list.length, oldest: list[0] ?? now };
  }

  async add(key: string, now: number, windowMs: number): Promise<void> {
    this.failures.set(key, [...this.within(key, now, windowMs), now]);
  }

  async clear(key: string): Promise<void> {
    this.failures.delete(key);
  }

  private within(key: string, now: number, windowMs: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > now - windowMs);
    if (list.length === 0) this.failures.delete(key);
    return list;
  }
}

/**
 * Counts in Redis (a sorted set of failure times per key), so that every instance behind a load
 * balancer sees the same failures: an attacker gets no more tries by being sent round the
 * instances. Each failure is also counted in this process; if Redis does not answer within
 * `timeoutMs`, the local count decides, so a Redis outage neither blocks log-ins nor lifts the
 * limit on the instance that sees the attempts.
 */
export class RedisFailureLog implements FailureLog {
  private readonly local = new MemoryFailureLog();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly onError: (err: Error) => void = () => undefined,
    private readonly timeoutMs = 1000,
  ) {}

  async recent(key: string, now: number, windowMs: number): Promise<Failures> {
    const mine = await this.local.recent(key, now, windowMs);
    const shared = await this.guard(async () => {
      const name = this.prefix + key;
      const results = await this.redis
        .multi()
        .zremrangebyscore(name, '-inf', now - windowMs)
        .zcard(name)
        .zrange(name, 0, 0, 'WITHSCORES')
        .exec();
      const count = Number(results?.[1]?.[1] ?? 0);
      const first = results?.[2]?.[1] as string[] | undefined;
      return { count, oldest: first?.[1] ? Number(first[1]) : now };
    });
    // The local count can only be higher when Redis missed failures (an outage).
    return shared && shared.count >= mine.count ? shared : mine;
  }

  async add(key: string, now: number, windowMs: number): Promise<void> {
    await this.local.add(key, now, windowMs);
    await this.guard(async () => {
      const name = this.prefix + key;
      await this.redis
        .multi()
        .zadd(name, now, `${now}:${randomBytes(6).toString('hex')}`)
        .pexpire(name, windowMs)
        .exec();
      return true;
    });
  }

  async clear(key: string): Promise<void> {
    await this.local.clear(key);
    await this.guard(async () => (await this.redis.del(this.prefix + key)) >= 0);
  }

  private async guard<T>(work: () => Promise<T>): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => {
        this.onError(new Error('redis did not answer the login throttle in time'));
        resolve(null);
      }, this.timeoutMs);
    });
    try {
      return await Promise.race([
        work().catch((err: unknown) => {
          this.onError(err instanceof Error ? err : new Error(String(err)));
          return null;
        }),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}

export interface ThrottleOptions {
  slowAfter: number;
  refuseAfter: number;
  windowMs: number;
  maxDelayMs: number;
}

/** Slows down and then refuses repeated failed logins, per user name and per address. */
export class LoginThrottle {
  constructor(
    private readonly options: ThrottleOptions = {
      slowAfter: 3,
      refuseAfter: 10,
      windowMs: 15 * 60 * 1000,
      maxDelayMs: 2000,
    },
    private readonly log: FailureLog = new MemoryFailureLog(),
  ) {}

  /** What to do before checking a password: wait `delayMs`, or refuse until `retryAfterMs` has passed. */
  async check(
    keys: string[],
    now = Date.now(),
  ): Promise<{ refuse: false; delayMs: number } | { refuse: true; retryAfterMs: number }> {
    let worst = 0;
    let oldest = now;
    for (const key of keys) {
      const recent = await this.log.recent(key, now, this.options.windowMs);
      if (recent.count > worst) {
        worst = recent.count;
        oldest = recent.oldest;
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

  async fail(keys: string[], now = Date.now()): Promise<void> {
    for (const key of keys) await this.log.add(key, now, this.options.windowMs);
  }

  async succeed(key: string): Promise<void> {
    await this.log.clear(key);
  }
}
