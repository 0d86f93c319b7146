// "Delete my data": removes every localStorage key this site set (all start with "ecp:"),
// after the user confirms, and leaves other sites' and other scripts' keys alone. It also removes
// the offline copy (the service worker's caches, all named "ecp-offline-...") and unregisters the
// service worker. UI text comes from data-strings (macros/content/strings.yml, privacy.* and offline.data_*).
import { fill } from "../common/fill.js";
import { count as welshCount } from "../common/welsh.js";
import { start, strings } from "../common/start.js";
import { siteKeys } from "../common/storage.js";

// The offline copy: cache names this site's service worker made, or null if none.
async function offlineCopy() {
  if (!("caches" in window)) return null;
  try {
    const names = (await caches.keys()).filter((n) => n.startsWith("ecp-offline-"));
    return names.length ? names : null;
  } catch {
    return null;
  }
}

async function removeOfflineCopy(names) {
  if (navigator.serviceWorker) {
    // The worker in charge of this page stops keeping files before it goes.
    if (navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage({ type: "forget" });
    for (const reg of await navigator.serviceWorker.getRegistrations()) await reg.unregister();
  }
  for (const name of names) await caches.delete(name);
  return !(await offlineCopy());
}

function init(root) {
  const ui = strings(root);
  const count = root.querySelector("[data-count]");
  const button = root.querySelector("[data-delete]");
  const status = root.querySelector("[data-status]");

  let copy = null; // the offline copy's cache names, looked up when the count is shown
  const showCount = () => {
    const keys = siteKeys();
    const text = keys && keys.length ? fill(ui.count, { items: welshCount(keys.length, "saved_item") }) : "";
    count.textContent = text || ui.count_none;
    offlineCopy().then((names) => {
      copy = names;
      if (names) count.textContent = text ? `${text} ${ui.offline_copy}` : ui.offline_copy;
    });
  };

  button.addEventListener("click", () => {
    status.textContent = "";
    const keys = siteKeys();
    if (keys === null && !copy) { status.textContent = ui.failed; return; }
    if (!(keys && keys.length) && !copy) { status.textContent = ui.nothing; showCount(); return; }
    if (!window.confirm(copy ? `${ui.confirm} ${ui.offline_confirm}` : ui.confirm)) { status.textContent = ui.cancelled; return; }
    const said = [];
    try {
      (keys || []).forEach((key) => localStorage.removeItem(key));
      const left = siteKeys();
      if (keys && keys.length) said.push(left && left.length ? ui.failed : fill(ui.deleted, { items: welshCount(keys.length, "saved_item") }));
    } catch {
      said.push(ui.failed);
    }
    status.textContent = said.join(" ");
    if (!copy) { showCount(); return; }
    removeOfflineCopy(copy)
      .then((gone) => { said.push(gone ? ui.offline_deleted : ui.failed); })
      .catch(() => { said.push(ui.failed); })
      .then(() => { status.textContent = said.join(" "); showCount(); });
  });

  showCount();
  count.hidden = false;
  button.hidden = false;
}

start("delete-data", init);
