import react from '@vitejs/plugin-react';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { serviceWorker } from './scripts/serviceWorker.ts';

const PDFJS_DATA = ['standard_fonts', 'cmaps', 'wasm'];

/**
 * Serves and ships pdf.js's data (the standard PDF fonts, character maps and image decoders) under
 * /pdfjs/, so PDFs render fully with nothing fetched from another host.
 */
function pdfjsData(): Plugin {
  const root = resolve('node_modules/pdfjs-dist');
  return {
    name: 'caseboard-pdfjs-data',
    configureServer(server) {
      server.middlewares.use('/pdfjs/', (req, res, next) => {
        const [dir, file] = (req.url ?? '').replace(/^\//, '').split('/');
        if (!dir || !file || !PDFJS_DATA.includes(dir) || file.includes('..')) return next();
        try {
          res.end(readFileSync(join(root, dir, decodeURIComponent(file))));
        } catch {
          next();
        }
      });
    },
    generateBundle() {
      for (const dir of PDFJS_DATA) {
        for (const file of readdirSync(join(root, dir))) {
          this.emitFile({
            type: 'asset',
            fileName: `pdfjs/${dir}/${file}`,
            source: readFileSync(join(root, dir, file)),
          });
        }
      }
    },
  };
}

/**
 * Lists the lazily loaded chunks (boards, case page, panels) and the fonts (web fonts, and the
 * TrueType files exports embed) in /shell.json, so that the service worker keeps them with the page:
 * a case opens offline with any board kind and exports offline. pdf.js stays on demand, as before.
 */
/** pdf.js and its worker (`assets/pdf-<hash>.js`, `assets/pdf.worker.min-<hash>.mjs`), not pdfFile-… */
const PDFJS_CHUNK = /^assets\/pdf(\.worker[^/]*)?-[\w-]+\.m?js$/;

function shellList(): Plugin {
  return {
    name: 'caseboard-shell-list',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => /^assets\/.*\.(js|mjs|css|woff2|ttf)$/.test(f) && !PDFJS_CHUNK.test(f))
        .map((f) => `/${f}`)
        .sort();
      this.emitFile({ type: 'asset', fileName: 'shell.json', source: JSON.stringify(files) });
    },
  };
}

export default defineConfig({
  plugins: [react(), pdfjsData(), serviceWorker(), shellList()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    // bench/bundle.ts walks each route's import graph in it (docs/performance.md).
    manifest: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/yjs': { target: 'ws://localhost:8080', ws: true },
    },
  },
});
