import { createContext, Suspense, useContext, type ComponentType } from 'react';
import type * as Y from 'yjs';

/** What a board hands the export menu drawn in its toolbar. */
export interface BoardExportProps {
  caseId: string;
  doc: Y.Doc;
  boardId: string;
  boardTitle: string;
  origin: unknown;
  readOnly: boolean;
  /** Mind maps also import and export the mind-map formats. */
  mindMap?: { selection: readonly string[]; onImported(ids: string[]): void };
}

/**
 * The export menu, provided from above (the app, loading it when first drawn): export sits above
 * the boards, so a board draws whatever menu it is given and never imports it.
 */
export const ExportMenuContext = createContext<ComponentType<BoardExportProps> | null>(null);

/** The export menu in a board's toolbar, when the page provides one (not on slides or versions). */
export function ExportSlot(props: BoardExportProps) {
  const Menu = useContext(ExportMenuContext);
  if (!Menu) return null;
  return (
    <Suspense fallback={null}>
      <Menu {...props} />
    </Suspense>
  );
}

/** What the export menu of a board drawn without React Flow needs (it draws from the document). */
export interface BoardPictureProps {
  caseId: string;
  doc: Y.Doc;
  boardId: string;
  boardTitle: string;
}

/** The picture export menu for boards drawn as HTML or SVG, provided by the app. */
export const PictureMenuContext = createContext<ComponentType<BoardPictureProps> | null>(null);

/** The picture export menu, when the page provides one. */
export function PictureSlot(props: BoardPictureProps) {
  const Menu = useContext(PictureMenuContext);
  if (!Menu) return null;
  return (
    <Suspense fallback={null}>
      <Menu {...props} />
    </Suspense>
  );
}
