import { spawn } from 'node:child_process';

/**
 * A PNG of an SVG drawn by Debian's `rsvg-convert` (librsvg2-bin), for the PNG fallback that a
 * DOCX figure must carry beside its SVG (src/export/report/docx.ts): programs that cannot read SVG
 * in a document, LibreOffice 7.4 among them, draw the fallback. Runs as a child process from the
 * export worker, so neither the server's event loop nor its memory carries it. Resolves null when
 * the program is missing or fails, or after `timeoutMs`: the report is still written, with a blank
 * fallback.
 * @example const png = await rsvgPng(svg, 1240, 800)
 */
export function rsvgPng(
  svg: string,
  width: number,
  height: number,
  timeoutMs = 20_000,
): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(
        'rsvg-convert',
        [
          '--format=png',
          `--width=${Math.round(width)}`,
          `--height=${Math.round(height)}`,
          '--background-color=white',
        ],
        { stdio: ['pipe', 'pipe', 'ignore'] },
      );
    } catch {
      return resolve(null);
    }
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const png = Buffer.concat(chunks);
      resolve(code === 0 && png.length > 8 ? new Uint8Array(png) : null);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(svg);
  });
}
