/**
 * Automatic layouts of a mind map: pure, deterministic and O(n), with no overlap by construction.
 * Each subtree owns a band (its height for maps that grow sideways, its width for org charts) and
 * bands are stacked, as XMind lays out logic charts. Iterative traversals only, so a 10,000-deep
 * chain cannot overflow the stack.
 */

export type MindMapLayoutKind = 'balanced' | 'logic-right' | 'org-down' | 'timeline';

export interface LayoutTopic {
  id: string;
  parent: string | null;
  order: string;
  width: number;
  height: number;
  collapsed?: boolean;
  /** A main topic's side in the balanced layout (unset: wherever balances). */
  side?: 'left' | 'right';
}

export interface LayoutOptions {
  hGap?: number;
  vGap?: number;
}

export interface TopicPlacement {
  x: number;
  y: number;
  side: 'left' | 'right' | 'down';
}

export interface MindMapLayout {
  positions: Map<string, TopicPlacement>;
  bounds: { x: number; y: number; width: number; height: number };
}

interface Tree {
  roots: string[];
  children: Map<string, string[]>;
  byId: Map<string, LayoutTopic>;
}

/**
 * The tree by array index, which the layout works on: a map of thousands of topics lays out with
 * typed arrays and no map lookup by id per step.
 */
interface Indexed {
  topics: readonly LayoutTopic[];
  /** Root indices in sibling order. */
  roots: number[];
  /** Children of each topic in sibling order (undefined: none), folded ones included. */
  kids: Array<number[] | undefined>;
}

const bySiblingOrder = (a: LayoutTopic, b: LayoutTopic) =>
  a.order !== b.order ? (a.order < b.order ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const UNKNOWN = 0;
const ROOT = 1;
const CHILD = 2;

function indexTree(topics: readonly LayoutTopic[]): Indexed {
  const n = topics.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(topics[i]!.id, i);
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = topics[i]!.parent;
    // A topic met again under its id (a duplicate) counts as the last one with that id.
    parent[i] = p === null ? -1 : (index.get(p) ?? -1);
  }
  // A topic is a root if its parent is missing or if walking up never reaches a root (a loop:
  // its first member met again becomes a root, the others hang from it).
  const state = new Uint8Array(n);
  const seen = new Int32Array(n);
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    if (state[i] !== UNKNOWN) continue;
    path.length = 0;
    for (let current = i; ;) {
      if (state[current] !== UNKNOWN) break;
      if (seen[current] === i + 1) {
        state[current] = ROOT;
        break;
      }
      path.push(current);
      seen[current] = i + 1;
      if (parent[current] === -1) {
        state[current] = ROOT;
        break;
      }
      current = parent[current]!;
    }
    for (const id of path) if (state[id] === UNKNOWN) state[id] = CHILD;
  }
  const roots: number[] = [];
  const kids: Array<number[] | undefined> = new Array<number[] | undefined>(n);
  for (let i = 0; i < n; i++) {
    if (index.get(topics[i]!.id) !== i) continue; // an earlier duplicate of an id
    if (state[i] === ROOT) roots.push(i);
    else (kids[parent[i]!] ??= []).push(i);
  }
  const order = (a: number, b: number) => bySiblingOrder(topics[a]!, topics[b]!);
  for (const list of kids) if (list && list.length > 1) list.sort(order);
  return { topics, roots: roots.sort(order), kids };
}

/**
 * Children of each topic in sibling order, and the roots. A topic whose parent is missing, or whose
 * parent chain loops, counts as a root, so every topic is shown.
 * @example buildTree([{ id: 'r', parent: null, order: 'a0', width: 1, height: 1 }]).roots // ['r']
 */
export function buildTree(topics: readonly LayoutTopic[]): Tree {
  const { roots, kids } = indexTree(topics);
  const children = new Map<string, string[]>();
  kids.forEach((list, i) => {
    if (list)
      children.set(
        topics[i]!.id,
        list.map((k) => topics[k]!.id),
      );
  });
  return {
    roots: roots.map((i) => topics[i]!.id),
    children,
    byId: new Map(topics.map((t) => [t.id, t])),
  };
}

const NONE: readonly number[] = [];

/** Where each topic is placed: arrays by index, and the order they were placed in. */
class Placement {
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** 0 unplaced, 1 right, 2 left, 3 down. */
  readonly side: Uint8Array;
  readonly order: number[] = [];
  constructor(n: number) {
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.side = new Uint8Array(n);
  }
  set(i: number, x: number, y: number, side: 1 | 2 | 3): void {
    if (this.side[i] === 0) this.order.push(i);
    this.x[i] = x;
    this.y[i] = y;
    this.side[i] = side;
  }
}

const SIDES = [undefined, 'right', 'left', 'down'] as const;

/** The layout's working state: the tree, visible children, band sizes and placements. */
interface Work {
  tree: Indexed;
  band: Float64Array;
  out: Placement;
}

/** Visible children: none below a folded topic. */
function visible(tree: Indexed, i: number): readonly number[] {
  return tree.topics[i]!.collapsed ? NONE : (tree.kids[i] ?? NONE);
}

/** Topics of the subtree under `start`, parents before children (a pre-order, iteratively). */
function preOrder(tree: Indexed, start: number): number[] {
  const out: number[] = [];
  const stack = [start];
  while (stack.length > 0) {
    const i = stack.pop()!;
    out.push(i);
    const kids = visible(tree, i);
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]!);
  }
  return out;
}

/** Band sizes along `axis` ('h': heights for sideways growth, 'w': widths for downward growth). */
function bands(work: Work, order: readonly number[], axis: 'h' | 'w', gap: number): void {
  const { tree, band } = work;
  for (let o = order.length - 1; o >= 0; o--) {
    const i = order[o]!;
    const topic = tree.topics[i]!;
    const own = axis === 'h' ? topic.height : topic.width;
    const kids = visible(tree, i);
    let sum = 0;
    for (const kid of kids) sum += band[kid]!;
    if (kids.length > 1) sum += gap * (kids.length - 1);
    band[i] = Math.max(own, sum);
  }
}

/**
 * Places the subtrees of `parent`'s `kids` sideways (left or right) from the parent's box; the
 * parent is already placed. Children stack top to bottom in a block centred on the parent.
 */
function placeSideways(
  work: Work,
  parent: number,
  kids: readonly number[],
  side: 1 | 2,
  hGap: number,
  vGap: number,
): void {
  const { tree, band, out } = work;
  const stack: Array<{ parent: number; kids: readonly number[] }> = [{ parent, kids }];
  while (stack.length > 0) {
    const { parent: p, kids: list } = stack.pop()!;
    if (list.length === 0) continue;
    const pt = tree.topics[p]!;
    let block = vGap * (list.length - 1);
    for (const kid of list) block += band[kid]!;
    let y = out.y[p]! + pt.height / 2 - block / 2;
    for (const kid of list) {
      const t = tree.topics[kid]!;
      const b = band[kid]!;
      const x = side === 1 ? out.x[p]! + pt.width + hGap : out.x[p]! - hGap - t.width;
      out.set(kid, x, y + b / 2 - t.height / 2, side);
      stack.push({ parent: kid, kids: visible(tree, kid) });
      y += b + vGap;
    }
  }
}

/** Places `kids` below their parent, left to right, centred under it; recursively (iteratively). */
function placeDownward(
  work: Work,
  parent: number,
  kids: readonly number[],
  hGap: number,
  sGap: number,
): void {
  const { tree, band, out } = work;
  const stack: Array<{ parent: number; kids: readonly number[] }> = [{ parent, kids }];
  while (stack.length > 0) {
    const { parent: p, kids: list } = stack.pop()!;
    if (list.length === 0) continue;
    const pt = tree.topics[p]!;
    let block = sGap * (list.length - 1);
    for (const kid of list) block += band[kid]!;
    let x = out.x[p]! + pt.width / 2 - block / 2;
    for (const kid of list) {
      const t = tree.topics[kid]!;
      const b = band[kid]!;
      out.set(kid, x + b / 2 - t.width / 2, out.y[p]! + pt.height + hGap, 3);
      stack.push({ parent: kid, kids: visible(tree, kid) });
      x += b + sGap;
    }
  }
}

/** The split of the root's children that balances the two sides' band heights (XMind's rule). */
function balancedSplit(kids: readonly number[], band: Float64Array, vGap: number): number {
  const heights = kids.map((k) => band[k]!);
  const total = heights.reduce((a, b) => a + b, 0) + vGap * Math.max(0, kids.length - 2);
  let best = kids.length;
  let bestDiff = Infinity;
  let right = 0;
  for (let k = 0; k <= kids.length; k++) {
    if (k > 0) right += heights[k - 1]! + (k > 1 ? vGap : 0);
    const diff = Math.abs(right - (total - right));
    if (diff < bestDiff || (diff === bestDiff && k > best)) {
      bestDiff = diff;
      best = k;
    }
  }
  return best;
}

/**
 * The main topics on the right and on the left, each side in sibling order: by XMind's balance
 * when none has a side of its own; otherwise those with a side on it, and each of the others on
 * the side that is shorter so far.
 */
function sides(
  tree: Indexed,
  kids: readonly number[],
  band: Float64Array,
  vGap: number,
): [number[], number[]] {
  if (!kids.some((k) => tree.topics[k]!.side)) {
    const split = balancedSplit(kids, band, vGap);
    return [kids.slice(0, split), kids.slice(split)];
  }
  let right = 0;
  let left = 0;
  for (const k of kids) {
    const side = tree.topics[k]!.side;
    if (side === 'right') right += band[k]! + vGap;
    else if (side === 'left') left += band[k]! + vGap;
  }
  const out: [number[], number[]] = [[], []];
  for (const k of kids) {
    let side = tree.topics[k]!.side;
    if (!side) {
      side = right <= left ? 'right' : 'left';
      if (side === 'right') right += band[k]! + vGap;
      else left += band[k]! + vGap;
    }
    out[side === 'right' ? 0 : 1].push(k);
  }
  return out;
}

/** Lays out the subtree of `root` with the root's centre at `origin`; returns its topics. */
function layoutOne(
  work: Work,
  root: number,
  kind: MindMapLayoutKind,
  hGap: number,
  vGap: number,
  origin: { x: number; y: number },
): number[] {
  const { tree, band, out } = work;
  const topic = tree.topics[root]!;
  const x0 = origin.x - topic.width / 2;
  const y0 = origin.y - topic.height / 2;
  out.set(root, x0, y0, kind === 'org-down' ? 3 : 1);
  const kids = visible(tree, root);
  const order = preOrder(tree, root);
  if (kind === 'org-down') {
    bands(work, order, 'w', vGap * 2);
    placeDownward(work, root, kids, hGap, vGap * 2);
    return order;
  }
  if (kind === 'timeline') {
    bands(work, order, 'w', vGap * 2);
    let x = x0 + topic.width + hGap * 2;
    const axis = y0 + topic.height / 2;
    for (const kid of kids) {
      const t = tree.topics[kid]!;
      const b = band[kid]!;
      out.set(kid, x + b / 2 - t.width / 2, axis - t.height / 2, 1);
      placeDownward(work, kid, visible(tree, kid), hGap, vGap * 2);
      x += b + hGap * 2;
    }
    return order;
  }
  bands(work, order, 'h', vGap);
  if (kind === 'logic-right') {
    placeSideways(work, root, kids, 1, hGap, vGap);
    return order;
  }
  const [right, left] = sides(tree, kids, band, vGap);
  placeSideways(work, root, right, 1, hGap, vGap);
  placeSideways(work, root, left, 2, hGap, vGap);
  return order;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function boundsOf(work: Work, ids: readonly number[]): Box {
  const { tree, out } = work;
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const i of ids) {
    const t = tree.topics[i]!;
    box.x0 = Math.min(box.x0, out.x[i]!);
    box.y0 = Math.min(box.y0, out.y[i]!);
    box.x1 = Math.max(box.x1, out.x[i]! + t.width);
    box.y1 = Math.max(box.y1, out.y[i]! + t.height);
  }
  return box;
}

/**
 * Lays out a map. The first root is centred at (0, 0); further roots (floating topics) go below.
 * @example layoutMindMap(topics, 'balanced').positions.get(rootId) // { x: -60, y: -18, side: 'right' }
 */
export function layoutMindMap(
  topics: readonly LayoutTopic[],
  kind: MindMapLayoutKind,
  options: LayoutOptions = {},
): MindMapLayout {
  const hGap = options.hGap ?? 48;
  const vGap = options.vGap ?? 12;
  const tree = indexTree(topics);
  const work: Work = {
    tree,
    band: new Float64Array(topics.length),
    out: new Placement(topics.length),
  };
  const { out } = work;
  // What is placed so far, and the left edge of the first root's subtree.
  let placed: Box | null = null;
  let left = 0;
  for (const [index, root] of tree.roots.entries()) {
    const own = layoutOne(work, root, kind, hGap, vGap, { x: 0, y: 0 });
    const box = boundsOf(work, own);
    if (index === 0) left = box.x0;
    else {
      // Laid out at the origin, then the whole subtree moves below everything so far.
      const dx = left - box.x0;
      const dy = placed!.y1 + hGap * 2 - box.y0;
      for (const i of own) {
        out.x[i]! += dx;
        out.y[i]! += dy;
      }
      box.x0 += dx;
      box.x1 += dx;
      box.y0 += dy;
      box.y1 += dy;
    }
    placed = placed
      ? {
          x0: Math.min(placed.x0, box.x0),
          y0: Math.min(placed.y0, box.y0),
          x1: Math.max(placed.x1, box.x1),
          y1: Math.max(placed.y1, box.y1),
        }
      : box;
  }
  const positions = new Map<string, TopicPlacement>();
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const i of out.order) {
    const t = topics[i]!;
    const x = Math.round(out.x[i]!);
    const y = Math.round(out.y[i]!);
    positions.set(t.id, { x, y, side: SIDES[out.side[i]!]! });
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + t.width);
    y1 = Math.max(y1, y + t.height);
  }
  const bounds =
    x0 === Infinity
      ? { x: 0, y: 0, width: 0, height: 0 }
      : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  return { positions, bounds };
}
