import type { LayoutTopic } from '../../src/boards/mindmap/layout.ts';
import { random } from './random.ts';

/**
 * A random mind map of `count` topics with random sizes (40–240 × 20–120) and mixed shapes: each
 * new topic hangs from a random earlier one, from the last one (chains) or from the root (fans).
 */
export function randomTopics(count: number, seed: number): LayoutTopic[] {
  const { next } = random(seed);
  const topics: LayoutTopic[] = [];
  for (let i = 0; i < count; i++) {
    const shape = next();
    const parent =
      i === 0
        ? null
        : shape < 0.15
          ? `t${i - 1}`
          : shape < 0.25
            ? 't0'
            : `t${Math.floor(next() * i)}`;
    topics.push({
      id: `t${i}`,
      parent,
      order: `a${String(Math.floor(next() * 1e6)).padStart(7, '0')}`,
      width: 40 + Math.floor(next() * 200),
      height: 20 + Math.floor(next() * 100),
    });
  }
  return topics;
}
