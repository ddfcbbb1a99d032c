import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What the page makes a browser download: the files index.html names (script and styles), and the
 * chunks loaded later on demand (pdf.js when a PDF is first opened). Sizes gzipped, as served.
 */
export function benchBundle(): string[] {
  const html = readFileSync('dist/index.html', 'utf8');
  const first = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1]!,
  );
  const gz = (path: string) => gzipSync(readFileSync(join('dist', path))).length;
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  const initial = first.reduce((sum, path) => sum + gz(path), 0);
  const lazy = readdirSync('dist/assets')
    .filter((f) => /\.(js|mjs)$/.test(f) && !first.includes(`/assets/${f}`))
    .map((f) => ({ f, size: gz(`assets/${f}`), raw: statSync(join('dist/assets', f)).size }));
  const pdf = lazy.filter((c) => c.f.startsWith('pdf')).reduce((sum, c) => sum + c.size, 0);
  return [
    `| first load: ${first.length} files (script and styles), gzipped | ${kib(initial)} |`,
    `| opening a case (no further code: boards, register and viewer are in the first load) | ${kib(initial)} |`,
    `| opening the first PDF (pdf.js and its worker, loaded on demand) | +${kib(pdf)} |`,
  ];
}
