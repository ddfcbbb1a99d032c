import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared interop fixtures (real files from other mind-map programs). They are not copied into
 * this repository (their licences are for test use only); they are found beside it in `../shared`,
 * at `CASEBOARD_FIXTURES`, or at the machine's `/work/shared`. A missing folder fails the tests.
 */
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const candidates = [
  process.env.CASEBOARD_FIXTURES,
  join(repo, '../shared/fixtures'),
  '/work/shared/fixtures',
].filter((c): c is string => !!c);

export const FIXTURES = candidates.find((c) => existsSync(join(c, 'interop'))) ?? candidates[0]!;

export const interopDir = (): string => join(FIXTURES, 'interop');

export function interopFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(interopDir(), name)));
}
