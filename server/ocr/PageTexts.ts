import type Database from 'better-sqlite3';
import type pg from 'pg';
import { PgStore } from '../store/postgres.ts';
import type { SqliteStore } from '../store/sqlite.ts';
import type { Store } from '../store/Store.ts';
import { foldText, pageText, type PageWord } from './textSearch.ts';

/** How far the reading of one file got. */
export type OcrState = 'queued' | 'reading' | 'done' | 'off' | 'failed';

export interface OcrFile {
  hash: string;
  state: OcrState;
  /** Pages in the file, once known. */
  pages: number | null;
  /** Pages read so far. */
  done: number;
  /** Why it failed (`failed`), for the log and the page. */
  reason: string | null;
  updatedAt: string;
}

/** The read text of one page of a file. */
export interface PageText {
  hash: string;
  page: number;
  source: 'text' | 'ocr';
  encoding: 'tcvn3' | 'vni' | null;
  /** OCR's mean confidence (0–100); null for a text layer. */
  confidence: number | null;
  words: PageWord[];
}

/** The two databases behind one set of queries: `?` placeholders, rows as plain objects. */
interface Sql {
  all<T>(sql: string, params: unknown[]): Promise<T[]>;
  run(sql: string, params: unknown[]): Promise<void>;
}

function sqliteSql(db: Database.Database): Sql {
  return {
    all: async <T>(sql: string, params: unknown[]) => db.prepare(sql).all(...params) as T[],
    run: async (sql, params) => void db.prepare(sql).run(...params),
  };
}

function pgSql(pool: pg.Pool): Sql {
  const numbered = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    all: async <T>(sql: string, params: unknown[]) =>
      (await pool.query(numbered(sql), params)).rows as T[],
    run: async (sql, params) => void (await pool.query(numbered(sql), params)),
  };
}

interface FileRow {
  hash: string;
  state: OcrState;
  pages: number | null;
  done: number;
  reason: string | null;
  updated_at: string;
}

interface PageRow {
  hash: string;
  page: number;
  source: 'text' | 'ocr';
  encoding: 'tcvn3' | 'vni' | null;
  confidence: number | null;
  words: string;
}

const toFile = (r: FileRow): OcrFile => ({
  hash: r.hash,
  state: r.state,
  pages: r.pages === null ? null : Number(r.pages),
  done: Number(r.done),
  reason: r.reason,
  updatedAt: r.updated_at,
});

/** `LIKE` text that matches `s` literally. */
const likeLiteral = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The read text of case-file pages, kept per file (SHA-256) and page in the store's database
 * (tables of `PAGE_TEXT_SCHEMA`), so a file in several cases is read once.
 */
export class PageTexts {
  private constructor(private readonly sql: Sql) {}

  /** The page texts kept beside `store`'s other tables. */
  static of(store: Store): PageTexts {
    if (store instanceof PgStore) return new PageTexts(pgSql(store.database));
    return new PageTexts(sqliteSql((store as SqliteStore).database));
  }

  async file(hash: string): Promise<OcrFile | null> {
    const rows = await this.sql.all<FileRow>('SELECT * FROM ocr_files WHERE hash = ?', [hash]);
    return rows[0] ? toFile(rows[0]) : null;
  }

  async files(hashes: readonly string[]): Promise<OcrFile[]> {
    if (hashes.length === 0) return [];
    const marks = hashes.map(() => '?').join(', ');
    const sql = `SELECT * FROM ocr_files WHERE hash IN (${marks})`;
    return (await this.sql.all<FileRow>(sql, [...hashes])).map(toFile);
  }

  async setFile(file: Omit<OcrFile, 'updatedAt'>): Promise<void> {
    await this.sql.run(
      `INSERT INTO ocr_files (hash, state, pages, done, reason, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (hash) DO UPDATE SET state = excluded.state, pages = excluded.pages,
         done = excluded.done, reason = excluded.reason, updated_at = excluded.updated_at`,
      [file.hash, file.state, file.pages, file.done, file.reason, new Date().toISOString()],
    );
  }

  /** Marks a file to be read unless it is known already; true when it was new. */
  async queue(hash: string): Promise<boolean> {
    if (await this.file(hash)) return false;
    await this.sql.run(
      `INSERT INTO ocr_files (hash, state, pages, done, reason, updated_at)
       VALUES (?, 'queued', NULL, 0, NULL, ?) ON CONFLICT (hash) DO NOTHING`,
      [hash, new Date().toISOString()],
    );
    return true;
  }

  async putPage(p: PageText): Promise<void> {
    const text = pageText(p.words);
    await this.sql.run(
      `INSERT INTO page_texts (hash, page, source, encoding, confidence, text, folded, words)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (hash, page) DO UPDATE SET source = excluded.source,
         encoding = excluded.encoding, confidence = excluded.confidence, text = excluded.text,
         folded = excluded.folded, words = excluded.words`,
      [
        p.hash,
        p.page,
        p.source,
        p.encoding,
        p.confidence,
        text,
        foldText(text),
        JSON.stringify(p.words.map((w) => [w.text, w.x, w.y, w.w, w.h, w.eol ? 1 : 0])),
      ],
    );
  }

  /** Pages of `hashes` whose folded text holds every one of `tokens` (folded, see `foldText`). */
  async pagesWith(
    hashes: readonly string[],
    tokens: readonly string[],
    limit: number,
  ): Promise<PageText[]> {
    if (hashes.length === 0 || tokens.length === 0) return [];
    const marks = hashes.map(() => '?').join(', ');
    const likes = tokens.map(() => "folded LIKE ? ESCAPE '\\'").join(' AND ');
    const rows = await this.sql.all<PageRow>(
      `SELECT hash, page, source, encoding, confidence, words FROM page_texts
       WHERE hash IN (${marks}) AND ${likes} ORDER BY hash, page LIMIT ?`,
      [...hashes, ...tokens.map(likeLiteral), limit],
    );
    return rows.map((r) => ({
      hash: r.hash,
      page: Number(r.page),
      source: r.source,
      encoding: r.encoding,
      confidence: r.confidence === null ? null : Number(r.confidence),
      words: (JSON.parse(r.words) as Array<[string, number, number, number, number, number]>).map(
        ([text, x, y, w, h, eol]) => ({ text, x, y, w, h, ...(eol ? { eol: true } : {}) }),
      ),
    }));
  }

  /** The text of every read page of a file, in page order (for exports and the benchmark). */
  async texts(
    hash: string,
  ): Promise<Array<{ page: number; text: string; source: 'text' | 'ocr' }>> {
    const rows = await this.sql.all<{ page: number; text: string; source: 'text' | 'ocr' }>(
      'SELECT page, text, source FROM page_texts WHERE hash = ? ORDER BY page',
      [hash],
    );
    return rows.map((r) => ({ page: Number(r.page), text: r.text, source: r.source }));
  }

  /** Pages of a file already read with OCR (kept when a restart reads it again). */
  async ocrPages(hash: string): Promise<Set<number>> {
    const rows = await this.sql.all<{ page: number }>(
      "SELECT page FROM page_texts WHERE hash = ? AND source = 'ocr'",
      [hash],
    );
    return new Set(rows.map((r) => Number(r.page)));
  }

  /**
   * Files to read at start: those whose reading did not finish, those kept `off` when OCR is now
   * on, and case files stored before there was reading (no row yet).
   */
  async unfinished(ocrOn: boolean): Promise<string[]> {
    const states = ocrOn ? "('queued', 'reading', 'off')" : "('queued', 'reading')";
    const rows = await this.sql.all<{ hash: string }>(
      `SELECT hash FROM ocr_files WHERE state IN ${states}
       UNION SELECT DISTINCT hash FROM case_files WHERE hash NOT IN (SELECT hash FROM ocr_files)`,
      [],
    );
    return rows.map((r) => r.hash);
  }
}
