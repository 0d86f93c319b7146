// Writes SITE/sw.js: the service worker source (sw.js beside this file) with the list of the
// site's files injected by workbox-build. Run by macros/offline.py after both languages
// (and the search index) are built:  node service-worker.mjs SITE_DIR NODE_MODULES_DIR
// Each entry is {url, revision, group, bytes}; revision is the first 8 hex digits of the
// file's SHA-256 (enough to tell one build's file from another's, and the list stays small),
// which the service worker checks again on everything it stores. The worker's code is minified
// (it is fetched on every first visit); the list stays readable JSON.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [site, nodeModules] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(nodeModules), "noop.js"));
const { injectManifest } = require("workbox-build");
const here = path.dirname(fileURLToPath(import.meta.url));

// What may be kept. Core is what the worker's install fetches on a reader's first visit, so it
// is only what the offline page needs: the page, its script, style and icon, and every page's
// offline.js and offline.css with the two common/ modules they import, which the page has just
// loaded anyway (the "keep this site" control itself goes with a language). The
// other common/ modules go with the components that import them. Manifests and icons
// are the browser's to fetch when it offers to install; they are kept with a language. Anything
// not matched is never precached (Material ships big files the site does not use: lunr language
// files, a Thai word splitter, source maps).
const CORE_COMMON = ["assets/components/common/fill.js", "assets/components/common/start.js"];
const CORE_OFFLINE = ["assets/components/offline/offline.js", "assets/components/offline/offline.css",
                      "assets/components/offline/offline-page.js", "assets/components/offline/offline-page.css"];
const PATTERNS = {
  core: ["offline.html", "cy/offline.html", "assets/logo.svg", ...CORE_OFFLINE, ...CORE_COMMON],
  shared: ["manifest.webmanifest", "cy/manifest.webmanifest", "assets/icons/*",
           "assets/*.{css,js,svg}", "assets/images/*.png",
           "assets/stylesheets/*.min.css", "assets/javascripts/*.min.js",
           "assets/javascripts/workers/*.min.js", "assets/components/*/*.{js,css,json}",
           "search/*.json", "pagefind/**/*"],
  en: ["index.html", "**/index.html"],
};
const IGNORE = ["**/*.map", "**/*.gz", "sw.js", "404.html", "cy/404.html", "assets/javascripts/lunr/**"];

function groupOf(url) {
  if (url === "offline.html" || url === "cy/offline.html" || url === "assets/logo.svg" || CORE_OFFLINE.includes(url) || CORE_COMMON.includes(url)) return "core";
  if (url.endsWith("manifest.webmanifest")) return "shared";
  if (url.startsWith("cy/")) return "cy";
  if (url.startsWith("pagefind/")) {
    // Pagefind keeps one index per language: files named after the language go with it.
    if (/(^|[/_.])cy([_.\-]|$)/.test(path.basename(url))) return "cy";
    if (/(^|[/_.])en([_.\-]|$)/.test(path.basename(url))) return "en";
    return "shared";
  }
  if (url.endsWith(".html")) return "en";
  return "shared";
}

const describe = async (entries) => ({
  manifest: entries.map((e) => {
    const bytes = readFileSync(path.join(site, e.url));
    const url = e.url.replace(/(^|\/)index\.html$/, "$1");  // pages are asked for as folder/
    return { url, revision: createHash("sha256").update(bytes).digest("hex").slice(0, 8),
             group: groupOf(e.url), bytes: e.size };
  }),
});

// The worker's own code, minified into a temporary file that workbox-build injects the list into.
const { transformSync } = require("esbuild");
const tmp = mkdtempSync(path.join(tmpdir(), "ecp-sw-"));
const swSrc = path.join(tmp, "sw.js");
writeFileSync(swSrc, transformSync(readFileSync(path.join(here, "sw.js"), "utf8"), { loader: "js", minify: true }).code);

const result = await injectManifest({
  globDirectory: site,
  globPatterns: Object.values(PATTERNS).flat(),
  globIgnores: IGNORE,
  swSrc,
  swDest: path.join(site, "sw.js"),
  manifestTransforms: [describe],
  maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
});

rmSync(tmp, { recursive: true, force: true });

// The version names this build's cache: a hash of every file's revision.
const out = path.join(site, "sw.js");
const text = readFileSync(out, "utf8");
const version = createHash("sha256").update(text).digest("hex").slice(0, 12);
writeFileSync(out, text.replace("__ECP_VERSION__", version));
// Search files are optional (whichever search the site has): no warning when one is missing.
for (const w of result.warnings) if (!/pagefind|search\//.test(w)) console.warn(`sw: ${w}`);
const manifest = JSON.parse(text.match(/const FILES ?= ?(\[.*?\])[;,]/)[1]);
const bytes = {};
for (const f of manifest) bytes[f.group] = (bytes[f.group] || 0) + f.bytes;
console.log(JSON.stringify({ version, count: manifest.length, bytes }));
