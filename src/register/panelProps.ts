import type * as Y from 'yjs';
import type { CaseFile } from '../core/commands/files.ts';
import type { FileSpot } from '../files/searchApi.ts';

/** What the register panel (and an entity's details inside it) is given by the case page. */
export interface RegisterPanelProps {
  caseId: string;
  doc: Y.Doc;
  origin: unknown;
  readOnly: boolean;
  lang: string;
  /** Shows a node on a board (the "used on" links). */
  onGoToNode(boardId: string, nodeId: string): void;
  /** Opens a file; from a search, at the found page with the words highlighted. */
  onOpenFile(file: CaseFile, spot?: FileSpot): void;
  /** An entity to show when the panel opens (its tab, selected), e.g. from the case checklist. */
  initialEntity?: string | null;
}
