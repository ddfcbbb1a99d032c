/**
 * Convergence under concurrency: ten peers run random commands drawn from every command of
 * src/core/commands, over a simulated network that delays messages, disconnects peers (dropping what
 * was in flight, then resyncing as y-websocket does) and reconnects them. At the end every peer and
 * the server hold the same document, and the model read from it is valid. Everything random comes
 * from the seed, ids included, so a failure is reproduced by running the same seed again. The board
 * kinds' generators are in src/boards/<kind>/fuzz.ts (on each kind's descriptor in the board registry), the case's in
 * src/core/caseFuzz.ts.
 *
 * `STRESS=1` (npm run test:stress) runs more seeds and more operations.
 */
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { random, type Random } from '../helpers/random.ts';

let idCounter = 0;
vi.mock('../../src/core/ids.ts', () => ({ newId: () => `id${(idCounter++).toString(36)}` }));

const core = await import('../../src/core/index.ts');
const { BOARD_DESCRIPTORS } = await import('../../src/boards/registry.ts');
const BOARD_FUZZ = await Promise.all(
  BOARD_DESCRIPTORS.map(async (d) => ({ kind: d.kind, fuzz: await d.fuzz() })),
);
const { stale } = await import('../../src/core/fuzz.ts');
const { CASE_FUZZ } = await import('../../src/core/caseFuzz.ts');
const boardsModule = await import('../../src/core/commands/boards.ts');
const commandModules = {
  boards: boardsModule,
  charts: await import('../../src/core/commands/charts.ts'),
  deck: await import('../../src/core/commands/deck.ts'),
  files: await import('../../src/core/commands/files.ts'),
  links: await import('../../src/core/commands/links.ts'),
  meta: await import('../../src/core/commands/meta.ts'),
  mindmap: await import('../../src/core/commands/mindmap.ts'),
  nodes: await import('../../src/core/commands/nodes.ts'),
  register: await import('../../src/core/commands/register.ts'),
  scene: await import('../../src/core/commands/scene.ts'),
  sceneArrange: await import('../../src/core/commands/sceneArrange.ts'),
  statements: await import('../../src/core/commands/statements.ts'),
  history: await import('../../src/core/history.ts'),
};
const { CommandError } = boardsModule;

const STRESS = process.env.STRESS === '1';

/** Board ids of one kind (or all), to choose the board a kind's generator works on. */
const boardIds = (doc: Y.Doc, kind?: string) =>
  core
    .listBoards(doc)
    .filter((b) => !kind || b.kind === kind)
    .map((b) => b.id);

type Generator = (doc: Y.Doc, rng: Random, origin: unknown) => void;

/**
 * Every generator, the board kinds' named `kind.command`: each runs on a board of its kind (or,
 * now and then, on one that is gone).
 */
const generators: Record<string, Generator> = {};
for (const [name, generate] of Object.entries(CASE_FUZZ))
  generators[name] = (doc, rng, origin) => generate({ doc, rng, origin });
for (const { kind, fuzz: kindGenerators } of BOARD_FUZZ)
  for (const [name, generate] of Object.entries(kindGenerators))
    generators[`${kind}.${name}`] = (doc, rng, origin) =>
      generate({ doc, rng, origin, boardId: stale(rng, rng.pick(boardIds(doc, kind))) });

/** The commands that have a generator, of the case or of some board kind. */
const fuzzed = new Set([
  ...Object.keys(CASE_FUZZ),
  ...BOARD_FUZZ.flatMap((d) => Object.keys(d.fuzz)),
]);

/** Exports of the command modules that only read (or compute) and so are not fuzzed. */
const READERS = new Set([
  'CommandError',
  'listBoards',
  'boardSetting',
  'readSlide',
  'listSlides',
  'positionsOf',
  'waitingAt',
  'nextPosition',
  'previousPosition',
  'listFiles',
  'listMarks',
  'blOfPage',
  'markSchema',
  'edgesOf',
  'readLink',
  'listLinks',
  'listTopics',
  'childrenOf',
  'descendantsOf',
  'subtreeOutline',
  'listRelationships',
  'listSummaries',
  'mapFromBoard',
  'nodesOf',
  'nodesIn',
  'validateCaseDoc',
  'changedPaths',
  'readNode',
  'displayOf',
  'listNodes',
  'readEntity',
  'listEntities',
  'getEntity',
  'entityUsages',
  'readSceneObject',
  'listSceneObjects',
  'readSceneSettings',
  'docFromState',
  'diffVersions',
]);

// ---- The simulated network ----

interface Peer {
  doc: Y.Doc;
  online: boolean;
  /** Messages on the way from the server to this peer, and from it to the server, in order. */
  down: Array<{ at: number; update: Uint8Array }>;
  up: Array<{ at: number; update: Uint8Array }>;
}

const REMOTE = Symbol('remote');

function simulate(seed: number, peerCount: number, operations: number) {
  const rng = random(seed);
  idCounter = 0;
  const server = new Y.Doc();
  server.clientID = 1;
  core.migrateCaseDoc(server, 'server');
  core.addBoard(server, { kind: 'mindmap', title: 'Sơ đồ tư duy' }, 'server');
  const initial = Y.encodeStateAsUpdate(server);
  let now = 0;
  const peers: Peer[] = [];
  const later = (queue: Peer['down'], update: Uint8Array) => {
    // A socket keeps order: a message never overtakes the one sent before it.
    const last = queue[queue.length - 1]?.at ?? 0;
    queue.push({ at: Math.max(last, now + rng.int(20)), update });
  };
  for (let i = 0; i < peerCount; i++) {
    const doc = new Y.Doc();
    doc.clientID = 100 + i;
    Y.applyUpdate(doc, initial, REMOTE);
    const peer: Peer = { doc, online: true, down: [], up: [] };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE && peer.online) later(peer.up, update);
    });
    peers.push(peer);
  }
  server.on('update', (update: Uint8Array, origin: unknown) => {
    for (const peer of peers) if (peer !== origin && peer.online) later(peer.down, update);
  });

  const deliver = (all: boolean) => {
    for (const peer of peers) {
      while (peer.up[0] && (all || peer.up[0].at <= now))
        Y.applyUpdate(server, peer.up.shift()!.update, peer);
      while (peer.down[0] && (all || peer.down[0].at <= now))
        Y.applyUpdate(peer.doc, peer.down.shift()!.update, REMOTE);
    }
  };
  const disconnect = (peer: Peer) => {
    peer.online = false;
    peer.up.length = 0; // what was in flight is lost with the socket
    peer.down.length = 0;
  };
  const reconnect = (peer: Peer) => {
    peer.online = true;
    // y-websocket's handshake: each side sends what the other's state vector lacks.
    later(peer.down, Y.encodeStateAsUpdate(server, Y.encodeStateVector(peer.doc)));
    later(peer.up, Y.encodeStateAsUpdate(peer.doc, Y.encodeStateVector(server)));
  };

  const counts: Record<string, { run: number; refused: number }> = {};
  const names = Object.keys(generators);
  for (let op = 0; op < operations; op++) {
    now += 1;
    if (rng.chance(0.02)) {
      const peer = rng.pick(peers)!;
      if (peer.online) disconnect(peer);
      else reconnect(peer);
    }
    const peer = rng.pick(peers)!;
    const name = rng.pick(names)!;
    const count = (counts[name] ??= { run: 0, refused: 0 });
    count.run++;
    const before = Y.encodeStateVector(peer.doc);
    try {
      generators[name]!(peer.doc, rng, `user-${peer.doc.clientID}`);
    } catch (err) {
      if (!(err instanceof CommandError) && !(err instanceof Error && err.name === 'ZodError'))
        throw new Error(`seed ${seed}, operation ${op}: ${name} threw ${String(err)}`, {
          cause: err,
        });
      count.refused++;
      // A refused command changes nothing: no half-applied transaction.
      expect(
        Buffer.from(Y.encodeStateVector(peer.doc)).equals(Buffer.from(before)),
        `seed ${seed}, operation ${op}: ${name} was refused but changed the document`,
      ).toBe(true);
    }
    deliver(false);
  }
  for (const peer of peers) if (!peer.online) reconnect(peer);
  for (let round = 0; round < 5; round++) deliver(true);
  return { server, peers, counts };
}

/** The checks a person would notice if they failed: what every board shows is well-formed. */
function checkModel(doc: Y.Doc, where: string) {
  const boards = core.boardsOf(doc);
  boards.forEach((record, id) => {
    expect(core.readBoard(record), `${where}: board ${id} is malformed`).not.toBeNull();
  });
  for (const board of core.listBoards(doc)) {
    const nodes = core.nodesOf(doc, board.id);
    if (board.kind === 'mindmap') {
      const topics = core.listTopics(doc, board.id);
      const byId = new Map(topics.map((t) => [t.id, t]));
      const roots = topics.filter((t) => t.parent === null);
      if (topics.length > 0)
        expect(roots.length, `${where}: a map without a root`).toBeGreaterThan(0);
      for (const topic of topics) {
        // Every topic reaches a root along the parents shown: no cycle, no missing parent.
        const seen = new Set<string>();
        let current: (typeof topics)[number] | undefined = topic;
        while (current && current.parent !== null) {
          expect(seen.has(current.id), `${where}: topic ${topic.id} is in a cycle`).toBe(false);
          seen.add(current.id);
          current = byId.get(current.parent);
          expect(current, `${where}: topic ${topic.id} hangs from a missing parent`).toBeDefined();
        }
      }
      for (const r of core.listRelationships(doc, board.id)) {
        expect(
          byId.has(r.source) && byId.has(r.target),
          `${where}: relationship ${r.id} dangles`,
        ).toBe(true);
      }
      for (const s of core.listSummaries(doc, board.id))
        for (const t of [s.from, s.to])
          expect(byId.get(t)?.parent, `${where}: summary ${s.id} dangles`).toBe(s.parent);
    }
    for (const link of core.listLinks(doc, board.id))
      expect(nodes.has(link.source) && nodes.has(link.target), `${where}: link dangles`).toBe(true);
    // As stored, not through the readers (which fall back to '' and 0 for what is missing): every
    // topic and chart node holds its label as a string.
    if (board.kind === 'mindmap' || board.kind === 'evidence' || board.kind === 'relationship') {
      nodes.forEach((record, id) => {
        const stored = (record as Y.Map<unknown>).get('label');
        expect(stored, `${where}: node ${id} holds no label text`).toBeTypeOf('string');
      });
    }
    if (board.kind === 'scene') {
      const objects = core.listSceneObjects(doc, board.id);
      const ids = new Set(objects.map((o) => o.id));
      nodes.forEach((record, id) => {
        const stored = record as Y.Map<unknown>;
        expect(
          Number.isFinite(stored.get('x')) && Number.isFinite(stored.get('y')),
          `${where}: scene object ${id} is stored off the map`,
        ).toBe(true);
      });
      for (const o of objects) {
        for (const pin of o.pins ?? [])
          if (pin !== null)
            expect(ids.has(pin), `${where}: measure ${o.id} pinned to nothing`).toBe(true);
      }
    }
  }
  // Every slide record as stored carries its own id (the key it is kept under).
  core
    .deckOf(doc)
    .forEach((record, key) =>
      expect((record as Y.Map<unknown>).get('id'), `${where}: slide ${key} has no id`).toBe(key),
    );
  // What the commands write, merged in any order, is what the server's update check accepts.
  expect(core.validateCaseDoc(doc), `${where}: schema`).toEqual([]);
}

const ROOTS = ['meta', 'boards', 'register', 'deck', 'files'];

/** The document's content with map keys sorted (a map's key order depends on arrival order). */
const json = (doc: Y.Doc) =>
  JSON.stringify(
    Object.fromEntries(ROOTS.map((name) => [name, doc.getMap(name).toJSON()])),
    (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
        : value,
  );

describe('convergence under random commands, delays and disconnects', () => {
  it('has a generator for every command, so a command added later is fuzzed too', () => {
    const missing: string[] = [];
    for (const [module, exports] of Object.entries(commandModules))
      for (const [name, value] of Object.entries(exports))
        if (
          !READERS.has(name) &&
          !fuzzed.has(name) &&
          typeof value === 'function' &&
          !/^[A-Z]/.test(name)
        )
          missing.push(`${module}.${name}`);
    expect(missing, 'commands without a fuzz generator (add one, or list it as a reader)').toEqual(
      [],
    );
  });

  const seeds = STRESS ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : [20261125];
  const operations = STRESS ? 10_000 : 2_000;
  for (const seed of seeds) {
    it(`10 peers, ${operations} operations, seed ${seed}: identical documents and a valid model`, () => {
      const { server, peers, counts } = simulate(seed, 10, operations);
      const expected = json(server);
      for (const [i, peer] of peers.entries()) {
        const got = json(peer.doc);
        const at = [...got].findIndex((c, k) => c !== expected[k]);
        expect(
          got === expected,
          `peer ${i} differs from the server (seed ${seed}) at …${got.slice(at - 80, at + 80)}`,
        ).toBe(true);
      }
      checkModel(server, `seed ${seed}`);
      // Every command was drawn, and most were accepted (not just refused as stale).
      for (const name of Object.keys(generators))
        expect(counts[name]?.run ?? 0, `${name} never ran`).toBeGreaterThan(0);
      const accepted = Object.values(counts).reduce((n, c) => n + c.run - c.refused, 0);
      // Measured over seeds 1–5 and this one, with and without tolerant readers: 831 to 1146
      // accepted out of 2000 (stale ids make the rest refused); half was met by luck of one seed.
      expect(accepted).toBeGreaterThan(operations * 0.4);
      // Reproducible: the same seed gives the same document.
      if (seed === seeds[0]) expect(json(simulate(seed, 10, operations).server)).toBe(expected);
    }, 120_000);
  }
});
