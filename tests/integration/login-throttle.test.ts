import { afterAll, beforeAll, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { LoginThrottle, RedisFailureLog } from '../../server/auth/throttle.ts';
import { freePort } from '../helpers/process.ts';
import { ADMIN, ApiClient, startTestServer, type TestServer } from '../helpers/server.ts';

// Its own server: the failures it makes slow down every later login from this address.
let server: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await ApiClient.login(server.url, ADMIN.username, ADMIN.password);
});
afterAll(() => server.dispose());

it(
  'slows down and then refuses repeated failed logins, even with the right password',
  { timeout: 30_000 },
  async () => {
    await admin.newUser('target');
    const anon = new ApiClient(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push(
        (
          await anon.request('POST', '/api/auth/login', {
            username: 'target',
            password: 'wrong-password',
          })
        ).status,
      );
    }
    expect(statuses.every((s) => s === 401)).toBe(true);
    const refused = await anon.request('POST', '/api/auth/login', {
      username: 'target',
      password: 'target-password',
    });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe('auth.tooManyAttempts');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other users are not locked out.
    expect((await anon.request('POST', '/api/auth/login', ADMIN)).status).toBe(200);
  },
);

it(
  'refuses an address that tries many user names, and only that address',
  { timeout: 90_000 },
  async () => {
    // Behind a trusted proxy, so the test can speak from two addresses.
    const proxied = await startTestServer({ trustProxy: true });
    try {
      const from = (address: string, username: string, password: string) =>
        fetch(`${proxied.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
          body: JSON.stringify({ username, password }),
        }).then((res) => res.status);
      // A password spray: 50 user names from one address, ten at a time.
      const statuses: number[] = [];
      for (let batch = 0; batch < 5; batch++)
        statuses.push(
          ...(await Promise.all(
            Array.from({ length: 10 }, (_, i) =>
              from('10.9.9.9', `nguoi${batch}${i}`, 'Matkhau@123'),
            ),
          )),
        );
      expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
      expect(await from('10.9.9.9', ADMIN.username, ADMIN.password)).toBe(429);
      expect(await from('10.9.9.8', ADMIN.username, ADMIN.password)).toBe(200);
    } finally {
      await proxied.dispose();
    }
  },
);

it('keeps limiting log-ins on this instance while Redis does not answer, without hanging', async () => {
  // A Redis that is not there (a closed port): its commands wait for a connection that never comes.
  const port = await freePort();
  const redis = new Redis(`redis://127.0.0.1:${port}`, {
    lazyConnect: true,
    maxRetriesPerRequest: null,
    retryStrategy: () => 200,
  });
  redis.on('error', () => undefined);
  void redis.connect().catch(() => undefined);
  const errors: string[] = [];
  const throttle = new LoginThrottle(
    undefined,
    new RedisFailureLog(redis, 'caseboard:test:login:', (err) => errors.push(err.message), 100),
  );
  try {
    const started = Date.now();
    for (let i = 0; i < 10; i++) await throttle.fail(['user:x']);
    const verdict = await throttle.check(['user:x']);
    expect(verdict.refuse).toBe(true);
    expect(await throttle.check(['user:y'])).toEqual({ refuse: false, delayMs: 0 });
    // Each step gave up on Redis after its 100 ms instead of waiting for it.
    expect(Date.now() - started).toBeLessThan(5000);
    expect(errors[0]).toMatch(/redis did not answer/);
  } finally {
    redis.disconnect();
  }
});
