// Offline use on every page: registers the service worker (sw.js at the site root) once the page is
// idle, says when a new version of the site is ready, and loads the "keep this site on this
// device" control (offline-control.js) only when a control comes near the screen.
import { start, strings } from "../common/start.js";

const sw = navigator.serviceWorker;
const swUrl = new URL("../../../sw.js", import.meta.url);
let updated = "";
let reloading = false;

// A new version has installed and waits: say so; the reader's click lets it take over.
function offerUpdate(waiting) {
  const box = document.querySelector("[data-offline-update]");
  if (!box || !sw.controller) return;
  const button = box.querySelector("[data-reload]");
  box.dataset.active = "true";
  box.querySelector("[data-update-text]").textContent = updated || box.dataset.text;
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
registered.catch(() => {});  // a control says so when it loads

// The control is hidden until set up, so what is watched is its place in the page.
function near(root) {
  if (!("IntersectionObserver" in window)) return Promise.resolve();
  return new Promise((resolve) => {
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) { seen.disconnect(); resolve(); }
    }, { rootMargin: "600px 0px" });
    seen.observe(root.parentElement);
  });
}

start("offline", (root) => {
  if (!updated) updated = strings(root).updated || "";
  return near(root)
    .then(() => import("./offline-control.js"))
    .then((control) => registered.then(() => control.setUp(root), () => control.unsupported(root)));
});
