import type * as Y from 'yjs';
import { readMeta } from '../../core/doc.ts';
import { boardSetting } from '../../core/commands/boards.ts';
import { getEntity } from '../../core/commands/register.ts';
import { readSceneSettings } from '../../core/commands/scene.ts';
import { formatOffence } from '../../core/offences.ts';
import { legendOf, markerNumbers, referencePoints } from '../../core/scene.ts';
import { PX } from '../../core/scene/view.ts';
import type { Rect } from '../../render/board.ts';
import type { Picture, Shape } from '../../render/picture.ts';
import { drawScene, type DrawnScene } from './render.ts';
import { BASE_TEXT } from './renderText.ts';
import type { Extent } from './renderBounds.ts';
import { SceneTooLarge, usualScaleAtLeast } from './sheetErrors.ts';
import {
  legend,
  northArrow,
  scaleBar,
  titleBlock,
  type Area,
  type TitleRow,
} from './sheetParts.ts';
import { sheetTexts } from './sheetTexts.ts';
import { SYMBOL_ORDER } from './symbols.ts';

/**
 * The printed scene diagram (sơ đồ hiện trường) in the manner of Circular 98/2024/TT-BCA: the
 * drawing at a stated scale in real millimetres (or fitted, "không theo tỷ lệ"), with a title block
 * (case, board, place and time where the board has them, scale, who drew it, who checked it, date),
 * a scale bar matching the drawing on paper, a north arrow and a legend of the symbols used and the
 * numbered evidence markers. Picture units are PDF points; the PDF writer puts it in the printable
 * area of the page.
 */

export interface SceneSheet {
  /** The printable area, in PDF points. */
  width: number;
  height: number;
  /** Draw at 1:scale (100: 1 m on the ground is 10 mm on paper); null: fit the area. */
  scale: number | null;
  language: 'vi' | 'en';
  author?: string;
  date: Date;
  /** Only this part of the scene, in metres (a frame slide's); absent: the whole scene. */
  frame?: Rect | null;
}

export type SceneSheetRender = (doc: Y.Doc, boardId: string, sheet: SceneSheet) => Picture;

/** PDF points per millimetre. */
const PT_PER_MM = 72 / 25.4;
/** The smallest label on paper, in points (labels grow in metres below that, as when zoomed out). */
const MIN_LABEL_PT = 6.5;
const PAD = 10;

/**
 * The sheet of a scene board; throws `SceneTooLarge` (with the scale that fits) when the scene at
 * `sheet.scale` does not fit the area.
 *
 * @example renderSceneSheet(doc, id, { width: 786, height: 539, scale: 100, language: 'vi', date })
 */
export function renderSceneSheet(doc: Y.Doc, boardId: string, sheet: SceneSheet): Picture {
  const words = sheetTexts(sheet.language);
  const landscape = sheet.width >= sheet.height;
  // The drawing on the left (landscape) or top (portrait); the title block and legend beside it.
  const side = landscape ? Math.min(240, sheet.width * 0.34) : Math.min(250, sheet.height * 0.36);
  const drawing: Area = landscape
    ? { x: 0, y: 0, w: sheet.width - side, h: sheet.height }
    : { x: 0, y: 0, w: sheet.width, h: sheet.height - side };
  const inner = {
    x: drawing.x + PAD,
    y: drawing.y + PAD,
    w: drawing.w - 2 * PAD,
    h: drawing.h - 2 * PAD,
  };

  // A sketch drawn by eye ("không theo tỷ lệ") is fitted, and has no scale bar to mislead.
  const sketch = readSceneSettings(doc, boardId).notToScale;
  const placed = placeDrawing(doc, boardId, sketch ? { ...sheet, scale: null } : sheet, inner);
  const meta = readMeta(doc);
  const setting = (key: string) => {
    const v = boardSetting(doc, boardId, key);
    return typeof v === 'string' && v.trim() ? v : null;
  };
  const place = setting('place');
  const time = setting('time');
  const rows: TitleRow[] = [
    ...(meta.caseNumber ? [{ label: words.caseNumber, value: meta.caseNumber }] : []),
    ...(meta.title ? [{ label: words.caseTitle, value: meta.title }] : []),
    ...(meta.offences.length > 0
      ? [{ label: words.offence, value: meta.offences.map(formatOffence).join('\n') }]
      : []),
    { label: words.board, value: placed.scene.title },
    ...(place ? [{ label: words.place, value: place }] : []),
    ...(time ? [{ label: words.time, value: time }] : []),
    {
      label: words.scale(1).replace(/\s*1:1$/, ''),
      value: placed.scale ? `1:${placed.scale}` : words.notToScale,
    },
    { label: words.author, value: sheet.author ?? '', blank: !sheet.author },
    { label: words.checker, value: '', blank: true },
    { label: words.date, value: formatDate(sheet.date, sheet.language) },
  ];

  const panel: Area = landscape
    ? { x: drawing.w + PAD, y: PAD, w: side - 2 * PAD, h: sheet.height - 2 * PAD }
    : { x: PAD, y: drawing.h + PAD, w: (sheet.width - 3 * PAD) / 2, h: side - 2 * PAD };
  const title = titleBlock(panel, words.heading, rows);
  const shapes: Shape[] = [...placed.shapes, ...title.shapes];
  // Under the title block: the scale bar (when the drawing has a scale worth reading) and the
  // north arrow at its right.
  const barY = panel.y + title.height + 26;
  const arrowX = panel.x + panel.w - 16;
  if (!sketch)
    shapes.push(
      ...scaleBar(panel.x + 2, barY, placed.pointsPerMetre, panel.w - 58, sheet.language).shapes,
    );
  shapes.push(northArrow(arrowX, barY + 2, north(placed.scene), words.north));
  const legendArea: Area = landscape
    ? { x: panel.x, y: barY + 30, w: panel.w, h: panel.y + panel.h - barY - 30 }
    : { x: panel.x + panel.w + PAD, y: panel.y, w: panel.w, h: panel.h };
  const numbers = markerNumbers(placed.scene.objects.filter((o) => o.shape === 'marker'));
  const markers = placed.scene.objects
    .filter((o) => o.shape === 'marker')
    .map((o) => ({
      number: numbers.get(o.id)!,
      description: (o.entity && getEntity(doc, o.entity)?.name) || '',
    }))
    .sort((a, b) => a.number - b.number);
  const refs = placed.scene.objects.filter((o) => o.shape === 'refpoint');
  const chosen = referencePoints(placed.scene.objects);
  const references = [
    ...refs.filter((r) => chosen.includes(r.id)),
    ...refs.filter((r) => !chosen.includes(r.id)),
  ].map((r) => r.label || '?');
  shapes.push(
    ...legend(
      legendArea,
      words,
      sheet.language,
      legendOf(placed.scene.objects, SYMBOL_ORDER),
      markers,
      references,
    ),
  );
  shapes.push({
    kind: 'rect',
    x: drawing.x + 0.5,
    y: drawing.y + 0.5,
    width: drawing.w - 1,
    height: drawing.h - 1,
    fill: 'none',
    stroke: '#111827',
    strokeWidth: 1,
  });
  return {
    width: sheet.width,
    height: sheet.height,
    background: '#ffffff',
    title: placed.scene.title,
    shapes,
  };
}

/** The north arrow's turn: the board's north arrow object's, else straight up. */
function north(scene: DrawnScene): number {
  return scene.objects.find((o) => o.shape === 'north')?.rotation ?? 0;
}

function formatDate(date: Date, language: string): string {
  return new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(date);
}

interface PlacedDrawing {
  scene: DrawnScene;
  shapes: Shape[];
  /** The denominator printed (null: fitted, not to scale). */
  scale: number | null;
  /** Points on paper per metre on the ground. */
  pointsPerMetre: number;
}

/**
 * The scene drawn into `area` at the sheet's scale (or fitted), centred, clipped to the area. Labels
 * are drawn at least MIN_LABEL_PT tall on paper; since that changes what they cover, fitting is
 * done twice.
 */
function placeDrawing(doc: Y.Doc, boardId: string, sheet: SceneSheet, area: Area): PlacedDrawing {
  const fixed = sheet.scale && sheet.scale > 0 ? (1000 / sheet.scale) * PT_PER_MM : null;
  const extentOf = (scene: DrawnScene): Extent => {
    const f = sheet.frame;
    if (f) return { x0: f.x * PX, y0: f.y * PX, x1: (f.x + f.w) * PX, y1: (f.y + f.h) * PX };
    return scene.extent ?? { x0: 0, y0: 0, x1: 1, y1: 1 };
  };
  const fit = (e: Extent) =>
    Math.min(area.w / Math.max(1e-9, e.x1 - e.x0), area.h / Math.max(1e-9, e.y1 - e.y0)) * PX;
  let text = BASE_TEXT;
  let scene = drawScene(doc, boardId, { language: sheet.language, text });
  for (let pass = 0; pass < 2; pass++) {
    const pointsPerMetre = fixed ?? fit(extentOf(scene));
    const wanted = Math.max(BASE_TEXT, MIN_LABEL_PT / pointsPerMetre);
    if (Math.abs(wanted - text) < 1e-6) break;
    text = wanted;
    scene = drawScene(doc, boardId, { language: sheet.language, text });
  }
  const e = extentOf(scene);
  const pointsPerMetre = fixed ?? fit(e);
  const k = pointsPerMetre / PX;
  const [w, h] = [(e.x1 - e.x0) * k, (e.y1 - e.y0) * k];
  if (fixed && sheet.scale && (w > area.w + 0.01 || h > area.h + 0.01)) {
    const needed = sheet.scale * Math.max(w / area.w, h / area.h);
    throw new SceneTooLarge(sheet.scale, usualScaleAtLeast(needed));
  }
  const dx = area.x + (area.w - w) / 2 - e.x0 * k;
  const dy = area.y + (area.h - h) / 2 - e.y0 * k;
  return {
    scene,
    scale: fixed ? sheet.scale : null,
    pointsPerMetre,
    shapes: [
      {
        kind: 'group',
        id: 'drawing',
        transform: [k, 0, 0, k, dx, dy],
        clip: { x: e.x0, y: e.y0, width: e.x1 - e.x0, height: e.y1 - e.y0 },
        children: scene.shapes,
      },
    ],
  };
}
