import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ESLint } from 'eslint';
import { addBoard, diffVersions, docFromState, migrateCaseDoc } from '../../src/core/index.ts';
import { addSceneObject, updateSceneObjects } from '../../src/core/commands/scene.ts';
import { BOARD_KINDS } from '../../src/core/schema.ts';
import {
  ADDABLE_KINDS,
  BOARD_DESCRIPTORS,
  boardDescriptor,
  positionKeysOf,
} from '../../src/boards/registry.ts';

describe('board registry', () => {
  it('describes every kind of the case document, each once, in the add-board menu', () => {
    expect([...ADDABLE_KINDS].sort()).toEqual([...BOARD_KINDS].sort());
    expect(new Set(BOARD_DESCRIPTORS.map((d) => d.kind)).size).toBe(BOARD_DESCRIPTORS.length);
    for (const kind of BOARD_KINDS) expect(boardDescriptor(kind)?.name).toBe(`board.kinds.${kind}`);
  });

  it('leaves a kind from a newer version to the shared canvas', () => {
    expect(boardDescriptor('floorplan')).toBeUndefined();
    expect(positionKeysOf('floorplan')).toEqual(
      expect.arrayContaining(['x', 'rotation', 'parent']),
    );
  });

  it('counts a turned scene object as moved, through the scene descriptor’s position keys', () => {
    const doc = new Y.Doc();
    migrateCaseDoc(doc, 'test');
    const boardId = addBoard(doc, { kind: 'scene', title: 'Hiện trường' }, 'a');
    const id = addSceneObject(doc, { boardId, object: { shape: 'marker', x: 10, y: 10 } }, 'a');
    const before = docFromState(Y.encodeStateAsUpdate(doc));
    updateSceneObjects(doc, { boardId, patches: [{ id, patch: { rotation: 45 } }] }, 'a');
    const [diff] = diffVersions(before, doc, positionKeysOf);
    expect(diff?.moved).toEqual([id]);
    // A kind whose descriptor holds no rotation does not call the same change a move.
    const [none] = diffVersions(before, doc, () => ['x', 'y']);
    expect(none?.moved ?? []).toEqual([]);
  });
});

describe('layers (eslint)', { timeout: 60_000 }, () => {
  const eslint = new ESLint();
  const problems = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: file });
    return (result?.messages ?? []).map((m) => m.ruleId);
  };

  it('refuses a type import from a layer above', async () => {
    expect(
      await problems(
        'src/canvas/Probe.ts',
        "import type { BoardDescriptor } from '../boards/types.ts';\nexport type P = BoardDescriptor;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await problems('src/ui/Probe.ts', "export { endpoints } from '../sync/api.ts';\n"),
    ).toContain('no-restricted-imports');
  });

  it('allows an import from a layer below', async () => {
    expect(
      await problems(
        'src/present/Probe.ts',
        "import { boardDescriptor } from '../boards/registry.ts';\nexport const d = boardDescriptor('scene');\n",
      ),
    ).not.toContain('no-restricted-imports');
  });

  it('refuses an import of another board kind’s folder, type imports included', async () => {
    expect(
      await problems(
        'src/boards/graph/Probe.ts',
        "import type { MindMapContext } from '../mindmap/actions.ts';\nexport type P = MindMapContext;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await problems(
        'src/boards/timeline/Probe.ts',
        "export { SYMBOLS } from '../scene/symbols.ts';\n",
      ),
    ).toContain('no-restricted-imports');
    // The registry lists the kinds: a kind never reaches it.
    expect(
      await problems(
        'src/boards/scene/Probe.ts',
        "import { boardDescriptor } from '../registry.ts';\nexport const d = boardDescriptor('scene');\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('lets a kind import its own folder, the shared chart code, the descriptor types and core', async () => {
    expect(
      await problems(
        'src/boards/timeline/Probe.ts',
        [
          "import type { BoardDescriptor } from '../types.ts';",
          "import { proofQuery } from '../graph/queries.ts';",
          "import { TIMELINE_ACTIONS } from './actions.ts';",
          "import { OFFENCE_TEMPLATES } from '../../core/offenceTemplates.ts';",
          'export type D = BoardDescriptor;',
          'export const all = [proofQuery, TIMELINE_ACTIONS, OFFENCE_TEMPLATES];',
          '',
        ].join('\n'),
      ),
    ).not.toContain('no-restricted-imports');
  });
});
