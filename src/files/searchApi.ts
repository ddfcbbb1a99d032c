import { FileApiError } from './api.ts';

/** A region of a page, as fractions of its width and height. */
export interface PageBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where to open a file: a page, with the words to highlight on it. */
export interface FileSpot {
  page: number;
  boxes: PageBox[];
}

/** A page found by searching the case file (`GET /api/cases/:id/search`). */
export interface SearchHit {
  hash: string;
  name: string;
  page: number;
  bl: number | null;
  snippet: Array<{ text: string; hit: boolean }>;
  boxes: PageBox[];
  phrase: boolean;
  source: 'text' | 'ocr';
  /** The old encoding the page's text layer was converted from, if any. */
  encoding: 'tcvn3' | 'vni' | null;
}

export interface SearchAnswer {
  results: SearchHit[];
  total: number;
  ocr: boolean;
}

/** How far the reading of a file got (`GET /api/cases/:id/ocr`). */
export interface ReadingState {
  hash: string;
  state: 'queued' | 'reading' | 'done' | 'off' | 'failed';
  pages: number | null;
  done: number;
  reason?: string;
}

async function getJson<T>(url: string, lang: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { headers: { 'Accept-Language': lang }, signal });
  const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!res.ok)
    throw new FileApiError(body.error ?? `http.${res.status}`, body.message ?? res.statusText);
  return body as T;
}

export function searchCaseFile(
  caseId: string,
  q: string,
  lang: string,
  signal?: AbortSignal,
): Promise<SearchAnswer> {
  const url = `/api/cases/${encodeURIComponent(caseId)}/search?q=${encodeURIComponent(q.normalize('NFC'))}`;
  return getJson<SearchAnswer>(url, lang, signal);
}

export function readingProgress(
  caseId: string,
  lang: string,
): Promise<{ ocr: boolean; files: ReadingState[] }> {
  return getJson(`/api/cases/${encodeURIComponent(caseId)}/ocr`, lang);
}
