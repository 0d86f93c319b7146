// Minify the project's own JS and CSS in a built site, in place: node macros/minify.mjs SITE_DIR
// Material's files (assets/javascripts, stylesheets, images) are minified already and left alone.
// Whitespace and comments go and local names shorten; nothing is bundled or rewritten otherwise.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, extname } from "node:path";
import { transform } from "esbuild";

const site = process.argv[2];
if (!site) {
  console.error("usage: node macros/minify.mjs SITE_DIR");
  process.exit(2);
}
const THEME = ["assets/javascripts/", "assets/stylesheets/", "assets/images/"];
const LOADERS = { ".js": "js", ".mjs": "js", ".css": "css" };

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

let before = 0;
let after = 0;
for await (const path of walk(join(site, "assets"))) {
  const rel = relative(site, path).split("\\").join("/");
  const loader = LOADERS[extname(path)];
  if (!loader || THEME.some((t) => rel.startsWith(t))) continue;
  const source = await readFile(path, "utf8");
  try {
    const { code } = await transform(source, { loader, minify: true, legalComments: "none", charset: "utf8" });
    before += Buffer.byteLength(source);
    after += Buffer.byteLength(code);
    await writeFile(path, code);
  } catch (e) {
    console.error(`${rel}: ${e.message}`);
    process.exit(1);
  }
}
console.log(`minified the site's own JS and CSS: ${before} -> ${after} bytes`);
