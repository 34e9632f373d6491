import { test } from "node:test";
import assert from "node:assert/strict";
import { readEditor } from "./text-reader.js";
import { elem, text, p, managedBr } from "./fake-dom.test-helper.mjs";

const root = (...blocks) => elem("div", { contenteditable: "true", role: "textbox", "data-lexical-editor": "true" }, ...blocks);

test("blocks are joined with a newline", () => {
  const snap = readEditor(root(p("নৌকা মার্কায়"), p("ভোট দিন")));
  assert.equal(snap.text, "নৌকা মার্কায়\nভোট দিন");
});

test("managed line-break placeholders are not text; empty blocks keep their line", () => {
  const snap = readEditor(root(p("a"), elem("p", {}, managedBr()), p("b")));
  assert.equal(snap.text, "a\n\nb");
});

test("a plain <br> (Shift+Enter) is a newline", () => {
  const snap = readEditor(root(elem("p", {}, elem("span", {}, text("one")), elem("br"), elem("span", {}, text("two")))));
  assert.equal(snap.text, "one\ntwo");
});

test("decorators and their boundary images are skipped", () => {
  const deco = elem("span", { "data-lexical-decorator": "true", contenteditable: "false" }, text("EMBED"));
  const boundary = elem("img", { "data-lexical-decorator-boundary": "true" });
  const snap = readEditor(root(p("x", deco, boundary, "y")));
  assert.equal(snap.text, "xy");
});

test("a list nested in the root adds one line per item, not two", () => {
  const list = elem("ul", {}, elem("li", {}, text("a")), elem("li", {}, text("b")));
  const snap = readEditor(root(p("x"), list));
  assert.equal(snap.text, "x\na\nb");
});

test("UTF-16 offsets map back to the right text node and offset, across spans and blocks", () => {
  const t1 = text("আজ ");
  const t2 = text("নৌকা মার্কায়");
  const t3 = text("ভোট দিন 😀 এখন");
  const r = root(elem("p", {}, elem("span", {}, t1), elem("span", {}, t2)), elem("p", {}, elem("span", {}, t3)));
  const snap = readEditor(r);
  const start = snap.text.indexOf("নৌকা");
  const end = snap.text.indexOf("দিন") + "দিন".length;
  const range = snap.domRange(start, end);
  assert.equal(range.startNode, t2);
  assert.equal(range.startOffset, 0);
  assert.equal(range.endNode, t3);
  assert.equal(range.endOffset, "ভোট দিন".length);
  // After an astral character (two UTF-16 units).
  const s2 = snap.text.indexOf("এখন");
  const r2 = snap.domRange(s2, s2 + 3);
  assert.equal(r2.startNode, t3);
  assert.equal(t3.data.slice(r2.startOffset, r2.endOffset), "এখন");
});

test("a range ending exactly at a block end stays in that block; one starting at a block start begins there", () => {
  const a = text("abc");
  const b = text("def");
  const snap = readEditor(root(p(a), p(b)));
  const r = snap.domRange(0, 3);
  assert.deepEqual([r.startNode, r.startOffset, r.endNode, r.endOffset], [a, 0, a, 3]);
  const r2 = snap.domRange(4, 7);
  assert.deepEqual([r2.startNode, r2.startOffset, r2.endNode, r2.endOffset], [b, 0, b, 3]);
});

test("offsetOf maps a caret back to a text offset; unknown nodes give -1", () => {
  const a = text("abc");
  const b = text("def");
  const snap = readEditor(root(p(a), p(b)));
  assert.equal(snap.offsetOf(b, 2), 6);
  assert.equal(snap.offsetOf(text("zzz"), 0), -1);
});

test("empty editors and empty spans give no text and no range", () => {
  const snap = readEditor(root(elem("p", {}, managedBr())));
  assert.equal(snap.text, "");
  assert.equal(snap.domRange(0, 1), null);
});
