// Offline support. Network first, so a rebuilt Lede is picked up at once; the cache answers when
// the network (or the local server) is gone or does not answer within a few seconds. Only
// same-origin GETs are handled.
//
// The cache holds exactly one build: its name carries the build id (substituted at build time by
// cmake/stamp_sw.cmake, a hash of the shipped files), it is filled in one step at install (addAll
// stores all files or none), and the previous build's cache is deleted only when the new worker
// activates. So an interrupted update leaves the old build whole, and lede.js and lede.wasm
// always come from the same build. Responses fetched later are not written into it: the cache
// stays bounded at the shell's files, whatever query strings are requested.
'use strict';
const BUILD = '__LEDE_BUILD_ID__';
const CACHE = 'lede-' + BUILD;
const SHELL = ['./', 'index.html', 'start.js', 'boot.js', 'style.css', 'lede.js', 'lede.wasm', 'icon.svg', 'manifest.webmanifest'];
const NETWORK_TIMEOUT_MS = 4000;  // until the response headers arrive; the body may take longer
// After a failure or a timeout the network is left alone for a while: the page's other files
// then come from the cache at once instead of each waiting out its own timeout.
const NETWORK_BACKOFF_MS = 30000;
let networkDownUntil = 0;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // 'reload' bypasses the HTTP cache, so the set is this build's and not a stale mix.
    await cache.addAll(SHELL.map((u) => new Request(u, { cache: 'reload' })));
    await self.skipWaiting();
  })().catch(async (err) => {
    await caches.delete(CACHE);  // a half-filled cache is never used
    throw err;
  }));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

// fetch(), abandoned when no response has started within the timeout.
async function fetchWithTimeout(req) {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), NETWORK_TIMEOUT_MS);
  try {
    return await fetch(req, { signal: ctrl.signal });
  } finally {
    clearTimeout(timer);
  }
}

async function fromCache(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req, { ignoreSearch: true });
  if (hit) return hit;
  if (req.mode === 'navigate') return (await cache.match('index.html')) || Response.error();
  return Response.error();
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    if (Date.now() < networkDownUntil) {
      const cached = await fromCache(req);
      if (cached.ok) return cached;
    }
    try {
      const res = await fetchWithTimeout(req);
      networkDownUntil = 0;
      // A server error page is no better than the cached build.
      if (res.status >= 500) {
        const cached = await fromCache(req);
        return cached.ok ? cached : res;
      }
      return res;
    } catch (err) {
      networkDownUntil = Date.now() + NETWORK_BACKOFF_MS;
      return fromCache(req);
    }
  })());
});
