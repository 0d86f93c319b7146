// The plan checker's logic: no DOM. The checker page and the Node tests both use this module.
// Word lists live in wording.json beside it, so a practitioner can extend them without code.
//
//   checkPlanItem(text, lang) -> { vague, findings, lang, text, features }
//   checkPlan(textOrLines, lang) -> { items, findings, vague, counts }
//
// `lang` is the page language ("en" or "cy"). Each line's own language is detected and its
// word lists used; messages and questions come back in `lang`. Nothing leaves the browser:
// the only request is for wording.json, from this site.

import { mutate } from "../common/welsh.js";

const DATA_URL = new URL("./wording.json", import.meta.url);

async function loadWording() {
  if (DATA_URL.protocol === "file:") {
    const fs = await import("node:fs/promises");
    return JSON.parse(await fs.readFile(DATA_URL, "utf8"));
  }
  const response = await fetch(DATA_URL);
  if (!response.ok) throw new Error(`plan checker: cannot load ${DATA_URL} (${response.status})`);
  return response.json();
}

const LANGS = ["en", "cy"];
const MARKS = /[\u0300-\u036f]/g;
const APOS = /[‘’ʼ`´']/;
const BOUND_L = "(?<![\\p{L}\\p{N}-])";
const BOUND_R = "(?![\\p{L}\\p{N}-])";
// Welsh lists whose first word takes mutations (grammar words such as "os" do not).
const MUTATE = new Set(["vague", "except", "people", "people_generic", "check", "child_role", "mother", "father", "both", "time"]);

/** Lower case, no accents, one kind of apostrophe set off as its own token ("i'r" -> "i 'r"),
 *  single spaces. `map[i]` is the index in the original text of normalised character i. */
export function normalise(text) {
  let out = "";
  const map = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    let n;
    if (APOS.test(c)) n = " '";
    else if (/\s/.test(c)) n = " ";
    else if (/[“”„«»]/.test(c)) n = '"';
    else if (/[‐‑–—]/.test(c)) n = "-";
    else n = c.normalize("NFD").replace(MARKS, "").toLowerCase();
    for (const ch of n) {
      if (ch === " " && (out === "" || out.endsWith(" "))) continue;
      out += ch;
      map.push(i);
    }
  }
  return { text: out, map };
}

const norm = (s) => normalise(s).text.trim();

/** Welsh initial mutations of one (normalised) word, the word itself first (soft, nasal,
 *  aspirate, h- before a vowel), from the site's one rule table (common/welsh.js). */
export function mutations(word) {
  const out = new Set([word, ...["soft", "nasal", "aspirate", "h"].map((kind) => mutate(word, kind))]);
  return [...out].filter((w) => w.replace(/\*$/, "").length > 1 || w === word);
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function tokenPattern(token) {
  if (token === "*") return "[^ ]+";
  if (token.endsWith("*")) return escape(token.slice(0, -1)) + "[\\p{L}\\p{N}'-]*";
  return escape(token);
}

/** One phrase in the data's little syntax -> regex source (without boundaries). */
function phraseSource(phrase, mutate) {
  let text = phrase;
  let noMutation = false;
  if (text.startsWith("=")) { noMutation = true; text = text.slice(1); }
  const tokens = norm(text).split(" ").filter(Boolean);
  if (!tokens.length) return null;
  const firsts = mutate && !noMutation ? mutations(tokens[0]) : [tokens[0]];
  return firsts.map((first) => {
    const all = [first, ...tokens.slice(1)];
    let src = "";
    all.forEach((t, i) => {
      if (t === "~") { src += "(?:[^ ]+ ){0,3}"; return; }
      src += tokenPattern(t) + (i < all.length - 1 && all[i + 1] !== undefined ? " " : "");
    });
    return src.replace(/ $/, "");
  }).join("|");
}

function compileList(phrases, mutate) {
  const sources = (phrases || []).map((p) => phraseSource(p, mutate)).filter(Boolean);
  if (!sources.length) return null;
  // Longer alternatives first, so "open and honest" wins over "be open".
  sources.sort((a, b) => b.length - a.length);
  return new RegExp(`${BOUND_L}(?:${sources.join("|")})${BOUND_R}`, "gu");
}

function compileStart(phrases) {
  const sources = (phrases || []).map((p) => phraseSource(p, false)).filter(Boolean);
  return sources.length ? new RegExp(`^ ?(?:${sources.join("|")})${BOUND_R}`, "u") : null;
}

function compileLanguage(data, lang) {
  const mutate = (key) => lang === "cy" && MUTATE.has(key);
  const lists = {};
  for (const key of ["except", "people", "people_generic", "pronouns", "time", "standing", "contingency",
    "trigger", "check", "mother", "father", "both", "child_role"]) {
    lists[key] = compileList(data[key], mutate(key));
  }
  return {
    markers: new Set((data.markers || []).map(norm)),
    notNames: new Set((data.not_names || []).map(norm)),
    vague: (data.vague || []).map((group) => ({
      strength: group.strength === "weak" ? "weak" : "strong",
      question: group.question || null,
      // One regex per phrase, so overlapping phrases are all seen and the longest wins.
      res: (group.phrases || []).map((ph) => compileList([ph], mutate("vague"))).filter(Boolean),
    })).filter((g) => g.res.length),
    timePatterns: (data.time_patterns || []).map((p) => new RegExp(p, "iu")),
    standingStart: compileStart(data.standing_start),
    impersonal: compileStart(data.impersonal),
    lists,
  };
}

function matches(re, text) {
  if (!re) return [];
  re.lastIndex = 0;
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}
const has = (re, text) => matches(re, text).length > 0;

const BULLET = /^\s*(?:[-*•·‣◦–—]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+/iu;

/** Make a checker from wording data (the default one uses wording.json). */
export function createChecker(wording) {
  const compiled = Object.fromEntries(LANGS.map((l) => [l, compileLanguage(wording[l] || {}, l)]));
  const notNames = new Set([...compiled.en.notNames, ...compiled.cy.notNames]);

  function detectLanguage(text, fallback = "en") {
    const { text: n } = normalise(text);
    const scores = { en: 0, cy: 0 };
    for (const token of n.split(/[^\p{L}\p{N}'-]+/u).filter(Boolean)) {
      if (compiled.en.markers.has(token)) scores.en += 1;
      if (compiled.cy.markers.has(token)) scores.cy += 1;
      if (/^'(n|r|i|w|m|th)$/.test(token)) scores.cy += 1;
      if (/^'(s|t|re|ll|ve|d)$/.test(token)) scores.en += 1;
    }
    // Welsh spelling: ll-, rh-, dd-, ff-, ngh-, -dd, y + consonant; lower-case "i" (English writes "I").
    for (const token of n.split(/[^\p{L}]+/u)) {
      if (/^(ll|rh|dd|ff|ngh|mh|nh)\p{L}|\p{L}{2}dd$|^y[bcdfglmnrst]\p{L}/u.test(token) && !/^(add|odd|ffs)$/.test(token)) scores.cy += 1;
    }
    scores.cy += (text.match(/(?<![\p{L}])i(?![\p{L}'’])/gu) || []).length;
    if (/[ŵŷŴŶ]/.test(text)) scores.cy += 2;
    if (scores.cy > scores.en) return "cy";
    if (scores.en > scores.cy) return "en";
    return LANGS.includes(fallback) ? fallback : "en";
  }

  function names(original, lang) {
    const found = [];
    for (const m of original.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}’'-]*/gu)) {
      const word = norm(m[0].replace(/['’]s$/u, "")).replace(/ '.*$/, "");
      if (!notNames.has(word)) found.push(m[0]);
    }
    return found;
  }

  function message(type, uiLang, phrase = "") {
    const entry = (wording.findings?.[type] || {})[uiLang] || (wording.findings?.[type] || {}).en || {};
    return (entry.message || type).replace("{phrase}", () => phrase);
  }
  function question(type, uiLang) {
    const entry = (wording.findings?.[type] || {})[uiLang] || (wording.findings?.[type] || {}).en || {};
    return entry.question || "";
  }
  function finding(type, severity, uiLang, extra = {}) {
    const section = wording.sections?.[type] || "";
    return {
      type, severity,
      message: message(type, uiLang, extra.phrase),
      question: extra.question || question(type, uiLang),
      section,
      href: section ? `${wording.guidance || ""}#${section}` : "",
      ...extra,
    };
  }

  function checkPlanItem(input, lang = "en") {
    const uiLang = LANGS.includes(lang) ? lang : "en";
    const original = String(input ?? "").replace(BULLET, "").trim();
    const lineLang = detectLanguage(original, uiLang);
    const c = compiled[lineLang];
    const { text, map } = normalise(original);
    const L = c.lists;
    const origSlice = (m) => original.slice(map[m.start], map[m.end - 1] + 1);

    const features = {
      names: names(original, lineLang),
      who: has(L.people, text),
      pronoun: has(L.pronouns, text),
      time: has(L.time, text) || c.timePatterns.some((re) => re.test(text)),
      standing: Boolean(c.standingStart && c.standingStart.test(text)) || has(L.standing, text),
      impersonal: Boolean(c.impersonal && c.impersonal.test(text)),
      contingency: has(L.contingency, text),
      trigger: has(L.trigger, text),
      check: has(L.check, text),
      mother: has(L.mother, text),
      father: has(L.father, text),
      bothParents: has(L.both, text),
      childRole: has(L.child_role, text),
    };
    features.who = features.who || features.names.length > 0;
    const conditional = features.contingency || features.trigger;
    features.conditional = conditional;

    const findings = [];
    if (!original) return { text: original, lang: lineLang, vague: false, findings, features };

    // Vague wording, minus anything inside an allowed phrase ("support worker").
    const allowed = matches(L.except, text);
    const hits = [];
    for (const group of c.vague) {
      for (const re of group.res) {
        for (const m of matches(re, text)) {
          if (allowed.some((a) => a.start <= m.start && a.end >= m.end)) continue;
          hits.push({ ...m, group });
        }
      }
    }
    // Strong before weak, then longest first; keep the hits that do not overlap a kept one.
    const rank = (h) => (h.group.strength === "strong" ? 1000 : 0) + (h.end - h.start);
    hits.sort((a, b) => rank(b) - rank(a) || a.start - b.start);
    const kept = [];
    for (const h of hits) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
    kept.sort((a, b) => a.start - b.start);
    const frame = features.who && (features.time || features.standing || conditional);
    for (const h of kept) {
      const severity = h.group.strength === "strong" || !frame ? "vague" : "advice";
      const q = h.group.question ? (h.group.question[uiLang] || h.group.question.en) : "";
      findings.push(finding("vague-phrase", severity, uiLang, {
        phrase: origSlice(h), start: map[h.start], end: map[h.end - 1] + 1, strength: h.group.strength,
        ...(q ? { question: q } : {}),
      }));
    }

    const impersonalRule = features.standing && features.impersonal;
    if (!features.who && !impersonalRule && !((conditional || features.standing) && features.pronoun)) {
      findings.push(finding("no-person", "vague", uiLang));
    }
    if (!features.time && !features.standing && !conditional) {
      findings.push(finding("no-time", "vague", uiLang));
    }
    if (!features.check && !features.standing && !conditional) {
      findings.push(finding("no-check", "advice", uiLang));
    }
    const vague = findings.some((f) => f.severity === "vague");
    return { text: original, lang: lineLang, vague, findings, features };
  }

  function checkPlan(input, lang = "en") {
    const uiLang = LANGS.includes(lang) ? lang : "en";
    const lines = Array.isArray(input) ? input : String(input ?? "").split(/\r?\n/);
    const items = lines.map((l) => String(l).trim()).filter((l) => l.replace(BULLET, "").trim())
      .map((l) => checkPlanItem(l, uiLang));
    const findings = [];
    if (items.length) {
      if (!items.some((i) => i.features.contingency)) {
        findings.push(finding("no-contingency", "plan", uiLang));
      }
      const mum = items.filter((i) => i.features.mother && !i.features.father && !i.features.bothParents).length;
      const dad = items.filter((i) => i.features.father && !i.features.mother && !i.features.bothParents).length;
      const both = items.filter((i) => i.features.bothParents || (i.features.mother && i.features.father)).length;
      if (items.length >= 2 && !both && ((mum && !dad) || (dad && !mum))) {
        findings.push(finding("one-parent", "plan", uiLang, { parent: mum ? "mother" : "father" }));
      }
      if (items.length >= 3 && !items.some((i) => i.features.childRole)) {
        findings.push(finding("child-role", "advice", uiLang));
      }
    }
    const vagueCount = items.filter((i) => i.vague).length;
    return {
      items, lines: items, findings,
      vague: vagueCount > 0 || findings.some((f) => f.severity === "plan"),
      counts: { lines: items.length, vague: vagueCount, concrete: items.length - vagueCount, plan: findings.length },
    };
  }

  return { checkPlanItem, checkPlan, detectLanguage };
}

export const wording = await loadWording();
const checker = createChecker(wording);
export const checkPlanItem = checker.checkPlanItem;
export const checkPlan = checker.checkPlan;
export const detectLanguage = checker.detectLanguage;
export default checkPlanItem;
