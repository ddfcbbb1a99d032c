import * as Y from 'yjs';
import type { Picture, Shape } from '../../render/picture.ts';
import { framePicture, NoSuchBoard, type Rect, type RenderOptions } from '../../render/board.ts';
import { textWidth } from '../../render/metrics.ts';
import { boardsOf, filesOf, recordAt, registerOf, textField } from '../../core/doc.ts';
import { listLinks } from '../../core/commands/links.ts';
import { displayOf, listNodes } from '../../core/commands/nodes.ts';
import { PARTY_TYPES, type BoardLink, type PartyType } from '../../core/links.ts';
import { analyseProof, readProofGraph, type FactStatus } from '../../core/proof.ts';
import { registerTexts } from '../../register/locales.ts';
import {
  LINK_STROKES,
  LINK_WIDTH,
  arrowHead,
  linkCurve,
  pointOnCurve,
  type Box,
} from '../../canvas/linkGeometry.ts';
import { graphTexts } from './locales.ts';
import { baselineIn, layoutNode, type NodeLook } from './renderNode.ts';
import { DIM_OPACITY, unionOf, waitingLook } from './renderFrame.ts';

/**
 * An evidence chart or a relationship chart drawn from the document as the editor shows it
 * (GraphBoard.tsx over the shared canvas): nodes with their kind icon, name and proof badge, links
 * as React Flow routes them with their colour, dash, arrowhead and word. Words come from the same
 * vi/en texts as the page (register and graph namespaces), read directly, not through i18next.
 *
 * @example renderGraph(doc, boardId, { language: 'vi' }).shapes
 */
export function renderGraph(doc: Y.Doc, boardId: string, options: RenderOptions): Picture {
  const board = recordAt(boardsOf(doc), boardId);
  const kind = board?.get('kind');
  if (!board || (kind !== 'evidence' && kind !== 'relationship')) throw new NoSuchBoard(boardId);
  const lang = options.language.startsWith('en') ? 'en' : 'vi';

  const statusOf = new Map<string, FactStatus>();
  if (kind === 'evidence')
    for (const fact of analyseProof(readProofGraph(doc, boardId)).facts)
      statusOf.set(fact.id, fact.status);

  const boxes = new Map<string, Box>();
  const nodeShapes: Shape[] = [];
  for (const node of listNodes(doc, boardId)) {
    const look = waitingLook(node.id, options);
    if (look === 'hidden') continue;
    const layout = layoutNode(nodeLook(doc, node, statusOf, lang));
    boxes.set(node.id, { x: node.x, y: node.y, w: layout.w, h: layout.h });
    nodeShapes.push({
      kind: 'group',
      id: node.id,
      transform: [1, 0, 0, 1, node.x, node.y],
      children: layout.shapes,
      ...(look === 'dim' ? { opacity: DIM_OPACITY } : {}),
    });
  }

  const lines: Shape[] = [];
  const labels: Shape[] = [];
  const extents: Rect[] = [...boxes.values()];
  for (const link of listLinks(doc, boardId)) {
    const source = boxes.get(link.source);
    const target = boxes.get(link.target);
    if (!source || !target) continue;
    const dim =
      waitingLook(link.source, options) === 'dim' || waitingLook(link.target, options) === 'dim';
    const drawn = drawLink(link, source, target, lang);
    lines.push({ ...drawn.line, ...(dim ? { opacity: DIM_OPACITY } : {}) });
    labels.push({ ...drawn.label, ...(dim ? { opacity: DIM_OPACITY } : {}) });
    extents.push(...drawn.extents);
  }

  // React Flow's layers: links, then their labels, then the nodes.
  return framePicture(
    [...lines, ...labels, ...nodeShapes],
    unionOf(extents),
    options,
    textField(board, 'title'),
  );
}

function nodeLook(
  doc: Y.Doc,
  node: ReturnType<typeof listNodes>[number],
  statusOf: ReadonlyMap<string, FactStatus>,
  lang: 'vi' | 'en',
): NodeLook {
  const display = displayOf(doc, node);
  const entity = node.entity ? recordAt(registerOf(doc), node.entity) : undefined;
  const status = node.entity ? statusOf.get(node.entity) : undefined;
  const party = (PARTY_TYPES as readonly string[]).includes(node.type)
    ? (node.type as PartyType)
    : undefined;
  const pages = textField(entity, 'pages');
  const thumbnail = thumbnailOf(doc, entity, node.file, node.file && !node.entity ? 200 : 40);
  return {
    id: node.id,
    x: node.x,
    y: node.y,
    label: display.label,
    ...(display.entityKind ? { entityKind: display.entityKind } : {}),
    ...(display.brokenLink ? { brokenLink: true } : {}),
    ...(party ? { party } : {}),
    ...(status ? { status, statusWord: registerTexts[lang].status[status] } : {}),
    ...(pages ? { pages } : {}),
    ...(thumbnail ? { thumbnail } : {}),
  };
}

/** The first case-file file of an entity, or an image node's own file (projection.ts). */
function thumbnailOf(
  doc: Y.Doc,
  entity: Y.Map<unknown> | undefined,
  file: string | undefined,
  size: number,
): NodeLook['thumbnail'] {
  const files = entity?.get('files');
  const first: unknown = files instanceof Y.Array && files.length > 0 ? files.get(0) : file;
  if (typeof first !== 'string') return undefined;
  const record = recordAt(filesOf(doc), first);
  return record ? { hash: first, mime: textField(record, 'mime'), size } : undefined;
}

const LABEL_FONT = 15;
const LABEL_H = LABEL_FONT * 1.45 + 2;

/** A link's curve (with its arrowhead) and its label on a white pill, as LinkEdge.tsx draws them. */
function drawLink(
  link: BoardLink,
  source: Box,
  target: Box,
  lang: 'vi' | 'en',
): { line: Shape; label: Shape; extents: Rect[] } {
  const look = LINK_STROKES[link.type]!;
  const width = LINK_WIDTH[link.strength ?? 'medium']!;
  const curve = linkCurve(source, target);
  const dash = look.dash?.split(' ').map(Number);
  const children: Shape[] = [
    {
      kind: 'path',
      d: curve.d,
      stroke: look.color,
      strokeWidth: width,
      lineCap: 'round',
      ...(dash ? { dash } : {}),
    },
  ];
  if (look.arrow)
    children.push({
      kind: 'path',
      d: arrowHead(curve.target, width),
      fill: look.color,
      stroke: look.color,
      strokeWidth: 1,
      lineJoin: 'round',
    });

  const word = `${look.glyph ? `${look.glyph} ` : ''}${link.label || graphTexts[lang].links[link.type]}`;
  const w = textWidth(word, LABEL_FONT) + 14;
  const box = { x: curve.label.x - w / 2, y: curve.label.y - LABEL_H / 2, w, h: LABEL_H };
  const label: Shape = {
    kind: 'group',
    id: `${link.id}:label`,
    children: [
      {
        kind: 'rect',
        x: box.x + 0.5,
        y: box.y + 0.5,
        width: w - 1,
        height: LABEL_H - 1,
        radius: 10,
        fill: '#ffffff',
        stroke: look.color,
        strokeWidth: 1,
      },
      {
        kind: 'text',
        x: curve.label.x,
        y: baselineIn(box.y + 1, LABEL_FONT),
        text: word,
        size: LABEL_FONT,
        fill: look.color,
        anchor: 'middle',
      },
    ],
  };
  const samples = [0, 0.25, 0.5, 0.75, 1].map((t) => pointOnCurve(curve, t));
  const xs = samples.map((p) => p.x);
  const ys = samples.map((p) => p.y);
  const curveBox = {
    x: Math.min(...xs) - width,
    y: Math.min(...ys) - width,
    w: Math.max(...xs) - Math.min(...xs) + 2 * width,
    h: Math.max(...ys) - Math.min(...ys) + 2 * width,
  };
  return { line: { kind: 'group', id: link.id, children }, label, extents: [curveBox, box] };
}
