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

const bySiblingOrder = (a: LayoutTopic, b: LayoutTopic) =>
  a.order !== b.order ? (a.order < b.order ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Children of each topic in sibling order, and the roots. A topic whose parent is missing, or whose
 * parent chain loops, counts as a root, so every topic is shown.
 * @example buildTree([{ id: 'r', parent: null, order: 'a0', width: 1, height: 1 }]).roots // ['r']
 */
export function buildTree(topics: readonly LayoutTopic[]): Tree {
  const byId = new Map(topics.map((t) => [t.id, t]));
  const isRoot = new Map<string, boolean>();
  // A topic is a root if its parent is missing or if walking up never reaches a root (a loop).
  // One path and one set, emptied per topic: a map of thousands of topics allocates two, not
  // two per topic.
  const path: string[] = [];
  const onPath = new Set<string>();
  for (const topic of topics) {
    if (isRoot.has(topic.id)) continue;
    path.length = 0;
    onPath.clear();
    let current: LayoutTopic | undefined = topic;
    while (current) {
      if (isRoot.has(current.id)) break;
      if (onPath.has(current.id)) {
        // A loop: its first member on the path becomes a root, the others hang from it.
        isRoot.set(current.id, true);
        break;
      }
      path.push(current.id);
      onPath.add(current.id);
      if (current.parent === null || !byId.has(current.parent)) {
        isRoot.set(current.id, true);
        break;
      }
      current = byId.get(current.parent);
    }
    for (const id of path) if (!isRoot.has(id)) isRoot.set(id, false);
  }
  const children = new Map<string, string[]>();
  const roots: LayoutTopic[] = [];
  const grouped = new Map<string, LayoutTopic[]>();
  for (const topic of topics) {
    if (isRoot.get(topic.id)) roots.push(topic);
    else {
      const list = grouped.get(topic.parent!) ?? [];
      list.push(topic);
      grouped.set(topic.parent!, list);
    }
  }
  for (const [parent, list] of grouped)
    children.set(
      parent,
      list.sort(bySiblingOrder).map((t) => t.id),
    );
  return { roots: roots.sort(bySiblingOrder).map((t) => t.id), children, byId };
}

/** Visible children: none below a folded topic. */
function visibleChildren(tree: Tree, id: string): string[] {
  return tree.byId.get(id)?.collapsed ? [] : (tree.children.get(id) ?? []);
}

/** Topics of the subtrees under `starts`, parents before children (a pre-order, iteratively). */
function preOrder(tree: Tree, starts: readonly string[]): string[] {
  const out: string[] = [];
  const stack = [...starts].reverse();
  while (stack.length > 0) {
    const id = stack.pop()!;
    out.push(id);
    const kids = visibleChildren(tree, id);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** Band sizes along `axis` ('h': heights for sideways growth, 'w': widths for downward growth). */
function bands(
  tree: Tree,
  order: readonly string[],
  axis: 'h' | 'w',
  gap: number,
): Map<string, number> {
  const band = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!;
    const topic = tree.byId.get(id)!;
    const own = axis === 'h' ? topic.height : topic.width;
    const kids = visibleChildren(tree, id);
    let sum = 0;
    for (const kid of kids) sum += band.get(kid) ?? 0;
    if (kids.length > 1) sum += gap * (kids.length - 1);
    band.set(id, Math.max(own, sum));
  }
  return band;
}

/**
 * Places the subtrees of `parent`'s `kids` sideways (left or right) from the parent's box; the
 * parent is already placed. Children stack top to bottom in a block centred on the parent.
 */
function placeSideways(
  tree: Tree,
  band: Map<string, number>,
  out: Map<string, TopicPlacement>,
  parent: string,
  kids: readonly string[],
  side: 'left' | 'right',
  hGap: number,
  vGap: number,
): void {
  const stack: Array<{ parent: string; kids: readonly string[] }> = [{ parent, kids }];
  while (stack.length > 0) {
    const { parent: p, kids: list } = stack.pop()!;
    if (list.length === 0) continue;
    const pp = out.get(p)!;
    const pt = tree.byId.get(p)!;
    let block = vGap * (list.length - 1);
    for (const kid of list) block += band.get(kid)!;
    let y = pp.y + pt.height / 2 - block / 2;
    for (const kid of list) {
      const t = tree.byId.get(kid)!;
      const b = band.get(kid)!;
      const x = side === 'right' ? pp.x + pt.width + hGap : pp.x - hGap - t.width;
      out.set(kid, { x, y: y + b / 2 - t.height / 2, side });
      stack.push({ parent: kid, kids: visibleChildren(tree, kid) });
      y += b + vGap;
    }
  }
}

/** Places `kids` below their parent, left to right, centred under it; recursively (iteratively). */
function placeDownward(
  tree: Tree,
  band: Map<string, number>,
  out: Map<string, TopicPlacement>,
  parent: string,
  kids: readonly string[],
  hGap: number,
  sGap: number,
): void {
  const stack: Array<{ parent: string; kids: readonly string[] }> = [{ parent, kids }];
  while (stack.length > 0) {
    const { parent: p, kids: list } = stack.pop()!;
    if (list.length === 0) continue;
    const pp = out.get(p)!;
    const pt = tree.byId.get(p)!;
    let block = sGap * (list.length - 1);
    for (const kid of list) block += band.get(kid)!;
    let x = pp.x + pt.width / 2 - block / 2;
    for (const kid of list) {
      const t = tree.byId.get(kid)!;
      const b = band.get(kid)!;
      out.set(kid, { x: x + b / 2 - t.width / 2, y: pp.y + pt.height + hGap, side: 'down' });
      stack.push({ parent: kid, kids: visibleChildren(tree, kid) });
      x += b + sGap;
    }
  }
}

/** The split of the root's children that balances the two sides' band heights (XMind's rule). */
function balancedSplit(kids: readonly string[], band: Map<string, number>, vGap: number): number {
  const heights = kids.map((k) => band.get(k)!);
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

function layoutOne(
  tree: Tree,
  root: string,
  kind: MindMapLayoutKind,
  hGap: number,
  vGap: number,
  out: Map<string, TopicPlacement>,
  origin: { x: number; y: number },
): void {
  const topic = tree.byId.get(root)!;
  out.set(root, { x: origin.x - topic.width / 2, y: origin.y - topic.height / 2, side: 'right' });
  const kids = visibleChildren(tree, root);
  const order = preOrder(tree, [root]);
  if (kind === 'org-down') {
    const band = bands(tree, order, 'w', vGap * 2);
    out.set(root, { x: origin.x - topic.width / 2, y: origin.y - topic.height / 2, side: 'down' });
    placeDownward(tree, band, out, root, kids, hGap, vGap * 2);
    return;
  }
  if (kind === 'timeline') {
    const band = bands(tree, order, 'w', vGap * 2);
    const root0 = out.get(root)!;
    let x = root0.x + topic.width + hGap * 2;
    const axis = root0.y + topic.height / 2;
    for (const kid of kids) {
      const t = tree.byId.get(kid)!;
      const b = band.get(kid)!;
      out.set(kid, { x: x + b / 2 - t.width / 2, y: axis - t.height / 2, side: 'right' });
      placeDownward(tree, band, out, kid, visibleChildren(tree, kid), hGap, vGap * 2);
      x += b + hGap * 2;
    }
    return;
  }
  const band = bands(tree, order, 'h', vGap);
  if (kind === 'logic-right') {
    placeSideways(tree, band, out, root, kids, 'right', hGap, vGap);
    return;
  }
  const split = balancedSplit(kids, band, vGap);
  placeSideways(tree, band, out, root, kids.slice(0, split), 'right', hGap, vGap);
  placeSideways(tree, band, out, root, kids.slice(split), 'left', hGap, vGap);
}

function boundsOf(tree: Tree, ids: Iterable<string>, out: Map<string, TopicPlacement>) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const id of ids) {
    const p = out.get(id);
    const t = tree.byId.get(id);
    if (!p || !t) continue;
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + t.width);
    maxY = Math.max(maxY, p.y + t.height);
  }
  return minX === Infinity
    ? { x: 0, y: 0, width: 0, height: 0 }
    : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
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
  const tree = buildTree(topics);
  const out = new Map<string, TopicPlacement>();
  let placed: string[] = [];
  let left = 0;
  for (const [index, root] of tree.roots.entries()) {
    if (index === 0) {
      layoutOne(tree, root, kind, hGap, vGap, out, { x: 0, y: 0 });
      left = boundsOf(tree, out.keys(), out).x;
    } else {
      // Lay out at the origin, then move the whole subtree below everything so far.
      const so = boundsOf(tree, placed, out);
      const scratch = new Map<string, TopicPlacement>();
      layoutOne(tree, root, kind, hGap, vGap, scratch, { x: 0, y: 0 });
      const own = boundsOf(tree, scratch.keys(), scratch);
      const dx = left - own.x;
      const dy = so.y + so.height + hGap * 2 - own.y;
      for (const [id, p] of scratch) out.set(id, { ...p, x: p.x + dx, y: p.y + dy });
    }
    placed = [...out.keys()];
  }
  for (const [id, p] of out) out.set(id, { ...p, x: Math.round(p.x), y: Math.round(p.y) });
  return { positions: out, bounds: boundsOf(tree, out.keys(), out) };
}
