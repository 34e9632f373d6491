/**
 * A small, non-modal notice in the shadow root ("checking is off"), with a
 * dismiss button; announced as a status and hidden after a while.
 */
import { el } from "./ui-host.js";
import { t } from "./strings.js";

export function showNotice({ root, doc = document, lang, text, timeoutMs = 8000 }) {
  root.querySelector("[data-sotorko-notice]")?.closest(".s-root")?.remove();
  const dismiss = el(doc, "button", { type: "button", class: "s-button", text: t(lang, "contentDismiss") });
  const notice = el(doc, "div", { class: "s-notice", role: "status", "data-sotorko-notice": "", lang }, el(doc, "div", { text }), dismiss);
  const wrap = el(doc, "div", { class: "s-root" }, notice);
  const remove = () => wrap.remove();
  dismiss.addEventListener("click", (event) => {
    if (event.isTrusted) remove();
  });
  root.append(wrap);
  doc.defaultView?.setTimeout(remove, timeoutMs);
  return { remove };
}
