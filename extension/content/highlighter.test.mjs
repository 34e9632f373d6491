import { test } from "node:test";
import assert from "node:assert/strict";
import { Highlighter } from "./highlighter.js";
import { readEditor } from "./text-reader.js";
import { elem, text } from "./fake-dom.test-helper.mjs";

/** A fake element with the few DOM methods the overlay uses. */
function fakeElement(tag) {
  const node = {
    tag,
    attrs: {},
    style: {},
    children: [],
    parent: null,
    setAttribute(k, v) {
      this.attrs[k] = v;
    },
    append(...c) {
      for (const child of c) {
        child.parent = this;
        this.children.push(child);
      }
    },
    remove() {
      if (this.parent) this.parent.children = this.parent.children.filter((x) => x !== this);
    },
    replaceChildren(...c) {
      this.children = [];
      this.append(...c);
    },
  };
  return node;
}

/** A fake document: ranges report one client rect per range, from a layout function. */
function fakeDoc(layout, { elementFromPoint } = {}) {
  const frames = [];
  const listeners = {};
  const doc = {
    createRange() {
      return {
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
    },
    createElement: fakeElement,
    createTextNode: (t) => ({ text: t }),
    addEventListener(type, fn) {
      listeners[type] = fn;
    },
    elementFromPoint,
    defaultView: {
      innerWidth: 1000,
      innerHeight: 800,
      requestAnimationFrame: (fn) => frames.push(fn),
      addEventListener(type, fn) {
        listeners[`window:${type}`] = fn;
      },
      getComputedStyle: () => ({ overflowX: "visible", overflowY: "visible" }),
    },
  };
  const flush = () => frames.splice(0).forEach((fn) => fn());
  return { doc, flush, frames, listeners };
}

const BANGLA = "আজ নৌকা মার্কায় ভোট দিন";

/** One composer with one warn finding over "নৌকা মার্কায় ভোট"; each UTF-16 unit is 10 px wide on a 20 px line at y = 100. */
function setup(options = {}) {
  const t = text(BANGLA);
  const snapshot = readEditor(elem("div", {}, elem("p", {}, elem("span", {}, t))));
  let dy = 0;
  const fake = fakeDoc((r) => ({ left: r.startOffset * 10, right: r.endOffset * 10, width: (r.endOffset - r.startOffset) * 10, top: 100 + dy, bottom: 120 + dy, height: 20 }), options);
  const layer = fakeElement("div");
  layer.ownerDocument = fake.doc;
  const h = new Highlighter({ doc: fake.doc, getOverlayLayer: () => layer });
  const start = snapshot.text.indexOf("নৌকা");
  const end = start + "নৌকা মার্কায় ভোট".length;
  const finding = { rule: "political.symbol-campaign", severity: "warn", start_utf16: start, end_utf16: end };
  const editor = { isConnected: true, parentElement: null, getBoundingClientRect: () => ({ left: 0, right: 900, top: 0, bottom: 500 }), contains: (n) => n === "inside" };
  const composer = { id: 7, el: editor };
  return { ...fake, t, h, layer, snapshot, start, end, finding, editor, composer, move: (by) => (dy = by) };
}

test("one mark per finding in the overlay, one box per rect, placed at the range's rect; hit-testing finds the finding", () => {
  const { h, layer, flush, t, start, end, finding, composer } = setup();
  h.set(composer, readEditor(elem("div", {}, elem("p", {}, elem("span", {}, t)))), [finding]);
  flush();
  assert.equal(h.mode, "overlay");
  assert.equal(layer.children.length, 1);
  const mark = layer.children[0];
  assert.equal(mark.attrs["data-severity"], "warn");
  assert.equal(mark.attrs["data-rule"], undefined, "no rule id, even in the closed root");
  assert.equal(mark.children.length, 1);
  assert.deepEqual(mark.children[0].style, { left: `${start * 10}px`, top: "100px", width: `${(end - start) * 10}px`, height: "20px" });
  const hit = h.findingAtPoint(start * 10 + 15, 110);
  assert.equal(hit?.finding, finding);
  assert.equal(h.findingAtPoint(5, 110), null, "before the span");
  assert.equal(h.findingAtCaret(composer, t, start + 2)?.finding, finding);
  assert.equal(h.findingAtCaret(composer, t, 1), null);
  h.clear(composer);
  flush();
  assert.equal(layer.children.length, 0);
});

test("the boxes follow the text: a scroll redraws them where the range now is, once per frame; no change, no DOM write", () => {
  const { h, layer, flush, frames, listeners, snapshot, finding, composer, move } = setup();
  h.set(composer, snapshot, [finding]);
  flush();
  const line = layer.children[0].children[0];
  move(-30);
  listeners["window:scroll"]();
  listeners["window:scroll"]();
  assert.equal(frames.length, 1, "one redraw per frame");
  flush();
  assert.equal(layer.children[0].children[0], line, "the same box, moved");
  assert.equal(line.style.top, "70px");
  // Nothing moved: the box is not written again.
  line.style.top = "sentinel";
  listeners["window:resize"]();
  flush();
  assert.equal(line.style.top, "sentinel");
  // Input in the composer schedules a redraw; input elsewhere does not.
  listeners.input({ target: "outside" });
  assert.equal(frames.length, 0);
  listeners.input({ target: composer.el });
  assert.equal(frames.length, 1);
});

test("boxes are clipped to the editor's visible area and dropped where the page covers the text", () => {
  let covering = null;
  const { h, layer, flush, snapshot, finding, composer, editor } = setup({ elementFromPoint: () => covering });
  editor.getBoundingClientRect = () => ({ left: 0, right: 900, top: 0, bottom: 110 }); // the line is half scrolled out
  covering = "inside";
  h.set(composer, snapshot, [finding]);
  flush();
  assert.equal(layer.children[0].children[0].style.height, "10px", "clipped at the editor's bottom");
  covering = { hasAttribute: () => false }; // a menu of the page over the text
  h.set(composer, snapshot, [finding]);
  flush();
  assert.equal(layer.children[0].children.length, 0, "covered: not drawn");
  assert.equal(h.findingAtPoint(100, 105), null, "and not hoverable");
  covering = { hasAttribute: (name) => name === "data-sotorko-host" }; // Sotorko's own panel
  h.set(composer, snapshot, [finding]);
  flush();
  assert.equal(layer.children[0].children.length, 1);
});

test("without the test build, a mark carries only its severity (no text, no rule)", () => {
  const { h, layer, flush, snapshot, finding, composer } = setup();
  h.set(composer, snapshot, [finding, { ...finding, severity: "block", rule: "x" }]);
  flush();
  assert.deepEqual(
    layer.children.map((m) => m.attrs),
    [{ class: "s-mark", "data-severity": "warn" }, { class: "s-mark", "data-severity": "block" }],
  );
});

test("nothing is registered in the page's CSS.highlights", () => {
  const registry = new Map();
  const { h, flush, snapshot, finding, composer, doc } = setup();
  doc.defaultView.CSS = { highlights: registry };
  doc.defaultView.Highlight = class extends Set {};
  h.set(composer, snapshot, [finding]);
  flush();
  assert.equal(registry.size, 0);
});
