import { describe, expect, it } from 'vitest';
import {
  TOPIC_SIZE_CAP,
  clearTopicSizes,
  topicSize,
  topicSizesKept,
} from '../../src/boards/mindmap/measure.ts';
import { LruCache } from '../../src/ui/lruCache.ts';

describe('topic size cache', () => {
  it('keeps a whole 6,000-topic map, so the next layout measures nothing again', () => {
    clearTopicSizes();
    const labels = Array.from({ length: 6_000 }, (_, i) => `Lời khai số ${i} của người làm chứng`);
    const first = labels.map((label) => topicSize({ label, root: false, extras: 0 }));
    expect(topicSizesKept()).toBe(6_000);
    // The second pass, in the same order as every layout asks, is all hits: same objects back.
    labels.forEach((label, i) =>
      expect(topicSize({ label, root: false, extras: 0 })).toBe(first[i]),
    );
    clearTopicSizes();
  });

  it('forgets the least recently used entry beyond its cap', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // now b is the oldest
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('stays bounded however many labels are measured, and measures them the same', () => {
    clearTopicSizes();
    const first = topicSize({ label: 'Bị can 0', root: false, extras: 0 });
    for (let i = 0; i < TOPIC_SIZE_CAP + 500; i++)
      topicSize({ label: `Bị can ${i}`, root: false, extras: 0 });
    expect(topicSizesKept()).toBe(TOPIC_SIZE_CAP);
    // The first label was forgotten; measured again, it has the same box.
    expect(topicSize({ label: 'Bị can 0', root: false, extras: 0 })).toEqual(first);
    clearTopicSizes();
    expect(topicSizesKept()).toBe(0);
  });
});
