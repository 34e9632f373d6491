import { test } from "node:test";
import assert from "node:assert/strict";
import { Highlighter, highlightName } from "./highlighter.js";
import { readEditor } from "./text-reader.js";
import { elem, text, p } from "./fake-dom.test-helper.mjs";

/** A fake document: ranges report one client rect per range, from a layout function. */
function fakeDoc(layout) {
  const created = [];
  const doc = {
    createRange() {
      const range = {
        setStart(node, offset) {
          this.startContainer = node;
          this.startOffset = offset;
        },
        setEnd(node, offset) {
          this.endContainer = node;
          this.endOffset = offset;
        },
        getClientRects() {
          return [layout(this)];
        },
        getBoundingClientRect() {
          return layout(this);
        },
      };
      return range;
    },
    createElement(tag) {
      const node = { tag, attrs: {}, style: {}, children: [], setAttribute(k, v) { this.attrs[k] = v; }, append(...c) { this.children.push(...c); } };
      created.push(node);
      return node;
    },
    createTextNode: (t) => ({ text: t }),
    defaultView: { requestAnimationFrame: (fn) => frames.push(fn), addEventListener() {} },
  };
  const frames = [];
  const flush = () => frames.splice(0).forEach((fn) => fn());
  return { doc, created, flush };
}

test("overlay mode: one underline box per finding rect, coloured by severity; hit-testing finds the finding", () => {
  const t = text("আজ নৌকা মার্কায় ভোট দিন");
  const root = elem("div", {}, elem("p", {}, elem("span", {}, t)));
  const snapshot = readEditor(root);
  // Each UTF-16 unit is 10 px wide on one 20 px line.
  const { doc, flush } = fakeDoc((r) => ({ left: r.startOffset * 10, right: r.endOffset * 10, width: (r.endOffset - r.startOffset) * 10, top: 100, bottom: 120, height: 20 }));
  const layer = { ownerDocument: doc, boxes: [], replaceChildren(...b) { this.boxes = b; } };
  const h = new Highlighter({ doc, getOverlayLayer: () => layer, useHighlightApi: false });
  const start = snapshot.text.indexOf("নৌকা");
  const end = start + "নৌকা মার্কায় ভোট".length;
  const finding = { rule: "political.symbol-campaign", severity: "warn", start_utf16: start, end_utf16: end };
  const editor = { isConnected: true, getBoundingClientRect: () => ({ top: 0, bottom: 500 }) };
  const composer = { id: 7, el: editor };
  h.set(composer, snapshot, [finding]);
  flush();
  assert.equal(h.mode, "overlay");
  assert.equal(layer.boxes.length, 1);
  assert.equal(layer.boxes[0].attrs["data-severity"], "warn");
  assert.deepEqual(layer.boxes[0].style, { left: `${start * 10}px`, top: "100px", width: `${(end - start) * 10}px`, height: "20px" });
  const hit = h.findingAtPoint(start * 10 + 15, 110);
  assert.equal(hit?.finding, finding);
  assert.equal(h.findingAtPoint(5, 110), null, "before the span");
  assert.equal(h.findingAtCaret(composer, t, start + 2)?.finding, finding);
  assert.equal(h.findingAtCaret(composer, t, 1), null);
  h.clear(composer);
  flush();
  assert.equal(layer.boxes.length, 0);
});

test("highlight names per severity", () => {
  assert.deepEqual(["block", "warn", "advise"].map(highlightName), ["sotorko-block", "sotorko-warn", "sotorko-advise"]);
});

test("highlight mode registers one Highlight per severity and fills it with the findings' ranges", () => {
  const registry = new Map();
  class FakeHighlight extends Set {}
  const t = text("abc def");
  const snapshot = readEditor(elem("div", {}, p(t)));
  const { doc } = fakeDoc(() => ({ left: 0, right: 0, width: 0, top: 0, bottom: 0, height: 0 }));
  doc.defaultView.Highlight = FakeHighlight;
  doc.defaultView.CSS = { highlights: registry };
  doc.adoptedStyleSheets = [];
  doc.defaultView.CSSStyleSheet = class {
    replaceSync(css) {
      this.css = css;
    }
  };
  const h = new Highlighter({ doc, getOverlayLayer: () => null, useHighlightApi: true });
  h.set({ id: 1, el: {} }, snapshot, [
    { rule: "a", severity: "block", start_utf16: 0, end_utf16: 3 },
    { rule: "b", severity: "advise", start_utf16: 4, end_utf16: 7 },
  ]);
  assert.deepEqual([...registry.keys()].sort(), ["sotorko-advise", "sotorko-block", "sotorko-warn"]);
  assert.equal(registry.get("sotorko-block").size, 1);
  assert.equal(registry.get("sotorko-warn").size, 0);
  assert.equal(registry.get("sotorko-advise").size, 1);
  assert.match(doc.adoptedStyleSheets[0].css, /::highlight\(sotorko-block\)/);
  // The page replaced its adopted sheets: ours comes back on the next render.
  doc.adoptedStyleSheets = [];
  h.set({ id: 1, el: {} }, snapshot, []);
  assert.equal(doc.adoptedStyleSheets.length, 1);
  assert.equal(registry.get("sotorko-block").size, 0);
});

test("highlight mode: a textarea's findings (overlay boxes only) still schedule an overlay draw", () => {
  const { doc } = fakeDoc(() => ({}));
  let scheduled = 0;
  doc.defaultView.requestAnimationFrame = () => ++scheduled;
  const h = new Highlighter({ doc, getOverlayLayer: () => null, useHighlightApi: true });
  const textarea = { nodeName: "TEXTAREA", isConnected: true };
  h.set({ id: 3, el: textarea }, { text: "নৌকা" }, [{ rule: "r", severity: "warn", start_utf16: 0, end_utf16: 4 }]);
  assert.equal(h.mode, "highlight-api");
  assert.equal(scheduled, 1, "the overlay is redrawn for the textarea");
  assert.equal(h.highlights, null, "no Highlight objects for textarea-only findings");
});
