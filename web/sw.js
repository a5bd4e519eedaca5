// pgsight's service worker: keeps the app shell so the page works offline after the
// first visit. Cache-first: everything the app needs is fetched once per version,
// at install, and served from the cache after that. The page never sends user input
// anywhere, so there is nothing else to handle.
//
// One exception (issue #9, download size): the full engine's worker (pgsight-worker*,
// the SQL parser) is not in ASSETS, so a visit with plans only never downloads it.
// It is cached when first used (the fetch handler below keeps every same-origin GET),
// so schema and SQL analysis work offline once they have been used online with this
// version; plans always do. The example plans (examples/) and rule doc pages
// (rules/), which the page fetches only when they are shown, are precached like the
// rest, so the Examples menu and #/rules/<id> work offline too.
//
// web/finish-build.sh (a Trunk post_build hook) fills in the build version and the
// list of files, so a new deploy installs a new cache. Paths are relative to this
// file, so the app works from any subpath (GitHub Pages serves it under /<repo>/).

const VERSION = '__PGSIGHT_VERSION__';
const ASSETS = __PGSIGHT_ASSETS__;
const CACHE = `pgsight-${VERSION}`;

// Debug builds (`trunk serve` without --release) cache nothing, so a rebuild shows
// at once.
const DEV = VERSION === 'dev';

const scope = new URL('./', self.location).href;
const shell = new URL('index.html', scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `no-cache`: every file is checked with the server, never taken from a stale
      // HTTP cache, so the cached files are all of one build; a file the page has just
      // loaded costs a 304, not a second download, where the server sends validators
      // (GitHub Pages does).
      await cache.addAll(ASSETS.map((path) => new Request(new URL(path, scope), { cache: 'no-cache' })));
      // Every file the page loads comes from its first load, so switching a running
      // page to the new version is safe.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith('pgsight-') && (DEV || n !== CACHE)).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (DEV || request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(scope)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Any page of the app (the fragment routes never reach here) is the shell.
      if (request.mode === 'navigate') {
        const page = await cache.match(shell);
        if (page) return page;
        return fetch(request);
      }
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      const response = await fetch(request);
      if (response.ok && response.type === 'basic') {
        cache.put(request, response.clone());
      }
      return response;
    })(),
  );
});
