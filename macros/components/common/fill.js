// Fill "{name}" placeholders from `values`. A key that is missing (or null/undefined) leaves its
// placeholder as written, so a wrong key shows up on the page instead of the word "undefined".
export function fill(template, values = {}) {
  return String(template ?? "").replace(/\{(\w+)\}/g, (whole, key) =>
    (Object.hasOwn(values, key) && values[key] !== undefined && values[key] !== null ? String(values[key]) : whole));
}
