// Site-wide behaviour: keep #section when switching language; "copy link" on headings.
(() => {
  // The language switcher links to the twin page; go there with the current #section.
  // Runs in the capture phase so Material's own handler (which drops the hash) never sees it.
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    location.href = link.href.split("#")[0] + location.hash;
  }, true);

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

  const start = () => addCopyLinks(document);
  if (typeof document$ !== "undefined") document$.subscribe(start); else start();
})();
