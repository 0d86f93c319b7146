// Site-wide behaviour: the language link keeps the #section; "copy link" on headings;
// named side-nav toggles.
(() => {
  // The header's language link goes to the twin page; take the current #section along (ids
  // are the same in both languages). Without JavaScript it still lands on the twin page.
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a.ecp-lang__link[hreflang]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    event.stopImmediatePropagation();  // Material's own handler for hreflang links drops the hash
    location.href = link.href.split("#")[0] + location.hash;
  }, true);
  // Keep the link's own href current too, so "copy link address" and middle-click keep the section.
  const syncLangLink = () => document.querySelectorAll("a.ecp-lang__link[hreflang]").forEach((a) => {
    a.href = a.href.split("#")[0] + location.hash;
  });
  window.addEventListener("hashchange", syncLangLink);

  const data = document.getElementById("ecp-site-strings");
  const words = data ? JSON.parse(data.textContent) : {};

  function addCopyLinks(root) {
    root.querySelectorAll(".md-content h2[id], .md-content h3[id]").forEach((h) => {
      if (h.querySelector(".ecp-copy-link")) return;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "ecp-copy-link";
      button.textContent = "#";
      button.setAttribute("aria-label", `${words.copy_link}: ${h.textContent.trim()}`);
      button.title = words.copy_link;
      button.addEventListener("click", async () => {
        const url = location.href.split("#")[0] + "#" + h.id;
        try { await navigator.clipboard.writeText(url); } catch { history.replaceState(null, "", "#" + h.id); }
        button.dataset.copied = "true";
        status.textContent = words.link_copied;
        setTimeout(() => { delete button.dataset.copied; status.textContent = ""; }, 2500);
      });
      h.append(" ", button);
    });
  }

  const status = document.createElement("div");
  status.className = "md-visually-hidden";
  status.setAttribute("role", "status");
  document.body.append(status);

  // Material's section toggles in the side nav are focusable <label>s with only an icon: give
  // them a role, a name (the section's title) and a state, and let Space work as well as Enter.
  // Section labels (navigation.sections) are headings on wide screens but open a panel in the
  // small-screen drawer, where Material leaves them out of the Tab order: put them in it there.
  const drawerMode = window.matchMedia("(max-width: 76.234375em)");
  function nameNavToggles(root) {
    root.querySelectorAll(".md-nav--primary label.md-nav__link[for][tabindex='']").forEach((label) => {
      if (label.dataset.ecpSection !== undefined) return;
      label.dataset.ecpSection = "";
      const update = () => {
        if (drawerMode.matches) {
          label.tabIndex = 0;
          label.setAttribute("role", "button");
        } else {
          label.setAttribute("tabindex", "");
          label.removeAttribute("role");
        }
      };
      update();
      drawerMode.addEventListener("change", update);
    });
    root.querySelectorAll(".md-nav--primary label.md-nav__link[for][tabindex]").forEach((label) => {
      const toggle = document.getElementById(label.htmlFor);
      if (!toggle || label.dataset.ecpToggle !== undefined) return;
      label.dataset.ecpToggle = "";
      if (label.dataset.ecpSection === undefined) label.setAttribute("role", "button");
      if (!label.textContent.trim()) {
        const title = root.querySelector(`nav[aria-labelledby="${label.id}"] > .md-nav__title`);
        if (title) label.setAttribute("aria-label", title.textContent.trim());
      }
      const sync = () => {
        if (label.getAttribute("role") === "button") label.setAttribute("aria-expanded", String(toggle.checked));
        else label.removeAttribute("aria-expanded");
      };
      drawerMode.addEventListener("change", () => setTimeout(sync));
      sync();
      toggle.addEventListener("change", sync);
      label.addEventListener("click", () => setTimeout(sync));
      label.addEventListener("keydown", (event) => {
        if (event.key === " ") { event.preventDefault(); toggle.click(); }
        setTimeout(sync);
      });
    });
  }

  // In the small-screen drawer, the title of an open panel is the way back up a level: make it
  // reachable by keyboard too (it is display:none, so never a Tab stop, on wide screens).
  function focusableNavTitles(root) {
    root.querySelectorAll(".md-nav--primary .md-nav__title[for]:not([for='__drawer'])").forEach((title) => {
      const toggle = document.getElementById(title.htmlFor);
      if (!toggle || title.dataset.ecpToggle !== undefined) return;
      title.dataset.ecpToggle = "";
      title.tabIndex = 0;
      title.setAttribute("role", "button");
      // Material already turns Enter on a focused label into a click; add Space.
      title.addEventListener("keydown", (event) => {
        if (event.key === " ") { event.preventDefault(); toggle.click(); }
      });
      // Going back hides this title: put focus on the first thing in the panel now on show.
      toggle.addEventListener("change", () => {
        if (toggle.checked || document.activeElement !== title) return;
        setTimeout(() => {
          const list = title.closest(".md-nav__item")?.parentElement;
          const next = list && [...list.querySelectorAll("a[href], label[tabindex='0']")]
            .find((el) => el.getClientRects().length && getComputedStyle(el).visibility === "visible");
          if (next) next.focus();
        }, 50);
      });
    });
  }

  const start = () => { syncLangLink(); addCopyLinks(document); nameNavToggles(document); focusableNavTitles(document); };
  if (typeof document$ !== "undefined") document$.subscribe(start); else start();
})();
