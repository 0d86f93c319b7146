/* Service worker of the Effective Child Protection portal: offline use.
   Built by macros/build/service-worker.mjs: workbox-build injects the list of the site's files
   (FILES below), and the build names this version's cache.

   - Only this site's own files (same origin, inside the scope), only GET. Nothing is sent
     anywhere, and localStorage (the reader's saved work) is never touched: a service worker
     cannot even see it.
   - Without the reader asking, only what they open is kept (and the small offline page).
   - "Keep this site" downloads one language, or both, with the shared assets.
   - One cache per build. Everything stored is checked against this build's SHA-256, so a
     cache never mixes two versions. A new build installs beside the old one, copying the
     files that did not change and fetching the rest, and waits: the page offers a reload,
     and only the reader's click makes it take over (skipWaiting). Offline, the old one stays. */
const FILES = self.__WB_MANIFEST;
const VERSION = "__ECP_VERSION__";
const PREFIX = "ecp-offline-v-";
const CACHE = PREFIX + VERSION;
const SETTINGS = "ecp-offline-settings";
const SETTINGS_KEY = "settings.json";
const SCOPE = self.registration.scope;
const OFFLINE_PAGE = new URL("offline.html", SCOPE).href;
// Welsh addresses get the Welsh-first offline page.
const offlinePage = (url) => (url.startsWith(new URL("cy/", SCOPE).href) ? new URL("cy/offline.html", SCOPE).href : OFFLINE_PAGE);
const LANGS = ["en", "cy"];
const byUrl = new Map(FILES.map((f) => [new URL(f.url, SCOPE).href, f]));
const foreign = new Set(); // pages served from a newer build on the server: no cache for them
let busy = null;
let forgotten = false; // "delete my data": keep nothing more

const keyOf = (url) => {
  const u = new URL(url);
  u.search = "";
  u.hash = "";
  return u.href.replace(/\/index\.html$/, "/");
};

async function digest(body) {
  const bytes = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  return Array.from(bytes.slice(0, 4), (b) => b.toString(16).padStart(2, "0")).join("");
}

function stored(body, type, revision) {
  return new Response(body, { status: 200, headers: { "content-type": type || "application/octet-stream", "x-ecp-revision": revision } });
}

async function readSettings() {
  const res = await (await caches.open(SETTINGS)).match(SETTINGS_KEY);
  return res ? res.json() : { langs: [] };
}

async function writeSettings(settings) {
  await (await caches.open(SETTINGS)).put(SETTINGS_KEY, new Response(JSON.stringify(settings), { headers: { "content-type": "application/json" } }));
}

const filesFor = (langs) => FILES.filter((f) => f.group === "core" || (langs.length && (f.group === "shared" || langs.includes(f.group))));
const sizeOf = (files) => files.reduce((n, f) => n + f.bytes, 0);

class Changed extends Error {}

// Put one file of this build in the cache: copied from an older cache when unchanged, else
// fetched and checked.
async function fill(cache, file) {
  const url = new URL(file.url, SCOPE).href;
  if (await cache.match(url)) return;
  const old = await caches.match(url);
  if (old && old.headers.get("x-ecp-revision") === file.revision) {
    await cache.put(url, old);
    return;
  }
  const res = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
  if (!res.ok) throw new Changed(`${url}: ${res.status}`);
  const body = await res.arrayBuffer();
  if ((await digest(body)) !== file.revision) throw new Changed(url);
  await cache.put(url, stored(body, res.headers.get("content-type"), file.revision));
}

async function fillAll(files, onEach) {
  const cache = await caches.open(CACHE);
  const queue = files.slice();
  const worker = async () => {
    while (queue.length) {
      const file = queue.shift();
      await fill(cache, file);
      if (onEach) onEach(file);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

async function oldCaches() {
  return (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
}

// What an older version held (pages the reader opened), as this build's files.
async function carried() {
  const out = new Map();
  for (const name of await oldCaches()) {
    for (const req of await (await caches.open(name)).keys()) {
      const file = byUrl.get(req.url);
      if (file) out.set(req.url, file);
    }
  }
  return [...out.values()];
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const { langs } = await readSettings();
    const files = new Set([...filesFor(langs), ...(await carried())]);
    await fillAll([...files]);
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await oldCaches()) await caches.delete(name);
    // The offline page must be there even if "Remove it" emptied the caches meanwhile.
    await fillAll(filesFor([])).catch(() => {});
    await self.clients.claim();
  })());
});

async function broadcast(message) {
  for (const client of await self.clients.matchAll({ includeUncontrolled: true, type: "window" })) client.postMessage(message);
}

async function status() {
  const { langs } = await readSettings();
  const sizes = { en: sizeOf(filesFor(["en"])), cy: sizeOf(filesFor(["cy"])), both: sizeOf(filesFor(LANGS)) };
  return { type: "status", version: VERSION, langs, sizes, busy };
}

async function keep(langs) {
  if (busy) return;
  const files = filesFor(langs);
  busy = { langs, done: 0, total: sizeOf(files), files: files.length };
  await broadcast({ type: "progress", ...busy });
  let last = 0;
  try {
    await fillAll(files, (file) => {
      busy.done += file.bytes;
      const now = Date.now();
      if (now - last > 150) {
        last = now;
        broadcast({ type: "progress", ...busy });
      }
    });
    // A language no longer wanted goes (pages opened in it go too).
    const cache = await caches.open(CACHE);
    for (const lang of LANGS.filter((l) => !langs.includes(l))) {
      for (const file of FILES.filter((f) => f.group === lang)) await cache.delete(new URL(file.url, SCOPE).href);
    }
    await writeSettings({ langs });
    busy = null;
    await broadcast({ type: "kept", langs });
  } catch (error) {
    busy = null;
    const reason = error instanceof Changed ? "changed" : error && error.name === "QuotaExceededError" ? "space" : "network";
    await broadcast({ type: "failed", reason });
  }
}

async function remove() {
  await writeSettings({ langs: [] });
  for (const name of (await caches.keys()).filter((n) => n.startsWith(PREFIX))) await caches.delete(name);
  await fillAll(filesFor([]));
  await broadcast({ type: "removed" });
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "status") event.waitUntil(status().then((s) => event.source && event.source.postMessage(s)));
  else if (data.type === "keep" && Array.isArray(data.langs)) event.waitUntil(keep(data.langs.filter((l) => LANGS.includes(l))));
  else if (data.type === "remove") event.waitUntil(remove());
  else if (data.type === "skip-waiting") self.skipWaiting();
  else if (data.type === "forget") forgotten = true;
  else if (data.type === "visited" && Array.isArray(data.urls)) {
    // The first page, loaded before this worker was in charge: keep it and what it used.
    const files = data.urls.map((u) => byUrl.get(keyOf(u))).filter(Boolean);
    event.waitUntil(fillAll(files).catch(() => {}));
  }
});

async function respond(event) {
  const request = event.request;
  const key = keyOf(request.url);
  const file = byUrl.get(key);
  const cache = await caches.open(CACHE);
  if (!foreign.has(event.clientId)) {
    const hit = await cache.match(key);
    if (hit) return hit;
  }
  let res;
  try {
    res = await fetch(request);
  } catch (error) {
    if (request.mode === "navigate") {
      return (await cache.match(offlinePage(request.url))) || (await cache.match(OFFLINE_PAGE)) || Response.error();
    }
    return (await cache.match(key)) || Response.error();
  }
  if (forgotten || !file || !res.ok || res.type !== "basic" || res.redirected || foreign.has(event.clientId)) return res;
  // Keep it only if it is this build's file. If not, the server has a newer build: serve it,
  // let that page load the rest from the server too, and look for the new worker.
  const type = res.headers.get("content-type");
  const body = await res.arrayBuffer();
  if ((await digest(body)) === file.revision) {
    event.waitUntil(cache.put(key, stored(body.slice(0), type, file.revision)));
  } else {
    if (request.mode === "navigate" && event.resultingClientId) foreign.add(event.resultingClientId);
    event.waitUntil(self.registration.update().catch(() => {}));
  }
  const headers = new Headers(res.headers);
  headers.delete("content-encoding");
  headers.delete("content-length");
  return new Response(body, { status: res.status, statusText: res.statusText, headers });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE) || request.headers.has("range")) return;
  event.respondWith(respond(event));
});
