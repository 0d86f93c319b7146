// Search normalisation: accent folding and Welsh initial mutations, one table for both sides.
// The indexing script (macros/build/search-index.mjs) groups every Welsh word on the site by its
// possible radical forms with radicals(); the browser (search.js) maps a query word the same way
// and searches every attested form that shares a radical. So "blant", "mhlant" and "phlant" all
// find "plant", and "plant" finds them. English is only folded: Pagefind stems it.

// Welsh initial mutations, read backwards: a word that starts with `from` may be a mutated form
// of a word that starts with one of `to`. The longest matching `from` wins, so "ngh" is only ever
// the nasal of "c", and "ll", "rh", "ff" (radicals, never mutated forms) block the "l", "r", "f"
// rules. A word is always a candidate for itself too: "chwaith" is both a radical and, in
// principle, "c" + aspirate.
//
//   radical:   p    t    c    b    d    g    m    ll   rh   vowel
//   soft:      b    d    g    f    dd   -    f    l    r    (g dropped: gofal -> ofal)
//   nasal:     mh   nh   ngh  m    n    ng
//   aspirate:  ph   th   ch
//   h-prothesis before a vowel: ei henw (enw), ein hysgol (ysgol)
import TABLE from "../common/welsh-rules.js";

// Built from the site's one mutation table (welsh.yml, through common/welsh-rules.js), read
// backwards; g drops before l and r too ("lân" may be "glân"); ff, ll, rh only ever radicals.
export const RULES = (() => {
  const byStart = new Map();
  for (const [radical, forms] of Object.entries(TABLE.mutations)) {
    for (const [kind, start] of Object.entries(forms)) {
      if (!start) continue;
      if (!byStart.has(start)) byStart.set(start, [start, [], kind]);
      byStart.get(start)[1].push(radical);
    }
  }
  for (const start of ["l", "r"]) if (byStart.has(start)) byStart.get(start)[1].push("g" + start);
  for (const start of ["ff", "ll", "rh"]) if (!byStart.has(start)) byStart.set(start, [start, [], "radical"]);
  return [...byStart.values()];
})();

// Vowels for the soft mutation of g (g + vowel loses its g) and for h-prothesis. In Welsh w and y
// are vowels; "gwaith" -> "waith", "gwneud" -> "wneud".
export const VOWELS = "aeiouwy";

// Short function words that look like mutated forms but are not (y, yr, yn, ei, ar ...). They are
// searched as typed and never grouped, so "ar" does not pull in "gar" and "car". Matched before
// folding: "dy" (your) is kept, "dŷ" (soft of "tŷ") is not.
export const KEEP = new Set([
  "a", "ac", "ag", "am", "an", "ar", "at", "e", "ef", "ei", "eich", "ein", "eu", "fe", "fi",
  "fy", "dy", "i", "mi", "na", "nad", "ni", "nid", "o", "oes", "os", "ond", "un", "y", "yn",
  "yng", "ym", "yr", "mae", "bod", "fel", "gan", "dan", "hi", "hyn", "hwn", "hon", "nhw", "chi",
]);

// Lower case, with accents and other combining marks removed: "Tŷ" -> "ty", "tân" -> "tan".
export function fold(text) {
  return String(text).normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

// Words of a text, as written (case and accents kept). Apostrophes split: "sy'n" -> "sy", "n".
export function words(text) {
  return String(text).match(/[\p{L}\p{N}]+/gu) || [];
}

// Possible radical forms of a Welsh word (folded), not including the word itself.
export function radicals(word) {
  const w = fold(word);
  if (w.length < 2 || KEEP.has(String(word).toLowerCase()) || !/^\p{L}+$/u.test(w)) return [];
  const out = new Set();
  let best = null;
  for (const rule of RULES) {
    if (w.startsWith(rule[0]) && w.length > rule[0].length && (!best || rule[0].length > best[0].length)) best = rule;
  }
  if (best) for (const start of best[1]) out.add(start + w.slice(best[0].length));
  if (VOWELS.includes(w[0])) out.add("g" + w);
  if (w[0] === "h" && VOWELS.includes(w[1]) && w.length > 2) out.add(w.slice(1));
  out.delete(w);
  return [...out];
}

// The keys a word is grouped under: itself and its possible radicals (folded). English words are
// only folded.
export function keys(word, lang) {
  const w = fold(word);
  return lang === "cy" ? [w, ...radicals(word)] : [w];
}

// Group words under their keys: {key: [word, ...]}, leaving out a key that only holds itself.
// The indexing script writes this as the Welsh "forms" file.
export function group(allWords, lang = "cy") {
  const byKey = new Map();
  for (const word of new Set([...allWords].map((w) => String(w).toLowerCase()))) {
    for (const k of keys(word, lang)) {
      if (!byKey.has(k)) byKey.set(k, new Set());
      byKey.get(k).add(fold(word));
    }
  }
  const out = {};
  for (const [k, set] of [...byKey].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (set.size > 1 || !set.has(k)) out[k] = [...set].sort();
  }
  return out;
}

// Every form to search for one query word, best first: the word as typed (folded), the forms on
// the site that share one of its keys, then its other possible radicals. `forms` is the map
// from group(). With the site's map, a radical the site never uses is not searched: every form
// of one word then searches the same words ("graddfa" and "raddfa" alike), so they rank alike.
export function expand(word, lang, forms = {}) {
  const out = new Set([fold(word)]);
  if (lang !== "cy") return [...out];
  const ks = keys(word, lang);
  const known = Object.keys(forms).length > 0;
  for (const k of ks) for (const f of forms[k] || []) out.add(f);
  for (const k of ks) if (!known || (forms[k] || []).includes(k)) out.add(k);
  return [...out];
}
