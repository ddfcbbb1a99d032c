import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { Panel, useReactFlow, type Node } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { LayoutGrid, Link2, Network } from 'lucide-react';
import { BoardCanvas } from '../../canvas/BoardCanvas.tsx';
import type { CanvasNode } from '../../canvas/projection.ts';
import type { LinkEdge } from '../../canvas/links.ts';
import { addEntityNode, seedFacts } from '../../core/commands/charts.ts';
import { addLink, listLinks } from '../../core/commands/links.ts';
import { addNode, listNodes, moveNodes } from '../../core/commands/nodes.ts';
import { boardTitleOf, boardsOf, recordAt, registerOf } from '../../core/doc.ts';
import { ExportSlot } from '../../canvas/exportSlot.tsx';
import {
  PARTY_TYPES,
  PROOF_LINK_TYPES,
  RELATION_LINK_TYPES,
  type LinkType,
  type PartyType,
} from '../../core/links.ts';
import type { FactStatus, ProofAnalysis } from '../../core/proof.ts';
import type { EntityKind } from '../../core/register.ts';
import { useStableCallback } from '../../ui/useStableCallback.ts';
import { forceLayout, layeredLayout, type LayoutBox } from './layout.ts';
import { errorText } from './errors.ts';
import { useAddNodeActions } from './actions.ts';
import { handleActionKey } from '../../ui/actions.ts';
import { LinkEditor } from './LinkEditor.tsx';
import { ProofPanel } from './ProofPanel.tsx';
import { RelationPanel } from './RelationPanel.tsx';
import { StartPicker } from './StartPicker.tsx';
import { proofQuery } from './queries.ts';
import { recordWatch, useDoc, useDocQuery, type DocQuery } from '../../sync/useDoc.ts';
import type { PresentFrame } from '../../canvas/boardViews.ts';
import './graph.css';

export type GraphMode = 'evidence' | 'relationship';

export interface GraphBoardProps {
  caseId: string;
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  readOnly: boolean;
  mode: GraphMode;
  focusNodeId?: string | null;
  /** Shown on a slide: the chart alone, read-only. */
  present?: PresentFrame | null;
}

/** What a chart's toolbar can add: register kinds, and for a relationship chart free parties. */
const ADDABLE: Record<GraphMode, ReadonlyArray<EntityKind | PartyType>> = {
  evidence: ['fact', 'evidence', 'event', 'person'],
  relationship: ['person', 'place', ...PARTY_TYPES.filter((p) => p !== 'other')],
};
/** A relationship chart has no proof analysis: it watches and reads nothing. */
const NO_ANALYSIS: DocQuery<ProofAnalysis | null> = { watch: () => [], read: () => null };

/** Layered columns of an evidence chart: evidence on the left, facts on the right. */
const COLUMN: Partial<Record<EntityKind, number>> = { evidence: 0, person: 0, place: 0, event: 1 };

/**
 * An evidence chart (facts to prove, evidence, typed links, proof analysis beside it) or a
 * relationship chart (people, phones, vehicles, accounts and places with typed links, and the
 * neighbourhood of a selected node highlighted). Both are drawn by the shared canvas.
 */
export function GraphBoard(props: GraphBoardProps) {
  const { doc, boardId, origin, readOnly, mode } = props;
  const { t } = useTranslation('graph');
  const [linkType, setLinkType] = useState<LinkType>(mode === 'evidence' ? 'supports' : 'called');
  const [error, setError] = useState<string | null>(null);
  const [edgeId, setEdgeId] = useState<string | null>(null);
  const [selection, setSelection] = useState<string[]>([]);
  const [focus, setFocus] = useState<{ ids: string[]; fit?: boolean } | null>(null);
  const [hops, setHops] = useState(1);

  const board = useCallback((d: Y.Doc) => recordWatch(boardsOf(d), boardId), [boardId]);
  const nodeCount = useDoc(doc, board, () => listNodes(doc, boardId).length, [boardId]);
  const boardTitle = useDoc(doc, board, () => boardTitleOf(doc, boardId), [boardId]);
  const analysis = useDocQuery(doc, mode === 'evidence' ? proofQuery(boardId) : NO_ANALYSIS, [
    mode,
    boardId,
  ]);
  const statusOf = useMemo(() => {
    const map = new Map<string, FactStatus>();
    for (const fact of analysis?.facts ?? []) map.set(fact.id, fact.status);
    return map;
  }, [analysis]);

  // The relationship chart lights what lies within `hops` links of the one selected node.
  const adjacency = useDoc(
    doc,
    board,
    () => (mode === 'relationship' ? listLinks(doc, boardId).map((l) => [l.source, l.target]) : []),
    [mode, boardId],
  );
  const lit = useMemo(() => {
    if (mode !== 'relationship' || selection.length !== 1) return null;
    const around = new Map<string, string[]>();
    for (const [a, b] of adjacency) {
      around.set(a!, [...(around.get(a!) ?? []), b!]);
      around.set(b!, [...(around.get(b!) ?? []), a!]);
    }
    const found = new Set([selection[0]!]);
    let frontier = [selection[0]!];
    for (let step = 0; step < hops; step++) {
      const next: string[] = [];
      for (const id of frontier)
        for (const other of around.get(id) ?? [])
          if (!found.has(other)) {
            found.add(other);
            next.push(other);
          }
      frontier = next;
    }
    return found;
  }, [mode, selection, adjacency, hops]);

  const decorate = useCallback(
    (node: CanvasNode) => {
      if (lit) return { dimmed: !lit.has(node.id) };
      const status = node.data.entity ? statusOf.get(node.data.entity) : undefined;
      return status ? { status } : undefined;
    },
    [statusOf, lit],
  );
  const decorateEdge = useCallback(
    (edge: LinkEdge) =>
      lit ? { dimmed: !(lit.has(edge.source) && lit.has(edge.target)) } : undefined,
    [lit],
  );

  const link = useStableCallback((source: string, target: string) => {
    setError(null);
    try {
      addLink(doc, { boardId, source, target, type: linkType }, origin);
    } catch (err) {
      setError(errorText(t, err));
    }
  });
  const links = useMemo(
    () => ({ onConnect: link, onSelect: setEdgeId, decorate: decorateEdge }),
    [link, decorateEdge],
  );

  /** Two selected nodes linked with the current type; evidence is always the source. */
  const linkSelected = () => {
    const [a, b] = selection;
    if (!a || !b) return;
    const register = registerOf(doc);
    const kindOf = (id: string) => {
      const node = listNodes(doc, boardId).find((n) => n.id === id);
      return node?.entity ? recordAt(register, node.entity)?.get('kind') : undefined;
    };
    if (kindOf(b) === 'evidence' && kindOf(a) !== 'evidence') link(b, a);
    else link(a, b);
    // The pair is done: nothing stays selected, so the next click starts the next pair.
    setFocus({ ids: [], fit: false });
  };

  const types = mode === 'evidence' ? PROOF_LINK_TYPES : RELATION_LINK_TYPES;
  const empty = nodeCount === 0;

  return (
    <div className={`graph-board graph-board--${mode}`} data-testid={`graph-board-${mode}`}>
      <div className="graph-board__main">
        <BoardCanvas
          caseId={props.caseId}
          doc={doc}
          boardId={boardId}
          origin={origin}
          readOnly={readOnly}
          focusNodeId={props.focusNodeId ?? null}
          focus={focus}
          links={links}
          decorate={decorate}
          onSelection={setSelection}
          present={props.present ?? null}
          header={
            !readOnly && (
              <div className="graph-toolbar" data-testid="graph-toolbar">
                <fieldset className="graph-toolbar__types">
                  <legend>{t('toolbar.linkType')}</legend>
                  {types.map((type) => (
                    <label key={type} className={type === linkType ? 'is-active' : undefined}>
                      <input
                        type="radio"
                        name="link-type"
                        value={type}
                        checked={type === linkType}
                        onChange={() => setLinkType(type)}
                        data-testid={`link-type-${type}`}
                      />
                      <span className={`swatch swatch--${type}`} aria-hidden />
                      {t(`links.${type}`)}
                    </label>
                  ))}
                </fieldset>
                <AddNode
                  doc={doc}
                  boardId={boardId}
                  origin={origin}
                  mode={mode}
                  onError={setError}
                />
                <div className="graph-toolbar__row">
                  <button
                    type="button"
                    disabled={selection.length !== 2}
                    onClick={linkSelected}
                    data-testid="link-selected"
                    title={t('toolbar.linkSelected')}
                  >
                    <Link2 size={16} /> {t('toolbar.linkSelected')}
                  </button>
                  <ArrangeButtons doc={doc} boardId={boardId} origin={origin} mode={mode} />
                  <ExportSlot
                    caseId={props.caseId}
                    doc={doc}
                    boardId={boardId}
                    boardTitle={boardTitle}
                    origin={origin}
                    readOnly={readOnly}
                  />
                </div>
                {mode === 'relationship' && (
                  <label className="graph-toolbar__row">
                    {t('toolbar.hops')}{' '}
                    <select
                      value={hops}
                      onChange={(e) => setHops(Number(e.target.value))}
                      data-testid="hops"
                    >
                      <option value={1}>{t('toolbar.hop1')}</option>
                      <option value={2}>{t('toolbar.hop2')}</option>
                    </select>
                  </label>
                )}
                <p className="muted graph-toolbar__help">{t('toolbar.help')}</p>
                {error && (
                  <p className="form-error" role="alert" data-testid="graph-error">
                    {error}
                  </p>
                )}
              </div>
            )
          }
        >
          {edgeId && (
            <LinkEditor
              key={edgeId}
              doc={doc}
              boardId={boardId}
              origin={origin}
              readOnly={readOnly}
              id={edgeId}
              types={types}
              onClose={() => setEdgeId(null)}
            />
          )}
          {empty && mode === 'evidence' && !readOnly && (
            <Panel position="top-left" className="graph-start-panel">
              <StartPicker
                doc={doc}
                onPick={(facts) => seedFacts(doc, { boardId, facts, x: 640, y: 0 }, origin)}
              />
            </Panel>
          )}
        </BoardCanvas>
      </div>
      {analysis && !props.present && (
        <ProofPanel
          doc={doc}
          analysis={analysis}
          onFocus={(entities) => setFocus({ ids: nodesOf(doc, boardId, entities) })}
        />
      )}
      {mode === 'relationship' && !props.present && (
        <RelationPanel doc={doc} boardId={boardId} selected={selection} hops={hops} lit={lit} />
      )}
    </div>
  );
}

/** The board's nodes that show the given entities, in that order. */
function nodesOf(doc: Y.Doc, boardId: string, entities: readonly string[]): string[] {
  const nodes = listNodes(doc, boardId);
  return entities.flatMap((entity) => nodes.filter((n) => n.entity === entity).map((n) => n.id));
}

/** The first place at or below `at` where a new node does not cover another. */
function freeSpot(nodes: readonly Node[], at: { x: number; y: number }): { x: number; y: number } {
  const w = 220;
  const h = 44;
  const spot = { x: Math.round(at.x), y: Math.round(at.y) };
  for (let tries = 0; tries < 200; tries++) {
    const hit = nodes.find((n) => {
      const nw = n.measured?.width ?? 180;
      const nh = n.measured?.height ?? 40;
      return (
        spot.x < n.position.x + nw + 16 &&
        n.position.x < spot.x + w &&
        spot.y < n.position.y + nh + 16 &&
        n.position.y < spot.y + h
      );
    });
    if (!hit) break;
    spot.y = hit.position.y + (hit.measured?.height ?? 40) + 16;
  }
  return spot;
}

/** Adds a register entity (or a relationship chart's party) in the middle of the view. */
function AddNode({
  doc,
  boardId,
  origin,
  mode,
  onError,
}: {
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  mode: GraphMode;
  onError(message: string | null): void;
}) {
  const { t } = useTranslation('graph');
  const { t: tr } = useTranslation('register');
  const flow = useReactFlow();
  const [kind, setKind] = useState<EntityKind | PartyType | null>(null);
  const [name, setName] = useState('');
  const { table, context: actionContext } = useAddNodeActions(ADDABLE[mode], kind, (k) =>
    setKind(k as EntityKind | PartyType | null),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!kind || !name.trim()) return;
    const pane = document.querySelector('.graph-board .react-flow')?.getBoundingClientRect();
    const centre = freeSpot(
      flow.getNodes(),
      flow.screenToFlowPosition({
        x: (pane?.left ?? 0) + (pane?.width ?? 800) / 2 - 80,
        y: (pane?.top ?? 0) + (pane?.height ?? 600) / 3,
      }),
    );
    try {
      if ((PARTY_TYPES as readonly string[]).includes(kind))
        addNode(doc, { boardId, ...centre, label: name, type: kind }, origin);
      else addEntityNode(doc, { boardId, kind: kind as EntityKind, name, ...centre }, origin);
      setName('');
      setKind(null);
      onError(null);
    } catch (err) {
      onError(errorText(t, err));
    }
  };
  const labelOf = (k: EntityKind | PartyType) =>
    (PARTY_TYPES as readonly string[]).includes(k) ? tr(`party.${k}`) : tr(`kinds.${k}`);
  return (
    <div className="graph-toolbar__row graph-toolbar__add">
      <span>{t('toolbar.add')}:</span>
      {ADDABLE[mode].map((k) => (
        <button
          key={k}
          type="button"
          className={kind === k ? 'is-active' : undefined}
          onClick={() => setKind(kind === k ? null : k)}
          data-testid={`add-${k}`}
        >
          {labelOf(k)}
        </button>
      ))}
      {kind && (
        <form onSubmit={submit} className="graph-toolbar__name">
          <input
            autoFocus
            value={name}
            placeholder={`${labelOf(kind)} — ${t('toolbar.newName')}`}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => handleActionKey(table, e.nativeEvent, actionContext())}
            aria-label={t('toolbar.newName')}
            data-testid="add-name"
          />
        </form>
      )}
    </div>
  );
}

/** Automatic layouts, written as one move so everyone sees them and can then place by hand. */
function ArrangeButtons({
  doc,
  boardId,
  origin,
  mode,
}: {
  doc: Y.Doc;
  boardId: string;
  origin: unknown;
  mode: GraphMode;
}) {
  const { t } = useTranslation('graph');
  const flow = useReactFlow();
  const arrange = (how: 'layered' | 'force') => {
    const register = registerOf(doc);
    const boxes: LayoutBox[] = flow.getNodes().map((node) => {
      const data = node.data as CanvasNode['data'];
      const kind = data.entity
        ? (recordAt(register, data.entity)?.get('kind') as EntityKind)
        : undefined;
      return {
        id: node.id,
        w: node.measured?.width ?? 180,
        h: node.measured?.height ?? 40,
        x: node.position.x,
        y: node.position.y,
        ...(mode === 'evidence' ? { column: kind ? (COLUMN[kind] ?? 2) : 1 } : {}),
      };
    });
    const links = flow.getEdges().map((e) => ({ source: e.source, target: e.target }));
    const positions = how === 'layered' ? layeredLayout(boxes, links) : forceLayout(boxes, links);
    moveNodes(doc, { boardId, moves: [...positions].map(([id, p]) => ({ id, ...p })) }, origin);
    requestAnimationFrame(() => void flow.fitView({ duration: 300, padding: 0.15 }));
  };
  return (
    <>
      <button type="button" onClick={() => arrange('layered')} data-testid="arrange-layered">
        <LayoutGrid size={16} /> {t('toolbar.layered')}
      </button>
      {mode === 'relationship' && (
        <button type="button" onClick={() => arrange('force')} data-testid="arrange-force">
          <Network size={16} /> {t('toolbar.force')}
        </button>
      )}
    </>
  );
}
