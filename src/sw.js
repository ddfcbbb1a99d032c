/* CaseBoard service worker: keeps the app shell so the page opens offline. The case documents
   themselves are kept by y-indexeddb; API answers are never cached here.

   A template: the build writes it to /sw.js with its own id in place of __CASEBOARD_BUILD__
   (scripts/serviceWorker.ts), so each build keeps its shell in a cache of its own and the new
   worker, once active, deletes the caches of the builds before it. */
const CACHE = 'caseboard-shell-__CASEBOARD_BUILD__';

/** The page and every asset it names (scripts, styles, and the fonts the styles name). */
async function precacheShell() {
  const cache = await caches.open(CACHE);
  const page = await fetch('/', { cache: 'no-store' });
  if (!page.ok) return;
  const html = await page.clone().text();
  await cache.put('/', page);
  const assets = new Set(html.match(/\/assets\/[^"')\s]+/g) || []);
  // The chunks loaded on demand (each board kind, the case page): listed by the build.
  const lazy = await fetch('/shell.json', { cache: 'no-store' })
    .then((response) => (response.ok ? response.json() : []))
    .catch(() => []);
  for (const file of Array.isArray(lazy) ? lazy : []) assets.add(file);
  for (const css of [...assets].filter((a) => a.endsWith('.css'))) {
    const text = await (await fetch(css)).text();
    for (const font of text.match(/\/assets\/[^"')\s]+/g) || []) assets.add(font);
  }
  await cache.addAll([...assets]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/yjs/')) return;

  if (request.mode === 'navigate') {
    // Network first, so a new version arrives at once; the cached page when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put('/', copy));
          }
          return response;
        })
        .catch(() => caches.match('/').then((cached) => cached || Response.error())),
    );
    return;
  }

  // Built assets and fonts have content hashes in their names: cache first, fill on first use.
  event.respondWith(
    caches.match(request).then(
      (cached) =>
        cached ||
        fetch(request).then((response) => {
          if (
            response.ok &&
            (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/pdfjs/'))
          ) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
