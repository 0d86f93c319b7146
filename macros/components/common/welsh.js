// Welsh (and English) text that scripts compose: the same rules and functions as macros/welsh.py,
// from the same table (welsh-rules.js is generated from welsh.yml by the build).
//
//   mutate("Dydd", "soft") -> "Ddydd"        after("ar", "dydd Iau") -> "ddydd Iau"
//   count(2, "workbook", "cy") -> Phrase "2 lyfr gwaith"; count(1, "workbook", "en") -> "1 workbook"
//   date(new Date(2026, 2, 26), "cy") -> Phrase "dydd Iau 26 Mawrth 2026"
//   fill("ar {date}", { date }, "cy") -> "ar ddydd Iau 26 Mawrth 2026"   (fill.js)
//   quote("Mae Twm…") -> "“Mae Twm…”"
import RULES from "./welsh-rules.js";

const lower = (s) => String(s).toLowerCase();
const SORTED = Object.keys(RULES.mutations).sort((a, b) => b.length - a.length);

export function radicalStart(word) {
  const w = lower(word);
  if (RULES.not_radical_starts.some((s) => w.startsWith(s))) return null;
  return SORTED.find((s) => w.startsWith(s)) || null;
}

function caseLike(next, old) {
  return old && old[0] !== old[0].toLowerCase() && next ? next[0].toUpperCase() + next.slice(1) : next;
}

export function mutate(word, kind) {
  if (!word || !kind || kind === "none") return word;
  if (kind === "h") return RULES.vowels.includes(lower(word[0])) ? caseLike("h" + lower(word[0]) + word.slice(1), word) : word;
  const start = radicalStart(word);
  if (!start || !(kind in RULES.mutations[start])) return word;
  return caseLike(RULES.mutations[start][kind] + word.slice(start.length), word);
}

export function triggerKind(word) {
  const w = lower(word).replace("\u2019", "'");
  for (const [kind, words] of Object.entries(RULES.triggers)) if (words.includes(w)) return kind;
  return RULES.h_before_vowel.includes(w) ? "h" : null;
}

const WEEKDAY_WORDS = new Set(RULES.weekdays.cy.map((w) => w.split(" ")[0]).map((w) => w[0].toUpperCase() + w.slice(1)));

// A capitalised word that keeps its form after a trigger: a person's name ("i Cai"). Places and
// institutions in the table mutate ("i Gyngor"), and so does "Dydd" ("ar ddydd Iau").
export function isName(word) {
  const plain = String(word).split(/['’]/)[0];
  return plain[0] !== plain[0].toLowerCase() && !RULES.mutating_names.includes(plain) && !WEEKDAY_WORDS.has(plain);
}

export function after(trigger, phrase) {
  const kind = triggerKind(trigger);
  if (!kind || !phrase) return phrase;
  const i = phrase.indexOf(" ");
  const first = i < 0 ? phrase : phrase.slice(0, i);
  if (RULES.never_mutated.includes(lower(first).split("'")[0]) || isName(first)) return phrase;
  return mutate(first, kind) + (i < 0 ? "" : phrase.slice(i));
}

// Composed text whose first word follows the grammar around it (a date, a count).
// It carries its own mutation rule (after()), so fill.js needs nothing from this module and a page
// that only fills plain values never loads it or the rules table.
export class Phrase {
  constructor(text) { this.text = String(text); }
  toString() { return this.text; }
  after(trigger) { return after(trigger, this.text); }
}

export function date(d, lang) {
  return new Phrase(`${RULES.weekdays[lang][(d.getDay() + 6) % 7]} ${d.getDate()} ${RULES.months[lang][d.getMonth()]} ${d.getFullYear()}`);
}

// Month names from the table ("Mawrth"; short "Maw"): not every browser knows Welsh dates.
export const months = (lang = pageLang(), short = false) => RULES[short ? "months_short" : "months"][lang];

// "26 Mawrth 2026" (no weekday), or with short month names "26 Maw 2026".
export function dayMonthYear(d, lang = pageLang(), short = false) {
  return new Phrase(`${d.getDate()} ${RULES[short ? "months_short" : "months"][lang][d.getMonth()]} ${d.getFullYear()}`);
}

export function countedForm(n, key) {
  const entry = RULES.nouns[key];
  if (!entry) throw new Error(`welsh.yml: no counted noun '${key}'`);
  if (!Number.isInteger(n)) return entry.counted || entry.cy; // 1.5 awr: the noun stays as it is
  const word = n === 1 ? entry.cy : entry.counted || entry.cy;
  if (n >= 1 && n <= 10) {
    if (entry.time && String(n) in RULES.nasal_numerals) return mutate(word, "nasal");
    let kind = RULES.numerals[String(n)][entry.gender][1];
    if (n === 1 && entry.gender === "f" && RULES.feminine_un_keeps.includes(radicalStart(word))) kind = "none";
    return mutate(word, kind);
  }
  if (n > 10 && entry.after_ten === "nasal") return mutate(word, "nasal");
  return word;
}

// The page's language, for scripts that compose text.
export const pageLang = () => (globalThis.document?.documentElement?.lang === "cy" ? "cy" : "en");

export function count(n, key, lang = pageLang()) {
  const entry = RULES.nouns[key];
  if (!entry) throw new Error(`welsh.yml: no counted noun '${key}'`);
  const shown = Number(n).toLocaleString(lang === "cy" ? "cy-GB" : "en-GB");
  if (lang !== "cy") return new Phrase(`${shown} ${entry.en[n === 1 ? 0 : 1]}`);
  return new Phrase(`${shown} ${countedForm(n, key)}`);
}

export function quote(text) {
  const [left, right] = RULES.quotes;
  const t = String(text).trim();
  if ((t.startsWith(left) || t.startsWith('"')) && (t.endsWith(right) || t.endsWith('"'))) return t;
  return `${left}${t}${right}`;
}

// The string for n: `key_one` when n is 1 and the strings have it ("Delete the workbook on this
// device?" rather than "all 1 workbooks"), else `key`.
export function plural(strings, key, n) {
  return n === 1 && `${key}_one` in strings ? strings[`${key}_one`] : strings[key];
}
