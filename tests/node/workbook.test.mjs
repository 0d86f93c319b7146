// Unit tests of the workbook's export format: validation, parsing, storage, file names.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { FORMAT, KEY, LIMITS, add, dateFromParts, dateParts, emptyWorkbook, fileName, load, parse, save, validDate, validate } from "../../macros/components/steps-workbook/store.js";
import { PREFIX } from "../../macros/components/common/storage.js";

const STORED = "ecp:workbooks";

const valid = () => ({
  format: FORMAT, version: 1, name: "Teulu Hughes", lang: "cy", updated: "2026-07-01T09:30:00.000Z",
  areas: [{
    name: "Oedolyn sobr", not_good_enough: "…", good_enough: "…", contingency: "Ffonio Nain",
    steps: [{ text: "Rota", who: "Siân", by: "Cyn y grŵp craidd" }],
    ratings: [{ date: "2026-06-02", meeting: "Cynhadledd", family: 5, professionals: 2, moved: "Man cychwyn" }],
  }],
});
const withRating = (change) => { const w = valid(); Object.assign(w.areas[0].ratings[0], change); return w; };
const refused = (data, code, path) => {
  const r = validate(data);
  assert.equal(r.ok, false, JSON.stringify(data).slice(0, 80));
  assert.equal(r.code, code);
  if (path !== undefined) assert.equal(r.path, path);
};
class Memory { constructor() { this.m = new Map(); } getItem(k) { return this.m.has(k) ? this.m.get(k) : null; }
  setItem(k, v) { this.m.set(k, String(v)); } removeItem(k) { this.m.delete(k); } }

test("a valid workbook passes and comes back identical", () => {
  const r = validate(valid());
  assert.equal(r.ok, true);
  assert.deepEqual(r.value, valid());
  assert.deepEqual(parse(JSON.stringify(valid())).value, valid());
});

test("steps and ratings may be left out, as the Python model allows", () => {
  const w = valid();
  delete w.areas[0].steps; delete w.areas[0].ratings;
  const r = validate(w);
  assert.equal(r.ok, true);
  assert.deepEqual(r.value.areas[0].steps, []);
  assert.deepEqual(r.value.areas[0].ratings, []);
});

test("wrong format, wrong version, not an object", () => {
  refused(null, "format"); refused([], "format"); refused("ecp-steps-workbook", "format");
  refused({ ...valid(), format: "other" }, "format");
  refused({ ...valid(), version: 2 }, "version");
  refused({ ...valid(), version: "1" }, "format");
  refused({ ...valid(), version: 0 }, "format");
});

test("scores must be whole numbers from 1 to 10", () => {
  for (const bad of [0, 11, 5.5, "5", null, 1e308, Infinity, NaN, -1]) refused(withRating({ family: bad }), "field", "areas.1.ratings.1.family");
  refused(withRating({ professionals: 1e999 }), "field", "areas.1.ratings.1.professionals");
  assert.equal(validate(withRating({ family: 1, professionals: 10 })).ok, true);
});

test("dates must be real calendar dates", () => {
  for (const bad of ["2026-02-30", "2026-13-01", "yesterday", "2026-6-2", "02/06/2026", "", 20260602, "2026-06-02T00:00:00", "99999-01-01", "1066-10-14"]) {
    refused(withRating({ date: bad }), "field", "areas.1.ratings.1.date");
  }
  assert.ok(validDate("2028-02-29"));
  assert.ok(!validDate("2027-02-29"));
  refused({ ...valid(), updated: "<script>" }, "field", "updated");
});

test("unknown and prototype-polluting fields are refused", () => {
  refused({ ...valid(), extra: 1 }, "field", "extra");
  refused(JSON.parse(JSON.stringify(valid()).replace('"name":"Teulu Hughes"', '"name":"Teulu Hughes","__proto__":{"polluted":true}')), "field", "__proto__");
  const w = valid(); w.areas[0].constructor = "x";
  refused(w, "field", "areas.1.constructor");
  assert.equal({}.polluted, undefined);
  assert.equal(parse('{"__proto__":{"polluted":1},"format":"ecp-steps-workbook","version":1}').ok, false);
  assert.equal({}.polluted, undefined);
});

test("missing fields and wrong types are refused with their path", () => {
  const w = valid(); delete w.areas[0].contingency;
  refused(w, "field", "areas.1.contingency");
  refused({ ...valid(), name: "   " }, "field", "name");
  refused({ ...valid(), name: 42 }, "field", "name");
  refused({ ...valid(), lang: "fr" }, "field", "lang");
  refused({ ...valid(), areas: {} }, "field", "areas");
  const s = valid(); s.areas[0].steps[0].who = ["a"];
  refused(s, "field", "areas.1.steps.1.who");
});

test("markup is text: it passes validation unchanged (the page shows it with textContent)", () => {
  const w = valid(); w.name = "<img src=x onerror=alert(1)>"; w.areas[0].name = "<script>alert(1)</script>";
  const r = validate(w);
  assert.equal(r.ok, true);
  assert.equal(r.value.areas[0].name, "<script>alert(1)</script>");
});

test("limits: text length, counts, and file size", () => {
  refused({ ...valid(), name: "x".repeat(LIMITS.name + 1) }, "field", "name");
  const t = valid(); t.areas[0].good_enough = "x".repeat(LIMITS.text + 1);
  refused(t, "field", "areas.1.good_enough");
  refused({ ...valid(), areas: Array(LIMITS.areas + 1).fill(valid().areas[0]) }, "field", "areas");
  const s = valid(); s.areas[0].ratings = Array(LIMITS.ratings + 1).fill(s.areas[0].ratings[0]);
  refused(s, "field", "areas.1.ratings");
  assert.equal(parse(" ".repeat(LIMITS.file + 1)).code, "size");
  assert.equal(parse("{oops").code, "json");
  assert.equal(parse("").code, "json");
});

test("four areas are allowed (the page warns; it does not forbid)", () => {
  const w = valid(); w.areas = Array(4).fill(w.areas[0]);
  assert.equal(validate(w).ok, true);
});

test("storage: save and load round-trip under ecp:workbooks; unreadable entries are left out", () => {
  const mem = new Memory();
  const use = (storage) => Object.defineProperty(globalThis, "localStorage", { value: storage, configurable: true, writable: true });
  use(mem);
  const state = load();
  assert.deepEqual(state, { current: null, books: {} });
  const id = add(state, valid());
  add(state, emptyWorkbook("Second", "en"));
  assert.ok(save(state));
  assert.deepEqual([...mem.m.keys()], [STORED]);
  const again = load();
  assert.equal(Object.keys(again.books).length, 2);
  assert.deepEqual(again.books[id], valid());
  const raw = JSON.parse(mem.getItem(STORED));
  raw.books.bad = { format: "nope" };
  raw.books.__proto__ = valid();
  mem.setItem(STORED, JSON.stringify(raw));
  assert.equal(Object.keys(load().books).length, 2);
  mem.setItem(STORED, "{not json");
  assert.deepEqual(load(), { current: null, books: {} });
  assert.ok(save({ current: null, books: {} }));
  assert.equal(mem.getItem(STORED), null);
  use({ setItem() { throw new Error("QuotaExceededError"); } });
  assert.equal(save(state), false);
  delete globalThis.localStorage;
});

// The key users' workbooks are saved under: never to change. It starts with ecp: so "delete my
// data" clears it.
test("storage key is ecp:workbooks", () => assert.equal(PREFIX + KEY, STORED));

test("file names are safe", () => {
  assert.equal(fileName(valid()), "teulu-hughes-2026-07-01.json");
  assert.equal(fileName({ ...valid(), name: "../../<etc>" }), "etc-2026-07-01.json");
  assert.equal(fileName({ ...valid(), name: "Ŵ" }), "w-2026-07-01.json");
  assert.equal(fileName({ ...valid(), name: "中文" }), "workbook-2026-07-01.json");
});

test("the limits match the Python model", () => {
  const py = readFileSync(new URL("../../macros/model.py", import.meta.url), "utf8");
  const num = (name) => Number(py.match(new RegExp(`${name} = (\\d+)`))[1]);
  assert.equal(num("WORKBOOK_TEXT_MAX"), LIMITS.text);
  assert.equal(num("WORKBOOK_AREAS_MAX"), LIMITS.areas);
  assert.equal(num("WORKBOOK_STEPS_MAX"), LIMITS.steps);
  assert.equal(num("WORKBOOK_RATINGS_MAX"), LIMITS.ratings);
});

// Issue 17: a refused file's path is said in words. Every path the validator can report maps to
// a known message (strings here are stand-ins named after their keys).
import { describe as sayPath } from "../../macros/components/steps-workbook/errors.js";

test("every path the validator reports is said in words", () => {
  const w = new Proxy({}, { get: (_, k) => (String(k).startsWith("err_where") ? `<${String(k)} {n} {m}>` : String(k) === "err_text" ? "<text {label}>" : `<${String(k)}>`) });
  assert.equal(sayPath("areas.3.ratings.2.family", w), "<err_where_rating 3 2>: <err_family>");
  const bad = [
    [{ name: "" }, "<err_where_book {n} {m}>: <err_name>"],
    [{ lang: "fr" }, "<err_where_book {n} {m}>: <err_lang>"],
    [{ script: "x" }, "<err_where_book {n} {m}>: <err_unknown>"],
  ];
  for (const [change, expected] of bad) {
    const r = validate({ ...valid(), ...change });
    assert.equal(r.ok, false);
    assert.equal(sayPath(r.path, w), expected);
  }
  const paths = ["name", "lang", "updated", "areas", "areas.1", "areas.1.name", "areas.1.good_enough", "areas.1.odd",
    "areas.2.steps", "areas.2.steps.4", "areas.2.steps.4.who", "areas.2.steps.4.odd", "areas.1.ratings", "areas.1.ratings.1",
    "areas.1.ratings.1.date", "areas.1.ratings.1.meeting", "areas.1.ratings.1.professionals", "areas.1.ratings.1.odd", "",
    "__proto__", "constructor", "toString", "areas.1.ratings.1.__proto__", "areas.1.ratings.1.constructor", "areas.1.steps.1.__proto__"];
  for (const p of paths) {
    const said = sayPath(p, w);
    assert.doesNotMatch(said, /undefined|areas\.|\{label\}/, p);
  }
  // An unknown part is named, whatever its name, Object.prototype's included.
  const wn = new Proxy({}, { get: (_, k) => (String(k) === "err_unknown" ? "<unknown {name}>" : `<${String(k)}>`) });
  for (const name of ["__proto__", "constructor", "hasOwnProperty"]) {
    assert.match(sayPath(name, wn), new RegExp(`<unknown ${name}>`), name);
    assert.match(sayPath(`areas.1.ratings.1.${name}`, wn), new RegExp(`<unknown ${name}>`), name);
  }
});

test("the date input's three boxes give an ISO date, or say which part is wrong", () => {
  assert.deepEqual(dateFromParts("7", "3", "2026"), { ok: true, value: "2026-03-07" });
  assert.deepEqual(dateFromParts(" 07 ", "03", "2026"), { ok: true, value: "2026-03-07" });
  assert.deepEqual(dateFromParts("29", "2", "2028"), { ok: true, value: "2028-02-29" });
  const wrong = (d, m, y, code, parts) => assert.deepEqual(dateFromParts(d, m, y), { ok: false, code, parts }, `${d}/${m}/${y}`);
  wrong("", "", "", "missing", ["day", "month", "year"]);
  wrong("31", "", "2026", "missing_month", ["month"]);
  wrong("", "", "2026", "missing_day_month", ["day", "month"]);
  wrong("1", "", "", "missing_month_year", ["month", "year"]);
  wrong("", "4", "", "missing_day_year", ["day", "year"]);
  wrong("3", "4", "", "missing_year", ["year"]);
  wrong("x", "4", "2026", "invalid", ["day"]);
  wrong("1", "4", "26", "year_digits", ["year"]);
  wrong("1", "4", "1899", "year_range", ["year"]);
  wrong("1", "13", "2026", "invalid", ["month"]);
  wrong("31", "2", "2026", "invalid", ["day"]);
  wrong("0", "2", "2026", "invalid", ["day"]);
  wrong("29", "2", "2026", "invalid", ["day"]);
  // Every date it accepts is one the file format accepts.
  for (const [d, m, y] of [["1", "1", "1900"], ["31", "12", "2199"], ["15", "6", "2026"]]) assert.ok(validDate(dateFromParts(d, m, y).value));
});

test("a stored date goes back into the three boxes", () => {
  assert.deepEqual(dateParts("2026-03-07"), ["7", "3", "2026"]);
  assert.deepEqual(dateParts("nonsense"), ["", "", ""]);
});
