// What the site keeps in localStorage, always under keys that start with "ecp:" (the privacy
// page's "Delete my data" removes exactly those). Pass names without the prefix: read("walk:x")
// reads "ecp:walk:x". Every call survives storage that is full, switched off or unreadable.
export const PREFIX = "ecp:";

const local = () => globalThis.localStorage;

/** The JSON value saved under `name`, or `fallback` when there is none or it cannot be read. */
export function read(name, fallback = null) {
  try {
    const raw = local().getItem(PREFIX + name);
    return raw === null ? fallback : JSON.parse(raw);
  } catch { return fallback; }
}

/** The saved value under `name` if it is a plain object ({...}), else {}. */
export function readObject(name) {
  const value = read(name, {});
  return isObject(value) ? value : {};
}

/** Save `value` as JSON; false when the browser refuses. */
export function write(name, value) {
  try { local().setItem(PREFIX + name, JSON.stringify(value)); return true; } catch { return false; }
}

/** The text saved under `name` as it is (not JSON), or null. */
export function readText(name) {
  try { return local().getItem(PREFIX + name); } catch { return null; }
}

export function writeText(name, text) {
  try { local().setItem(PREFIX + name, text); return true; } catch { return false; }
}

export function remove(name) {
  try { local().removeItem(PREFIX + name); return true; } catch { return false; }
}

/** Whether localStorage can be used at all. */
export function available() {
  try { return Boolean(local()); } catch { return false; }
}

/** Every key this site set (with the prefix), or null when storage cannot be read. */
export function siteKeys() {
  try {
    const keys = [];
    const store = local();
    for (let i = 0; i < store.length; i += 1) {
      const key = store.key(i);
      if (key && key.startsWith(PREFIX)) keys.push(key);
    }
    return keys;
  } catch { return null; }
}

const isObject = (v) => Boolean(v) && typeof v === "object" && !Array.isArray(v);

// Work saved per language by older versions ("<name>:en", "<name>:cy"): this page's language
// wins; the other fills gaps, and free text written in both (notes, fields) is kept, one after
// the other.
function merge(mine, other) {
  const out = { ...other, ...mine };
  for (const [k, v] of Object.entries(other)) {
    if (isObject(v) && isObject(mine[k])) {
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

/** One saved state for both languages (the grid exercise, the safety scale: ids are the same
 *  in English and Welsh): the state under `name`, after moving any `name:en` / `name:cy` states
 *  into it (then removed). {} when there is none. */
export function readShared(name, lang) {
  const parse = (key) => { const v = read(key); return isObject(v) ? v : null; };
  try {
    let state = parse(name);
    const langs = [lang, lang === "cy" ? "en" : "cy"];
    const old = langs.map((l) => parse(`${name}:${l}`));
    if (old.some(Boolean)) {
      state = [state, ...old].filter(Boolean).reduce((a, b) => merge(a, b));
      local().setItem(PREFIX + name, JSON.stringify(state));
      langs.forEach((l) => local().removeItem(`${PREFIX}${name}:${l}`));
    }
    return state || {};
  } catch { return {}; }
}
