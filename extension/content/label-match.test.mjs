import { test } from "node:test";
import assert from "node:assert/strict";
import { matchesLabel, stripAffix, normalizeLabel } from "./label-match.js";
import { COMMENT_LABELS, REPLY_LABELS, SUBMIT_BUTTONS, MESSENGER, IDENTITY_FROM_LABEL } from "./site-adapters.js";
import { isSubmitLabel, isHandOffLabel, isIconText } from "./post-guard.js";
import { applySiteAdapterOverrides, controlSelector } from "./adapter-overrides.js";

test("normalizeLabel collapses spaces and drops a trailing ellipsis", () => {
  assert.equal(normalizeLabel("  Write a   comment… "), "write a comment");
  assert.equal(normalizeLabel("Write a comment..."), "write a comment");
});

test("comment and reply labels in English and Bangla", () => {
  for (const l of ["Comment as Nusrat Jahan", "Write a comment…", "মন্তব্য লিখুন…", "নুসরাত জাহান হিসেবে মন্তব্য করুন"]) {
    assert.ok(matchesLabel(l, COMMENT_LABELS), l);
    assert.ok(!matchesLabel(l, REPLY_LABELS), l);
  }
  for (const l of ["Reply to Salma Akter", "Write a reply…", "সালমা আক্তার-কে উত্তর দিন", "উত্তর লিখুন…"]) {
    assert.ok(matchesLabel(l, REPLY_LABELS), l);
  }
  assert.ok(!matchesLabel("What's on your mind, Nusrat?", COMMENT_LABELS));
  assert.ok(!matchesLabel("Comment", COMMENT_LABELS), "the bare action label is not a box label");
});

test("submit buttons: Post / Publish / Share / Schedule in both languages, not target pickers", () => {
  for (const l of ["Post", "পোস্ট", "পোস্ট করুন", "Publish", "প্রকাশ করুন", "Share", "শেয়ার করুন", "Schedule", "Save"]) {
    assert.ok(isSubmitLabel(l), l);
  }
  for (const l of ["Post to Ministry of Example", "Like", "Close", "Re-render composer", "Dark mode"]) {
    assert.ok(!isSubmitLabel(l), l);
  }
  assert.ok(matchesLabel("Post to Ministry of Example", SUBMIT_BUTTONS.notSubmit));
});

test("Messenger placeholder and chat regions", () => {
  assert.ok(matchesLabel("Aa", MESSENGER.placeholders));
  assert.ok(matchesLabel("Chat with Rahim Uddin", MESSENGER.containerLabels));
  assert.ok(!matchesLabel("Comment as Rahim", MESSENGER.placeholders));
});

test("stripAffix reads the identity out of a label", () => {
  assert.equal(stripAffix("Comment as Ministry of Example", IDENTITY_FROM_LABEL), "Ministry of Example");
  assert.equal(stripAffix("মন্ত্রণালয় হিসেবে মন্তব্য করুন", IDENTITY_FROM_LABEL), "মন্ত্রণালয়");
  assert.equal(stripAffix("Write a comment", IDENTITY_FROM_LABEL), null);
});

test("labels are NFC-normalised: য় as U+09DF and as য + nukta match each other, both ways", () => {
  const precomposed = "শে\u09dfার করুন";
  const decomposed = "শে\u09af\u09bcার করুন";
  assert.notEqual(precomposed, decomposed);
  assert.ok(isSubmitLabel(precomposed), "page U+09DF, adapter decomposed");
  assert.ok(isSubmitLabel(decomposed));
  assert.ok(matchesLabel(decomposed, { exact: [precomposed] }), "page decomposed, adapter U+09DF");
  assert.ok(matchesLabel("এখনই শে\u09dfার করুন", SUBMIT_BUTTONS.labels));
  assert.ok(matchesLabel("রাস্তা\u09dc", { suffix: ["\u09a1\u09bc"] }), "ড় in a suffix");
});

test("zero-width characters inside accessible names are ignored (Business Suite)", () => {
  assert.ok(isSubmitLabel("P\u200bu\u200bb\u200bl\u200bi\u200bs\u200bh"));
  assert.ok(isSubmitLabel("\ufeffPost\u200d"));
  assert.equal(normalizeLabel("Com\u200bment as X"), "comment as x");
  assert.equal(stripAffix("Comment as Minis\u200btry X", IDENTITY_FROM_LABEL), "Ministry X");
});

test("Bangla variants as Facebook writes them: কমেন্ট/মন্তব্য, হিসাবে/হিসেবে; sends and openers", () => {
  for (const l of ["একটি কমেন্ট লিখুন…", "কমেন্ট লিখুন", "নুসরাত জাহান হিসাবে মন্তব্য করুন", "নুসরাত জাহান হিসাবে মন্তব্য…", "নুসরাত হিসেবে কমেন্ট করুন", "Answer as Nusrat Jahan"]) {
    assert.ok(matchesLabel(l, COMMENT_LABELS), l);
  }
  for (const l of ["মন্তব্য পোস্ট করুন", "Post comment", "কমেন্ট পোস্ট করুন"]) assert.ok(isSubmitLabel(l), l);
  for (const l of ["Leave a comment", "মন্তব্য করুন", "কমেন্ট করুন", "Not now"]) assert.ok(!isSubmitLabel(l), `${l} opens, it does not send`);
  assert.ok(isHandOffLabel("Next") && isHandOffLabel("পরবর্তী"));
  assert.ok(!isHandOffLabel("Post"));
  assert.ok(matchesLabel("Write to Rahim Uddin", MESSENGER.boxLabels), "Messenger's Write to NAME");
  assert.equal(stripAffix("মন্ত্রণালয় হিসাবে মন্তব্য করুন", IDENTITY_FROM_LABEL), "মন্ত্রণালয়");
});

test("an icon control is one whose text has no letter or digit", () => {
  assert.ok(isIconText("\ue803"));
  assert.ok(isIconText(""));
  assert.ok(isIconText(" ➤ "));
  assert.ok(!isIconText("POST"));
  assert.ok(!isIconText("পোস্ট"));
  assert.ok(!isIconText("1"));
});

test("policy additions extend the adapters, keep the built-ins, and are replaced (not stacked) by a new policy", () => {
  assert.ok(!isSubmitLabel("Publicar"));
  let r = applySiteAdapterOverrides({ sendLabels: { exact: ["Publicar"] }, handOffLabels: { prefix: ["Siguien"] }, controlSelectors: ["[data-x]", "div[[bad"] }, { isValidSelector: (s) => !s.includes("[[") });
  assert.equal(r.changed, true);
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0], /controlSelectors: "div\[\[bad" is not a CSS selector/);
  assert.ok(isSubmitLabel("Publicar"));
  assert.ok(isSubmitLabel("Post"), "built-ins stay");
  assert.ok(isHandOffLabel("Siguiente"));
  assert.match(controlSelector(), /\[data-x\]$/);
  assert.equal(applySiteAdapterOverrides({ sendLabels: { exact: ["Publicar"] }, handOffLabels: { prefix: ["Siguien"] }, controlSelectors: ["[data-x]", "div[[bad"] }, { isValidSelector: (s) => !s.includes("[[") }).changed, false, "same policy: nothing to do");
  r = applySiteAdapterOverrides({ sendLabels: { exact: ["Enviar"] } });
  assert.ok(!isSubmitLabel("Publicar"), "a new policy replaces the old additions");
  assert.ok(isSubmitLabel("Enviar"));
  assert.ok(!controlSelector().includes("[data-x]"));
  applySiteAdapterOverrides({});
  assert.ok(!isSubmitLabel("Enviar"));
  assert.ok(!isHandOffLabel("Siguiente"));
});
