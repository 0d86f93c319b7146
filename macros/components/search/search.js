// Search, loaded by loader.js when the reader first opens search. Pagefind picks the index of
// the page's <html lang>, so a Welsh page searches Welsh pages only and an English page English
// pages only. Welsh query words are expanded with normalise.js to every form on the site that
// shares a radical (blant -> plant, mhlant, phlant); results that match the words as typed come
// first, with their accents (tân before tan).
import { fill } from "../common/fill.js";
import { count as welshCount } from "../common/welsh.js";
import { strings as stringsOf, stylesheet } from "../common/start.js";
import { expand, fold, words } from "./normalise.js";

const SITE = new URL("../../../", import.meta.url); // the site root, wherever it is served
const PAGE = 10; // results shown at a time
const MAX_FORMS = 6; // per word
const MAX_QUERIES = 12; // Pagefind searches per query

let engine = null;
let engineReady = false;

function load(lang) {
  engine ||= (async () => {
    const pagefind = await import(new URL("pagefind/pagefind.js", SITE).href);
    await pagefind.options({ baseUrl: SITE.pathname, excerptLength: 24 });
    await pagefind.init();
    // An empty search fetches nothing but readies Pagefind's search code, which otherwise costs
    // the first query about 150 ms on a slow phone.
    await pagefind.search(null);
    let forms = {};
    if (lang === "cy") {
      const res = await fetch(new URL("pagefind/forms.cy.json", SITE));
      if (res.ok) forms = await res.json();
    }
    engineReady = true;
    return { pagefind, forms };
  })();
  engine.catch(() => { engine = null; });
  return engine;
}

// Every combination of the words' forms, best first: [query string, how many words as typed].
function queries(terms, lang, forms) {
  let combos = [[[], 0]];
  for (const term of terms) {
    const options = expand(term, lang, forms).slice(0, MAX_FORMS);
    const next = [];
    for (const [parts, exact] of combos) {
      options.forEach((form, i) => next.push([[...parts, form], exact + (i === 0 ? 1 : 0)]));
    }
    combos = next.sort((a, b) => b[1] - a[1]).slice(0, MAX_QUERIES);
  }
  return combos.map(([parts, exact]) => [parts.join(" "), exact]);
}

/** Start Pagefind (its script, wasm and this language's index list) before the first query. */
export function ready(lang) {
  return load(lang).then(() => true);
}

export async function find(text, lang) {
  const terms = words(text);
  if (!terms.length) return [];
  const { pagefind, forms } = await load(lang);
  const runs = lang === "cy" ? queries(terms, lang, forms) : [[text, terms.length]];
  const found = new Map();
  // One after another: searches started together before the index's chunks have loaded can
  // come back incomplete, and then a page's rank would depend on which form was typed.
  const all = [];
  for (const [q, exact] of runs) all.push([await pagefind.search(q), exact]);
  for (const [search, exact] of all) {
    for (const r of search?.results || []) {
      const seen = found.get(r.id);
      if (!seen || r.score > seen.result.score || (r.score === seen.result.score && exact > seen.exact)) {
        found.set(r.id, { result: r, exact, accents: 0 });
      }
    }
  }
  return [...found.values()].sort(rank);
}

// A Welsh word's mutated forms are the same word ("raddfa" is "graddfa" after "y"), so how well a
// page matches decides, whichever form it uses. Accents do tell words apart ("tân" fire, "tan"
// until): among what is shown, a page that has the typed letters only with other accents goes
// after one that has them as typed. Equal pages keep one order, whichever form was typed.
function rank(a, b) {
  return a.accents - b.accents || b.result.score - a.result.score || (a.result.id < b.result.id ? -1 : a.result.id > b.result.id ? 1 : 0);
}

// How many of the words the page has only with other accents (the same letters, never as typed).
function accentMatches(terms, content) {
  const have = new Set(words(content.toLowerCase()));
  const folded = new Set([...have].map(fold));
  return terms.filter((t) => {
    const word = t.toLowerCase();
    return !have.has(word) && folded.has(fold(word));
  }).length;
}

// Pagefind's excerpts are text with <mark> around the matches: keep just that, as DOM nodes.
function excerptNodes(html) {
  const tpl = document.createElement("template");
  tpl.innerHTML = html;
  const out = [];
  for (const node of tpl.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.push(mark);
    } else {
      out.push(document.createTextNode(node.textContent));
    }
  }
  return out;
}

function item(data) {
  const subs = (data.sub_results || []).filter((s) => s.url.includes("#"));
  const best = subs.sort((a, b) => (b.locations?.length || 0) - (a.locations?.length || 0))[0];
  const li = document.createElement("li");
  li.className = "md-search-result__item";
  const a = document.createElement("a");
  a.className = "md-search-result__link";
  a.href = (best || data).url;
  const article = document.createElement("div");
  article.className = "md-search-result__article md-typeset";
  // Where the page is (section, family, part: the page's own breadcrumb trail, from the
  // build), so two pages with the same title can be told apart.
  if (data.meta?.where) {
    const where = document.createElement("p");
    where.className = "ecp-search__where";
    where.textContent = data.meta.where;
    article.append(where);
  }
  const title = document.createElement("p");
  title.className = "ecp-search__title";
  title.textContent = data.meta?.title || data.url;
  if (data.meta?.family) {
    // A case study's page says which family it is about: several families have a "Plan rewrites".
    const family = document.createElement("p");
    family.className = "ecp-search__family";
    family.textContent = data.meta.family;
    article.append(family);
  }
  article.append(title);
  if (best && best.title && best.title !== title.textContent) {
    const section = document.createElement("p");
    section.className = "ecp-search__section";
    section.textContent = best.title;
    article.append(section);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "ecp-search__excerpt";
  excerpt.append(...excerptNodes((best || data).excerpt || ""));
  article.append(excerpt);
  a.append(article);
  li.append(a);
  return li;
}

export function start(root) {
  const strings = stringsOf(root);
  const lang = root.dataset.lang;
  const input = root.querySelector(".md-search__input");
  const status = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  const toggle = document.getElementById("__search");
  stylesheet(new URL("search.css", import.meta.url).href);
  // Search is open: start Pagefind while the reader types, so the first query waits only for
  // the index chunks its words need. A failure here is shown by the query that needs it.
  ready(lang).catch(() => {});

  let current = 0;
  let timer = 0;
  let results = [];
  let shown = 0;
  let more = null;

  const say = (text) => { status.textContent = text; };
  const count = (n) => fill(strings.count, { results: welshCount(n, "result") });

  async function showMore(terms, run) {
    const next = results.slice(shown, shown + PAGE);
    const datas = await Promise.all(next.map((r) => r.result.data()));
    if (run !== current) return;
    // Within what is shown, words as typed with their accents rank first (tân before tan).
    next.forEach((r, i) => { r.data = datas[i]; r.accents = accentMatches(terms, datas[i].content || ""); });
    next.sort(rank);
    list.append(...next.map((r) => item(r.data)));
    shown += next.length;
    more?.remove();
    more = null;
    if (shown < results.length) {
      more = document.createElement("button");
      more.type = "button";
      more.className = "md-search-result__more ecp-search__more";
      more.textContent = strings.more;
      more.addEventListener("click", () => {
        const first = shown;
        showMore(terms, run).then(() => list.children[first]?.querySelector("a")?.focus());
      });
      list.after(more);
    }
  }

  async function run() {
    const text = input.value.trim();
    const me = ++current;
    if (!text) {
      list.replaceChildren();
      more?.remove();
      say(strings.hint);
      return;
    }
    try {
      if (!engineReady) say(strings.loading);
      const found = await find(text, lang);
      if (me !== current) return;
      results = found;
      shown = 0;
      list.replaceChildren();
      more?.remove();
      more = null;
      if (!found.length) {
        say(fill(strings.none, { q: text }));
        return;
      }
      await showMore(words(text), me);
      if (me === current) say(count(found.length));
    } catch (e) {
      if (me === current) say(strings.error);
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  root.querySelector("form").addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(timer);
    run().then(() => list.querySelector("a")?.focus());
  });
  root.querySelector('button[type="reset"]').addEventListener("click", () => {
    setTimeout(() => { run(); input.focus(); });
  });
  // Arrow keys move between the box and the results, as in Material.
  root.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const links = [input, ...list.querySelectorAll("a")];
    const at = links.indexOf(document.activeElement);
    if (at < 0) return;
    e.preventDefault();
    links[Math.max(0, Math.min(links.length - 1, at + (e.key === "ArrowDown" ? 1 : -1)))].focus();
  });
  // A result on this same page only changes the #section: close search so it shows.
  list.addEventListener("click", (e) => {
    if (!e.target.closest("a")) return;
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
  });
  load(lang).catch(() => say(strings.error));
  if (input.value.trim()) run();
}
