import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as core from '../../src/core/index.ts';
import { BoardProjection } from '../../src/canvas/projection.ts';
import { LinkProjection } from '../../src/canvas/links.ts';
import { wellFormedCase, writeHostileShapes } from '../helpers/hostile.ts';
import { random, type Random } from '../helpers/random.ts';

/**
 * Issue 19, point 1: any peer can write any value of any type anywhere in the case document (a
 * stock y-websocket client is enough). Every reader and projection must skip what it does not
 * understand, never throw: one thrown reader blanks the case page for every member.
 */

/** A random value of a random type, nested `depth` levels at most. */
function junk(rng: Random, depth = 2): unknown {
  const kinds = depth > 0 ? 14 : 10;
  switch (rng.int(kinds)) {
    case 0:
      return 'boom';
    case 1:
      return rng.pick([0, -1, 1e300, 0.5, NaN, Infinity]);
    case 2:
      return null;
    case 3:
      return rng.pick([true, false]);
    case 4:
      return { toString: 1, valueOf: 'x', get: 'no', length: -1 };
    case 5:
      return [1, 'a', null, { x: 1 }];
    case 6:
      return new Uint8Array([1, 2, 3]);
    case 7: {
      const text = new Y.Text();
      text.insert(0, 'chữ');
      return text;
    }
    case 8:
      return new Y.XmlFragment();
    case 9:
      return {};
    case 10:
    case 11: {
      const map = new Y.Map<unknown>();
      for (const key of ['id', 'kind', 'type', 'nodes', 'edges', 'name', 'x'].slice(0, rng.int(7)))
        map.set(key, junk(rng, depth - 1));
      return map;
    }
    default: {
      const array = new Y.Array<unknown>();
      array.push([junk(rng, depth - 1), junk(rng, depth - 1)]);
      return array;
    }
  }
}

/** Every (map, key) of the document, plus a new key in each map: where junk can be written. */
function slots(doc: Y.Doc): Array<{ map: Y.Map<unknown>; key: string; path: string }> {
  const out: Array<{ map: Y.Map<unknown>; key: string; path: string }> = [];
  const walk = (map: Y.Map<unknown>, path: string) => {
    out.push({ map, key: 'evil', path: `${path}.evil` });
    map.forEach((value, key) => {
      out.push({ map, key, path: `${path}.${key}` });
      if (value instanceof Y.Map) walk(value as Y.Map<unknown>, `${path}.${key}`);
    });
  };
  for (const root of ['meta', 'boards', 'register', 'deck', 'files']) walk(doc.getMap(root), root);
  return out;
}

/** Runs every reader and projection of the document, as the page and the exports do. */
function readEverything(doc: Y.Doc, base: Y.Doc): void {
  core.readMeta(doc);
  core.listBoards(doc);
  const entities = core.listEntities(doc);
  for (const entity of entities) {
    core.entityUsages(doc, entity.id);
    core.getEntity(doc, entity.id);
  }
  for (const key of core.registerOf(doc).keys()) core.getEntity(doc, key);
  core.listSlides(doc);
  for (const file of core.listFiles(doc)) core.listMarks(doc, file.hash, 1);
  for (const key of core.filesOf(doc).keys()) core.listMarks(doc, key);
  core.readTimeline(doc);
  core.analyseProof(core.readProofGraph(doc));
  core.diffVersions(base, doc);
  core.diffVersions(doc, base);
  for (const boardId of core.boardsOf(doc).keys()) {
    for (const node of core.listNodes(doc, boardId)) core.displayOf(doc, node);
    const topics = core.listTopics(doc, boardId);
    core.childrenOf(topics, null);
    core.listRelationships(doc, boardId);
    core.listSummaries(doc, boardId);
    const model = core.mapFromBoard(doc, boardId);
    core.exportMarkdown(model);
    core.exportOpml(model);
    core.exportFreeMind(model);
    const objects = core.listSceneObjects(doc, boardId);
    const settings = core.readSceneSettings(doc, boardId);
    core.markerNumbers(objects.filter((o) => o.shape === 'marker'));
    core.evidenceTable(objects, settings.references);
    core.listLinks(doc, boardId);
    core.analyseProof(core.readProofGraph(doc, boardId));
    core.boardSetting(doc, boardId, 'layout');
    const nodes = new BoardProjection(doc, boardId);
    nodes.getSnapshot();
    nodes.destroy();
    const links = new LinkProjection(doc, boardId);
    links.getSnapshot();
    links.destroy();
  }
}

describe('hostile documents: readers skip what they do not understand', () => {
  const problems: string[] = [];
  let previous: Parameters<typeof core.onDocProblem>[0];
  beforeAll(() => {
    previous = core.onDocProblem((key, found) => problems.push(`${key}: ${found}`));
  });
  afterAll(() => {
    core.onDocProblem(previous);
  });

  it("the attack as found: boards.set('evil', 'boom') reads as the other boards, reported", () => {
    const doc = wellFormedCase();
    const before = core.listBoards(doc).map((b) => b.title);
    problems.length = 0;
    doc.getMap('boards').set('evil', 'boom');
    expect(core.listBoards(doc).map((b) => b.title)).toEqual(before);
    expect(problems).toContain('evil: string');
    expect(() => readEverything(doc, wellFormedCase())).not.toThrow();
  });

  it('random values of random Yjs types at every path of the schema: no reader throws', () => {
    const base = wellFormedCase();
    const state = Y.encodeStateAsUpdate(base);
    const all = slots(base).map((s) => s.path);
    expect(all.length).toBeGreaterThan(100);
    let written = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const rng = random(seed);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      // One to three hostile writes per document, each at any path of the current document.
      const writes: string[] = [];
      for (let n = 1 + rng.int(3); n > 0; n--) {
        const slot = rng.pick(slots(doc))!;
        const value = junk(rng);
        slot.map.set(slot.key, value);
        writes.push(`${slot.path} = ${core.typeName(value)}`);
        written++;
      }
      try {
        readEverything(doc, base);
      } catch (err) {
        throw new Error(`seed ${seed}: ${writes.join('; ')}: ${String(err)}`, { cause: err });
      }
    }
    // Every path was hit at least once over the seeds, by the same writes as above.
    expect(written).toBeGreaterThan(all.length);
  }, 60_000);

  it('every path of the schema, each with every type of value: no reader throws', () => {
    const base = wellFormedCase();
    const state = Y.encodeStateAsUpdate(base);
    const count = slots(base).length;
    const rng = random(7);
    for (let i = 0; i < count; i++) {
      for (let kind = 0; kind < 3; kind++) {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, state);
        const slot = slots(doc)[i]!;
        const value = junk(rng);
        slot.map.set(slot.key, value);
        try {
          readEverything(doc, base);
        } catch (err) {
          throw new Error(`${slot.path} = ${core.typeName(value)}: ${String(err)}`, {
            cause: err,
          });
        }
      }
    }
  }, 120_000);
});

describe('the document schema validator', () => {
  it('accepts a well-formed case, and every hostile shape is a problem at its path', () => {
    const doc = wellFormedCase();
    expect(core.validateCaseDoc(doc)).toEqual([]);
    const written = writeHostileShapes(doc);
    const problems = core.validateCaseDoc(doc);
    expect(problems.map((p) => p.path)).toContain('boards/evil');
    // One problem at least for each hostile write (some writes hide others, e.g. a whole map).
    expect(problems.length).toBeGreaterThanOrEqual(written.length - 2);
  });

  it('checks only what a transaction touched, through changedPaths', () => {
    const doc = wellFormedCase();
    let paths: string[][] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      paths = core.changedPaths(tr);
    });
    doc.getMap('boards').set('evil', 'boom');
    expect(paths).toEqual([['boards', 'evil']]);
    expect(core.validateCaseDoc(doc, paths)).toEqual([
      { path: 'boards/evil', problem: 'string where a record belongs' },
    ]);
    const board = [...doc.getMap('boards').values()].find(
      (b) => b instanceof Y.Map && b.get('kind') === 'scene',
    ) as Y.Map<unknown>;
    const nodes = board.get('nodes') as Y.Map<Y.Map<unknown>>;
    const [nodeId, node] = [...nodes.entries()][0]!;
    node.set('x', new Y.Text());
    expect(paths).toEqual([['boards', board.get('id') as string, 'nodes', nodeId, 'x']]);
    expect(core.validateCaseDoc(doc, paths).map((p) => p.path)).toEqual([
      `boards/${board.get('id') as string}/nodes/${nodeId}.x`,
    ]);
  });
});
