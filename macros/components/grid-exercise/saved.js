// One saved state per case study for both languages (the grid exercise and the safety scale):
// the statements and fields have the same ids in English and Welsh.
const parse = (raw) => {
  try { const v = JSON.parse(raw); return v && typeof v === "object" && !Array.isArray(v) ? v : null; } catch { return null; }
};
const isMap = (v) => v && typeof v === "object" && !Array.isArray(v);

// Work saved per language by older versions: this page's language wins; the other fills gaps,
// and free text written in both (notes, fields) is kept, one after the other.
function merge(mine, other) {
  const out = { ...other, ...mine };
  for (const [k, v] of Object.entries(other)) {
    if (isMap(v) && isMap(mine[k])) {
      out[k] = { ...v, ...mine[k] };
      if (k === "notes" || k === "fields") {
        for (const [f, text] of Object.entries(v)) {
          const own = mine[k][f];
          if (typeof own === "string" && typeof text === "string" && own.trim() && text.trim() && own !== text) out[k][f] = `${own}\n\n${text}`;
        }
      }
    } else if (mine[k] === null || mine[k] === undefined) out[k] = v;
  }
  if (typeof other.stage === "number" && typeof mine.stage === "number") out.stage = Math.max(mine.stage, other.stage);
  return out;
}

/** The state under `key`, after moving any `key:en` / `key:cy` states into it (then removed). */
export function loadShared(key, lang) {
  try {
    let state = parse(localStorage.getItem(key));
    const langs = [lang, lang === "cy" ? "en" : "cy"];
    const old = langs.map((l) => parse(localStorage.getItem(`${key}:${l}`)));
    if (old.some(Boolean)) {
      state = [state, ...old].filter(Boolean).reduce((a, b) => merge(a, b));
      localStorage.setItem(key, JSON.stringify(state));
      langs.forEach((l) => localStorage.removeItem(`${key}:${l}`));
    }
    return state || {};
  } catch { return {}; }
}
