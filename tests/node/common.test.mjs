// Unit tests of the shared JS core (macros/components/common/): placeholders, storage, strings,
// and start's guard and per-root error handling, on a tiny fake DOM.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fill } from "../../macros/components/common/fill.js";
import { start, startAll, strings } from "../../macros/components/common/start.js";
import * as storage from "../../macros/components/common/storage.js";

class Memory {
  constructor(entries = {}) { this.m = new Map(Object.entries(entries)); }
  get length() { return this.m.size; }
  key(i) { return [...this.m.keys()][i] ?? null; }
  getItem(k) { return this.m.has(k) ? this.m.get(k) : null; }
  setItem(k, v) { this.m.set(k, String(v)); }
  removeItem(k) { this.m.delete(k); }
}
const useStorage = (s) => Object.defineProperty(globalThis, "localStorage", { value: s, configurable: true, writable: true });

test("fill puts values in and leaves a missing key's placeholder visible", () => {
  assert.equal(fill("{n} of {total}", { n: 3, total: 10 }), "3 of 10");
  assert.equal(fill("{n} of {total}", { n: 0 }), "0 of {total}");
  assert.equal(fill("{a}{b}", { a: undefined, b: null }), "{a}{b}");
  assert.equal(fill("{constructor} {toString}", {}), "{constructor} {toString}"); // own keys only
  assert.equal(fill("{q}", { q: "$& $1" }), "$& $1"); // a value is text, never a replacement pattern
  assert.equal(fill(undefined, { a: 1 }), "");
  assert.equal(fill("no placeholders"), "no placeholders");
});

test("storage reads and writes JSON under ecp: and survives broken storage", () => {
  const mem = useStorage(new Memory({ "ecp:bad": "{not json", other: "x" })).localStorage;
  assert.equal(storage.PREFIX, "ecp:");
  assert.ok(storage.write("walk:a", { step: 2 }));
  assert.equal(mem.getItem("ecp:walk:a"), '{"step":2}');
  assert.deepEqual(storage.read("walk:a"), { step: 2 });
  assert.equal(storage.read("missing", "none"), "none");
  assert.equal(storage.read("bad", "fallback"), "fallback");
  assert.deepEqual(storage.readObject("bad"), {});
  storage.write("list", [1]);
  assert.deepEqual(storage.readObject("list"), {});
  assert.ok(storage.writeText("text", "as typed"));
  assert.equal(storage.readText("text"), "as typed");
  assert.deepEqual(storage.siteKeys().sort(), ["ecp:bad", "ecp:list", "ecp:text", "ecp:walk:a"]);
  assert.ok(storage.remove("walk:a"));
  assert.equal(mem.getItem("ecp:walk:a"), null);
  assert.equal(mem.getItem("other"), "x");
  const broken = () => { throw new Error("SecurityError"); };
  useStorage({ getItem: broken, setItem: broken, removeItem: broken, key: broken, get length() { return broken(); } });
  assert.equal(storage.read("x", 1), 1);
  assert.equal(storage.write("x", 1), false);
  assert.equal(storage.writeText("x", "1"), false);
  assert.equal(storage.readText("x"), null);
  assert.equal(storage.remove("x"), false);
  assert.equal(storage.siteKeys(), null);
  assert.deepEqual(storage.readShared("x", "en"), {});
  delete globalThis.localStorage;
  assert.equal(storage.available(), false);
  assert.equal(storage.write("x", 1), false);
});

test("readShared moves per-language states into one, this page's language first", () => {
  const mem = useStorage(new Memory({
    "ecp:exercise:s:en": JSON.stringify({ answers: { a: "x" }, notes: { worries: "English" }, stage: 1 }),
    "ecp:exercise:s:cy": JSON.stringify({ answers: { a: "y", b: "z" }, notes: { worries: "Cymraeg" }, stage: 2 }),
  })).localStorage;
  const state = storage.readShared("exercise:s", "cy");
  assert.deepEqual(state, { answers: { a: "y", b: "z" }, notes: { worries: "Cymraeg\n\nEnglish" }, stage: 2 });
  assert.deepEqual([...mem.m.keys()], ["ecp:exercise:s"]);
  assert.deepEqual(JSON.parse(mem.getItem("ecp:exercise:s")), state);
  assert.deepEqual(storage.readShared("exercise:s", "en"), state); // nothing left to move
  assert.deepEqual(storage.readShared("none", "en"), {});
  delete globalThis.localStorage;
});

// Just enough DOM for start: roots with a dataset, found by their data-module.
const fakeRoot = (module, dataset = {}) => ({ module, dataset: { ...dataset } });
const fakeDocument = (roots) => ({
  querySelectorAll(sel) {
    const name = /^\[data-module="([^"]+)"\]$/.exec(sel)[1];
    return roots.filter((r) => r.module === name);
  },
});
const quietly = (fn) => {
  const errors = [];
  const original = console.error;
  console.error = (...args) => errors.push(args);
  try { return [fn(), errors]; } finally { console.error = original; }
};

test("strings reads the root's data-strings, {} when there are none", () => {
  assert.deepEqual(strings(fakeRoot("x", { strings: '{"a":"b"}' })), { a: "b" });
  assert.deepEqual(strings(fakeRoot("x")), {});
});

test("startAll runs init per root; a broken root logs and the others still start", () => {
  const roots = [fakeRoot("demo", { n: "1" }), fakeRoot("demo", { n: "2" }), fakeRoot("demo", { n: "3" }), fakeRoot("other")];
  const seen = [];
  const [, errors] = quietly(() => startAll("demo", (root) => {
    seen.push(root.dataset.n);
    if (root.dataset.n === "2") throw new Error("broken");
  }, fakeDocument(roots)));
  assert.deepEqual(seen, ["1", "2", "3"]);
  assert.equal(errors.length, 1);
  assert.match(String(errors[0][0]), /demo/);
  assert.deepEqual(roots.map((r) => [r.dataset.started, r.dataset.ready]),
    [["true", "true"], ["true", undefined], ["true", "true"], [undefined, undefined]]);
});

test("startAll starts each root once", () => {
  const roots = [fakeRoot("demo"), fakeRoot("demo", { started: "true" })];
  const doc = fakeDocument(roots);
  let runs = 0;
  startAll("demo", () => { runs += 1; }, doc);
  startAll("demo", () => { runs += 1; }, doc);
  assert.equal(runs, 1);
  roots.push(fakeRoot("demo")); // a root that arrived later starts on the next run
  assert.equal(startAll("demo", () => { runs += 1; }, doc).length, 1);
  assert.equal(runs, 2);
});

test("a root is ready when the promise its init returns has settled well", async () => {
  const roots = [fakeRoot("demo", { n: "1" }), fakeRoot("demo", { n: "2" })];
  const [, errors] = quietly(() => startAll("demo", (root) => (root.dataset.n === "1" ? Promise.resolve() : Promise.reject(new Error("no"))), fakeDocument(roots)));
  assert.equal(roots[0].dataset.ready, undefined); // not yet
  const logged = [];
  const original = console.error;
  console.error = (...args) => logged.push(args);
  await new Promise((resolve) => setTimeout(resolve, 0));
  console.error = original;
  assert.equal(errors.length, 0);
  assert.equal(roots[0].dataset.ready, "true");
  assert.equal(roots[1].dataset.ready, undefined);
  assert.equal(logged.length, 1);
});

test("start runs on each of Material's document$ events, or once without them", () => {
  const roots = [fakeRoot("demo")];
  globalThis.document = fakeDocument(roots);
  let runs = 0;
  start("demo", () => { runs += 1; });
  assert.equal(runs, 1);
  const subscribers = [];
  globalThis.document$ = { subscribe: (fn) => subscribers.push(fn) };
  roots.push(fakeRoot("demo"));
  start("demo", () => { runs += 1; });
  assert.equal(subscribers.length, 1);
  assert.equal(runs, 1); // nothing until the page event
  subscribers[0]();
  assert.equal(runs, 2);
  roots.push(fakeRoot("demo")); // instant navigation brings a new root
  subscribers[0]();
  assert.equal(runs, 3);
  delete globalThis.document$;
  delete globalThis.document;
});
