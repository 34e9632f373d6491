import test from "node:test";
import assert from "node:assert/strict";
import { trackTypedValue } from "./confirm-dialog.js";

/** A textarea stand-in that hands its listeners plain event objects (so `isTrusted` can be either). */
function fakeField() {
  const listeners = {};
  const field = {
    value: "",
    selectionStart: 0,
    selectionEnd: 0,
    addEventListener: (type, fn) => (listeners[type] ??= []).push(fn),
    fire(type, props) {
      const event = { type, isTrusted: true, stopPropagation() {}, ...props };
      for (const fn of listeners[type] ?? []) fn(event);
    },
    /** What a browser does for a trusted keystroke: beforeinput, the edit, input. */
    type(text) {
      for (const ch of text) {
        field.fire("beforeinput", { inputType: "insertText", data: ch });
        field.value = field.value.slice(0, field.selectionStart) + ch + field.value.slice(field.selectionEnd);
        field.selectionStart = field.selectionEnd = field.selectionStart + 1;
        field.fire("input", { inputType: "insertText", data: ch });
      }
    },
  };
  return field;
}

test("the official's own typing is taken", () => {
  const field = fakeField();
  const typed = trackTypedValue(field);
  field.type("approved");
  assert.equal(typed.value(), "approved");
  assert.equal(field.value, "approved");
});

test("an edit no trusted beforeinput announced (the page's execCommand) is undone", () => {
  const field = fakeField();
  const typed = trackTypedValue(field);
  field.type("ok ");
  field.value += "forged by page script";
  field.fire("input", { inputType: "insertText", data: "forged by page script" });
  assert.equal(typed.value(), "ok ");
  assert.equal(field.value, "ok ", "the field shows what the official typed");
  field.type("then more");
  assert.equal(typed.value(), "ok then more");
});

test("untrusted events, and an insertion other than the announced one, are undone", () => {
  const field = fakeField();
  const typed = trackTypedValue(field);
  field.fire("beforeinput", { inputType: "insertText", data: "x", isTrusted: false });
  field.value = "x";
  field.fire("input", { inputType: "insertText", data: "x", isTrusted: false });
  assert.equal(typed.value(), "");
  assert.equal(field.value, "");
  // A trusted keystroke "a" whose input carries more than "a" (a page edit nested in it).
  field.fire("beforeinput", { inputType: "insertText", data: "a" });
  field.value = "a forged";
  field.fire("input", { inputType: "insertText", data: "a" });
  assert.equal(typed.value(), "");
  // Deleting with a trusted Backspace is taken.
  field.type("abc");
  field.fire("beforeinput", { inputType: "deleteContentBackward", data: null });
  field.value = "ab";
  field.fire("input", { inputType: "deleteContentBackward", data: null });
  assert.equal(typed.value(), "ab");
});
