// The crosswalk: a table that scrolls sideways only where it must. When it fits, the region is no
// tab stop and the hint is hidden; when it does not, the region takes focus (arrow keys scroll it)
// and the hint says so. Without JavaScript both stay, and the hint's words hold at any width.
import { start } from "../common/start.js";

start("crosswalk", (root) => {
  const region = root.querySelector(".ecp-crosswalk"), hint = root.querySelector(".ecp-crosswalk__hint");
  const check = () => {
    const scrolls = region.scrollWidth > region.clientWidth + 1;
    hint.hidden = !scrolls;
    root.toggleAttribute("data-scrolls", scrolls);
    if (scrolls) {
      region.tabIndex = 0;
      region.setAttribute("aria-describedby", hint.id);
    } else {
      region.removeAttribute("tabindex");
      region.removeAttribute("aria-describedby");
    }
  };
  const watch = new ResizeObserver(check);
  watch.observe(region);
  watch.observe(region.querySelector("table"));
  check();
});
