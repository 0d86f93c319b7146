// Fill "{name}" placeholders from `values`. A key that is missing (or null/undefined) leaves its
// placeholder as written, so a wrong key shows up on the page instead of the word "undefined".
// An inserted value is never read again. A Phrase (a date or a count from welsh.js) takes the
// mutation of the Welsh word just before it ("ar {date}" -> "ar ddydd Iau…") and a capital at the
// start of a sentence; any other value goes in exactly as given. `lang` defaults to the page's.
// A Phrase brings its own rule (phrase.after(word)), so this file imports nothing: welsh.js and its
// table load only on pages whose scripts compose dates or counts.
const pageLang = () => (globalThis.document?.documentElement?.lang === "cy" ? "cy" : "en");
const isPhrase = (value) => typeof value?.after === "function";

export function fill(template, values = {}, lang = pageLang()) {
  const text = String(template ?? "");
  return text.replace(/\{(\w+)\}/g, (whole, key, offset) => {
    if (!Object.hasOwn(values, key) || values[key] === undefined || values[key] === null) return whole;
    const value = values[key];
    if (!isPhrase(value)) return String(value);
    const before = text.slice(0, offset);
    const prev = before.match(/([\p{L}'’]+)\s+$/u);
    let out = lang === "cy" && prev ? value.after(prev[1]) : value.text;
    if (/^\s*$/.test(before) || /[.!?]\s+$/.test(before)) out = out.charAt(0).toUpperCase() + out.slice(1);
    return out;
  });
}
