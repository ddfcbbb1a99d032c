import type * as Y from 'yjs';
import type { CaseFile } from '../core/commands/files.ts';

/** What the register panel (and an entity's details inside it) is given by the case page. */
export interface RegisterPanelProps {
  caseId: string;
  doc: Y.Doc;
  origin: unknown;
  readOnly: boolean;
  lang: string;
  /** Shows a node on a board (the "used on" links). */
  onGoToNode(boardId: string, nodeId: string): void;
  onOpenFile(file: CaseFile): void;
  /** An entity to show when the panel opens (its tab, selected), e.g. from the case checklist. */
  initialEntity?: string | null;
}
