/**
 * The one element Sotorko adds to the page: `div[data-sotorko-host]`,
 * appended to <html> (outside every editor, and before <body> exists if
 * need be), holding a CLOSED shadow root for the panel, the hover card, the
 * confirm dialog, notices and overlay underlines. The root is reachable only
 * through the reference kept here (in the content script's isolated world),
 * so the page's own scripts can neither read the findings nor reach the
 * dialog's controls (docs/architecture.md, "Security model"). Only the e2e
 * TEST build (test-hooks.js) opens it. What the official types into that UI
 * stays there too (installUiEventShield). Styles are adopted
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

/**
 * Events of typing that the page must not see when they happen in Sotorko's
 * UI (the override reason, keys in the panel and the dialog). They are
 * composed, so without the shield they would reach the page's listeners on
 * window and document, retargeted to the host, in the capture phase and in
 * the bubble phase (`textInput`: Chromium's older form of `beforeinput`).
 */
export const SHIELDED_EVENTS = Object.freeze([
  "keydown",
  "keyup",
  "keypress",
  "beforeinput",
  "input",
  "textInput",
  "compositionstart",
  "compositionupdate",
  "compositionend",
  "paste",
  "cut",
  "copy",
]);

/** node → Map(type → handlers): Sotorko's own listeners inside the shadow root. */
const uiListeners = new WeakMap();

/**
 * Listens for a SHIELDED_EVENTS `type` on `node`, an element of Sotorko's
 * shadow root: `handler(event, target)`, where `target` is the element
 * inside the root the event is for (`event.target` is only the host there).
 * With the shield installed the shield calls it (the event never reaches
 * the node itself, see installUiEventShield); without it (unit tests), a plain listener does.
 */
export function onUiEvent(node, type, handler) {
  let byType = uiListeners.get(node);
  if (!byType) uiListeners.set(node, (byType = new Map()));
  if (!byType.has(type)) byType.set(type, []);
  byType.get(type).push(handler);
  node.addEventListener(type, (event) => handler(event, event.target));
}

/**
 * Keeps what the official types into Sotorko's UI from the page: a listener
 * on `win` for each SHIELDED_EVENTS type, in the capture phase, added at
 * document_start (so before any of the page's own: listeners on the same
 * target run in the order they were added). For an event whose target is
 * Sotorko's host (the retargeted form of anything inside the closed root),
 * it calls Sotorko's own listeners (`onUiEvent`) on the path from the root's
 * focused element up to the root, then stops the event: no listener of the
 * page, on window, document or any element, in either phase, sees it. Only
 * propagation stops: the browser's own default actions (the text typed, the
 * IME's composition, Tab moving focus, Enter pressing a button) still happen.
 */
export function installUiEventShield(win = globalThis, doc = document) {
  const deliver = (event) => {
    const ui = hosts.get(doc);
    if (!ui || event.target !== ui.host) return;
    try {
      for (let node = ui.root.activeElement ?? null; node && node !== ui.root; node = node.parentNode) {
        const handlers = uiListeners.get(node)?.get(event.type);
        for (const handler of handlers ?? []) handler(event, ui.root.activeElement);
        if (event.cancelBubble) break;
      }
    } finally {
      event.stopImmediatePropagation();
    }
  };
  for (const type of SHIELDED_EVENTS) win.addEventListener(type, deliver, true);
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
