import { describe, expect, it } from 'vitest';
import {
  buildTree,
  layoutMindMap,
  type LayoutTopic,
  type MindMapLayout,
  type MindMapLayoutKind,
} from '../../src/boards/mindmap/layout.ts';
import { random } from '../helpers/random.ts';
import { randomTopics } from '../helpers/random-tree.ts';

const KINDS: MindMapLayoutKind[] = ['balanced', 'logic-right', 'org-down', 'timeline'];

/** Pairs of overlapping boxes, by a sweep over x (no O(n²) on big maps). */
function overlaps(topics: readonly LayoutTopic[], layout: MindMapLayout): string[] {
  const boxes = topics
    .filter((t) => layout.positions.has(t.id))
    .map((t) => ({ id: t.id, ...layout.positions.get(t.id)!, w: t.width, h: t.height }))
    .sort((a, b) => a.x - b.x);
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length && boxes[j]!.x < a.x + a.w; j++) {
      const b = boxes[j]!;
      if (a.y < b.y + b.h && b.y < a.y + a.h) found.push(`${a.id}/${b.id}`);
    }
  }
  return found;
}

function fold(topics: LayoutTopic[], ids: string[]): LayoutTopic[] {
  return topics.map((t) => (ids.includes(t.id) ? { ...t, collapsed: true } : t));
}

describe('mind-map layouts', () => {
  for (const kind of KINDS) {
    it(`${kind}: 1,000 random topics of random sizes, no overlap, all placed, siblings in order`, () => {
      for (const seed of [1, 7, 2026]) {
        const topics = randomTopics(1000, seed);
        const layout = layoutMindMap(topics, kind);
        expect(layout.positions.size).toBe(1000);
        expect(overlaps(topics, layout)).toEqual([]);
        const { children } = buildTree(topics);
        for (const [, kids] of children) {
          const places = kids.map((id) => layout.positions.get(id)!);
          const sameSide = (s: string) => places.filter((p) => p.side === s);
          for (const side of ['left', 'right'] as const) {
            const ys = sameSide(side).map((p) => p.y);
            if (kind !== 'timeline' || side === 'left')
              expect(ys).toEqual([...ys].sort((a, b) => a - b));
          }
          const xs = sameSide('down').map((p) => p.x);
          expect(xs).toEqual([...xs].sort((a, b) => a - b));
        }
      }
    });
  }

  it('is deterministic whatever the order of its input', () => {
    const topics = randomTopics(300, 5);
    const shuffled = [...topics].sort(() => 0).reverse();
    for (const kind of KINDS) {
      expect([...layoutMindMap(shuffled, kind).positions].sort()).toEqual(
        [...layoutMindMap(topics, kind).positions].sort(),
      );
    }
  });

  it('gives folded topics’ descendants no position, and the rest close up', () => {
    const topics: LayoutTopic[] = [
      { id: 'r', parent: null, order: 'a0', width: 100, height: 40 },
      { id: 'a', parent: 'r', order: 'a0', width: 80, height: 30 },
      { id: 'a1', parent: 'a', order: 'a0', width: 80, height: 30 },
      { id: 'a2', parent: 'a', order: 'a1', width: 80, height: 30 },
      { id: 'b', parent: 'r', order: 'a1', width: 80, height: 30 },
    ];
    const layout = layoutMindMap(fold(topics, ['a']), 'logic-right');
    expect([...layout.positions.keys()].sort()).toEqual(['a', 'b', 'r']);
    const open = layoutMindMap(topics, 'logic-right');
    expect(layout.bounds.height).toBeLessThan(open.bounds.height);
  });

  it('balances the two sides by subtree height, not by count', () => {
    // One tall branch and three small ones: by count it would be 2 + 2; by height the tall one
    // stands alone on the right.
    const topics: LayoutTopic[] = [{ id: 'r', parent: null, order: 'a0', width: 100, height: 40 }];
    topics.push({ id: 'big', parent: 'r', order: 'a1', width: 80, height: 30 });
    for (let i = 0; i < 10; i++)
      topics.push({ id: `big${i}`, parent: 'big', order: `a${i}`, width: 80, height: 30 });
    for (const id of ['s1', 's2', 's3'])
      topics.push({ id, parent: 'r', order: `b${id}`, width: 80, height: 30 });
    const layout = layoutMindMap(topics, 'balanced');
    const side = (id: string) => layout.positions.get(id)!.side;
    expect(side('big')).toBe('right');
    expect(['s1', 's2', 's3'].map(side)).toEqual(['left', 'left', 'left']);
    expect(side('big3')).toBe('right');
  });

  it('centres the central topic on the origin and mirrors the left side', () => {
    const topics: LayoutTopic[] = [
      { id: 'r', parent: null, order: 'a0', width: 100, height: 40 },
      { id: 'a', parent: 'r', order: 'a0', width: 80, height: 30 },
      { id: 'b', parent: 'r', order: 'a1', width: 80, height: 30 },
    ];
    const layout = layoutMindMap(topics, 'balanced');
    expect(layout.positions.get('r')).toEqual({ x: -50, y: -20, side: 'right' });
    expect(layout.positions.get('a')!.x).toBe(50 + 48);
    expect(layout.positions.get('b')!.x).toBe(-50 - 48 - 80);
  });

  it('survives 10,000-topic chains and stars, orphans and cycles', () => {
    const chain: LayoutTopic[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `c${i}`,
      parent: i ? `c${i - 1}` : null,
      order: 'a0',
      width: 50,
      height: 20,
    }));
    const star: LayoutTopic[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `s${i}`,
      parent: i ? 's0' : null,
      order: `a${i}`,
      width: 50,
      height: 20,
    }));
    for (const kind of KINDS) {
      expect(layoutMindMap(chain, kind).positions.size).toBe(10_000);
      expect(layoutMindMap(star, kind).positions.size).toBe(10_000);
    }
    const odd: LayoutTopic[] = [
      { id: 'r', parent: null, order: 'a0', width: 100, height: 40 },
      { id: 'orphan', parent: 'gone', order: 'a0', width: 80, height: 30 },
      { id: 'x', parent: 'y', order: 'a0', width: 80, height: 30 },
      { id: 'y', parent: 'x', order: 'a0', width: 80, height: 30 },
    ];
    for (const kind of KINDS) {
      const layout = layoutMindMap(odd, kind);
      expect(layout.positions.size).toBe(4);
      expect(overlaps(odd, layout)).toEqual([]);
    }
  });

  it('keeps floating topics apart from the map', () => {
    const { next } = random(3);
    const topics = randomTopics(200, 11);
    for (let i = 0; i < 5; i++)
      topics.push({
        id: `f${i}`,
        parent: null,
        order: `z${i}`,
        width: 60 + Math.floor(next() * 100),
        height: 30,
      });
    for (const kind of KINDS) expect(overlaps(topics, layoutMindMap(topics, kind))).toEqual([]);
  });

  it('keeps main topics with a side on it, and puts the others where the sides balance', () => {
    const t = (id: string, parent: string | null, order: string, side?: 'left' | 'right') => ({
      id,
      parent,
      order,
      width: 100,
      height: 30,
      ...(side ? { side } : {}),
    });
    const topics = [
      t('r', null, 'a0'),
      t('a', 'r', 'a1', 'left'),
      t('b', 'r', 'a2', 'left'),
      t('c', 'r', 'a3'),
      t('d', 'r', 'a4', 'right'),
      t('e', 'r', 'a5'),
    ];
    const { positions } = layoutMindMap(topics, 'balanced');
    const side = (id: string) => positions.get(id)!.side;
    expect(['a', 'b', 'c', 'd', 'e'].map(side)).toEqual([
      'left',
      'left',
      'right',
      'right',
      'right',
    ]);
    // Each side keeps sibling order top to bottom.
    expect(positions.get('a')!.y).toBeLessThan(positions.get('b')!.y);
    expect(positions.get('c')!.y).toBeLessThan(positions.get('d')!.y);
    // Other layouts have no sides to keep.
    expect(layoutMindMap(topics, 'logic-right').positions.get('a')!.side).toBe('right');
  });
});
