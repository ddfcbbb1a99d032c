import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildIdOf, renderServiceWorker } from '../../scripts/serviceWorker.ts';

const TEMPLATE = readFileSync('src/sw.js', 'utf8');
const PAGE = '<script type="module" src="/assets/index-abc.js"></script>';

/** The browser's caches, shared by every worker of the origin. */
function cacheStorage() {
  const stores = new Map<string, Map<string, string>>();
  const open = async (name: string) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const store = stores.get(name)!;
    return {
      put: async (key: string, response: { body: string }) => void store.set(key, response.body),
      addAll: async (keys: string[]) => {
        for (const key of keys) store.set(key, `asset ${key}`);
      },
    };
  };
  return {
    stores,
    api: {
      open,
      keys: async () => [...stores.keys()],
      delete: async (name: string) => stores.delete(name),
      match: async () => undefined,
    },
  };
}

/** Runs one build's worker through install and activate, as the browser does on an update. */
async function installAndActivate(buildId: string, caches: ReturnType<typeof cacheStorage>) {
  const listeners = new Map<string, (event: unknown) => void>();
  const self = {
    addEventListener: (type: string, fn: (event: unknown) => void) => listeners.set(type, fn),
    skipWaiting: async () => undefined,
    clients: { claim: async () => undefined },
    location: { origin: 'https://caseboard.test' },
  };
  const response = (body: string) => ({
    ok: true,
    body,
    clone: () => response(body),
    text: async () => body,
  });
  runInNewContext(renderServiceWorker(TEMPLATE, buildId), {
    self,
    caches: caches.api,
    fetch: async (url: string) => response(url === '/' ? PAGE : ''),
    URL,
    Response,
  });
  for (const type of ['install', 'activate']) {
    let done: Promise<unknown> = Promise.resolve();
    listeners.get(type)!({ waitUntil: (p: Promise<unknown>) => (done = p) });
    await done;
  }
}

describe('service worker', () => {
  it('names its cache after the build, and a new build deletes the old caches on activate', async () => {
    const caches = cacheStorage();
    caches.stores.set('caseboard-shell-v1', new Map([['/', 'an old page']]));
    const first = buildIdOf(['index.html', 'assets/index-abc.js']);
    await installAndActivate(first, caches);
    expect([...caches.stores.keys()]).toEqual([`caseboard-shell-${first}`]);
    expect([...caches.stores.get(`caseboard-shell-${first}`)!.keys()].sort()).toEqual([
      '/',
      '/assets/index-abc.js',
    ]);

    const second = buildIdOf(['index.html', 'assets/index-def.js']);
    expect(second).not.toBe(first);
    await installAndActivate(second, caches);
    expect([...caches.stores.keys()]).toEqual([`caseboard-shell-${second}`]);
  });

  it('gives the same build the same id, whatever order its files come in', () => {
    expect(buildIdOf(['b.js', 'a.js'])).toBe(buildIdOf(['a.js', 'b.js']));
    expect(renderServiceWorker(TEMPLATE, 'abc123')).toContain("'caseboard-shell-abc123'");
    expect(() => renderServiceWorker(TEMPLATE, "x'; evil()")).toThrow();
  });
});
