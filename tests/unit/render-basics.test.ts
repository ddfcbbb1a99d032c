import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import table from '../../src/render/fontMetrics.json';
import { fontMetricsTable } from '../../src/render/fontMetricsTable.ts';
import { ellipsize, textWidth, wrapText } from '../../src/render/metrics.ts';
import {
  arcPath,
  cullClipped,
  textsOf,
  type Picture,
  type Shape,
} from '../../src/render/picture.ts';
import { toSvg } from '../../src/render/svg.ts';
import { BOARD_KINDS } from '../../src/core/schema.ts';
import { boardDescriptor } from '../../src/boards/registry.ts';
import { boardRenderers } from '../../src/boards/renderers.ts';

const hasRsvg = (() => {
  try {
    execFileSync('rsvg-convert', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

describe('text metrics', () => {
  it('holds the advance widths of the fonts the PDF embeds (regenerate with scripts/fontMetrics.ts)', async () => {
    expect(await fontMetricsTable()).toEqual(table);
  });

  it('measures Vietnamese the same in NFC and NFD, and bold wider than regular', () => {
    const nfc = 'Nguyễn Văn Hùng';
    expect(textWidth(nfc.normalize('NFD'), 14)).toBeCloseTo(textWidth(nfc, 14), 6);
    expect(textWidth(nfc, 14, 700)).toBeGreaterThan(textWidth(nfc, 14, 400));
    expect(textWidth(nfc, 28)).toBeCloseTo(textWidth(nfc, 14) * 2, 6);
    // "Nguyễn Văn Hùng" at 14 px is about 110 px wide in Be Vietnam Pro, not 15 × 8.
    expect(textWidth(nfc, 14)).toBeGreaterThan(95);
    expect(textWidth(nfc, 14)).toBeLessThan(130);
  });

  it('wraps at spaces, keeps hard breaks, cuts a word longer than the line', () => {
    const lines = wrapText('Biên bản khám nghiệm hiện trường vụ trộm cắp tài sản', 14, 400, 120);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(120);
    expect(lines.join(' ')).toBe('Biên bản khám nghiệm hiện trường vụ trộm cắp tài sản');
    expect(wrapText('Dòng một\nDòng hai', 14, 400, 500)).toEqual(['Dòng một', 'Dòng hai']);
    const long = wrapText('BL-0000000000000000000000000000000000000001', 14, 400, 100);
    expect(long.length).toBeGreaterThan(1);
    expect(long.join('')).toBe('BL-0000000000000000000000000000000000000001');
    expect(ellipsize('Vật chứng số 1: con dao dài 25 cm', 14, 400, 80)).toMatch(/…$/);
  });
});

describe('SVG writer', () => {
  const picture: Picture = {
    width: 300,
    height: 120,
    background: '#ffffff',
    title: 'Sơ đồ <vụ án>',
    shapes: [
      {
        kind: 'group',
        id: 'topic-1',
        clip: { x: 0, y: 0, width: 300, height: 120 },
        children: [
          {
            kind: 'rect',
            x: 20,
            y: 20,
            width: 200,
            height: 60,
            radius: 8,
            fill: '#dbeafe',
            stroke: '#1d4ed8',
            strokeWidth: 2,
          },
          {
            kind: 'text',
            x: 120,
            y: 56,
            text: 'Bị can "A" & đồng phạm'.normalize('NFD'),
            size: 16,
            weight: 600,
            anchor: 'middle',
            fill: '#0f172a',
          },
          {
            kind: 'path',
            d: arcPath(260, 60, 20, 0, Math.PI * 2),
            stroke: '#dc2626',
            strokeWidth: 3,
          },
        ],
      },
    ],
  };

  it('writes plain elements with escaped NFC text and no HTML inside', () => {
    const svg = toSvg(picture);
    expect(svg).not.toContain('foreignObject');
    expect(svg).toContain('<title>Sơ đồ &lt;vụ án&gt;</title>');
    expect(svg).toContain('Bị can &quot;A&quot; &amp; đồng phạm');
    expect(svg).toContain('data-id="topic-1"');
    expect(svg).toContain('clip-path="url(#clip0)"');
    expect(textsOf(picture)).toHaveLength(1);
    // An arc is drawn with Béziers only: the PDF writer understands M, L, C, Q and Z.
    expect(arcPath(0, 0, 10, 0, Math.PI)).toMatch(/^M[-\d. ]+(C[-\d. ]+)+$/);
  });

  it.skipIf(!hasRsvg)('is read by rsvg-convert, which draws the box and the ring', () => {
    const dir = mkdtempSync(join(tmpdir(), 'svg-'));
    writeFileSync(join(dir, 'a.svg'), toSvg(picture));
    execFileSync('rsvg-convert', ['-o', join(dir, 'a.png'), join(dir, 'a.svg')]);
    const png = readFileSync(join(dir, 'a.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // Width and height from the IHDR chunk.
    expect(png.readUInt32BE(16)).toBe(300);
    expect(png.readUInt32BE(20)).toBe(120);
  });
});

describe('pictures of a frame', () => {
  const label = (text: string, x: number, y: number): Shape => ({
    kind: 'text',
    x,
    y,
    text,
    size: 14,
  });
  const framed = (children: Shape[]): Picture => ({
    width: 400,
    height: 300,
    background: '#ffffff',
    title: '',
    shapes: [
      {
        kind: 'group',
        // A frame at (1000, 500) of the board, 400 × 300, as renderers draw it.
        transform: [1, 0, 0, 1, -1000, -500],
        clip: { x: 1000, y: 500, width: 400, height: 300 },
        children,
      },
    ],
  });

  it('leave out what the frame cannot show, keep what it shows even in part', () => {
    const picture = cullClipped(
      framed([
        label('Bị can', 1100, 600),
        label('Người làm chứng ở xa', 5000, 600),
        { kind: 'rect', x: 1380, y: 780, width: 200, height: 100 },
        { kind: 'rect', x: 0, y: 0, width: 100, height: 100 },
        { kind: 'path', d: 'M0 0C500 500 900 900 1100 650', stroke: '#000000' },
        { kind: 'path', d: 'M0 0L100 100', stroke: '#000000' },
        {
          kind: 'group',
          // A turned group whose box reaches into the frame from the left.
          transform: [0, 1, -1, 0, 1050, 550],
          children: [label('Xe máy', 0, 0), label('Biển số ở xa', 0, 3000)],
        },
      ]),
    );
    expect(textsOf(picture)).toEqual(['Bị can', 'Xe máy']);
    const inner = picture.shapes[0]!;
    expect(inner.kind === 'group' && inner.children.filter((c) => c.kind !== 'group')).toHaveLength(
      3,
    );
  });

  it('leave a picture without clips as it is', () => {
    const whole: Picture = {
      ...framed([]),
      shapes: [label('A', -9999, -9999), label('B', 9999, 9999)],
    };
    expect(textsOf(cullClipped(whole))).toEqual(['A', 'B']);
  });
});

describe('renderers', () => {
  it('every kind’s descriptor loads the same renderer the server uses', async () => {
    for (const kind of BOARD_KINDS) {
      const descriptor = boardDescriptor(kind)!;
      expect(await descriptor.render()).toBe(await boardRenderers[kind]());
    }
  });
});
