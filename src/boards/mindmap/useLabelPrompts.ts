import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Edge, Node } from '@xyflow/react';
import type * as Y from 'yjs';
import {
  setRelationship,
  setRelationshipControl,
  setSummary,
} from '../../core/commands/mindmap.ts';
import { useStableCallback } from '../../ui/useStableCallback.ts';

/**
 * Double-clicking a topic edits it; double-clicking a summary or a relationship line asks for its
 * text, where "-" deletes it. Dragging a line's handle bends it.
 */
export function useLabelPrompts(options: {
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  readOnly: boolean;
  edit(id: string): void;
  run(fn: () => void): void;
}) {
  const { doc, boardId, origin, readOnly, edit, run } = options;
  const { t } = useTranslation('mindmap');
  const orDelete = (label: string) => (label.trim() === '-' ? null : label);

  const onNodeDoubleClick = useStableCallback((_: unknown, node: Node) => {
    if (readOnly) return;
    if (node.type === 'topic') return edit(node.id);
    const summary = (node.data as { summary?: string }).summary;
    if (!summary) return;
    const old = String((node.data as { label?: string }).label ?? '');
    const label = window.prompt(t('summaryLabel'), old);
    if (label === null) return;
    run(() => setSummary(doc, { boardId, id: summary, label: orDelete(label) }, origin));
  });
  const onEdgeDoubleClick = useStableCallback((_: unknown, edge: Edge) => {
    const rel = (edge.data as { relationship?: string } | undefined)?.relationship;
    if (!rel || readOnly) return;
    const label = window.prompt(t('relationLabel'), String(edge.label ?? ''));
    if (label === null) return;
    run(() => setRelationship(doc, { boardId, id: rel, label: orDelete(label) }, origin));
  });
  const onRelationshipControl = useCallback(
    (id: string, control: { dx: number; dy: number }) =>
      run(() => setRelationshipControl(doc, { boardId, id, control }, origin)),
    [doc, boardId, origin, run],
  );
  return { onNodeDoubleClick, onEdgeDoubleClick, onRelationshipControl };
}
