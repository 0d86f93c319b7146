// "Delete my data": removes every localStorage key this site set (all start with "ecp:"),
// after the user confirms, and leaves other sites' and other scripts' keys alone.
// UI text comes from data-ui (macros/strings.yml, privacy.*).
const PREFIX = "ecp:";
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (Object.hasOwn(values, k) ? values[k] : m));

function siteKeys() {
  const keys = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key && key.startsWith(PREFIX)) keys.push(key);
    }
  } catch {
    return null;
  }
  return keys;
}

function init() {
  for (const root of document.querySelectorAll("[data-component='delete-data']:not([data-ready])")) {
    root.dataset.ready = "true";
    const ui = JSON.parse(root.dataset.ui);
    const count = root.querySelector("[data-count]");
    const button = root.querySelector("[data-delete]");
    const status = root.querySelector("[data-status]");

    const showCount = () => {
      const keys = siteKeys();
      count.textContent = keys && keys.length ? fill(ui.count, { n: keys.length }) : ui.count_none;
    };

    button.addEventListener("click", () => {
      status.textContent = "";
      const keys = siteKeys();
      if (keys === null) { status.textContent = ui.failed; return; }
      if (!keys.length) { status.textContent = ui.nothing; showCount(); return; }
      if (!window.confirm(ui.confirm)) { status.textContent = ui.cancelled; return; }
      try {
        keys.forEach((key) => localStorage.removeItem(key));
      } catch {
        status.textContent = ui.failed;
        return;
      }
      const left = siteKeys();
      status.textContent = left && left.length ? ui.failed : fill(ui.deleted, { n: keys.length });
      showCount();
    });

    showCount();
    count.hidden = false;
    button.hidden = false;
  }
}

if (typeof document$ !== "undefined") document$.subscribe(init); else init();
