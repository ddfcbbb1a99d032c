import type * as Y from 'yjs';
import { boardSetting } from '../../core/commands/boards.ts';
import {
  descendantsOf,
  listRelationships,
  listSummaries,
  listTopics,
  type Topic,
} from '../../core/commands/mindmap.ts';
import { boardsOf, filesOf, recordAt, registerOf, textField } from '../../core/doc.ts';
import type { EntityKind } from '../../core/register.ts';
import { framePicture, NoSuchBoard, type RenderOptions } from '../../render/board.ts';
import { textWidth } from '../../render/metrics.ts';
import type { Picture, Shape } from '../../render/picture.ts';
import { layoutMindMap, type MindMapLayoutKind } from './layout.ts';
import { decorationPlaces, type PlacedBox } from './decorationPlaces.ts';
import { drawBoundary, drawSummary } from './renderDecorations.ts';
import { branchPath, relationshipGeometry, type Box } from './renderLines.ts';
import {
  baseline,
  drawTopic,
  foldBadgeBox,
  TOPIC_BORDER,
  topicBoxSize,
  type TopicLook,
} from './renderTopic.ts';

const KINDS: readonly MindMapLayoutKind[] = ['balanced', 'logic-right', 'org-down', 'timeline'];
/** How dimmed build steps are drawn (present.css `.is-build-dim`). */
export const DIM_OPACITY = 0.12;
const RELATIONSHIP = '#c2410c';

/**
 * The mind-map board drawn from the document (see render/board.ts), laid out by the editor's own
 * `layoutMindMap` with topic sizes from `topicSizeWith` and Be Vietnam Pro's metric table: topics,
 * branch lines, folded branches, floating topics, relationships, summaries and boundaries. Each
 * topic is a group whose `id` is the topic's id.
 * @example toSvg(renderMindMap(doc, boardId, { language: 'vi' }))
 */
export function renderMindMap(doc: Y.Doc, boardId: string, options: RenderOptions): Picture {
  const board = recordAt(boardsOf(doc), boardId);
  if (!board || board.get('kind') !== 'mindmap') throw new NoSuchBoard(boardId);
  const setting = boardSetting(doc, boardId, 'layout');
  const kind = KINDS.includes(setting as MindMapLayoutKind)
    ? (setting as MindMapLayoutKind)
    : 'balanced';
  const topics = listTopics(doc, boardId);
  const looks = topicLooks(doc, topics);
  const sizes = new Map([...looks].map(([id, look]) => [id, topicBoxSize(look)]));
  const layout = layoutMindMap(
    topics.map((t) => ({
      id: t.id,
      parent: t.parent,
      order: t.order,
      collapsed: t.collapsed,
      ...(t.side ? { side: t.side } : {}),
      ...sizes.get(t.id)!,
    })),
    kind,
  );
  const placed = new Map<string, PlacedBox>();
  for (const [id, p] of layout.positions)
    placed.set(id, { x: p.x, y: p.y, side: p.side, ...sizes.get(id)! });

  const waiting = waitingBranches(topics, options.waiting);
  const hidden = (ids: readonly string[]) => !options.dim && ids.some((id) => waiting.has(id));
  const dimmed = (ids: readonly string[]) => !!options.dim && ids.some((id) => waiting.has(id));
  const boxes: Box[] = [];
  const layers = {
    boundaries: [] as Shape[],
    branches: [] as Shape[],
    relationships: [] as Shape[],
    brackets: [] as Shape[],
    topics: [] as Shape[],
    labels: [] as Shape[],
  };
  const add = (layer: Shape[], ids: readonly string[], ...shapes: Shape[]) => {
    if (hidden(ids)) return false;
    layer.push(
      ...(dimmed(ids)
        ? [{ kind: 'group', opacity: DIM_OPACITY, children: shapes } as const]
        : shapes),
    );
    return true;
  };

  const { boundaries, summaries } = decorationPlaces(topics, listSummaries(doc, boardId), placed);
  for (const b of boundaries) {
    const shape = drawBoundary(b, looks.get(b.topic)?.color ?? TOPIC_BORDER);
    if (add(layers.boundaries, [b.topic], shape)) boxes.push(b);
  }

  for (const topic of topics) {
    const box = placed.get(topic.id);
    const parent = topic.parent ? placed.get(topic.parent) : undefined;
    if (!box || !parent || !topic.parent) continue;
    add(layers.branches, [topic.id, topic.parent], {
      kind: 'group',
      id: `${topic.parent}->${topic.id}`,
      children: [
        {
          kind: 'path',
          d: branchPath(parent, box, box.side),
          stroke: looks.get(topic.id)?.color ?? TOPIC_BORDER,
          strokeWidth: 2,
          fill: 'none',
        },
      ],
    });
  }

  for (const rel of listRelationships(doc, boardId)) {
    const source = placed.get(rel.source);
    const target = placed.get(rel.target);
    if (!source || !target) continue;
    const g = relationshipGeometry(source, target, rel.control);
    const ids = [rel.source, rel.target];
    const drawn = add(
      layers.relationships,
      ids,
      { kind: 'path', d: g.d, stroke: RELATIONSHIP, strokeWidth: 2, dash: [6, 4], fill: 'none' },
      { kind: 'path', d: g.arrow, fill: RELATIONSHIP },
    );
    if (!drawn) continue;
    for (const [x, y] of g.points) boxes.push({ x: x!, y: y!, width: 0, height: 0 });
    if (!rel.label) continue;
    const pill = labelPill(g.points, textWidth(rel.label, 12) + 14, placed.values());
    boxes.push(pill);
    add(
      layers.labels,
      ids,
      { kind: 'rect', ...pill, radius: 6, fill: '#fff7ed', stroke: '#fdba74', strokeWidth: 1 },
      {
        kind: 'text',
        x: pill.x + pill.width / 2,
        y: baseline(pill.y, 12, 18),
        text: rel.label.normalize('NFC'),
        size: 12,
        fill: '#9a3412',
        anchor: 'middle',
      },
    );
  }

  for (const s of summaries) {
    const { bracket, label, box } = drawSummary(s);
    if (add(layers.brackets, s.run, bracket, label)) boxes.push(s.bracket, box);
  }

  for (const [id, box] of placed) {
    const look = looks.get(id)!;
    if (!add(layers.topics, [id], drawTopic(look, box, box.side))) continue;
    boxes.push(box);
    if (look.hiddenCount > 0) boxes.push(foldBadgeBox(look.hiddenCount, box, box.side, look.root));
  }

  const shapes = Object.values(layers).flat();
  const title = textField(board, 'title');
  const b = boundsOf(boxes);
  return framePicture(shapes, { x: b.x, y: b.y, w: b.width, h: b.height }, options, title);
}

/**
 * Where a relationship's label sits: on the curve's middle, as in the editor, unless it would
 * cover a topic there; then at the nearest place along the curve, or beside it, that covers none
 * (a label over a topic hides its words, and PDF readers extract the two texts interleaved).
 */
function labelPill(points: number[][], width: number, topics: Iterable<Box>): Box {
  const [[sx, sy], [cx, cy], [tx, ty]] = points as [
    [number, number],
    [number, number],
    [number, number],
  ];
  const boxes = [...topics];
  const at = (t: number, dx: number): Box => {
    const x = (1 - t) ** 2 * sx + 2 * t * (1 - t) * cx + t ** 2 * tx;
    const y = (1 - t) ** 2 * sy + 2 * t * (1 - t) * cy + t ** 2 * ty;
    return { x: x - width / 2 + dx, y: y - 9, width, height: 18 };
  };
  const middle = at(0.5, 0);
  const candidates: Box[] = [];
  for (let t = 0.1; t <= 0.9; t += 0.02)
    for (const dx of [0, width / 2 + 6, -width / 2 - 6, width + 12, -width - 12])
      candidates.push(at(t, dx));
  const distance = (b: Box) => Math.hypot(b.x - middle.x, b.y - middle.y);
  candidates.sort((a, b) => distance(a) - distance(b));
  return candidates.find((pill) => !boxes.some((b) => overlaps(pill, b))) ?? middle;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** What the editor shows of each topic (view.ts `MindMapView.compute`), by topic id. */
function topicLooks(doc: Y.Doc, topics: readonly Topic[]): Map<string, TopicLook> {
  const byId = new Map(topics.map((t) => [t.id, t]));
  const register = registerOf(doc);
  const files = filesOf(doc);
  const colorOf = (topic: Topic): string | undefined => {
    const seen = new Set<string>();
    for (
      let t: Topic | undefined = topic;
      t && !seen.has(t.id);
      t = t.parent ? byId.get(t.parent) : undefined
    ) {
      if (t.color) return t.color;
      seen.add(t.id);
    }
    return undefined;
  };
  const looks = new Map<string, TopicLook>();
  for (const topic of topics) {
    const entity = topic.entity ? recordAt(register, topic.entity) : undefined;
    const file = topic.image ? recordAt(files, topic.image) : undefined;
    const look: TopicLook = {
      id: topic.id,
      label: (entity ? textField(entity, 'name') : topic.label).normalize('NFC'),
      root: topic.parent === null,
      markers: topic.markers,
      note: !!topic.note,
      hiddenCount: topic.collapsed ? descendantsOf(topics, [topic.id]).size : 0,
      rescued: !!topic.rescued,
    };
    const color = colorOf(topic);
    if (color) look.color = color;
    if (entity) look.entityKind = textField(entity, 'kind') as EntityKind;
    if (topic.pages) look.pages = topic.pages.normalize('NFC');
    if (file && topic.image) look.image = { hash: topic.image, mime: textField(file, 'mime') };
    looks.set(topic.id, look);
  }
  return looks;
}

/** Topics waiting for a later build step, with their whole branches (as useDrawnMap does). */
function waitingBranches(
  topics: readonly Topic[],
  waiting: ReadonlySet<string> | undefined,
): Set<string> {
  if (!waiting || waiting.size === 0) return new Set();
  const ids = [...waiting];
  return new Set([...ids, ...descendantsOf(topics, ids)]);
}

function boundsOf(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
