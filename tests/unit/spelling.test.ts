import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(tsx?|css|html|md)$/.test(entry.name)) yield path;
  }
}

/**
 * The product spells "delete" one way: "Xoá" (the accent on the a, the older placement), never
 * "Xóa". Written with escapes so that this file does not contain what it forbids. Both the composed
 * (U+00F3) and the decomposed (o + U+0301) forms count, in any case.
 */
const OTHER_SPELLING = /xo(\u0301)?a|x\u00f3a/giu;

it('spells "delete" as "Xoá" everywhere in src', () => {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const match of line.normalize('NFC').matchAll(OTHER_SPELLING))
        if (match[0].normalize('NFC').toLowerCase() !== 'xoa')
          found.push(`${relative(SRC, file)}:${i + 1}: ${line.trim().slice(0, 80)}`);
    });
  }
  expect(found).toEqual([]);
});
