// A minimal fake DOM for unit tests of text-reader.js (only what it uses).
export function text(data) {
  return { nodeType: 3, nodeName: "#text", data, childNodes: [] };
}
export function elem(name, attrs = {}, ...children) {
  return {
    nodeType: 1,
    nodeName: name.toUpperCase(),
    childNodes: children,
    getAttribute: (k) => (k in attrs ? String(attrs[k]) : null),
  };
}
/** A Lexical paragraph with text spans. */
export function p(...parts) {
  const kids = parts.map((part) => (typeof part === "string" ? elem("span", { "data-lexical-text": "true" }, text(part)) : part));
  return elem("p", {}, ...kids);
}
export const managedBr = () => elem("br", { "data-lexical-managed-linebreak": "true" });
