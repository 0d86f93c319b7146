// Offline use: registers the service worker (sw.js at the site root), drives the "keep this site
// on this device" control, and says when a new version of the site is ready. The worker does the
// downloading; this page only asks and reports. UI text: data-strings (macros/content/strings.yml, offline.*).
// The worker is registered once per page, whether or not the page shows the control.
import { fill } from "../common/fill.js";
import { start, strings } from "../common/start.js";

const sw = navigator.serviceWorker;
const swUrl = new URL("../../../sw.js", import.meta.url);
const roots = [];
let ui = {};
const lang = document.documentElement.lang === "cy" ? "cy" : "en";
const CHOICES = { en: ["en"], cy: ["cy"], both: ["en", "cy"] };
let state = { langs: [], sizes: null, busy: null };
let reloading = false;
let watchdog = 0;

// A browser may stop a worker in the middle of a long download (Chrome does after five
// minutes): if progress stops, ask again. Files already kept are not fetched again.
function restartIfStalled(langs) {
  clearTimeout(watchdog);
  watchdog = setTimeout(() => { if (state.busy) send({ type: "keep", langs }); }, 30000);
}

function size(bytes) {
  if (bytes < 1024 * 1024) return fill(ui.kb, { n: Math.max(1, Math.round(bytes / 1024)) });
  return fill(ui.mb, { n: (bytes / (1024 * 1024)).toLocaleString(lang === "cy" ? "cy-GB" : "en-GB", { maximumFractionDigits: 1 }) });
}

const choiceOf = (langs) => (langs.length === 2 ? "both" : langs[0]);

function render(root, message) {
  const { langs, sizes, busy } = state;
  if (sizes) {
    for (const el of root.querySelectorAll("[data-size]")) el.textContent = `(${fill(ui.size, { size: size(sizes[el.dataset.size]) })})`;
  }
  if (langs.length && !busy) {
    const radio = root.querySelector(`input[value='${choiceOf(langs)}']`);
    if (radio) radio.checked = true;
  }
  root.querySelector("[data-keep]").disabled = Boolean(busy);
  const bar = root.querySelector("[data-progress]");
  bar.hidden = !busy;
  if (busy) {
    const pct = busy.total ? Math.round((100 * busy.done) / busy.total) : 0;
    root.querySelector("progress").value = pct;
    root.querySelector("[data-progress-text]").textContent = fill(ui.progress, { done: size(busy.done), total: size(busy.total) });
  }
  root.querySelector("[data-remove]").hidden = !langs.length || Boolean(busy);
  if (message !== undefined) root.querySelector("[data-status]").textContent = message;
}

const renderAll = (message) => roots.forEach((root) => render(root, message));
const keptMessage = (langs) => (langs.length ? ui[`kept_${choiceOf(langs)}`] : "");

// The worker to talk to: a waiting one (a new version) holds the newest files.
async function worker() {
  const reg = await sw.getRegistration(swUrl.href);
  return reg && (reg.waiting || reg.active);
}

async function send(message) {
  const w = await worker();
  if (w) w.postMessage(message);
  return Boolean(w);
}

function onMessage(event) {
  const data = event.data || {};
  if (data.type === "status") {
    state = { langs: data.langs, sizes: data.sizes, busy: data.busy };
    renderAll(data.busy ? undefined : keptMessage(data.langs));
  } else if (data.type === "progress") {
    const starting = !state.busy;
    state.busy = data;
    restartIfStalled(data.langs);
    renderAll(starting ? fill(ui.starting, { size: size(data.total) }) : undefined);
  } else if (data.type === "kept") {
    clearTimeout(watchdog);
    state.busy = null;
    state.langs = data.langs;
    renderAll(keptMessage(data.langs));
  } else if (data.type === "removed") {
    state.langs = [];
    renderAll(ui.removed);
  } else if (data.type === "failed") {
    clearTimeout(watchdog);
    state.busy = null;
    renderAll(ui[`failed_${data.reason}`] || ui.failed_network);
  }
}

function setUp(root) {
  root.hidden = false;
  root.querySelector("[data-form]").addEventListener("submit", async (event) => {
    event.preventDefault();
    const choice = root.querySelector("input[type=radio]:checked");
    if (!choice || state.busy) return;
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
    if (!(await send({ type: "keep", langs: CHOICES[choice.value] }))) renderAll(ui.failed_network);
  });
  root.querySelector("[data-remove]").addEventListener("click", () => send({ type: "remove" }));
}

function unsupported(root) {
  root.hidden = false;
  root.querySelector("[data-form]").hidden = true;
  root.querySelector("[data-status]").textContent = ui.unsupported;
}

// A new version has installed and waits: say so; the reader's click lets it take over.
function offerUpdate(waiting) {
  const box = document.querySelector("[data-offline-update]");
  if (!box || !sw.controller) return;
  const button = box.querySelector("[data-reload]");
  box.dataset.active = "true";
  box.querySelector("[data-update-text]").textContent = ui.updated || box.dataset.text;
  button.hidden = false;
  button.onclick = () => {
    reloading = true;
    button.disabled = true;
    waiting.postMessage({ type: "skip-waiting" });
  };
}

function watch(reg) {
  if (reg.waiting) offerUpdate(reg.waiting);
  reg.addEventListener("updatefound", () => {
    const w = reg.installing;
    if (!w) return;
    w.addEventListener("statechange", () => {
      if (w.state === "installed") offerUpdate(w);
    });
  });
}

// Resolves with the active worker once it is ready.
async function register() {
  const hadController = Boolean(sw.controller);
  sw.addEventListener("message", onMessage);
  sw.addEventListener("controllerchange", () => {
    if (reloading) location.reload();
  });
  sw.startMessages();
  const reg = await sw.register(swUrl.href, { scope: new URL("../../../", import.meta.url).href });
  watch(reg);
  const ready = await sw.ready;
  // The first page was loaded before the worker was in charge: hand it what this page used.
  if (!hadController && ready.active) {
    const urls = [location.href, ...performance.getEntriesByType("resource").map((e) => e.name)]
      .filter((u) => u.startsWith(reg.scope));
    ready.active.postMessage({ type: "visited", urls });
  }
  return ready.active;
}

// Registered after load, once the page is idle, so the worker (and its install) never competes
// with the page itself.
const loaded = new Promise((resolve) => {
  const idle = () => ("requestIdleCallback" in window ? requestIdleCallback(() => resolve(), { timeout: 3000 }) : setTimeout(resolve, 500));
  if (document.readyState === "complete") idle();
  else window.addEventListener("load", idle, { once: true });
});
const registered = sw && "caches" in window ? loaded.then(register) : Promise.reject(new Error("no service worker"));
// The worker answers with its status, which every control shows (by then each is set up).
registered.then((active) => active && active.postMessage({ type: "status" }), () => {});

// Each control: shown and working once the worker is ready, or saying why it cannot be.
start("offline", (root) => {
  if (!roots.length) ui = strings(root);
  roots.push(root);
  return registered.then(() => setUp(root), () => unsupported(root));
});
