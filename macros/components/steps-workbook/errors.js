// A refused import, in words in the page's language: store.js's validator reports a path such as
// "areas.3.ratings.2.family"; this says "Area 3, rating 2: the family's rating must be a number
// from 1 to 10." Strings are workbook.err_* in macros/content/strings.yml.
import { fill } from "../common/fill.js";

// Own keys only: a field named "__proto__" or "constructor" is an unknown part like any other.
const known = (table, k) => Object.hasOwn(table, k);
const TOP = { name: "err_name", lang: "err_lang", updated: "err_updated", areas: "err_areas" };
const AREA_TEXTS = ["name", "not_good_enough", "good_enough", "contingency"];
const STEP_TEXTS = ["text", "who", "by"];
const RATING = { date: "err_date", family: "err_family", professionals: "err_professionals" };
const RATING_TEXTS = ["meeting", "moved"];

export function describe(path, w) {
  const p = String(path || "").split(".");
  const text = (k) => fill(w.err_text, { label: w[`err_label_${k}`] });
  const unknown = (k) => fill(w.err_unknown, { name: k });
  let where = w.err_where_book, what;
  if (p[0] !== "areas" || p.length === 1) {
    what = known(TOP, p[0]) ? w[TOP[p[0]]] : unknown(p[0]);
  } else {
    const n = p[1];
    where = fill(w.err_where_area, { n });
    const k = p[2];
    if (p.length === 2) what = w.err_area;
    else if (k === "steps" || k === "ratings") {
      const step = k === "steps";
      if (p.length === 3) what = step ? w.err_steps : w.err_ratings;
      else {
        where = fill(step ? w.err_where_step : w.err_where_rating, { n, m: p[3] });
        const f = p[4];
        if (p.length === 4) what = step ? w.err_step : w.err_rating;
        else if (step) what = STEP_TEXTS.includes(f) ? text(f) : unknown(f);
        else what = known(RATING, f) ? w[RATING[f]] : RATING_TEXTS.includes(f) ? text(f) : unknown(f);
      }
    } else what = AREA_TEXTS.includes(k) ? text(k) : unknown(k);
  }
  return `${where}: ${what}`;
}
