import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Writes the service worker (src/sw.js) to /sw.js with the build's id in its cache name: a hash
 * of every file the build emits (their names carry content hashes), so a new build has a new
 * cache and the worker deletes the old ones when it takes over, while an identical build keeps its
 * cache.
 */

export const BUILD_PLACEHOLDER = '__CASEBOARD_BUILD__';

/** The id of a build: 12 hex digits of a hash of its emitted files' names. */
export function buildIdOf(fileNames: Iterable<string>): string {
  return createHash('sha256')
    .update([...fileNames].sort().join('\n'))
    .digest('hex')
    .slice(0, 12);
}

/** The service worker of build `buildId`. */
export function renderServiceWorker(template: string, buildId: string): string {
  if (!/^[0-9a-z-]+$/.test(buildId)) throw new Error(`Not a build id: ${buildId}`);
  if (!template.includes(BUILD_PLACEHOLDER)) throw new Error('The service worker has no build id');
  return template.replaceAll(BUILD_PLACEHOLDER, buildId);
}

/** The Vite plugin: emits sw.js next to index.html. */
export function serviceWorker(source = resolve('src/sw.js')): Plugin {
  return {
    name: 'caseboard-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const template = readFileSync(source, 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: renderServiceWorker(template, buildIdOf(Object.keys(bundle))),
      });
    },
  };
}
