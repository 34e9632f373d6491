import { test } from "node:test";
import assert from "node:assert/strict";
import { matchesLabel, stripAffix, normalizeLabel } from "./label-match.js";
import { COMMENT_LABELS, REPLY_LABELS, SUBMIT_BUTTONS, MESSENGER, IDENTITY_FROM_LABEL } from "./site-adapters.js";
import { isSubmitLabel } from "./post-guard.js";

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
