import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Picture, Shape } from '../../src/render/picture.ts';
import { toSvg } from '../../src/render/svg.ts';

/** Reading pictures back in tests: groups by id, shapes in picture coordinates, path ends. */

export type Placed = { shape: Shape; dx: number; dy: number; opacity: number };

/** Every shape with the translation and opacity of the groups around it. */
export function placed(picture: Picture): Placed[] {
  const out: Placed[] = [];
  const visit = (shape: Shape, dx: number, dy: number, opacity: number) => {
    out.push({ shape, dx, dy, opacity });
    if (shape.kind !== 'group') return;
    const [, , , , e, f] = shape.transform ?? [1, 0, 0, 1, 0, 0];
    for (const child of shape.children)
      visit(child, dx + e, dy + f, opacity * (shape.opacity ?? 1));
  };
  for (const shape of picture.shapes) visit(shape, 0, 0, 1);
  return out;
}

/** The group with this id, where it is drawn, or undefined. */
export function groupById(
  picture: Picture,
  id: string,
): (Placed & { shape: Extract<Shape, { kind: 'group' }> }) | undefined {
  const found = placed(picture).find((p) => p.shape.kind === 'group' && p.shape.id === id);
  return found as (Placed & { shape: Extract<Shape, { kind: 'group' }> }) | undefined;
}

/** Texts inside a group. */
export function textsIn(group: Shape): string[] {
  if (group.kind === 'text') return [group.text];
  if (group.kind !== 'group') return [];
  return group.children.flatMap(textsIn);
}

/** The first and last points of path data made of M, L, C, Q, Z. */
export function pathEnds(d: string): { start: [number, number]; end: [number, number] } {
  const numbers = (d.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).map(Number);
  return {
    start: [numbers[0]!, numbers[1]!],
    end: [numbers[numbers.length - 2]!, numbers[numbers.length - 1]!],
  };
}

export const hasRsvg = (() => {
  try {
    execFileSync('rsvg-convert', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

/** The picture's SVG through rsvg-convert: the PNG's width, height and bytes. */
export function rsvgPng(picture: Picture): { width: number; height: number; bytes: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'render-graph-'));
  writeFileSync(join(dir, 'a.svg'), toSvg(picture));
  execFileSync('rsvg-convert', ['-o', join(dir, 'a.png'), join(dir, 'a.svg')]);
  const bytes = readFileSync(join(dir, 'a.png'));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bytes };
}

export const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The text pdftotext reads from PDF bytes, its lines joined by spaces. */
export function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'render-graph-pdf-'));
  writeFileSync(join(dir, 'a.pdf'), bytes);
  return execFileSync('pdftotext', [join(dir, 'a.pdf'), '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ')
    .trim();
}
