import type * as Y from 'yjs';
import { boardsOf, eachRecord, registerOf } from '../../core/doc.ts';
import { analyseProof, readProofGraph, type ProofAnalysis } from '../../core/proof.ts';
import { entries, recordWatch, type DocQuery, type Watched } from '../../sync/useDoc.ts';

/**
 * What the charts read, and from which Y types: the proof analysis and the timeline depend on the
 * register and the evidence charts only (src/boards/timeline/query.ts for the timeline), so typing in a mind map or moving a scene object reruns
 * neither.
 */

/** The register, and one board (its nodes and links) and whether it exists. */
export function chartWatch(doc: Y.Doc, boardId: string): Watched[] {
  return [registerOf(doc), ...recordWatch(boardsOf(doc), boardId)];
}

/** The register, which boards exist, and every evidence chart. */
export function evidenceChartsWatch(doc: Y.Doc): Watched[] {
  const watched: Watched[] = [registerOf(doc), entries(boardsOf(doc))];
  eachRecord(boardsOf(doc), (board) => {
    if (board.get('kind') === 'evidence') watched.push(board);
  });
  return watched;
}

/** The proof analysis of one evidence chart. */
export function proofQuery(boardId: string): DocQuery<ProofAnalysis> {
  return {
    watch: (doc) => chartWatch(doc, boardId),
    read: (doc) => analyseProof(readProofGraph(doc, boardId)),
  };
}
