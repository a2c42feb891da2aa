// Kioku's service worker: the review page and the files it runs on, offline.
//
// Kept: the app's built files (/_next/static/, named by their content, so never stale)
// and the last review pages served to the signed-in person, for when the connection is
// gone. Never kept: any API answer, any other page, anything from another site. The
// review pages are dropped when a page is served signed out (after signing out).
const pages = "kioku-pages-v1";
const assets = "kioku-assets-v1";
const reviewPage = /^\/(review|decks\/[a-z0-9-]{1,64}\/review)$/;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== pages && key !== assets) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "signed-out") event.waitUntil(caches.delete(pages));
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/_next/static/")) event.respondWith(fromCacheFirst(request));
  else if (request.mode === "navigate" && reviewPage.test(url.pathname)) event.respondWith(fromNetworkFirst(request));
});

async function fromCacheFirst(request) {
  const cache = await caches.open(assets);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await cache.put(request, response.clone());
  return response;
}

async function fromNetworkFirst(request) {
  const cache = await caches.open(pages);
  try {
    const response = await fetch(request);
    // A review page served to a signed-in person; a redirect (to sign in) is not kept.
    if (response.ok && response.type === "basic" && !response.redirected) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw error;
  }
}
