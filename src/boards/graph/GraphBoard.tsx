import { useCallback, useMemo, useState } from 'react';
import { Panel } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { Link2 } from 'lucide-react';
import { BoardCanvas } from '../../canvas/BoardCanvas.tsx';
import { useNoteSelection } from '../../canvas/noteBadges.tsx';
import type { CanvasNode } from '../../canvas/projection.ts';
import type { LinkEdge } from '../../canvas/links.ts';
import { seedFacts } from '../../core/commands/charts.ts';
import { addLink, listLinks } from '../../core/commands/links.ts';
import { listNodes } from '../../core/commands/nodes.ts';
import { boardTitleOf, boardsOf, recordAt, registerOf } from '../../core/doc.ts';
import { ExportSlot } from '../../canvas/exportSlot.tsx';
import { PROOF_LINK_TYPES, RELATION_LINK_TYPES, type LinkType } from '../../core/links.ts';
import type { FactStatus, ProofAnalysis } from '../../core/proof.ts';
import { useStableCallback } from '../../ui/useStableCallback.ts';
import { errorText } from './errors.ts';
import { AddNode } from './AddNode.tsx';
import { ArrangeButtons } from './ArrangeButtons.tsx';
import { LinkEditor } from './LinkEditor.tsx';
import { ProofPanel } from './ProofPanel.tsx';
import { RelationPanel } from './RelationPanel.tsx';
import { StartPicker } from './StartPicker.tsx';
import { proofQuery } from './queries.ts';
import type { GraphMode } from './mode.ts';
import { recordWatch, useDoc, useDocQuery, type DocQuery } from '../../sync/useDoc.ts';
import type { PresentFrame } from '../../canvas/boardViews.ts';
import './graph.css';

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

/** A relationship chart has no proof analysis: it watches and reads nothing. */
const NO_ANALYSIS: DocQuery<ProofAnalysis | null> = { watch: () => [], read: () => null };

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
  useNoteSelection(selection[0], edgeId);

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
