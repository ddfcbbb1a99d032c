import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { boardSetting } from '../../core/commands/boards.ts';
import {
  listRelationships,
  listSummaries,
  listTopics,
  type Relationship,
  type Summary,
  type Topic,
} from '../../core/commands/mindmap.ts';
import { boardsOf, filesOf, recordAt, registerOf, textField } from '../../core/doc.ts';
import { clearTopicSizes } from './measure.ts';
import type { EntityKind } from '../../core/register.ts';
import type { MindMapLayoutKind } from './layout.ts';
import type { EntityLookup } from './view.ts';

const KINDS: MindMapLayoutKind[] = ['balanced', 'logic-right', 'org-down', 'timeline'];

/**
 * The topics of a mind-map board, its layout kind and entity names, re-read when the board or the
 * register changes (once per change, never per frame).
 */
export function useTopics(
  doc: Y.Doc,
  boardId: string,
): {
  topics: Topic[];
  relationships: Relationship[];
  summaries: Summary[];
  kind: MindMapLayoutKind;
  lookup: EntityLookup;
} {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const board = recordAt(boardsOf(doc), boardId);
    const register = registerOf(doc);
    const bump = () => setVersion((v) => v + 1);
    board?.observeDeep(bump);
    register.observeDeep(bump);
    const files = filesOf(doc);
    files.observe(bump);
    // Sizes measured before Be Vietnam Pro loaded are wrong: measure again once it has.
    const fontsLoaded = () => {
      clearTopicSizes();
      bump();
    };
    document.fonts?.addEventListener('loadingdone', fontsLoaded);
    return () => {
      document.fonts?.removeEventListener('loadingdone', fontsLoaded);
      board?.unobserveDeep(bump);
      register.unobserveDeep(bump);
      files.unobserve(bump);
    };
  }, [doc, boardId]);
  return useMemo(() => {
    void version;
    const setting = boardSetting(doc, boardId, 'layout');
    const kind = KINDS.includes(setting as MindMapLayoutKind)
      ? (setting as MindMapLayoutKind)
      : 'balanced';
    const register = registerOf(doc);
    const lookup: EntityLookup = (id) => {
      const record = recordAt(register, id);
      return record
        ? { name: textField(record, 'name'), kind: textField(record, 'kind') as EntityKind }
        : null;
    };
    const files = filesOf(doc);
    lookup.file = (hash) => {
      const record = recordAt(files, hash);
      return record
        ? { hash, mime: textField(record, 'mime'), name: textField(record, 'name') }
        : null;
    };
    const exists = boardsOf(doc).has(boardId);
    return {
      topics: exists ? listTopics(doc, boardId) : [],
      relationships: exists ? listRelationships(doc, boardId) : [],
      summaries: exists ? listSummaries(doc, boardId) : [],
      kind,
      lookup,
    };
  }, [doc, boardId, version]);
}

export { KINDS as LAYOUT_KINDS };
