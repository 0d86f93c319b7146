// Unit tests of the search normalisation (macros/components/search/normalise.js): accent
// folding, the Welsh mutation table read back to radicals, grouping and query expansion.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { expand, fold, group, keys, radicals, words } from "../../macros/components/search/normalise.js";

const has = (word, radical) => assert.ok(radicals(word).includes(radical), `${word} -> ${radical}: got ${JSON.stringify(radicals(word))}`);
const hasNot = (word, radical) => assert.ok(!radicals(word).includes(radical), `${word} must not -> ${radical}`);

test("accents and case fold", () => {
  for (const [a, b] of [["tŷ", "ty"], ["Tân", "tan"], ["ŵyr", "wyr"], ["Siân", "sian"], ["Côr", "cor"],
    ["gwên", "gwen"], ["ïon", "ion"], ["caffi", "caffi"], ["ỳ", "y"], ["café", "cafe"]]) assert.equal(fold(a), b);
});

test("words split on spaces, punctuation and apostrophes", () => {
  assert.deepEqual(words("Mae'r plant yn y tŷ, sy'n ddiogel."), ["Mae", "r", "plant", "yn", "y", "tŷ", "sy", "n", "ddiogel"]);
});

// [mutated form, radical] for each mutation in the table.
const SOFT = [["blant", "plant"], ["dad", "tad"], ["gartref", "cartref"], ["fabi", "babi"], ["ddiogel", "diogel"],
  ["ofal", "gofal"], ["waith", "gwaith"], ["wneud", "gwneud"], ["fam", "mam"], ["law", "llaw"], ["lân", "glân"],
  ["rieni", "rhieni"], ["rŵp", "grŵp"], ["dŷ", "tŷ"]];
const NASAL = [["mhlant", "plant"], ["nhad", "tad"], ["nghartref", "cartref"], ["mabi", "babi"], ["niogel", "diogel"],
  ["ngwaith", "gwaith"], ["ngofal", "gofal"], ["nhŷ", "ty"]];
const ASPIRATE = [["phlant", "plant"], ["thad", "tad"], ["chartref", "cartref"], ["thŷ", "ty"]];
const H_PROTHESIS = [["henw", "enw"], ["hysgol", "ysgol"], ["harian", "arian"], ["hoed", "oed"], ["hwyrion", "wyrion"]];

for (const [name, table] of Object.entries({ soft: SOFT, nasal: NASAL, aspirate: ASPIRATE, "h-prothesis": H_PROTHESIS })) {
  test(`${name} mutation: each form leads back to its radical`, () => {
    for (const [form, radical] of table) has(form, fold(radical));
  });
}

test("ambiguous forms expand to every candidate", () => {
  assert.deepEqual(radicals("fam").sort(), ["bam", "mam"]);   // f <- b or m
  assert.deepEqual(radicals("ddau"), ["dau"]);                 // dd <- d
  assert.deepEqual(radicals("law").sort(), ["glaw", "llaw"]);  // l <- ll or gl
  assert.deepEqual(radicals("ofal"), ["gofal"]);               // vowel <- g + vowel
});

test("longest rule wins: ngh is only the nasal of c, ll/rh/ff are radicals", () => {
  assert.deepEqual(radicals("nghartref"), ["cartref"]);
  assert.deepEqual(radicals("ngwaith"), ["gwaith"]);
  assert.deepEqual(radicals("mhlant"), ["plant"]);
  assert.deepEqual(radicals("llaw"), []);
  assert.deepEqual(radicals("rhieni"), []);
  assert.deepEqual(radicals("ffrind"), []);
  hasNot("ffrind", "frind");
});

test("words that must not change: radical-only initials, English words, names, function words", () => {
  // p, t, c, s, j and ff, ll, rh are never mutated forms.
  for (const w of ["plant", "tad", "cartref", "plan", "plans", "conference", "safety", "Siân", "Pritchard", "Tomos",
    "Caernarfon", "Sara", "Jac", "Ffion", "Llinos", "Rhian"]) assert.deepEqual(radicals(w), [], w);
  // Short function words are never grouped (ar would otherwise pull in car).
  for (const w of ["a", "ac", "ar", "yn", "yr", "y", "ei", "eu", "i", "o", "mae", "bod", "dy", "fy"]) assert.deepEqual(radicals(w), [], w);
  // English is only folded, whatever its first letter.
  for (const w of ["blanket", "mother", "gofal", "Gareth", "Elin"]) assert.deepEqual(keys(w, "en"), [fold(w)], w);
  // A name's own form is always kept first, so "Gareth" still finds Gareth.
  assert.equal(expand("Gareth", "cy")[0], "gareth");
  assert.equal(expand("Elin", "cy")[0], "elin");
});

test("accent keeps dŷ (house) apart from dy (your)", () => {
  assert.deepEqual(radicals("dy"), []);
  assert.deepEqual(radicals("dŷ"), ["ty"]);
});

test("group and expand find every form both ways", () => {
  const forms = group(["plant", "blant", "mhlant", "phlant", "gofal", "ofal", "cartref", "nghartref", "gwaith", "ngwaith", "tŷ", "Tân"]);
  const sameSet = (q, want) => {
    const got = expand(q, "cy", forms);
    for (const w of want) assert.ok(got.includes(w), `${q}: ${w} missing from ${JSON.stringify(got)}`);
    assert.equal(got[0], fold(q), "the word as typed comes first");
  };
  for (const q of ["plant", "blant", "mhlant", "phlant"]) sameSet(q, ["plant", "blant", "mhlant", "phlant"]);
  sameSet("ofal", ["gofal", "ofal"]);
  sameSet("gofal", ["gofal", "ofal"]);
  sameSet("nghartref", ["cartref", "nghartref"]);
  sameSet("cartref", ["cartref", "nghartref"]);
  sameSet("ngwaith", ["gwaith", "ngwaith"]);
  sameSet("ty", ["ty"]);
  sameSet("tan", ["tan"]);
  assert.deepEqual(expand("plans", "en", forms), ["plans"]);
});

test("the built forms file groups the site's Welsh words (after a build)", { skip: !existsSync("site/pagefind/forms.cy.json") }, () => {
  const forms = JSON.parse(readFileSync("site/pagefind/forms.cy.json", "utf8"));
  for (const [k, want] of [["plant", ["plant", "blant", "phlant"]], ["gofal", ["gofal", "ofal"]], ["cartref", ["cartref", "nghartref"]]]) {
    for (const w of want) assert.ok(forms[k]?.includes(w), `${k}: ${w} not in ${JSON.stringify(forms[k])}`);
  }
});
