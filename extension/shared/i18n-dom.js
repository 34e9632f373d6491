/**
 * Applies a translator to an extension page: elements with
 * `data-i18n="key"` get the message as text; `data-i18n-attr="attr:key;…"`
 * sets attributes. Text is always set with textContent, never as HTML.
 */

/** Localises every marked element under `root` and sets `lang` on the document. */
export function localizePage(t, root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":").map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
  const doc = root.ownerDocument ?? root;
  if (doc.documentElement) doc.documentElement.lang = t.lang;
}

/** Creates an element with optional attributes and text (text via textContent). */
export function el(tag, { text, className, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}
