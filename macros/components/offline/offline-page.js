// The offline page: list the pages this device keeps (in the service worker's cache), in each
// language, with their titles. The page's own language (from the address) goes first.
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
      pages.set(url.href, { url, title: title.trim() || url.pathname });
    }
  }
  return [...pages.values()];
}

async function show() {
  const here = langOf(location);
  document.documentElement.lang = here;
  if (here === "cy") main.prepend(main.querySelector("[data-lang='cy']"));
  if (!("caches" in window)) return;
  const pages = await keptPages();
  for (const lang of ["en", "cy"]) {
    const list = main.querySelector(`[data-list='${lang}']`);
    const mine = pages.filter((p) => langOf(p.url) === lang).sort((a, b) => a.url.pathname.localeCompare(b.url.pathname));
    if (!mine.length) continue;
    list.replaceChildren(...mine.map((p) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = p.url.href;
      a.textContent = p.title;
      li.append(a);
      return li;
    }));
  }
  // A language with nothing kept lists nothing (its home page would only bring this page back):
  // it says so, and points to the other language's list when that has pages.
  for (const section of main.querySelectorAll("section")) {
    const lang = section.dataset.lang;
    const none = !pages.some((p) => langOf(p.url) === lang);
    const others = pages.some((p) => langOf(p.url) !== lang);
    section.querySelector("[data-none]").hidden = !none;
    section.querySelector("[data-other]").hidden = !(none && others);
    section.querySelector(`[data-list='${lang}']`).hidden = none;
    section.querySelector(`#offline-available-${lang}`).hidden = none;
  }
}

show();
