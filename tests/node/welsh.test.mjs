// The scripts' Welsh module runs the same case tables as macros/welsh.py (tests/test_welsh_module.py
// writes them to fixtures/welsh-cases.json and fails when they differ).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, count, date, mutate, plural, quote } from "../../macros/components/common/welsh.js";
import { fill } from "../../macros/components/common/fill.js";

const cases = JSON.parse(await readFile(new URL("./fixtures/welsh-cases.json", import.meta.url), "utf8"));

test("mutations", () => {
  for (const [word, kind, want] of cases.mutations) assert.equal(mutate(word, kind), want, `${word} ${kind}`);
});

test("after a trigger word", () => {
  for (const [trigger, phrase, want] of cases.after) assert.equal(after(trigger, phrase), want, `${trigger} ${phrase}`);
});

test("counts in both languages", () => {
  for (const [n, key, cy, en] of cases.counts) {
    assert.equal(String(count(n, key, "cy")), cy);
    assert.equal(String(count(n, key, "en")), en);
  }
});

test("fill mutates and capitalises dates and counts, never plain values", () => {
  for (const [text, lang, want] of cases.fill) {
    const values = { date: date(new Date(2026, 2, 26), lang), days: count(2, "working_day", lang), time: "10:00" };
    assert.equal(fill(text, values, lang), want);
  }
  assert.equal(fill("i {name} ar {x}", { name: "Cai", x: "dydd {date}" }, "cy"), "i Cai ar dydd {date}");
});

test("plural picks the one-form for 1 only", () => {
  const s = { del: "Delete all {workbooks}?", del_one: "Delete the workbook?" };
  assert.equal(plural(s, "del", 1), s.del_one);
  assert.equal(plural(s, "del", 2), s.del);
  assert.equal(plural({ x: "a" }, "x", 1), "a");
});

test("quote", () => {
  assert.equal(quote("Mae Twm"), "“Mae Twm”");
  assert.equal(quote("“Mae Twm”"), "“Mae Twm”");
});
