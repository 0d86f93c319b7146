// Steps to Change workbook: the data format, its validation, and storage on this device only.
// The format mirrors macros/model.py (Workbook, Area[str], Step, Rating); keep the limits equal.
import { read, remove, write } from "../common/storage.js";

export const FORMAT = "ecp-steps-workbook";
export const VERSION = 1;
export const KEY = "workbooks"; // localStorage ecp:workbooks (common/storage.js adds the prefix)
export const LIMITS = { file: 1 << 20, name: 200, text: 4000, areas: 10, steps: 50, ratings: 100 };
const UPDATED = /^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const AREA = ["name", "not_good_enough", "good_enough", "contingency"];
const STEP = ["text", "who", "by"];

class Invalid extends Error {
  constructor(code, path = "") { super(code); this.code = code; this.path = path; }
}
const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

function fields(obj, path, required, optional = []) {
  if (!isObj(obj)) throw new Invalid("field", path);
  for (const k of Object.keys(obj)) {
    if (!required.includes(k) && !optional.includes(k)) throw new Invalid("field", `${path}${path ? "." : ""}${k}`);
  }
  for (const k of required) if (!own(obj, k)) throw new Invalid("field", `${path}${path ? "." : ""}${k}`);
}
function text(v, path, max = LIMITS.text) {
  if (typeof v !== "string" || v.length > max) throw new Invalid("field", path);
  return v;
}
function list(v, path, max) {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > max) throw new Invalid("field", path);
  return v;
}
function score(v, path) {
  if (!Number.isInteger(v) || v < 1 || v > 10) throw new Invalid("field", path);
  return v;
}
export function validDate(v) {
  const m = typeof v === "string" && DATE.exec(v);
  if (!m) return false;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && y <= 2199 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const PARTS = ["day", "month", "year"];

/** The date typed into the three boxes of a date input (GOV.UK pattern), as stored: "YYYY-MM-DD".
 *  Returns {ok: true, value} or {ok: false, code, parts}; parts are the boxes that are wrong and
 *  code says how: "missing" (all empty), "missing_day", "missing_month_year", ... (those empty),
 *  "year_digits" (not 4 numbers), "year_range" (outside 1900 to 2199), "invalid" (no such date). */
export function dateFromParts(day, month, year) {
  const v = [day, month, year].map((x) => String(x ?? "").trim());
  const empty = PARTS.filter((_, k) => !v[k]);
  if (empty.length === 3) return { ok: false, code: "missing", parts: PARTS };
  if (empty.length) return { ok: false, code: `missing_${empty.join("_")}`, parts: empty };
  const notNumber = PARTS.filter((_, k) => !/^\d+$/.test(v[k]));
  if (notNumber.length) return { ok: false, code: "invalid", parts: notNumber };
  const [d, m, y] = v.map(Number);
  if (v[2].length !== 4) return { ok: false, code: "year_digits", parts: ["year"] };
  if (y < 1900 || y > 2199) return { ok: false, code: "year_range", parts: ["year"] };
  if (m < 1 || m > 12) return { ok: false, code: "invalid", parts: ["month"] };
  const value = `${v[2]}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  if (d < 1 || d > 31 || !validDate(value)) return { ok: false, code: "invalid", parts: ["day"] };
  return { ok: true, value };
}

/** A stored date's three boxes: "2026-03-07" -> ["7", "3", "2026"]. */
export const dateParts = (iso) => {
  const m = DATE.exec(iso || "");
  return m ? [String(+m[3]), String(+m[2]), m[1]] : ["", "", ""];
};

/** Check a parsed file. Returns {ok: true, value} (a fresh copy holding only known fields)
 *  or {ok: false, code, path}; code is "format", "version" or "field". */
export function validate(data) {
  try {
    if (!isObj(data) || data.format !== FORMAT) throw new Invalid("format");
    if (data.version !== VERSION) throw new Invalid(typeof data.version === "number" && data.version > VERSION ? "version" : "format");
    fields(data, "", ["format", "version", "name", "lang", "updated", "areas"]);
    const name = text(data.name, "name", LIMITS.name);
    if (!name.trim()) throw new Invalid("field", "name");
    if (data.lang !== "en" && data.lang !== "cy") throw new Invalid("field", "lang");
    if (typeof data.updated !== "string" || data.updated.length > 40 || !UPDATED.test(data.updated)) throw new Invalid("field", "updated");
    const areas = list(data.areas, "areas", LIMITS.areas).map((a, i) => {
      const p = `areas.${i + 1}`;
      fields(a, p, AREA, ["steps", "ratings"]);
      const area = {};
      for (const k of AREA) area[k] = text(a[k], `${p}.${k}`);
      area.steps = list(a.steps, `${p}.steps`, LIMITS.steps).map((s, j) => {
        const q = `${p}.steps.${j + 1}`;
        fields(s, q, STEP);
        return { text: text(s.text, `${q}.text`), who: text(s.who, `${q}.who`), by: text(s.by, `${q}.by`) };
      });
      area.ratings = list(a.ratings, `${p}.ratings`, LIMITS.ratings).map((r, j) => {
        const q = `${p}.ratings.${j + 1}`;
        fields(r, q, ["date", "meeting", "family", "professionals", "moved"]);
        if (!validDate(r.date)) throw new Invalid("field", `${q}.date`);
        return { date: r.date, meeting: text(r.meeting, `${q}.meeting`), family: score(r.family, `${q}.family`),
          professionals: score(r.professionals, `${q}.professionals`), moved: text(r.moved, `${q}.moved`) };
      });
      return { name: area.name, not_good_enough: area.not_good_enough, good_enough: area.good_enough,
        steps: area.steps, contingency: area.contingency, ratings: area.ratings };
    });
    return { ok: true, value: { format: FORMAT, version: VERSION, name, lang: data.lang, updated: data.updated, areas } };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, code: e.code, path: e.path };
    throw e;
  }
}

/** Read a file's text: {ok, value} or {ok: false, code: "size" | "json" | ...}. */
export function parse(textContent) {
  if (typeof textContent !== "string" || textContent.length > LIMITS.file) return { ok: false, code: "size" };
  let data;
  try { data = JSON.parse(textContent); } catch { return { ok: false, code: "json" }; }
  return validate(data);
}

export const emptyArea = () => ({ name: "", not_good_enough: "", good_enough: "", steps: [], contingency: "", ratings: [] });
export const emptyWorkbook = (name, lang) =>
  ({ format: FORMAT, version: VERSION, name, lang, updated: new Date().toISOString(), areas: [emptyArea()] });
export const newId = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 8);

/** The stored state: {current, books: {id: workbook}}. Anything unreadable is left out. */
export function load() {
  const state = { current: null, books: {} };
  const raw = read(KEY); // null when missing or unreadable: start afresh
  if (isObj(raw) && isObj(raw.books)) {
    for (const [id, book] of Object.entries(raw.books)) {
      const r = validate(book);
      if (r.ok && /^[a-z0-9]{1,40}$/.test(id)) state.books[id] = r.value;
    }
    if (typeof raw.current === "string" && own(state.books, raw.current)) state.current = raw.current;
  }
  return state;
}

/** Save everything; false when the browser refuses (full, or storage switched off). */
export function save(state) {
  return Object.keys(state.books).length ? write(KEY, state) : remove(KEY);
}

/** Add a workbook as a new entry and make it current. */
export function add(state, book) {
  const id = newId();
  state.books[id] = book;
  state.current = id;
  return id;
}

export function fileName(book) {
  const slug = book.name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 50);
  return `${slug || "workbook"}-${book.updated.slice(0, 10)}.json`;
}
