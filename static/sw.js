// MarketPlan's service worker: after the first visit the app opens and
// works with no network (a classroom on bad wifi). The build stamps VERSION
// and ASSETS (scripts/stamp-sw.sh, a Trunk post-build hook), so every
// release is a new worker: it caches the new files beside the old ones and
// waits; the page offers "a new version is available — reload", saves, and
// only then lets it take over. Every URL is relative to the worker's scope,
// so the app works from any sub-path.
"use strict";
const VERSION = "__VERSION__";
const ASSETS = "__ASSETS__";
const CACHE = `marketplan-${VERSION}`;
const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener("install", (event) => {
  // The shell and the lazily loaded modules, so exports work offline too.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS.map(scoped))));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("marketplan-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  // Pages (any path under the scope, any hash) are the one index.html.
  const key = request.mode === "navigate" ? scoped("./") : request;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(key, { ignoreSearch: request.mode === "navigate" }).then((hit) => hit || fetch(request)),
    ),
  );
});
