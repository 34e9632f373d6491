/**
 * The one element Sotorko adds to the page: `div[data-sotorko-host]`,
 * appended to <html> (outside every editor, and before <body> exists if
 * need be), holding an OPEN shadow root for the panel, the hover card, the
 * confirm dialog, notices and overlay underlines. Styles are adopted
 * constructed sheets (no inline <style>, so a strict page CSP does not
 * matter), with a <style> fallback where adoption is not possible.
 */
import { DARK_MODE } from "./site-adapters.js";
import { UI_CSS } from "./ui-styles.js";

/**
 * Adds `cssText` to a Document or ShadowRoot: an adopted constructed sheet
 * when possible, else a <style>. Returns `{ mode: "adopted", sheet }` or `{ mode: "style", element }`.
 */
export function addStyles(target, cssText, doc = document) {
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet ?? globalThis.CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(cssText);
    const current = Array.from(target.adoptedStyleSheets ?? []);
    current.push(sheet);
    target.adoptedStyleSheets = current;
    if (Array.from(target.adoptedStyleSheets).includes(sheet)) return { mode: "adopted", sheet };
  } catch {
    // fall through
  }
  const style = doc.createElement("style");
  style.textContent = cssText;
  const parent = target.head ?? (target.nodeType === 9 ? target.documentElement : target);
  parent.appendChild(style);
  return { mode: "style", element: style };
}

/** True when the page is in Facebook's dark mode (or, without FB's marker, the OS prefers dark). */
export function isDarkMode(doc = document) {
  const html = doc.documentElement;
  if (html.classList.contains(DARK_MODE.htmlClass)) return true;
  if (html.classList.contains(DARK_MODE.lightClass)) return false;
  return Boolean(doc.defaultView?.matchMedia?.("(prefers-color-scheme: dark)").matches);
}

/** Creates (once) and returns `{ host, root }`. */
export function ensureUiHost(doc = document) {
  let host = doc.querySelector("div[data-sotorko-host]");
  if (host && host.shadowRoot) return { host, root: host.shadowRoot };
  host = doc.createElement("div");
  host.setAttribute("data-sotorko-host", "");
  // The host takes no space and never blocks the page; children are fixed-positioned.
  host.style.cssText =
    "all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483600 !important; display: block !important;";
  const root = host.attachShadow({ mode: "open" });
  addStyles(root, UI_CSS, doc);
  (doc.body ?? doc.documentElement).appendChild(host);
  const syncTheme = () => host.setAttribute("data-theme", isDarkMode(doc) ? "dark" : "light");
  syncTheme();
  new MutationObserver(syncTheme).observe(doc.documentElement, { attributes: true, attributeFilter: ["class"] });
  doc.defaultView?.matchMedia?.("(prefers-color-scheme: dark)").addEventListener?.("change", syncTheme);
  return { host, root };
}

/** Creates an element with attributes and children (text via textContent — never innerHTML). */
export function el(doc, tag, attrs = {}, ...children) {
  const node = doc.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? doc.createTextNode(child) : child);
  }
  return node;
}
