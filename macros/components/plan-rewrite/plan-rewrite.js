// Plan rewrites: the gallery's theme filter (native radio buttons; all shown without JS),
// and "Print this rewrite", which prints one rewrite as a one-page handout.
// The filter is kept in the address (?theme=alcohol) so a mentor can send a filtered link.
import { fill } from "../common/fill.js";
import { start, strings } from "../common/start.js";

function initGallery(root) {
  const words = strings(root);
  const fieldset = root.querySelector("[data-filter]");
  const status = root.querySelector("[data-status]");
  const items = [...root.querySelectorAll(".ecp-gallery__item")];
  const radios = [...fieldset.querySelectorAll('input[type="radio"]')];

  function apply(theme, announce) {
    let shown = 0;
    for (const item of items) {
      const show = !theme || item.dataset.theme === theme;
      item.hidden = !show;
      if (show) shown += 1;
    }
    // welsh.js words the count, loaded only once there is a filter to announce.
    if (announce) import("../common/welsh.js").then(({ count }) => {
      status.textContent = fill(words.showing, { shown, rewrites: count(items.length, "rewrite") });
    });
  }
  fieldset.addEventListener("change", (event) => {
    const theme = event.target.value;
    apply(theme, true);
    const url = new URL(location.href);
    if (theme) url.searchParams.set("theme", theme); else url.searchParams.delete("theme");
    history.replaceState(null, "", url);
  });
  const wanted = new URL(location.href).searchParams.get("theme") || "";
  const chosen = radios.find((r) => r.value === wanted);
  // A link to one rewrite (#sid--id) always shows it, whatever the filter.
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (chosen && wanted && !(target && root.contains(target) && target.closest(".ecp-gallery__item").dataset.theme !== wanted)) {
    chosen.checked = true;
    apply(wanted, true);
  }
  fieldset.hidden = false;
}

function printOne(button) {
  const target = button.closest(".ecp-rewrite");
  const marked = [];
  target.classList.add("ecp-print-target");
  for (let node = target.parentElement; node && !node.classList.contains("md-content__inner"); node = node.parentElement) {
    node.classList.add("ecp-print-path");
    marked.push(node);
  }
  document.body.dataset.ecpPrintOne = "true";
  const done = () => {
    delete document.body.dataset.ecpPrintOne;
    target.classList.remove("ecp-print-target");
    marked.forEach((n) => n.classList.remove("ecp-print-path"));
    window.removeEventListener("afterprint", done);
  };
  window.addEventListener("afterprint", done);
  window.print();
}

// Each rewrite's print button.
function initRewrite(root) {
  root.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => printOne(button));
  });
}

start("plan-rewrite-gallery", initGallery);
start("plan-rewrite", initRewrite);
