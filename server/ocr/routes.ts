import type { FastifyInstance } from 'fastify';
import * as Y from 'yjs';
import { z } from 'zod';
import { listFiles } from '../../src/core/commands/files.ts';
import { requireMember, type Services } from '../http/context.ts';
import type { CaseFileReader } from './CaseFileReader.ts';
import type { PageTexts } from './PageTexts.ts';
import { matchPage, parseQuery, type Box, type SnippetPart } from './textSearch.ts';

/** Pages looked at per search (those holding every word), and results given back. */
const CANDIDATE_PAGES = 2000;
const MAX_RESULTS = 100;

const searchQuery = z.object({ q: z.string().max(300) });

/** One page found by a search. */
export interface SearchResult {
  hash: string;
  name: string;
  page: number;
  /** The page's BL number, when the case says where the file's numbering starts. */
  bl: number | null;
  snippet: SnippetPart[];
  /** The matched words on the page, as fractions of it. */
  boxes: Box[];
  phrase: boolean;
  source: 'text' | 'ocr';
  /** The old encoding the page's text layer was converted from (TCVN3, VNI), if any. */
  encoding: 'tcvn3' | 'vni' | null;
}

/**
 * Searching a case's file and the progress of its reading: `GET /api/cases/:id/search?q=` and
 * `GET /api/cases/:id/ocr`, for members, over the files that case holds only.
 */
export function ocrRoutes(
  app: FastifyInstance,
  services: Services & { texts: PageTexts; reader: CaseFileReader },
): void {
  const { store, texts, reader, rooms } = services;

  /** Where each file's BL numbering starts, from the case document (the open room's or stored). */
  async function firstBls(caseId: string): Promise<Map<string, number>> {
    let doc = rooms.openDocument(caseId);
    let temporary = false;
    if (!doc) {
      const stored = await store.loadDocument(caseId);
      doc = new Y.Doc();
      temporary = true;
      const loaded = doc;
      loaded.transact(() => stored.updates.forEach((u) => Y.applyUpdate(loaded, u)));
    }
    try {
      const bls = new Map<string, number>();
      for (const file of listFiles(doc)) if (file.firstBl) bls.set(file.hash, file.firstBl);
      return bls;
    } finally {
      if (temporary) doc.destroy();
    }
  }

  app.get('/api/cases/:id/search', async (request) => {
    const { caseId } = await requireMember(services, request);
    const query = parseQuery(searchQuery.parse(request.query).q);
    const files = await store.listCaseFiles(caseId);
    const names = new Map(files.map((f) => [f.hash, f.name]));
    if (query.tokens.length === 0) return { results: [], ocr: reader.ocrOn };
    const pages = await texts.pagesWith([...names.keys()], query.tokens, CANDIDATE_PAGES);
    const bls = await firstBls(caseId);
    const results: Array<SearchResult & { score: number }> = [];
    for (const page of pages) {
      const match = matchPage(page.words, query);
      if (!match) continue;
      const first = bls.get(page.hash);
      results.push({
        hash: page.hash,
        name: names.get(page.hash) ?? '',
        page: page.page,
        bl: first === undefined ? null : first + page.page - 1,
        snippet: match.snippet,
        boxes: match.boxes,
        phrase: match.phrase,
        source: page.source,
        encoding: page.encoding,
        score: match.score,
      });
    }
    results.sort(
      (a, b) => b.score - a.score || a.name.localeCompare(b.name, 'vi') || a.page - b.page,
    );
    return {
      results: results.slice(0, MAX_RESULTS).map(({ score: _score, ...r }) => r),
      total: results.length,
      ocr: reader.ocrOn,
    };
  });

  app.get('/api/cases/:id/ocr', async (request) => {
    const { caseId } = await requireMember(services, request);
    const files = await store.listCaseFiles(caseId);
    const progress = await reader.progress(files.map((f) => f.hash));
    return {
      ocr: reader.ocrOn,
      files: progress.map((f) => ({
        hash: f.hash,
        state: f.state,
        pages: f.pages,
        done: f.done,
        ...(f.state === 'failed' ? { reason: f.reason } : {}),
      })),
    };
  });
}
