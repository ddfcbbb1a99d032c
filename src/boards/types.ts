import type { ComponentType, LazyExoticComponent } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { BoardKind } from '../core/schema.ts';
import type { PresentFrame } from '../canvas/boardViews.ts';
import type { FuzzGenerators } from '../core/fuzz.ts';
import type { DrawnEntities } from '../core/history.ts';
import type { BoardRender } from '../render/board.ts';

/** What every board editor is given: the case page's board, a version's, or a slide's. */
export interface BoardEditorProps {
  caseId: string;
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  readOnly: boolean;
  awareness: Awareness | null;
  /** A node to select and show (the register's "used on" links). */
  focusNodeId?: string | null;
  /** Shown on a slide: the board alone, read-only, the camera on the frame, builds applied. */
  present?: PresentFrame | null;
  /**
   * False: a view to read with no toolbar (editing, layout, import and export), the board fitted
   * to its pane (the version view's panes). Default true.
   */
  chrome?: boolean;
}

/** A board component, loaded when first drawn. */
export type LazyBoard = LazyExoticComponent<ComponentType<BoardEditorProps>>;

/**
 * One board kind, everything the rest of the app knows about it (tldraw's `ShapeUtil`): the
 * registry lists these, and the case page, slides, versions and history read them, never a kind by
 * name.
 *
 * @example
 * export const timelineBoard: BoardDescriptor = {
 *   kind: 'timeline', name: 'board.kinds.timeline', icon: CalendarRange,
 *   editor: lazy(() => import('./TimelineBoard.tsx').then((m) => ({ default: m.TimelineBoard }))),
 *   slideView: null, renderer: { kind: 'element', root: '[data-testid="timeline-board"]' },
 *   canFrame: false, canExport: true,
 *   diffMarks: { target: (id) => `.timeline-item[data-id="${id}"]`, look: 'outline' },
 *   positionKeys: [], drawnEntities: { kinds: ['event'], positionFields: ['start', 'end'] },
 * };
 */
export interface BoardDescriptor {
  kind: BoardKind;
  /** i18n key of its name (default namespace): the tab's tooltip, the add-board menu. */
  name: string;
  icon: ComponentType<{ size?: number | string; 'aria-hidden'?: boolean }>;
  /** The editor: the case page and the version view draw it (read-only in a version). */
  editor: LazyBoard;
  /** The board on a slide (given `present`); null: the shared canvas shows it. */
  slideView: ComponentType<BoardEditorProps> | null;
  /**
   * Its renderer (src/boards/<kind>/render.ts, loaded on demand): the board or a frame of it drawn
   * from the document as a `Picture`, for SVG, PNG and PDF exports, slide thumbnails and the
   * hearing link's picture. The same function as `boardRenderers[kind]` (boards/renderers.ts), which
   * the server uses without React.
   */
  render(): Promise<BoardRender>;
  /** A frame can be taken from its view for a slide. */
  canFrame: boolean;
  /**
   * For a kind drawn without React Flow: the element whose coordinates are the board's (an SVG
   * group's units, or an HTML element's pixels), for frames (canvas/elementFrame.tsx).
   */
  frameRoot?: string;
  /** It can be exported as a picture (its toolbar's menu, or the case page's picture menu). */
  canExport: boolean;
  /**
   * How the version view marks what changed: the CSS selector of a node's element inside the pane,
   * by node id, and the look (`outline` for HTML nodes, `glow` for SVG shapes, which draw no
   * outline); null when the kind draws no diff marks.
   */
  diffMarks: { target: (nodeId: string) => string; look: 'outline' | 'glow' } | null;
  /** The node keys that hold its positions: a change there counts as "moved" (core/history.ts). */
  positionKeys: readonly string[];
  /**
   * The register entities it draws instead of nodes of its own (the timeline: events), whose
   * changes are its diff in the version view; absent for a board of nodes.
   */
  drawnEntities?: DrawnEntities;
  /**
   * Seeded random edits of its board commands for the convergence fuzz (src/boards/<kind>/fuzz.ts):
   * the test runs them on boards of this kind and fails when a command has no generator. Loaded on
   * demand, so that the page never downloads them.
   */
  fuzz(): Promise<FuzzGenerators>;
  /**
   * Loads the names of its symbol library by symbol id, in a language: the version view names a
   * changed symbol by them. Absent for a kind without symbols.
   */
  symbolNames?(): Promise<(symbol: string, language: string) => string | undefined>;
}

/** A node of a board drawn by React Flow, by its id. */
export function flowNodeTarget(nodeId: string): string {
  return `.react-flow__node[data-id="${CSS.escape(nodeId)}"]`;
}
