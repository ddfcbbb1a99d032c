import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../server/auth/throttle.ts';
import { hashPassword, verifyPassword } from '../../server/auth/passwords.ts';
import { loadConfig } from '../../server/config.ts';
import { langFrom, messageFor } from '../../server/errors.ts';
import {
  encodeSyncStep1,
  encodeUpdate,
  MalformedMessageError,
  parseMessage,
} from '../../server/sync/protocol.ts';

describe('login throttle', () => {
  it('lets a few failures pass, then slows down, then refuses until the window passes', async () => {
    const throttle = new LoginThrottle();
    const t0 = 1_000_000;
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      const verdict = await throttle.check(['user:a'], t0 + i);
      delays.push(verdict.refuse ? -1 : verdict.delayMs);
      await throttle.fail(['user:a'], t0 + i);
    }
    expect(delays.slice(0, 3)).toEqual([0, 0, 0]);
    expect(delays[3]).toBeGreaterThan(0);
    expect(delays[9]).toBeGreaterThanOrEqual(delays[4]!);
    expect(await throttle.check(['user:a'], t0 + 20)).toMatchObject({ refuse: true });
    expect(await throttle.check(['user:b'], t0 + 20)).toEqual({ refuse: false, delayMs: 0 });
    expect(await throttle.check(['user:a'], t0 + 15 * 60 * 1000 + 10)).toEqual({
      refuse: false,
      delayMs: 0,
    });
  });
});

describe('passwords', () => {
  it('verifies the right password only, including Vietnamese in either normal form', async () => {
    const hash = await hashPassword('mật khẩu');
    expect(hash).not.toContain('mật');
    expect(await verifyPassword('mật khẩu', hash)).toBe(true);
    expect(await verifyPassword('ma\u0323\u0302t kha\u0302\u0309u', hash)).toBe(true);
    expect(await verifyPassword('mat khau', hash)).toBe(false);
  });
});

describe('configuration and errors', () => {
  it('reads the environment with defaults and refuses bad values clearly', () => {
    expect(loadConfig({}).port).toBe(8080);
    expect(loadConfig({ PORT: '9000', MAX_MESSAGE_BYTES: '1024' })).toMatchObject({
      port: 9000,
      maxMessageBytes: 1024,
    });
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('dates exports in Vietnam’s time unless told another zone, and refuses a zone it does not know', () => {
    expect(loadConfig({}).timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(loadConfig({ TIME_ZONE: 'Europe/Paris', MAX_EXPORTS: '4' })).toMatchObject({
      timeZone: 'Europe/Paris',
      maxExports: 4,
    });
    expect(() => loadConfig({ TIME_ZONE: 'Sao Hỏa/Căn cứ' })).toThrow(
      /TIME_ZONE: an IANA time zone/,
    );
    expect(() => loadConfig({ MAX_EXPORTS: '0' })).toThrow(/MAX_EXPORTS/);
  });

  it('speaks the caller language, Vietnamese by default', () => {
    expect(langFrom('en-US,en;q=0.9')).toBe('en');
    expect(langFrom('fr-FR,vi;q=0.8')).toBe('vi');
    expect(langFrom(undefined)).toBe('vi');
    expect(messageFor('user.notFound', 'en', { username: 'lan' })).toBe('There is no user "lan".');
  });
});

describe('sync protocol', () => {
  it('parses well-formed messages and refuses malformed ones', () => {
    expect(parseMessage(encodeSyncStep1(new Uint8Array([0])))).toEqual({
      type: 'step1',
      stateVector: new Uint8Array([0]),
    });
    expect(parseMessage(encodeUpdate(new Uint8Array([0, 0])))).toMatchObject({ type: 'update' });
    for (const bad of [
      [],
      [9],
      [0, 7, 0],
      [0, 2, 200],
      [...encodeUpdate(new Uint8Array([0, 0])), 1],
    ]) {
      expect(() => parseMessage(new Uint8Array(bad))).toThrow(MalformedMessageError);
    }
  });
});
