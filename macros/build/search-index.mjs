// Build the search index: Pagefind over the built site (one index per <html lang>), and the
// Welsh "forms" file that groups every Welsh word on the site by its possible radicals, using
// the same module the browser uses for queries. Run by macros/search.py after both languages
// are built: node macros/build/search-index.mjs <site_dir>
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import * as pagefind from "pagefind";
import { group, words } from "../components/search/normalise.js";

const site = process.argv[2];
const ROOT_SELECTOR = "article.md-content__inner";
// Not content: the print-only page address, heading permalinks, the 404 page.
const EXCLUDE = [".ecp-print-only", ".headerlink", "[data-search-ignore]"];
const SKIP = new Set(["404.html", `cy${sep}404.html`]);

function* htmlFiles(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "assets" && name !== "pagefind") yield* htmlFiles(path);
    } else if (name.endsWith(".html")) yield path;
  }
}

// Plain text of a page's article, for the forms file (Pagefind does its own parsing).
function articleText(html) {
  const start = html.indexOf('<article class="md-content__inner');
  const end = html.indexOf("</article>", start);
  if (start < 0 || end < 0) return "";
  return html.slice(start, end)
    .replace(/<(script|style|template|nav|footer)\b[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#(x?)([0-9a-f]+);/gi, (_, x, n) => String.fromCodePoint(parseInt(n, x ? 16 : 10)))
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, " ");
}

// Pagefind runs the words of neighbouring elements together unless the markup has a space between
// them: two header cells read "NameRole", a <dt> and its <dd> "(not good enough)Twm". A space after
// the end of every block (and after a line break) keeps them apart in the index and the excerpts.
const BLOCK_END = /<\/(?:address|article|aside|blockquote|caption|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|legend|li|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)\s*>|<br\s*\/?>/gi;
const spaced = (html) => html.replace(BLOCK_END, "$& ");

const { index, errors } = await pagefind.createIndex({ rootSelector: ROOT_SELECTOR, excludeSelectors: EXCLUDE });
if (!index) throw new Error(errors.join("\n"));
const welsh = [];
let count = 0;
// A few pages in flight at once: one at a time, each waits for Pagefind's reply (about 8 ms a
// page); four keep it busy. The index is the same either way.
const pending = [];
for (const path of htmlFiles(site)) {
  const rel = relative(site, path);
  if (SKIP.has(rel)) continue;
  const html = readFileSync(path, "utf8");
  if (!html.includes(ROOT_SELECTOR.replace("article.", 'class="'))) continue;
  if (pending.length >= 4) await pending.shift();
  pending.push(index.addHTMLFile({ sourcePath: rel, content: spaced(html) }).then((added) => {
    if (added.errors.length) throw new Error(`${rel}: ${added.errors.join("; ")}`);
  }));
  count += 1;
  if (/<html[^>]*\slang="cy"/.test(html)) welsh.push(...words(articleText(html)));
}
await Promise.all(pending);
const written = await index.writeFiles({ outputPath: join(site, "pagefind") });
if (written.errors.length) throw new Error(written.errors.join("\n"));
// Pagefind's ready-made UIs (about 370 KiB): we use its JS API with our own box, so drop them.
for (const name of readdirSync(join(site, "pagefind"))) {
  if (/^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(name)) rmSync(join(site, "pagefind", name));
}
writeFileSync(join(site, "pagefind", "forms.cy.json"), JSON.stringify(group(welsh, "cy")));
await pagefind.close();
console.log(`search: indexed ${count} pages`);
