/**
 * The one element Sotorko adds to the page: `div[data-sotorko-host]`,
 * appended to <html> (outside every editor, and before <body> exists if
 * need be), holding a CLOSED shadow root for the panel, the hover card, the
 * confirm dialog, notices and overlay underlines. The root is reachable only
 * through the reference kept here (in the content script's isolated world),
 * so the page's own scripts can neither read the findings nor reach the
 * dialog's controls (docs/architecture.md, "Security model"). Only the e2e
 * TEST build (test-hooks.js) opens it. Styles are adopted
 * constructed sheets (no inline <style>, so a strict page CSP does not
 * matter), with a <style> fallback where adoption is not possible.
 */
import { DARK_MODE } from "./site-adapters.js";
import { UI_CSS } from "./ui-styles.js";
import { uiRootMode } from "./test-hooks.js";

/** Document → `{ host, root }`: the closed root is known only to us. */
const hosts = new WeakMap();

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
  const known = hosts.get(doc);
  if (known) {
    // The page may have removed our host: put it back.
    if (!known.host.isConnected) (doc.body ?? doc.documentElement).appendChild(known.host);
    return known;
  }
  const host = doc.createElement("div");
  host.setAttribute("data-sotorko-host", "");
  // The host takes no space and never blocks the page; children are fixed-positioned.
  host.style.cssText =
    "all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483600 !important; display: block !important;";
  const root = host.attachShadow({ mode: uiRootMode() });
  addStyles(root, UI_CSS, doc);
  (doc.body ?? doc.documentElement).appendChild(host);
  const syncTheme = () => host.setAttribute("data-theme", isDarkMode(doc) ? "dark" : "light");
  syncTheme();
  new MutationObserver(syncTheme).observe(doc.documentElement, { attributes: true, attributeFilter: ["class"] });
  doc.defaultView?.matchMedia?.("(prefers-color-scheme: dark)").addEventListener?.("change", syncTheme);
  const made = { host, root };
  hosts.set(doc, made);
  return made;
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
