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
import { entries, recordWatch, useDoc } from '../../sync/useDoc.ts';
import type { EntityKind } from '../../core/register.ts';
import type { MindMapLayoutKind } from './layout.ts';
import type { EntityLookup } from './view.ts';

const KINDS: MindMapLayoutKind[] = ['balanced', 'logic-right', 'org-down', 'timeline'];

/**
 * The topics of a mind-map board, its layout kind and entity names, re-read when the board or the
 * register changes (once per change, never per frame): typing a topic does not rebuild the entity
 * lookup, and a change to the register or the files does not re-read the topics.
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
  const [fonts, setFonts] = useState(0);
  useEffect(() => {
    // Sizes measured before Be Vietnam Pro loaded are wrong: measure again once it has (a new
    // lookup lays the map out again).
    const fontsLoaded = () => {
      clearTopicSizes();
      setFonts((n) => n + 1);
    };
    document.fonts?.addEventListener('loadingdone', fontsLoaded);
    return () => document.fonts?.removeEventListener('loadingdone', fontsLoaded);
  }, []);
  const board = useDoc(
    doc,
    (d) => recordWatch(boardsOf(d), boardId),
    (d) => {
      const setting = boardSetting(d, boardId, 'layout');
      const kind = KINDS.includes(setting as MindMapLayoutKind)
        ? (setting as MindMapLayoutKind)
        : 'balanced';
      const exists = boardsOf(d).has(boardId);
      const topics = exists ? listTopics(d, boardId) : [];
      return {
        topics,
        relationships: exists ? listRelationships(d, boardId) : [],
        summaries: exists ? listSummaries(d, boardId, topics) : [],
        kind,
      };
    },
    [boardId],
  );
  // A file's name and type are written once, with it: which files exist is enough.
  const lookup = useDoc(doc, (d) => [registerOf(d), entries(filesOf(d))], entityLookup, [fonts]);
  return useMemo(() => ({ ...board, lookup }), [board, lookup]);
}

/** Names of register entities and case files, read live from the document. */
function entityLookup(doc: Y.Doc): EntityLookup {
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
  return lookup;
}

export { KINDS as LAYOUT_KINDS };
