// Form messages in the page's language. A browser writes its own validation bubbles ("Please fill
// out this field.") in the browser's language, so a Welsh page would show English. A control
// that carries `data-msg-missing` (required and empty) or `data-msg-invalid` (any other bad value)
// gets that message instead, set with setCustomValidity when the browser checks the form, and
// cleared as soon as the reader changes the value. The messages come from strings.yml (form.*).
export function formMessages(root) {
  root.addEventListener("invalid", (event) => {
    const el = event.target;
    if (!el.dataset || !(el.dataset.msgMissing || el.dataset.msgInvalid)) return;
    el.setCustomValidity("");
    const v = el.validity;
    if (v.valid) return;
    el.setCustomValidity((v.valueMissing ? el.dataset.msgMissing : el.dataset.msgInvalid) || el.dataset.msgMissing || "");
  }, true);
  const clear = (event) => { if (event.target.setCustomValidity) event.target.setCustomValidity(""); };
  root.addEventListener("input", clear, true);
  root.addEventListener("change", clear, true);
}
