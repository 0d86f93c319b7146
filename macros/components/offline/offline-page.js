// The offline page: list the pages this device keeps (in the service worker's cache), with their
// titles. The build writes one page per language with that language first (/offline.html,
// /cy/offline.html); each section lists the kept pages in its language. When none are kept in
// that language it says so and lists the other language's kept pages instead, never a dead link.
const main = document.querySelector(".ecp-offline-page");
const base = new URL(main.dataset.base, location.href);
const PREFIX = "ecp-offline-v-";

function langOf(url) {
  return url.pathname.startsWith(base.pathname + "cy/") ? "cy" : "en";
}

async function keptPages() {
  const pages = new Map();
  for (const name of (await caches.keys()).filter((n) => n.startsWith(PREFIX))) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const url = new URL(request.url);
      if (!url.pathname.endsWith("/") || pages.has(url.href)) continue;
      const text = await (await cache.match(request)).text();
      const match = text.match(/<title>([^<]*)<\/title>/);
      const title = new DOMParser().parseFromString(match ? match[1] : url.pathname, "text/html").body.textContent;
      pages.set(url.href, { url, title: title.trim() || url.pathname, lang: langOf(url) });
    }
  }
  return [...pages.values()].sort((a, b) => a.url.pathname.localeCompare(b.url.pathname));
}

function link(page, sectionLang) {
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.href = page.url.href;
  a.textContent = page.title;
  if (page.lang !== sectionLang) {
    a.lang = page.lang;
    a.hreflang = page.lang;
  }
  li.append(a);
  return li;
}

async function show() {
  if (!("caches" in window)) return;
  const pages = await keptPages();
  for (const section of main.querySelectorAll("section[data-lang]")) {
    const lang = section.dataset.lang;
    const mine = pages.filter((p) => p.lang === lang);
    const shown = mine.length ? mine : pages;
    section.querySelector(`[data-list='${lang}']`).replaceChildren(...shown.map((p) => link(p, lang)));
    section.querySelector("[data-none]").hidden = pages.length > 0;
    section.querySelector("[data-none-here]").hidden = !(pages.length && !mine.length);
  }
}

show();
