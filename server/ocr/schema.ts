/**
 * The tables of read case-file text, the same in SQLite and PostgreSQL (run by the stores'
 * migrations). `page_texts`: per file (SHA-256) and page, the words with their boxes (JSON), the
 * folded text searched (`foldText`), where the text came from (`text` layer or `ocr`), the old
 * encoding it was converted from and OCR's mean confidence. `ocr_files`: how far each file got.
 */
export const PAGE_TEXT_SCHEMA = `
CREATE TABLE IF NOT EXISTS page_texts (
  hash TEXT NOT NULL, page INTEGER NOT NULL, source TEXT NOT NULL, encoding TEXT,
  confidence REAL, text TEXT NOT NULL, folded TEXT NOT NULL, words TEXT NOT NULL,
  PRIMARY KEY (hash, page));
CREATE TABLE IF NOT EXISTS ocr_files (
  hash TEXT PRIMARY KEY, state TEXT NOT NULL, pages INTEGER, done INTEGER NOT NULL DEFAULT 0,
  reason TEXT, updated_at TEXT NOT NULL);
`;
