import { describe, expect, it } from 'vitest';
import {
  forceLayout,
  layeredLayout,
  overlaps,
  type LayoutBox,
} from '../../src/boards/graph/layout.ts';
import { random } from '../helpers/random.ts';

function chart(n: number, m: number, seed: number) {
  const { next } = random(seed);
  const boxes: LayoutBox[] = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    w: 90 + Math.floor(next() * 180),
    h: 32 + Math.floor(next() * 40),
    column: i % 3,
    x: Math.floor(next() * 50),
    y: Math.floor(next() * 50),
  }));
  const links = Array.from({ length: m }, () => ({
    source: `n${Math.floor(next() * n)}`,
    target: `n${Math.floor(next() * n)}`,
  }));
  return { boxes, links };
}

describe('chart layouts', () => {
  it('layered: no overlaps, evidence left of events left of facts, every node placed', () => {
    for (const seed of [1, 2, 3]) {
      const { boxes, links } = chart(80, 120, seed);
      const p = layeredLayout(boxes, links);
      expect(p.size).toBe(80);
      expect(overlaps(boxes, p)).toBe(false);
      const right = (c: number) =>
        Math.max(...boxes.filter((b) => b.column === c).map((b) => p.get(b.id)!.x + b.w));
      const left = (c: number) =>
        Math.min(...boxes.filter((b) => b.column === c).map((b) => p.get(b.id)!.x));
      expect(right(0)).toBeLessThan(left(1));
      expect(right(1)).toBeLessThan(left(2));
    }
  });

  it('force: no overlaps, linked nodes nearer than unlinked ones, same input same result', () => {
    for (const seed of [4, 5]) {
      const { boxes, links } = chart(60, 70, seed);
      const free = boxes.map(({ column: _c, ...b }) => b);
      const p = forceLayout(free, links);
      expect(overlaps(free, p)).toBe(false);
      expect(forceLayout(free, links)).toEqual(p);
      const centre = (id: string) => {
        const b = free.find((x) => x.id === id)!;
        const q = p.get(id)!;
        return [q.x + b.w / 2, q.y + b.h / 2] as const;
      };
      const dist = (a: string, b: string) =>
        Math.hypot(centre(a)[0] - centre(b)[0], centre(a)[1] - centre(b)[1]);
      const linked = links
        .filter((l) => l.source !== l.target)
        .map((l) => dist(l.source, l.target));
      const all: number[] = [];
      for (let i = 0; i < 60; i += 3)
        for (let j = i + 1; j < 60; j += 7) all.push(dist(`n${i}`, `n${j}`));
      const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
      expect(mean(linked)).toBeLessThan(mean(all));
    }
  });
});
