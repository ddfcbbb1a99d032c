import type * as Y from 'yjs';
import { boardsOf, readBoard, recordAt } from '../../core/doc.ts';
import { listFiles } from '../../core/commands/files.ts';
import { listSceneObjects, readSceneSettings } from '../../core/commands/scene.ts';
import { markerNumbers, type SceneObject } from '../../core/scene.ts';
import { areaLabelPlaces, measureLabelPlaces } from '../../core/sceneLabels.ts';
import { PX } from '../../core/scene/view.ts';
import { BOARD_MARGIN, NoSuchBoard, type RenderOptions } from '../../render/board.ts';
import type { Picture, Shape } from '../../render/picture.ts';
import { extentOf, type Extent } from './renderBounds.ts';
import { drawObject } from './renderItems.ts';
import { BASE_TEXT } from './renderText.ts';
import { sheetTexts } from './sheetTexts.ts';

/**
 * The scene board drawn from the document, as the editor draws it at zoom 1: picture units are the
 * editor's pixels (metres × PX), each object a group whose `id` is the object's id, backgrounds
 * first, then by (z, id). A frame is in metres, as canvas/elementFrame.tsx measures a scene (the
 * units of `.scene-svg > g`); the picture is then the frame's size in pixels (frame × PX).
 *
 * @example toSvg(renderScene(doc, boardId, { language: 'vi' }))
 */
export function renderScene(doc: Y.Doc, boardId: string, options: RenderOptions): Picture {
  const scene = drawScene(doc, boardId, options);
  const frame = options.frame;
  if (frame) {
    const [x, y, w, h] = [frame.x * PX, frame.y * PX, frame.w * PX, frame.h * PX];
    return {
      width: w,
      height: h,
      background: '#ffffff',
      title: scene.title,
      shapes: [
        {
          kind: 'group',
          transform: [1, 0, 0, 1, -x, -y],
          clip: { x, y, width: w, height: h },
          children: scene.shapes,
        },
      ],
    };
  }
  const e = scene.extent ?? { x0: 0, y0: 0, x1: 0, y1: 0 };
  return {
    width: e.x1 - e.x0 + 2 * BOARD_MARGIN,
    height: e.y1 - e.y0 + 2 * BOARD_MARGIN,
    background: '#ffffff',
    title: scene.title,
    shapes: [
      {
        kind: 'group',
        transform: [1, 0, 0, 1, BOARD_MARGIN - e.x0, BOARD_MARGIN - e.y0],
        children: scene.shapes,
      },
    ],
  };
}

export interface DrawnScene {
  title: string;
  objects: SceneObject[];
  /** One group per object, in picture units (metres × PX), in drawing order. */
  shapes: Shape[];
  /** What the shapes cover; null for an empty scene. */
  extent: Extent | null;
}

/**
 * The scene's objects as shapes (shared by `renderScene` and the printed sheet). `text` is the
 * labels' size in metres: BASE_TEXT at zoom 1; larger keeps labels readable on a sheet printed at
 * a small scale, as the editor does when zoomed out.
 */
export function drawScene(
  doc: Y.Doc,
  boardId: string,
  options: Pick<RenderOptions, 'language' | 'waiting' | 'dim'> & { text?: number },
): DrawnScene {
  const board = readBoard(recordAt(boardsOf(doc), boardId));
  if (!board || board.kind !== 'scene') throw new NoSuchBoard(boardId);
  const settings = readSceneSettings(doc, boardId);
  // The background layer under everything, whatever its z (the editor's promise).
  const all = listSceneObjects(doc, boardId);
  const objects = [...all.filter((o) => o.background), ...all.filter((o) => !o.background)];
  const hidden = options.dim ? new Set<string>() : (options.waiting ?? new Set<string>());
  const shown = objects.filter((o) => !hidden.has(o.id));
  const text = Math.max(BASE_TEXT, options.text ?? BASE_TEXT);
  // Labels placed among all objects, so that they stay put from one build step to the next.
  const measures = measureLabelPlaces(objects, text);
  const areas = areaLabelPlaces(objects, text * 1.2, options.language, measures);
  const context = {
    language: options.language,
    text,
    numbers: markerNumbers(objects.filter((o) => o.shape === 'marker')),
    // A measurement to an object of a later build step still ends where that object is.
    byId: new Map(objects.map((o) => [o.id, o])),
    labelPlaces: new Map([...measures, ...areas]),
    gridMetres: settings.gridMetres,
    mimes: new Map(listFiles(doc).map((f) => [f.hash, f.mime as string])),
    northLabel: sheetTexts(options.language).north,
  };
  const shapes: Shape[] = [];
  for (const o of shown) {
    const children = drawObject(o, context);
    if (children.length === 0) continue;
    const dimmed = options.dim && options.waiting?.has(o.id);
    shapes.push({ kind: 'group', id: o.id, children, ...(dimmed ? { opacity: 0.25 } : {}) });
  }
  return { title: board.title, objects, shapes, extent: extentOf(shapes) };
}
