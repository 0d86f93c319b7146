// Start a component on every root that asks for it: <div data-module="<name>">.
//
//   start("grid-exercise", (root) => { ... });
//
// Each root starts once (data-started marks it), with its own error handling: one broken root
// logs and never stops the others. When init has finished (or the promise it returns has
// settled well) the root gets data-ready, which CSS and tests can wait for. On Material's pages
// this runs again on each document$ event, for roots that arrived since.

/** A component's UI strings: the JSON in its root's data-strings attribute ({} when absent). */
export function strings(root) {
  return JSON.parse(root.dataset.strings || "{}");
}

/** Start `init` on every root of `name` in `scope` not yet started. Returns the roots started. */
export function startAll(name, init, scope = globalThis.document) {
  const roots = [...scope.querySelectorAll(`[data-module="${name}"]`)].filter((root) => !root.dataset.started);
  for (const root of roots) {
    root.dataset.started = "true";
    const failed = (error) => console.error(`${name}: could not start`, root, error);
    try {
      const done = init(root);
      if (done && typeof done.then === "function") done.then(() => { root.dataset.ready = "true"; }, failed);
      else root.dataset.ready = "true";
    } catch (error) {
      failed(error);
    }
  }
  return roots;
}

const sheets = new Map();

/** Load a stylesheet once; resolves when it has loaded or failed (the content shows either way). */
export function stylesheet(href) {
  if (!sheets.has(href)) {
    sheets.set(href, new Promise((resolve) => {
      const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
      link.onload = link.onerror = () => resolve();
      document.head.append(link);
    }));
  }
  return sheets.get(href);
}

export function start(name, init) {
  const run = () => startAll(name, init);
  // Material's page events (a global of its bundle); plain pages run once.
  // eslint-disable-next-line no-undef
  if (typeof document$ !== "undefined") document$.subscribe(run); else run();
}
