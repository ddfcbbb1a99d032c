import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addBoard,
  countTopics,
  eachTopic,
  exportFreeMind,
  exportMarkdown,
  exportOpml,
  exportXMind,
  importMap,
  importMindMap,
  mapFromBoard,
  type MapTopic,
  type MindMapModel,
} from '../../src/core/index.ts';
import { interopDir, interopFixture } from '../helpers/fixtures.ts';
import { buildCaseMap, viewBoard } from '../helpers/interop-case.ts';
import { readWithMarkmap } from '../helpers/markmap.ts';
import { readWithXMindModel } from '../helpers/xmind-reader.ts';

/**
 * Every fixture and the generated case map: import → export to each format → import, compared on
 * what each format keeps (docs/interop.md lists the rest per format, and this table is that list).
 */
type Field =
  | 'note'
  | 'collapsed'
  | 'markers'
  | 'color'
  | 'boundary'
  | 'entity'
  | 'pages'
  | 'image'
  | 'href'
  | 'labels'
  | 'attributes'
  | 'icons'
  | 'side'
  | 'summaries'
  | 'relationships';

const ALL: Field[] = [
  'note',
  'collapsed',
  'markers',
  'color',
  'boundary',
  'entity',
  'pages',
  'image',
  'href',
  'labels',
  'attributes',
  'icons',
  'side',
  'summaries',
  'relationships',
];
const KEPT: Record<string, Field[]> = {
  xmind: ALL.filter((f) => !['attributes', 'side'].includes(f)),
  mm: ALL.filter((f) => !['labels'].includes(f)),
  opml: ALL.filter((f) => !['labels', 'icons', 'side'].includes(f)),
  md: ['note', 'collapsed'],
};
const WRITE: Record<string, (m: MindMapModel) => Uint8Array> = {
  xmind: (m) => exportXMind(m),
  mm: (m) => new TextEncoder().encode(exportFreeMind(m)),
  opml: (m) => new TextEncoder().encode(exportOpml(m)),
  md: (m) => new TextEncoder().encode(exportMarkdown(m)),
};

/** A model as plain data: the tree with the fields a format keeps, in a fixed order. */
function view(model: MindMapModel, keep: readonly Field[]): unknown {
  const has = (f: Field) => keep.includes(f);
  const labelOf = new Map<string, string>();
  eachTopic(model.roots, (t) => {
    if (t.ref) labelOf.set(t.ref, t.label);
  });
  const icons = (t: MapTopic) =>
    // XMind keeps other programs' marker ids only when they look like XMind's.
    has('icons') && t.icons?.length ? { icons: t.icons } : {};
  const build = (t: MapTopic): unknown => ({
    label: t.label,
    ...(has('note') && t.note ? { note: t.note } : {}),
    ...(has('collapsed') && t.collapsed && t.children.length ? { collapsed: true } : {}),
    ...(has('markers') && t.markers?.length ? { markers: t.markers } : {}),
    ...(has('color') && t.color ? { color: t.color } : {}),
    ...(has('boundary') && t.boundary !== undefined ? { boundary: t.boundary } : {}),
    ...(has('entity') && t.entity ? { entity: t.entity } : {}),
    ...(has('pages') && t.pages ? { pages: t.pages } : {}),
    ...(has('image') && t.image ? { image: t.image } : {}),
    ...(has('href') && t.href ? { href: t.href } : {}),
    ...(has('labels') && t.labels?.length ? { labels: t.labels } : {}),
    ...(has('attributes') && t.attributes?.length ? { attributes: t.attributes } : {}),
    ...icons(t),
    ...(has('side') && t.side ? { side: t.side } : {}),
    ...(has('summaries') && t.summaries?.length
      ? { summaries: t.summaries.map((s) => ({ from: s.from, to: s.to, topic: build(s.topic) })) }
      : {}),
    children: t.children.map(build),
  });
  return {
    roots: model.roots.map(build),
    ...(has('relationships')
      ? {
          relationships: model.relationships
            .map((r) => `${labelOf.get(r.from)} → ${labelOf.get(r.to)}: ${r.label ?? ''}`)
            .sort(),
        }
      : {}),
  };
}

/** What a trip through a format cannot carry is taken out before comparing (see KEPT). */
function expected(model: MindMapModel, format: string): MindMapModel {
  const copy = structuredClone(model);
  eachTopic(copy.roots, (t) => {
    if (format === 'xmind' && t.icons) {
      t.icons = t.icons.filter((i) => /^[a-z]+-[a-z0-9-]+$/.test(i));
      if (!t.icons.length) delete t.icons;
    }
    // OPML and Markdown keep a summary's label and range, not a summary topic's own subtopics.
    if (format === 'opml')
      for (const s of t.summaries ?? []) s.topic = { label: s.topic.label, children: [] };
  });
  if (format === 'md' || format === 'opml') {
    // Lines ending on a summary topic need the summary topic, which these formats do not keep.
    const refs = new Set<string>();
    eachTopic(copy.roots, (t) => {
      if (t.ref) refs.add(t.ref);
    });
    const direct = new Set<string>();
    const walk = (t: MapTopic) => {
      if (t.ref) direct.add(t.ref);
      t.children.forEach(walk);
    };
    copy.roots.forEach(walk);
    copy.relationships = copy.relationships.filter((r) => direct.has(r.from) && direct.has(r.to));
  }
  return copy;
}

const fixtures = readdirSync(interopDir()).filter((n) => /\.(mm|opml|json|xml)$/.test(n));

describe('round trips of every fixture through every format', () => {
  it('has fixtures to read', () => expect(fixtures.length).toBeGreaterThanOrEqual(10));
  for (const name of fixtures) {
    const original = importMindMap(name, interopFixture(name));
    for (const format of Object.keys(WRITE)) {
      it(`${name} → .${format} → back`, () => {
        const back = importMindMap(`x.${format}`, WRITE[format]!(original));
        const keep = KEPT[format]!;
        const want = expected(original, format);
        if (format !== 'md' && format !== 'opml')
          expect(countTopics(back.roots)).toBe(countTopics(want.roots));
        expect(back.roots).toHaveLength(want.roots.length);
        eachTopic(back.roots, (t) => expect(t.label).toBe(t.label.normalize('NFC')));
        expect(view(back, keep)).toEqual(view(want, keep));
      });
    }
  }
});

describe('round trips of a case map that uses every topic feature', () => {
  for (const format of Object.keys(WRITE)) {
    it(`board → .${format} → board`, () => {
      const { doc, boardId } = buildCaseMap();
      const model = mapFromBoard(doc, boardId);
      const copy = addBoard(doc, { kind: 'mindmap', title: 'Bản sao' }, 'me');
      importMap(
        doc,
        { boardId: copy, parent: null, model: importMindMap(`x.${format}`, WRITE[format]!(model)) },
        'me',
      );
      const keep = KEPT[format]!;
      const strip = (v: ReturnType<typeof viewBoard>) =>
        format === 'md' ? view(mapFromBoard(doc, v === before ? boardId : copy), keep) : v;
      const before = viewBoard(doc, boardId);
      expect(strip(viewBoard(doc, copy))).toEqual(strip(before));
    });
  }

  it('reads the same tree in markmap and in XMind’s model library', () => {
    const { doc, boardId } = buildCaseMap();
    const model = mapFromBoard(doc, boardId);
    const tree = (roots: MapTopic[]): unknown =>
      roots.map((t) => ({ label: t.label, children: tree(t.children) }));
    expect(tree(readWithMarkmap(exportMarkdown(model)))).toEqual(tree(model.roots));
    const xmind = readWithXMindModel(exportXMind(model));
    type Read = ReturnType<typeof readWithXMindModel>['root'];
    const fromXMind = (t: Read): MapTopic => ({
      label: t.title,
      children: t.children.map(fromXMind),
    });
    expect(tree([fromXMind(xmind.root), ...xmind.root.detached.map(fromXMind)])).toEqual(
      tree(model.roots),
    );
  });
});
