import { readdirSync } from 'node:fs';
import { interopDir, interopFixture } from '../helpers/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { ImportError, importMindMap } from '../../src/core/index.ts';

/** `STRESS=1` (npm run test:stress) tries ten times as many. */
const MUTATIONS = process.env.STRESS === '1' ? 4000 : 400;

const fixtures = readdirSync(interopDir())
  .filter((name) => !name.endsWith('.md'))
  .map((name) => ({ name, bytes: interopFixture(name) }));

/** A small seeded generator, so a failure can be replayed from its seed. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

function mutate(bytes: Uint8Array, next: () => number): Uint8Array {
  const out = new Uint8Array(bytes);
  const kind = Math.floor(next() * 4);
  if (kind === 0) return out.subarray(0, Math.floor(next() * out.length)); // truncated
  if (kind === 1) {
    for (let i = 0; i < 20; i++) out[Math.floor(next() * out.length)] = Math.floor(next() * 256);
    return out; // bytes flipped
  }
  if (kind === 2) {
    // A span repeated: unbalanced tags, repeated attributes, odd nesting.
    const from = Math.floor(next() * out.length);
    const span = out.subarray(from, Math.min(out.length, from + 200));
    const at = Math.floor(next() * out.length);
    const joined = new Uint8Array(out.length + span.length);
    joined.set(out.subarray(0, at));
    joined.set(span, at);
    joined.set(out.subarray(at), at + span.length);
    return joined;
  }
  return zipSync({ 'content.json': out.subarray(0, Math.floor(next() * out.length)) }); // a bad archive
}

describe('importers under mutated real files', () => {
  it(`either import or refuse with their documented error, for ${MUTATIONS} mutations (seed 20261125)`, () => {
    const next = random(20261125);
    let refused = 0;
    for (let i = 0; i < MUTATIONS; i++) {
      const fixture = fixtures[i % fixtures.length]!;
      const input = mutate(fixture.bytes, next);
      try {
        importMindMap(fixture.name, input);
      } catch (err) {
        expect(err, `mutation ${i} of ${fixture.name}`).toBeInstanceOf(ImportError);
        refused++;
      }
    }
    // Most mutations break the file; some leave it readable.
    expect(refused).toBeGreaterThan(100);
  });
});
