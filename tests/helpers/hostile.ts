import * as Y from 'yjs';
import * as core from '../../src/core/index.ts';

/**
 * Documents for issue 19, point 1: a well-formed case with something of every kind in it, and the
 * hostile shapes a stock y-websocket client can write into one.
 */

const A = 'a'.repeat(64);

/** A case with every board kind, every entity kind, every slide kind and a file with a mark. */
export function wellFormedCase(doc = new Y.Doc()): Y.Doc {
  const o = 'me';
  core.migrateCaseDoc(doc, o);
  core.setCaseMeta(doc, { title: 'Vụ án', caseNumber: '1/2026/HS', offences: ['BLHS-173'] }, o);
  const person = core.addEntity(doc, { kind: 'person', fields: { name: 'Nguyễn Văn A' } }, o);
  const item = core.addEntity(doc, { kind: 'evidence', fields: { name: 'Con dao' } }, o);
  const fact = core.addEntity(doc, { kind: 'fact', fields: { name: 'Có mặt' } }, o);
  core.addEntity(doc, { kind: 'place', fields: { name: 'Chợ' } }, o);
  core.addEntity(
    doc,
    {
      kind: 'event',
      fields: { name: 'Đột nhập', start: '2026-01-02', people: [person], evidence: [item] },
    },
    o,
  );
  core.addFileRecord(doc, { hash: A, name: 'a.png', mime: 'image/png', size: 10 }, o);
  core.attachFile(doc, { entityId: item, hash: A }, o);
  core.addMark(doc, { hash: A, mark: { kind: 'note', page: 1, x: 0.1, y: 0.1, text: 'x' } }, o);
  const map = core.addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ' }, o);
  const root = core.addTopic(doc, { boardId: map, parent: null, label: 'Vụ án' }, o);
  const t1 = core.addTopic(doc, { boardId: map, parent: root, label: 'Bị can' }, o);
  const t2 = core.addTopic(doc, { boardId: map, parent: root, label: 'Bị hại' }, o);
  core.addRelationship(doc, { boardId: map, source: t1, target: t2 }, o);
  core.addSummary(doc, { boardId: map, topics: [t1, t2], label: 'Tóm tắt' }, o);
  const scene = core.addBoard(doc, { kind: 'scene', title: 'Hiện trường' }, o);
  core.addSceneObject(
    doc,
    { boardId: scene, object: { shape: 'rect', x: 1, y: 1, w: 2, h: 2 } },
    o,
  );
  core.addSceneObject(
    doc,
    { boardId: scene, object: { shape: 'marker', x: 3, y: 3, entity: item } },
    o,
  );
  core.addSceneObject(
    doc,
    {
      boardId: scene,
      object: {
        shape: 'wall',
        points: [
          { x: 0, y: 0 },
          { x: 4, y: 0 },
        ],
      },
    },
    o,
  );
  const evidence = core.addBoard(doc, { kind: 'evidence', title: 'Chứng cứ' }, o);
  const n1 = core.addNode(doc, { boardId: evidence, x: 0, y: 0, entity: item }, o);
  const n2 = core.addNode(doc, { boardId: evidence, x: 300, y: 0, entity: fact }, o);
  core.addLink(doc, { boardId: evidence, source: n1, target: n2, type: 'supports' }, o);
  core.addBoard(doc, { kind: 'timeline', title: 'Diễn biến' }, o);
  const chart = core.addBoard(doc, { kind: 'relationship', title: 'Quan hệ' }, o);
  const p1 = core.addNode(doc, { boardId: chart, x: 0, y: 0, entity: person }, o);
  const p2 = core.addNode(doc, { boardId: chart, x: 200, y: 0, type: 'phone', label: '090' }, o);
  core.addLink(doc, { boardId: chart, source: p1, target: p2, type: 'called' }, o);
  core.addSlide(doc, { kind: 'title', title: 'Mở đầu' }, o);
  core.addSlide(
    doc,
    { kind: 'frame', boardId: map, title: 'Khung', frame: { x: 0, y: 0, w: 400, h: 300 } },
    o,
  );
  core.addSlide(doc, { kind: 'document', file: A, page: 1, title: 'Tài liệu' }, o);
  return doc;
}

/**
 * Writes values of the wrong type at a dozen places of a case built by `wellFormedCase`: the attack
 * as found (`boards.set('evil', 'boom')`) and its relatives. Returns what it wrote, for messages.
 */
export function writeHostileShapes(doc: Y.Doc): string[] {
  const written: string[] = [];
  const set = (map: unknown, key: string, value: unknown, what: string) => {
    if (!(map instanceof Y.Map)) return;
    map.set(key, value);
    written.push(what);
  };
  const text = (s: string) => {
    const t = new Y.Text();
    t.insert(0, s);
    return t;
  };
  const boards = doc.getMap('boards');
  const register = doc.getMap('register');
  const byKind = (kind: string) =>
    [...boards.values()].find((b) => b instanceof Y.Map && b.get('kind') === kind) as
      Y.Map<unknown> | undefined;
  set(boards, 'evil', 'boom', "boards.evil = 'boom'");
  set(boards, 'evil2', new Y.Array(), 'boards.evil2 = Y.Array');
  const map = byKind('mindmap');
  const topics = map?.get('nodes');
  set(topics, 'junk', 42, 'mindmap nodes.junk = 42');
  const topic = topics instanceof Y.Map ? [...topics.values()][1] : undefined;
  set(topic, 'label', { toString: 1 }, 'a topic label = {toString: 1}');
  set(topic, 'markers', 'suspect', "a topic's markers = 'suspect'");
  set(map, 'edges', text('x'), 'mindmap edges = Y.Text');
  const scene = byKind('scene');
  const objects = scene?.get('nodes');
  const object = objects instanceof Y.Map ? [...objects.values()][0] : undefined;
  set(object, 'points', new Y.Map(), 'scene object points = Y.Map');
  set(object, 'label', new Y.Array(), 'scene object label = Y.Array');
  set(scene, 'settings', 'grid', "scene settings = 'grid'");
  const evidence = byKind('evidence');
  const links = evidence?.get('edges');
  const link = links instanceof Y.Map ? [...links.values()][0] : undefined;
  set(link, 'type', new Y.Map(), 'a link type = Y.Map');
  set(links, 'junk', null, 'evidence edges.junk = null');
  const chart = byKind('relationship');
  set(chart, 'nodes', 'none', "relationship nodes = 'none'");
  set(register, 'junk', 7, 'register.junk = 7');
  for (const entity of register.values()) {
    if (!(entity instanceof Y.Map)) continue;
    if (entity.get('kind') === 'person') set(entity, 'name', new Y.Map(), 'a person name = Y.Map');
    if (entity.get('kind') === 'event') set(entity, 'people', 'x', "an event's people = 'x'");
    if (entity.get('kind') === 'evidence') set(entity, 'files', 'x', "evidence files = 'x'");
  }
  const deck = doc.getMap('deck');
  set(deck, 'junk', null, 'deck.junk = null');
  const slide = [...deck.values()][0];
  set(slide, 'title', new Y.Array(), 'a slide title = Y.Array');
  const files = doc.getMap('files');
  set(files, 'junk', 'x', "files.junk = 'x'");
  set(files.get(A), 'marks', 5, 'file marks = 5');
  const meta = doc.getMap('meta');
  set(meta, 'title', new Y.Map(), 'meta.title = Y.Map');
  set(meta, 'offences', 'BLHS-173', "meta.offences = 'BLHS-173'");
  return written;
}
