import type { Node } from '@xyflow/react';
import { displayOf, nodesIn, readNode, type NodeDisplay } from '../core/commands/nodes.ts';
import * as Y from 'yjs';
import { filesOf, recordAt, registerOf, textField, type YRecord } from '../core/doc.ts';
import { PARTY_TYPES, type PartyType } from '../core/links.ts';
import type { FactStatus } from '../core/proof.ts';

export type CanvasNodeData = NodeDisplay & {
  entity?: string;
  /** The first case-file file of a linked evidence item, shown as a thumbnail on the node. */
  thumbnail?: { hash: string; mime: string; name: string };
  /** A relationship chart's free node: a phone, vehicle, account … */
  party?: PartyType;
  /** Set by an evidence chart on fact nodes: the proof analysis's verdict. */
  status?: FactStatus;
  /** Set by a relationship chart: outside the selected node's neighbourhood. */
  dimmed?: boolean;
};
export type CanvasNode = Node<CanvasNodeData, 'entity' | 'topic' | 'party' | 'image'>;

/**
 * The Y → React Flow projection of one board, kept incrementally: a change to one node (or to the
 * entity it links to) makes one new node object; every other node keeps its identity, so memoized
 * node components do not re-render. `subscribe`/`getSnapshot` fit `useSyncExternalStore`.
 */
export class BoardProjection {
  private readonly cache = new Map<string, CanvasNode>();
  private snapshot: CanvasNode[] = [];
  private readonly listeners = new Set<() => void>();
  /** Undefined when the board has no nodes map (deleted, or broken by a hostile peer). */
  private readonly nodes: YRecord | undefined;
  private readonly register: YRecord;

  constructor(
    private readonly doc: Y.Doc,
    boardId: string,
  ) {
    this.nodes = nodesIn(doc, boardId);
    this.register = registerOf(doc);
    this.rebuild(null);
    this.nodes?.observeDeep(this.onNodes);
    this.register.observeDeep(this.onRegister);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CanvasNode[] => this.snapshot;

  destroy(): void {
    this.nodes?.unobserveDeep(this.onNodes);
    this.register.unobserveDeep(this.onRegister);
    this.listeners.clear();
  }

  private readonly onNodes = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
    const touched = new Set<string>();
    for (const event of events) {
      if (event.target === this.nodes)
        for (const key of event.changes.keys.keys()) touched.add(key);
      else if (typeof event.path[0] === 'string') touched.add(event.path[0]);
    }
    this.rebuild(touched);
  };

  private readonly onRegister = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
    const entities = new Set<string>();
    for (const event of events) {
      if (event.target === this.register)
        for (const key of event.changes.keys.keys()) entities.add(key);
      else if (typeof event.path[0] === 'string') entities.add(event.path[0]);
    }
    const touched = new Set<string>();
    for (const [id, node] of this.cache)
      if (node.data.entity && entities.has(node.data.entity)) touched.add(id);
    if (touched.size > 0) this.rebuild(touched);
  };

  private fileOf(hash: string): CanvasNodeData['thumbnail'] {
    const record = recordAt(filesOf(this.doc), hash);
    if (!record) return undefined;
    return { hash, mime: textField(record, 'mime'), name: textField(record, 'name') };
  }

  private thumbnailOf(entityId: string): CanvasNodeData['thumbnail'] {
    const files = recordAt(this.register, entityId)?.get('files');
    const first: unknown = files instanceof Y.Array && files.length > 0 ? files.get(0) : undefined;
    const hash = typeof first === 'string' ? first : undefined;
    const record = hash ? recordAt(filesOf(this.doc), hash) : undefined;
    if (!hash || !record) return undefined;
    return { hash, mime: textField(record, 'mime'), name: textField(record, 'name') };
  }

  /** Re-reads the `touched` nodes (all when null) and publishes a new array if anything changed. */
  private rebuild(touched: Set<string> | null): void {
    let changed = touched === null;
    for (const id of touched ?? this.nodes?.keys() ?? []) {
      const node = readNode(recordAt(this.nodes, id));
      if (!node) {
        changed = this.cache.delete(id) || changed;
        continue;
      }
      const display = displayOf(this.doc, node);
      const thumbnail = node.entity
        ? this.thumbnailOf(node.entity)
        : node.file
          ? this.fileOf(node.file)
          : undefined;
      const party = (PARTY_TYPES as readonly string[]).includes(node.type)
        ? (node.type as PartyType)
        : undefined;
      this.cache.set(id, {
        id,
        type: node.entity ? 'entity' : party ? 'party' : node.file ? 'image' : 'topic',
        position: { x: node.x, y: node.y },
        data: {
          ...display,
          ...(node.entity ? { entity: node.entity } : {}),
          ...(party ? { party } : {}),
          ...(thumbnail ? { thumbnail } : {}),
        },
      });
      changed = true;
    }
    if (!changed) return;
    this.snapshot = [...this.cache.values()];
    for (const listener of this.listeners) listener();
  }
}
