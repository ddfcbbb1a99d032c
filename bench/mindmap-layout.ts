/**
 * Mind-map layout speed: layoutMindMap against d3-flextree on the same random trees.
 * Part of `npm run bench`; also runs alone: `npx tsx bench/mindmap-layout.ts`.
 */
import { performance } from 'node:perf_hooks';
import { flextree } from 'd3-flextree';
import {
  buildTree,
  layoutMindMap,
  type LayoutTopic,
  type MindMapLayoutKind,
} from '../src/boards/mindmap/layout.ts';
import * as Y from 'yjs';
import { randomTopics } from '../tests/helpers/random-tree.ts';
import { addBoard } from '../src/core/commands/boards.ts';
import { addTopic, listTopics, setTopic } from '../src/core/commands/mindmap.ts';
import { MindMapView } from '../src/boards/mindmap/view.ts';

interface Nested {
  topic: LayoutTopic;
  children: Nested[];
}

function median(run: () => void, rounds = 15, warmups = 3): number {
  for (let i = 0; i < warmups; i++) run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

function nest(topics: LayoutTopic[]): Nested {
  const { roots, children, byId } = buildTree(topics);
  const make = (id: string): Nested => ({ topic: byId.get(id)!, children: [] });
  const root = make(roots[0]!);
  const stack: Nested[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const kid of children.get(node.topic.id) ?? []) {
      const child = make(kid);
      node.children.push(child);
      stack.push(child);
    }
  }
  return root;
}

export function benchMindMapLayout(quick = false): string[] {
  const rows: string[] = [];
  for (const count of quick ? [1_000] : [1_000, 2_000, 10_000]) {
    const topics = randomTopics(count, 42);
    const nested = nest(topics);
    // A left-to-right tree in flextree's terms: x across the branch (heights), y along it (widths).
    const layout = flextree<Nested>({
      nodeSize: (n) => [n.data.topic.height + 12, n.data.topic.width + 48],
      spacing: 0,
      children: (d) => d.children,
    });
    const flexWithBuild = median(() => layout(layout.hierarchy(nested)));
    const flexOnly = Math.max(0, flexWithBuild - median(() => layout.hierarchy(nested)));
    for (const kind of ['balanced', 'logic-right', 'org-down', 'timeline'] as MindMapLayoutKind[]) {
      const ours = median(() => layoutMindMap(topics, kind));
      rows.push(
        `| ${kind} layout, ${count.toLocaleString('en')} topics | ${ours.toFixed(1)} ms (d3-flextree on the same tree: ${flexOnly.toFixed(1)} ms layout only, ${flexWithBuild.toFixed(1)} ms with its hierarchy) |`,
      );
    }
  }
  rows.push(benchMapEdit());
  return rows;
}

/**
 * One edit in a 2,000-topic map, as the page handles it: read the topics from the document, lay
 * them out and build the React Flow nodes (reusing unchanged ones). Text sizes are estimated in Node.
 */
function benchMapEdit(): string {
  const doc = new Y.Doc();
  const boardId = addBoard(doc, { kind: 'mindmap', title: 'Bench' }, 'b');
  const topics = randomTopics(2000, 9);
  const ids = new Map<string, string>();
  for (const t of topics)
    ids.set(
      t.id,
      addTopic(
        doc,
        { boardId, parent: t.parent ? ids.get(t.parent)! : null, label: `Chủ đề ${t.id}` },
        'b',
      ),
    );
  const view = new MindMapView();
  const lookup = () => null;
  view.compute(listTopics(doc, boardId), 'balanced', lookup);
  let i = 0;
  const time = median(() => {
    setTopic(
      doc,
      { boardId, id: ids.get(`t${1 + (i++ % 1999)}`)!, patch: { label: `Sửa ${i}` } },
      'b',
    );
    view.compute(listTopics(doc, boardId), 'balanced', lookup);
  }, 30);
  return `| one edit in a 2,000-topic map: read topics, lay out, rebuild changed nodes | ${time.toFixed(1)} ms |`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('| measure | median of 15 runs |\n|---|---|\n' + benchMindMapLayout().join('\n'));
}
