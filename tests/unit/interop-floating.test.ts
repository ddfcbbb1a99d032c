import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import {
  countTopics,
  exportFreeMind,
  exportMarkdown,
  exportOpml,
  exportXMind,
  importMindMap,
  type MapTopic,
  type MindMapModel,
} from '../../src/core/index.ts';
import { interopFixture } from '../helpers/fixtures.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const shape = (roots: MapTopic[]): unknown =>
  roots.map((t) => ({ label: t.label, children: shape(t.children) }));

describe('floating topics (several root topics)', () => {
  const model: MindMapModel = {
    title: 'Sơ đồ vụ án',
    roots: [
      { label: 'Vụ án', children: [{ label: 'Bị can', children: [] }] },
      { label: 'Chủ đề rời 1', children: [{ label: 'Con', children: [] }] },
      { label: 'Chủ đề rời 2', children: [] },
    ],
    relationships: [],
  };

  it('come back as roots from every format, with no extra root for the board title', () => {
    for (const [name, data] of [
      ['x.mm', bytes(exportFreeMind(model))],
      ['x.opml', bytes(exportOpml(model))],
      ['x.xmind', exportXMind(model)],
      ['x.md', bytes(exportMarkdown(model))],
    ] as const) {
      const back = importMindMap(name, data);
      expect(shape(back.roots), name).toEqual(shape(model.roots));
    }
  });

  it('are Freeplane free nodes and XMind detached topics with positions', () => {
    const mm = exportFreeMind(model);
    expect(mm.match(/<hook NAME="FreeNode"\/>/g)).toHaveLength(2);
    const content = JSON.parse(
      new TextDecoder().decode(unzipSync(exportXMind(model))['content.json']),
    ) as Array<{ rootTopic: { children: { detached: Array<{ position?: unknown }> } } }>;
    const detached = content[0]!.rootTopic.children.detached;
    expect(detached).toHaveLength(2);
    for (const d of detached) expect(d.position).toMatchObject({ x: expect.any(Number) });
  });

  it('keep a floating topic from Freeplane and XMind as a root, with its position', () => {
    const guide = importMindMap('guide.mm', interopFixture('freeplane-userguide-large.mm'));
    // Its free node hangs under a branch, not the root: it stays in the tree where it is.
    expect(countTopics(guide.roots)).toBe(1418);
    expect(guide.roots).toHaveLength(1);
    const freeplane = importMindMap(
      'x.mm',
      bytes(
        '<map version="freeplane 1.7.0"><node TEXT="Gốc" ID="a"><node TEXT="Con" ID="b" POSITION="right"/>' +
          '<node TEXT="Rời" ID="c" POSITION="left" HGAP_QUANTITY="608 px" VSHIFT_QUANTITY="23 px"><hook NAME="FreeNode"/></node></node></map>',
      ),
    );
    expect(shape(freeplane.roots)).toEqual(
      shape([
        { label: 'Gốc', children: [{ label: 'Con', children: [] }] },
        { label: 'Rời', children: [] },
      ]),
    );
    expect(freeplane.roots[1]!.position).toEqual({ x: -608, y: 23 });
    const sheet = importMindMap('c.xml', interopFixture('xmind8-balance-sheet-content.xml'));
    expect(sheet.roots[1]).toMatchObject({ label: 'Basic Info', position: { x: -69, y: 316 } });
    const back = importMindMap('x.xmind', exportXMind(sheet));
    expect(back.roots[1]!.position).toEqual({ x: -69, y: 316 });
  });
});
