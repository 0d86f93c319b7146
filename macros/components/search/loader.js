// Search loader, on every page: puts the search box (overrides/partials/search.html) in the
// header and loads search.js, the index and Pagefind only when the reader opens search: focus or
// click on the box, the header button, or the keys / s f (as Material). Nothing else until then.
const template = document.getElementById("ecp-search");
const header = document.querySelector(".md-header__inner");
const toggle = document.getElementById("__search");

if (template && header && toggle && !document.querySelector('[data-module="search"]')) {
  header.insertBefore(template.content.cloneNode(true), header.querySelector(".md-header__source"));
  const root = header.querySelector('[data-module="search"]');
  const input = root.querySelector(".md-search__input");
  const button = header.querySelector("[data-search-open]");
  // On small screens the closed search panel sits off-screen: keep it out of the Tab order.
  const inner = root.querySelector(".md-search__inner");
  const small = window.matchMedia("(max-width: 59.984375em)");
  // Material's close label (the back arrow on phones) is a button only while search is open; closed,
  // it is a picture of a magnifier beside the box and stays out of the accessibility tree.
  const closer = root.querySelector("[data-search-close]");
  const sync = () => {
    inner.inert = small.matches && !toggle.checked;
    closer?.setAttribute("aria-hidden", String(!toggle.checked));
  };
  let started = null;
  let quiet = false; // focus given back to the box on Escape does not reopen it

  const start = () => {
    started ||= import("./search.js").then((m) => m.start(root));
    return started;
  };
  const open = () => {
    if (!toggle.checked) toggle.checked = true;
    sync();
    if (document.activeElement !== input) input.focus();
    start();
  };
  const close = () => {
    toggle.checked = false;
    input.blur();
    sync();
  };
  sync();
  small.addEventListener("change", sync);

  input.addEventListener("focus", () => quiet || open());
  input.addEventListener("input", open);
  toggle.addEventListener("change", () => (toggle.checked ? open() : close()));
  button.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); }
  });
  // Focus that moves on past search (Tab) closes it, so its overlay never hides the part of the
  // page the reader has moved to (WCAG 2.4.11). The query stays for when they come back.
  root.addEventListener("focusout", (e) => {
    const next = e.relatedTarget;
    if (toggle.checked && next && !root.contains(next) && next !== button) close();
  });
  root.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    e.preventDefault();
    close();
    quiet = true;
    (button.offsetParent ? button : input).focus();
    quiet = false;
  });
  document.addEventListener("keydown", (e) => {
    if (toggle.checked || e.metaKey || e.ctrlKey || e.altKey) return;
    const t = e.target;
    if (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    if (e.key === "/" || e.key === "s" || e.key === "f") { e.preventDefault(); open(); }
  });
}
