/**
 * Draws the sample case map in every layout to SVG and PNG for a person to look at (not a test):
 * `npx tsx tests/helpers/render-mindmap-look.ts /tmp/mindmap-look`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMindMap } from '../../src/boards/mindmap/render.ts';
import { toSvg } from '../../src/render/svg.ts';
import { caseMap } from './render-mindmap-case.ts';
import { rsvgEnv } from './render-png.ts';

const env = rsvgEnv();

const out = process.argv[2] ?? '/tmp/mindmap-look';
mkdirSync(out, { recursive: true });
for (const layout of ['balanced', 'logic-right', 'org-down', 'timeline'] as const) {
  const { doc, boardId, ids } = caseMap(layout);
  const picture = renderMindMap(doc, boardId, { language: 'vi' });
  const svg = join(out, `${layout}.svg`);
  writeFileSync(svg, toSvg(picture));
  execFileSync('rsvg-convert', ['-o', join(out, `${layout}.png`), svg], { env });
  const framed = renderMindMap(doc, boardId, {
    language: 'vi',
    frame: { x: -300, y: -200, w: 600, h: 400 },
    waiting: new Set([ids.evidence]),
    dim: layout === 'balanced',
  });
  const frameSvg = join(out, `${layout}-frame.svg`);
  writeFileSync(frameSvg, toSvg(framed));
  execFileSync('rsvg-convert', ['-o', join(out, `${layout}-frame.png`), frameSvg], { env });
  // Wide maps in tiles of 1200 px, to look at closely.
  const shift = picture.shapes[0]?.kind === 'group' ? picture.shapes[0].transform : undefined;
  const [x0, y0] = shift ? [-shift[4], -shift[5]] : [0, 0];
  for (let i = 0; i * 1200 < picture.width; i++) {
    const tile = renderMindMap(doc, boardId, {
      language: 'vi',
      frame: { x: x0 + i * 1200, y: y0, w: 1200, h: Math.min(picture.height, 900) },
    });
    const file = join(out, `${layout}-tile${i}.svg`);
    writeFileSync(file, toSvg(tile));
    execFileSync('rsvg-convert', ['-o', join(out, `${layout}-tile${i}.png`), file], { env });
  }
  console.log(layout, picture.width, picture.height);
}
