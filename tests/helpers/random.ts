/**
 * The one seeded random generator of the tests and benchmarks: a thin wrapper on lib0's PRNG
 * (Xoroshiro128+), so a failing run is replayed from its seed.
 * @example const rng = random(20261125); rng.pick(['a', 'b']); rng.int(10); rng.chance(0.3)
 */
import * as prng from 'lib0/prng';

export interface Random {
  /** The seed it was made from, to print with a failure. */
  readonly seed: number;
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One of `items`, or undefined when there are none. */
  pick<T>(items: readonly T[]): T | undefined;
  /** One to `max` distinct items of `items` (none when it is empty). */
  some<T>(items: readonly T[], max?: number): T[];
}

/** A generator from `seed`; the same seed gives the same sequence on every run and machine. */
export function random(seed: number): Random {
  // Xorshift32, which seeds lib0's generator, stays at zero forever from a zero seed.
  const gen = prng.create(seed >>> 0 || 0x9e3779b9);
  const next = () => prng.real53(gen);
  const int = (n: number) => Math.floor(next() * n);
  return {
    seed,
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => (items.length === 0 ? undefined : items[int(items.length)]),
    some(items, max = 3) {
      const out = new Set<(typeof items)[number]>();
      const n = 1 + int(max);
      for (let i = 0; i < n && items.length > 0; i++) out.add(items[int(items.length)]!);
      return [...out];
    },
  };
}
