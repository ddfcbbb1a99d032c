/**
 * Issue 21: `npm run export` for scripts. A case written into a temporary SQLite store, exported by
 * the command (tsx, the same configuration as the server: DATA_DIR), the files read back with
 * pdftotext/pdfinfo and rsvg-convert; unknown cases and boards refused with a clear message.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBoard, addSlide, addTopic, migrateCaseDoc, setCaseMeta } from '../../src/core/index.ts';
import { SqliteStore } from '../../server/store/sqlite.ts';

function installed(program: string, versionFlag = '-v'): boolean {
  try {
    execFileSync(program, [versionFlag], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const hasPoppler = installed('pdftotext');
const hasRsvg = installed('rsvg-convert', '--version');

const LABELS = ['Hiện trường vụ cháy', 'Trần Thị Lan', 'Biên bản khám nghiệm'];
let dir: string;
let boardId: string;

function exportCommand(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/export.ts', ...args], {
    env: { ...process.env, DATA_DIR: dir },
    encoding: 'utf8',
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caseboard-export-cli-'));
  const store = new SqliteStore(dir);
  await store.createUser({
    id: 'u1',
    username: 'ksv.lan',
    displayName: 'Trần Thị Lan',
    passwordHash: 'h',
    admin: false,
  });
  const doc = new Y.Doc();
  migrateCaseDoc(doc, 'test');
  setCaseMeta(doc, { title: 'Vụ cháy kho hàng', caseNumber: '12/2026/HS' }, 'test');
  boardId = addBoard(doc, { kind: 'mindmap', title: 'Sơ đồ vụ cháy' }, 'test');
  const root = addTopic(doc, { boardId, parent: null, label: LABELS[0]! }, 'test');
  addTopic(doc, { boardId, parent: root, label: LABELS[1]! }, 'test');
  addTopic(doc, { boardId, parent: root, label: LABELS[2]! }, 'test');
  addSlide(doc, { kind: 'title', title: 'Báo cáo án' }, 'test');
  addSlide(doc, { kind: 'frame', boardId, frame: { x: 0, y: 0, w: 1600, h: 900 } }, 'test');
  const now = new Date().toISOString();
  await store.createCase(
    {
      id: 'c1',
      title: 'Vụ cháy kho hàng',
      caseNumber: '12/2026/HS',
      offences: [],
      classification: 'none',
      archived: false,
      createdAt: now,
      updatedAt: now,
    },
    'u1',
    Y.encodeStateAsUpdate(doc),
  );
  await store.close();
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('writes a board PDF with the labels as text and the font embedded', () => {
  const out = join(dir, 'so-do.pdf');
  const res = exportCommand([
    '--case',
    'c1',
    '--board',
    boardId,
    '--format',
    'pdf',
    '--paper',
    'A3',
    '--orientation',
    'landscape',
    '--lang',
    'en',
    '--out',
    out,
  ]);
  expect(res.stderr).toBe('');
  expect(res.status).toBe(0);
  expect(res.stdout).toContain('Sơ đồ vụ cháy');
  expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  if (!hasPoppler) return console.warn('poppler-utils not installed: PDF text not checked');
  const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).normalize('NFC');
  for (const label of LABELS) expect(text.replace(/\s+/g, ' ')).toContain(label);
  expect(execFileSync('pdffonts', [out], { encoding: 'utf8' })).toMatch(/BeVietnamPro/);
});

it('writes a board SVG that rsvg-convert draws, and the deck as PDF', () => {
  const svg = join(dir, 'so-do.svg');
  const res = exportCommand(['--case', 'c1', '--board', boardId, '--format', 'svg', '--out', svg]);
  expect(res.status, res.stderr).toBe(0);
  const text = readFileSync(svg, 'utf8');
  expect(text).toMatch(/^(<\?xml[^>]*>\s*)?<svg/);
  for (const label of LABELS) expect(text.normalize('NFC')).toContain(label);
  if (hasRsvg) execFileSync('rsvg-convert', ['-o', join(dir, 'so-do.png'), svg]);

  const deck = join(dir, 'deck.pdf');
  const made = exportCommand(['--case', 'c1', '--deck', '--out', deck]);
  expect(made.status, made.stderr).toBe(0);
  if (!hasPoppler) return;
  expect(execFileSync('pdfinfo', [deck], { encoding: 'utf8' })).toMatch(/Pages:\s+2\n/);
});

it('records each export in the audit trail as "cli"', async () => {
  const store = new SqliteStore(dir);
  try {
    const events = await store.queryAudit({ caseIds: ['c1'], action: 'export', limit: 100 });
    expect(events.map((e) => [e.actor, e.detail?.what, e.detail?.format])).toEqual([
      ['cli', 'board', 'pdf'],
      ['cli', 'board', 'svg'],
      ['cli', 'deck', 'pdf'],
    ]);
  } finally {
    await store.close();
  }
});

it('says clearly what is wrong with an unknown case, an unknown board or a bad option', () => {
  const out = join(dir, 'never.pdf');
  const noCase = exportCommand(['--case', 'c9', '--board', boardId, '--out', out]);
  expect(noCase.status).toBe(1);
  expect(noCase.stderr).toContain('No case c9.');
  const noBoard = exportCommand(['--case', 'c1', '--board', 'b9', '--out', out]);
  expect(noBoard.status).toBe(1);
  expect(noBoard.stderr).toContain('No board b9 in case c1.');
  // The message lists the boards there are, so the person can pick one.
  expect(noBoard.stderr).toContain(boardId);
  const badPaper = exportCommand([
    '--case',
    'c1',
    '--board',
    boardId,
    '--paper',
    'A5',
    '--out',
    out,
  ]);
  expect(badPaper.status).toBe(2);
  expect(badPaper.stderr).toContain('--paper must be one of A4, A3, not "A5".');
  const neither = exportCommand(['--case', 'c1', '--out', out]);
  expect(neither.status).toBe(2);
  expect(neither.stderr).toContain('Usage:');
  expect(existsSync(out)).toBe(false);
});
