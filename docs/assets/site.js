// Site-wide behaviour: keep #section when switching language; "copy link" beside headings;
// named side-nav toggles; a closed drawer that cannot take focus.
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

  const NO_COPY_LINK = "[hidden], .ecp-worried, .ecp-card, .ecp-cards, .ecp-start, .ecp-piece, .ecp-case, .ecp-doc, .ecp-walk__board, .ecp-self-study__steps";
  const LINK_ICON = '<svg class="ecp-copy-link__icon" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" focusable="false">'
    + '<path class="ecp-copy-link__chain" fill="currentColor" d="M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54a5.003 5.003 0 0 1 7.07 0 5.003 5.003 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a2.98 2.98 0 0 0 0-4.24 2.98 2.98 0 0 0-4.24 0l-3.53 3.53a2.98 2.98 0 0 0 0 4.24m2.82-4.24c.39-.39 1.03-.39 1.42 0a5.003 5.003 0 0 1 0 7.07l-3.54 3.54a5.003 5.003 0 0 1-7.07 0 5.003 5.003 0 0 1 0-7.07l1.49-1.49c-.01.82.12 1.64.4 2.43l-.47.47a2.98 2.98 0 0 0 0 4.24 2.98 2.98 0 0 0 4.24 0l3.53-3.53a2.98 2.98 0 0 0 0-4.24.973.973 0 0 1 0-1.42"/>'
    + '<path class="ecp-copy-link__tick" fill="currentColor" d="M21 7 9 19l-5.5-5.5 1.41-1.41L9 16.17 19.59 5.59z"/></svg>';
  // "Copy link" sits beside the heading, not inside it, so the heading's name is its text alone.
  // A quiet link icon, shown on hover and focus (site.css); its words are for screen readers only,
  // so hovering never changes its size or moves it. When the browser will not copy,
  // say so and show the link in a box to copy by hand.
  function addCopyLinks(root) {
    // Never on cards (the self-study steps are cards), documents, flip charts or the notice: their
    // headings are not sections to share.
    const headings = [...root.querySelectorAll(".md-content h2[id], .md-content h3[id]")]
      .filter((h) => !h.parentElement.classList.contains("ecp-h") && !h.closest(NO_COPY_LINK));
    // The wrapper takes the heading's margins, so they still collapse with the text around it
    // and nothing on the page moves when the links arrive. Read before any heading is wrapped.
    const margins = headings.map((h) => { const cs = getComputedStyle(h); return [cs.marginTop, cs.marginBottom]; });
    headings.forEach((h, i) => {
      const title = h.textContent.trim();
      const wrap = document.createElement("div");
      wrap.className = `ecp-h ecp-h--${h.tagName.toLowerCase()}`;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "ecp-copy-link";
      const mark = document.createElement("span");
      mark.setAttribute("aria-hidden", "true");
      mark.className = "ecp-copy-link__mark";
      mark.innerHTML = LINK_ICON;  // a fixed icon from this file, never page text
      const label = document.createElement("span");
      label.className = "ecp-copy-link__label";
      label.textContent = words.copy_link;
      button.append(mark, label);
      // The name starts with the words shown on focus, then says which section.
      button.setAttribute("aria-label", `${words.copy_link}: ${title}`);
      h.replaceWith(wrap);
      wrap.append(h, button);
      [wrap.style.marginTop, wrap.style.marginBottom] = margins[i];
      h.style.margin = "0";
      button.addEventListener("click", async () => {
        const url = location.href.split("#")[0] + "#" + h.id;
        let copied = false;
        try {
          if (!navigator.clipboard || !window.isSecureContext) throw new Error("no clipboard");
          await navigator.clipboard.writeText(url);
          copied = true;
        } catch {
          copied = copyBySelection(url);
        }
        wrap.querySelector(".ecp-copy-fallback")?.remove();
        if (copied) {
          button.dataset.copied = "true";
          say(words.link_copied);
          setTimeout(() => { delete button.dataset.copied; }, 2500);
          return;
        }
        delete button.dataset.copied;
        const box = document.createElement("p");
        box.className = "ecp-copy-fallback";
        const id = `ecp-copy-${h.id}`;
        const boxLabel = document.createElement("label");
        boxLabel.htmlFor = id;
        boxLabel.textContent = words.copy_failed;
        const input = document.createElement("input");
        Object.assign(input, { id, type: "text", readOnly: true, value: url });
        input.addEventListener("focus", () => input.select());
        box.append(boxLabel, " ", input);
        wrap.append(box);
        say(words.copy_failed);
        input.focus();
      });
    });
  }

  // Browsers without the asynchronous clipboard (or an address that is not https) still copy a
  // selection: put the link in an off-screen box, select it, copy, put focus back.
  function copyBySelection(text) {
    const back = document.activeElement;
    const box = document.createElement("textarea");
    box.value = text;
    box.setAttribute("readonly", "");
    box.className = "md-visually-hidden";
    document.body.append(box);
    box.select();
    let ok = false;
    try { ok = document.execCommand("copy"); } catch { ok = false; }
    box.remove();
    back?.focus?.({ preventScroll: true });
    return ok;
  }

  // Printed pages carry a running header and footer (site.css @page boxes): the page's title; the
  // family and "fictional example" on a case study's pages (on the workbook, the workbook's own
  // name, from [data-print-family]); "Page x of y"; the date printed. CSS reads them from custom
  // properties set here through the CSSOM, which the CSP allows. Without JavaScript only the page
  // numbers print.
  const cssString = (text) => `"${String(text).replace(/[\\"]/g, "\\$&").replace(/\s+/g, " ")}"`;
  function printFrame() {
    const data = document.getElementById("ecp-print");
    const info = data ? JSON.parse(data.textContent) : {};
    const h1 = document.querySelector(".md-content h1");
    const title = (h1 ? h1.textContent : document.title).replace(/\s+/g, " ").trim();
    const own = document.querySelector("[data-print-family]")?.dataset.printFamily?.trim();
    const right = own || (info.family ? `${info.family} · ${words.print_fictional}` : info.site || "");
    const d = new Date();
    const months = String(words.months || "").split(" ");
    const day = months.length === 12 ? `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()}` : d.toISOString().slice(0, 10);
    const [before = "", between = " / ", after = ""] = String(words.print_pages || "{page} / {pages}").split(/\{pages?\}/);
    const set = (name, text) => document.documentElement.style.setProperty(`--ecp-print-${name}`, cssString(text));
    set("title", title);
    set("family", right);
    set("date", String(words.print_date || "{date}").replace("{date}", day));
    set("before", before);
    set("between", between);
    set("after", after);
  }
  window.addEventListener("beforeprint", printFrame);

  const status = document.createElement("div");
  status.className = "md-visually-hidden";
  status.setAttribute("role", "status");
  document.body.append(status);
  let quiet;
  function say(text) {
    status.textContent = text;
    clearTimeout(quiet);
    quiet = setTimeout(() => { status.textContent = ""; }, 4000);
  }

  // Material's toggles are <label for="checkbox">s: a click on one opens or closes its part
  // without JavaScript. ARIA in HTML lets a label take no role (and so no name of its own), so the
  // button a keyboard and a screen reader use is a span inside the label that holds what the label
  // held. A click on it is a click on the label; Enter and Space click the label too.
  function innerButton(label) {
    let button = label.querySelector(":scope > .ecp-toggle");  // the template may have put it there
    if (button?.dataset.keys !== undefined) return button;
    if (!button) {
      button = document.createElement("span");
      button.className = "ecp-toggle";
      button.append(...label.childNodes);
      label.append(button);
    }
    label.removeAttribute("tabindex");
    button.dataset.keys = "";
    button.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      label.click();
    });
    return button;
  }

  // The side nav's section toggles: a button with a name (the section's title) and a state.
  // Section labels (navigation.sections) are headings on wide screens but open a panel in the
  // small-screen drawer, where Material leaves them out of the Tab order: a button there only.
  const drawerMode = window.matchMedia("(max-width: 76.234375em)");
  function nameNavToggles(root) {
    root.querySelectorAll(".md-nav--primary label.md-nav__link[for]:is([tabindex], [data-section])").forEach((label) => {
      const toggle = document.getElementById(label.htmlFor);
      if (!toggle || label.dataset.ecpToggle !== undefined) return;
      label.dataset.ecpToggle = "";
      const section = label.hasAttribute("data-section");
      const group = root.querySelector(`[aria-labelledby="${label.id}"]`);
      const name = label.textContent.trim() ? "" : group?.querySelector(":scope > .md-nav__title")?.textContent.trim();
      const button = innerButton(label);
      const sync = () => {
        if (!section || drawerMode.matches) {
          button.setAttribute("role", "button");
          button.tabIndex = 0;
          if (name) button.setAttribute("aria-label", name);
          button.setAttribute("aria-expanded", String(toggle.checked));
        } else {
          for (const attr of ["role", "tabindex", "aria-label", "aria-expanded"]) button.removeAttribute(attr);
        }
        group?.setAttribute("aria-expanded", String(toggle.checked));
      };
      sync();
      drawerMode.addEventListener("change", () => setTimeout(sync));
      toggle.addEventListener("change", sync);
      label.addEventListener("click", () => setTimeout(sync));
    });
  }

  // In the small-screen drawer, the title of an open panel is the way back up a level: make it
  // reachable by keyboard too (it is display:none, so never a Tab stop, on wide screens).
  function focusableNavTitles(root) {
    root.querySelectorAll(".md-nav--primary .md-nav__title[for]:not([for='__drawer'])").forEach((title) => {
      const toggle = document.getElementById(title.htmlFor);
      if (!toggle || title.dataset.ecpToggle !== undefined) return;
      title.dataset.ecpToggle = "";
      const button = innerButton(title);
      button.tabIndex = 0;
      button.setAttribute("role", "button");
      // Going back hides this title: put focus on the first thing in the panel now on show.
      toggle.addEventListener("change", () => {
        if (toggle.checked || document.activeElement !== button) return;
        setTimeout(() => {
          const list = title.closest(".md-nav__item")?.parentElement;
          const next = list && [...list.querySelectorAll("a[href], [role='button'][tabindex='0']")]
            .find((el) => el.getClientRects().length && getComputedStyle(el).visibility === "visible");
          if (next) next.focus();
        }, 50);
      });
    });
  }

  // The closed drawer (1220px and narrower) is off-screen: keep it out of the Tab order and away
  // from screen readers. Material opens and closes it by clicking its checkbox, so "change" fires.
  function inertDrawer() {
    const drawer = document.getElementById("__drawer");
    const sidebar = document.querySelector(".md-sidebar--primary");
    if (!drawer || !sidebar || drawer.dataset.ecpInert !== undefined) return;
    drawer.dataset.ecpInert = "";
    const sync = () => { sidebar.inert = drawerMode.matches && !drawer.checked; };
    drawer.addEventListener("change", sync);
    drawerMode.addEventListener("change", sync);
    sync();
  }

  // The header's menu button opens the drawer below 1220px: a named button with its state, in the
  // Tab order only while the drawer can be opened (on wide screens the nav is always shown).
  function menuButton() {
    const drawer = document.getElementById("__drawer");
    const label = document.querySelector(".ecp-header__menu[for='__drawer']");
    if (!drawer || !label || label.dataset.ecpToggle !== undefined) return;
    label.dataset.ecpToggle = "";
    const button = innerButton(label);
    const sync = () => {
      if (drawerMode.matches) {
        button.setAttribute("role", "button");
        button.tabIndex = 0;
        button.setAttribute("aria-label", button.dataset.name);
        button.setAttribute("aria-expanded", String(drawer.checked));
      } else {
        for (const attr of ["role", "tabindex", "aria-label", "aria-expanded"]) button.removeAttribute(attr);
      }
    };
    // Escape closes the open drawer and gives focus back to the button.
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || !drawer.checked || !drawerMode.matches) return;
      label.click();
      button.focus();
    });
    drawer.addEventListener("change", sync);
    // Opened from the keyboard: focus goes to the drawer's first item, as into a dialog.
    drawer.addEventListener("change", () => {
      if (!drawer.checked || document.activeElement !== button) return;
      setTimeout(() => {
        const first = [...document.querySelectorAll(".md-sidebar--primary :is(a[href], [role='button'][tabindex='0'])")]
          .find((el) => el.getClientRects().length && getComputedStyle(el).visibility === "visible");
        if (first) first.focus();
      }, 50);
    });
    drawerMode.addEventListener("change", sync);
    sync();
  }

  const start = () => {
    syncLangLink(); printFrame(); addCopyLinks(document); nameNavToggles(document); focusableNavTitles(document); inertDrawer(); menuButton();
  };
  if (typeof document$ !== "undefined") document$.subscribe(start); else start();
})();
